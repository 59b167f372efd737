"""The passage index: storage on disk (:mod:`.storage`, its layout in one table), building
(:mod:`.build`; unchanged documents' analyses read back by :mod:`.cache`), the scorer behind a
small interface (:mod:`.scorer`), checksums (:mod:`.integrity`), upkeep (:mod:`.upkeep`: build
lock, leftovers, last good folder) and :func:`~.ensure.ensure_index`, which loads, rebuilds or
falls back.

    from qa_bot.index import build_index, load_index
    index = load_index(Path("index"))
    index.scorer.scores(["dịch_vụ", "công"])      # a score for every passage
    index.hit(i, score)                            # passage i with its document, text, sentences
"""

from .build import Analysis, analyze, build_index, build_models, is_fresh, signature
from .ensure import Opened, ensure_index
from .scorer import BM25Scorer, Scorer, top
from .storage import MANIFEST, Index, load_index, read_manifest

__all__ = ["MANIFEST", "Analysis", "BM25Scorer", "Index", "Opened", "Scorer", "analyze", "build_index",
           "build_models", "ensure_index", "is_fresh", "load_index", "read_manifest", "signature", "top"]
