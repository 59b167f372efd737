"""All tunable settings of qa-bot, in one place.

Paths come from arguments, then the environment (``QA_BOT_DOCUMENTS``, ``QA_BOT_INDEX``), then the
defaults ``./documents`` and ``./index``. Every other number here was chosen by measurement; the
README says how.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

#: Bumped whenever the on-disk index layout changes; a different value forces a rebuild.
INDEX_FORMAT_VERSION = 1
#: Bumped whenever tokenization changes (normalisation, extra tokens); forces a re-tokenization.
TOKENIZER_VERSION = 5


@dataclass(frozen=True)
class Settings:
    """Runtime configuration. Build with :meth:`Settings.from_env` and override with ``replace``."""

    documents_dir: Path = Path("documents")
    index_dir: Path = Path("index")
    top_k: int = 5
    max_top_k: int = 50
    max_question_chars: int = 2000
    # BM25 (Lucene variant, as bm25s implements it).
    k1: float = 1.2
    b: float = 0.75
    bm25_method: str = "lucene"
    # Query weights: syllables of compound words count for half of the question's own words
    # (nDCG@10 +0.005..+0.008 on the three public sets); curated synonyms are used as answer
    # evidence, where they help, and weigh 0 in ranking, where they measured neutral.
    syllable_weight: float = 0.5
    synonym_weight: float = 0.0
    # A year named in the question multiplies the scores of that year's documents.
    year_hint_boost: float = 1.3
    # Segment questions by longest match against the index vocabulary instead of underthesea:
    # `qa-bot ask` starts in ~0.4 s instead of ~1.1 s; nDCG@10 moves by -0.01..+0.005 (README).
    fast_query_segmentation: bool = True
    # Passages: sentences are packed up to this many characters, never cut.
    passage_chars: int = 600
    # Answers: how many top passages feed sentence selection, how many sentences at most.
    answer_passages: int = 3
    answer_sentences: int = 2
    # Evidence threshold for ``found`` (idf-weighted share of the question's content words that the
    # best passage holds); calibrated on tests/data/questions.jsonl, see README.
    found_threshold: float = 0.45
    # Index build: worker processes for tokenization (0 = all cores).
    workers: int = 0

    @classmethod
    def from_env(
        cls, documents: str | Path | None = None, index: str | Path | None = None, **overrides
    ) -> Settings:
        """Settings from explicit values, else ``QA_BOT_*`` environment variables, else defaults."""
        docs = documents or os.environ.get("QA_BOT_DOCUMENTS") or cls.documents_dir
        idx = index or os.environ.get("QA_BOT_INDEX") or cls.index_dir
        return replace(cls(), documents_dir=Path(docs), index_dir=Path(idx), **overrides)
