"""Building the index: analyse documents (sentences, passages, tokens), write the store and the
scorer into a new data folder, fit the query models, then swap the manifest.

The analysis of a document is the slow part; it is read back from the current index for
unchanged documents (by content hash, :mod:`.cache`), and spread over worker processes for large
corpora.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..config import INDEX_FORMAT_VERSION, MODELS_VERSION, TOKENIZER_VERSION, Settings
from ..diacritics import DiacriticRestorer
from ..diacritics import tokenize as syllable_tokens
from ..documents import document_hash
from ..errors import IndexDamagedError
from ..lexicon import ABBREVIATIONS, Lexicon, syllables
from ..models import Document
from ..passages import SPLIT_PIECE_CHARS, cut_spans, document_passages
from ..tokens import relative_year_tokens, word_tokens
from .cache import COUNTS, Analysis, read_analyses, write_counts
from .integrity import describe_files, remember, seal
from .scorer import build_bm25
from .storage import (
    ARRAYS,
    Index,
    library_versions,
    open_folder,
    read_manifest,
    save_arrays,
    write_manifest,
)
from .upkeep import build_lock, die_with_parent, remove_leftovers

ProgressFn = Callable[[int, int], None]
log = logging.getLogger(__name__)


def analyze(doc: Document, max_chars: int) -> Analysis:
    """Split ``doc`` into sentences and passages and tokenize each passage; the years it says
    relative to the document's date ("năm nay"), the title and the publisher are added to every
    passage's tokens."""
    sentences, packed = document_passages(doc, max_chars)  # along the structure of a directive
    ranges, tokens, cursor = [], [], 0
    title = [*map(sys.intern, word_tokens(f"{doc.title} . {doc.source}" if doc.source else doc.title))]
    for p in packed:
        ranges.append((cursor, cursor + len(p.sentences)))
        cursor += len(p.sentences)
        # one string object per distinct token: a large corpus holds its tokens many times over
        text = doc.text[p.start : p.end]  # "năm nay" in an article of 2023 also counts as "2023"
        tokens.append([*map(sys.intern, word_tokens(text)), *relative_year_tokens(text, doc.year), *title])
    return Analysis(sentences, ranges, tokens)


def _analyze_job(job: tuple[Document, int]) -> Analysis:
    return analyze(*job)


def _load_tokenizers() -> None:
    """Import the sentence splitter and load the word segmenter (about a second of CPU)."""
    from underthesea import sent_tokenize

    from ..segment import segmenter

    sent_tokenize("")
    segmenter()


def _byte_offsets(text: str, offsets: Sequence[int]) -> list[int]:
    """UTF-8 byte offsets of the given (sorted or not) character offsets of ``text``."""
    order = sorted(set(offsets))
    table, prev_c, prev_b = {}, 0, 0
    for c in order:
        prev_b += len(text[prev_c:c].encode("utf-8"))
        prev_c = c
        table[c] = prev_b
    return [table[c] for c in offsets]


def signature(settings: Settings) -> dict:
    """What the index files depend on besides the documents: a change makes the index stale."""
    return {
        "format": INDEX_FORMAT_VERSION,
        "tokenizer": TOKENIZER_VERSION,
        "models": MODELS_VERSION,
        "passage_chars": settings.passage_chars,
        "k1": settings.k1,
        "b": settings.b,
        "method": settings.bm25_method,
    }


def is_fresh(index_dir: Path, documents: Sequence[Document], settings: Settings) -> bool:
    """True when the saved index was built from exactly these documents with these settings."""
    m = read_manifest(index_dir)
    if not m or not (Path(index_dir) / str(m.get("data", "-")) / "bm25").is_dir():
        return False
    return made_from(m, documents, settings)


def made_from(manifest: dict, documents: Sequence[Document], settings: Settings) -> bool:
    """True when the manifest is that of an index of exactly these documents and settings."""
    return (manifest.get("signature") == signature(settings)
            and manifest.get("documents") == {d.doc_id: document_hash(d) for d in documents})


def _load_cache(index_dir: Path, settings: Settings, wanted: set[str]) -> dict[str, Analysis]:
    """Analyses of the ``wanted`` documents (by hash) that the current data folder holds, when it
    made them the same way (BM25 parameters and query models do not matter; the previous format's
    JSON cache is read too); empty when there are none or a file it reads is damaged
    (:func:`~.cache.read_analyses`)."""
    m = read_manifest(index_dir) if wanted else None
    skip = ("k1", "b", "format", "models")
    same = {k: v for k, v in signature(settings).items() if k not in skip}
    if not m or {k: v for k, v in (m.get("signature") or {}).items() if k not in skip} != same:
        return {}
    if m["signature"].get("format") != INDEX_FORMAT_VERSION and "analysis.jsonl" not in m.get("files", {}):
        return {}
    try:
        return read_analyses(Path(index_dir) / str(m.get("data", "-")), m, wanted)
    except (OSError, ValueError, KeyError, TypeError, IndexError, IndexDamagedError) as exc:  # damaged
        log.info("không dùng lại được phân tích đã lưu (%s): phân tích lại mọi tài liệu", exc)
        return {}


def _analyse(documents: Sequence[Document], hashes: Sequence[str], cache: dict[str, Analysis],
             settings: Settings, progress: ProgressFn | None) -> tuple[dict, dict]:
    """Analyse the documents missing from ``cache`` (into it) and fit the query models; in worker
    processes when there are many. Returns the restorer and the lexicon as JSON-ready dicts."""
    todo = [i for i, h in enumerate(hashes) if h not in cache]
    total, done = len(documents), len(documents) - len(todo)
    log.debug("lập chỉ mục: phân tích %d tài liệu, dùng lại %d", len(todo), done)
    if progress:
        progress(done, total)
    workers = settings.workers or os.cpu_count() or 1
    jobs = [(documents[i], settings.passage_chars) for i in todo]
    if settings.dask and jobs:  # analysis as Dask tasks; the index is written here
        from .dask import analyse_on_dask

        def gathered(j: int, analysis: Analysis) -> None:
            nonlocal done
            cache[hashes[todo[j]]] = analysis
            done += 1
            if progress:
                progress(done, total)

        return analyse_on_dask(settings.dask, jobs, documents, gathered, analyze, build_models)
    if workers > 1 and len(jobs) >= 32:
        # The query models need no tokenizer: their process starts first and works while this
        # one loads the tokenizers (about a second, else the only work of the build's start);
        # the analysis workers, forked after, inherit the tokenizers (and what they remember).
        with ProcessPoolExecutor(max_workers=1, initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as side:
            models = side.submit(build_models, documents)
            _load_tokenizers()
            with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                results = pool.map(_analyze_job, jobs, chunksize=max(1, len(jobs) // (workers * 16)))
                for i, res in zip(todo, results, strict=True):
                    cache[hashes[i]] = res
                    done += 1
                    if progress:
                        progress(done, total)
            return models.result()
    for i, job in zip(todo, jobs, strict=True):
        cache[hashes[i]] = _analyze_job(job)
        done += 1
        if progress:
            progress(done, total)
    return build_models(documents)


def build_index(
    documents: Sequence[Document],
    settings: Settings,
    progress: ProgressFn | None = None,
    precomputed: dict[str, Analysis] | None = None,
) -> Index:
    """Index ``documents`` into ``settings.index_dir``, re-using the analysis of unchanged ones.

    ``progress(done, total)`` is called as documents are analysed.
    ``precomputed`` maps document hashes (:func:`document_hash`) to analyses made elsewhere
    (benchmarks build large corpora from already tokenized passages this way).
    """
    index_dir = Path(settings.index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with build_lock(index_dir):  # OSError when the folder cannot be written: nothing analysed yet
        remove_leftovers(index_dir)  # a killed build's half-written folder
        return _build(index_dir, documents, settings, progress, precomputed or {})


def _build(index_dir: Path, documents: Sequence[Document], settings: Settings,
           progress: ProgressFn | None, precomputed: dict[str, Analysis]) -> Index:
    """:func:`build_index` under the build lock: analyse, write a new data folder (its own
    manifest last), check it, swap the index manifest, remove all but the new and previous folder."""
    hashes = [document_hash(d) for d in documents]
    cache = _load_cache(index_dir, settings, set(hashes) - set(precomputed))
    cache.update(precomputed)
    restorer, lexicon = _analyse(documents, hashes, cache, settings, progress)
    analyses = [cache[h] for h in hashes]
    # named by the build time to the microsecond: two builds in one second still sort newest first
    now = time.time()
    stamp = f"{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}.{int(now % 1 * 1e6):06d}"
    folder = index_dir / f"data-{stamp}-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    corpus_tokens = _write_store(folder, documents, analyses)
    counts = build_bm25(folder / "bm25", corpus_tokens, settings.k1, settings.b, settings.bm25_method)
    write_counts(folder / COUNTS, counts)
    del corpus_tokens
    (folder / "restorer.json").write_text(json.dumps(restorer), encoding="utf-8")
    (folder / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    manifest = seal({
        "signature": signature(settings),
        "data": folder.name,
        "documents": dict(zip((d.doc_id for d in documents), hashes, strict=True)),
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "counts": {"documents": len(documents),
                   "passages": sum(len(a.passages) for a in analyses)},
        "versions": library_versions(),
        "files": describe_files(folder),
    })
    remember(folder, manifest)  # hashed just now: a load need not hash them again once settled
    index = open_folder(folder, manifest)  # what was written reads back, every checksum matches
    write_manifest(folder, manifest)  # last: a folder without it is a killed build's leftover
    previous = (read_manifest(index_dir) or {}).get("data")
    write_manifest(index_dir, manifest)
    log.debug("chỉ mục mới %s: %d tài liệu, %d đoạn", folder, len(documents), index.n_passages)
    remove_leftovers(index_dir, keep={folder.name, previous or folder.name})  # previous: for
    return index  # requests still using it, and the last good index if the new one is damaged


def _write_store(folder: Path, documents: Sequence[Document],
                 analyses: Sequence[Analysis]) -> list[list[str]]:
    """Write ``texts.bin``, the offset arrays and ``documents.json`` (layout:
    :mod:`qa_bot.index.storage`); returns the tokens of every passage, for the scorer."""
    cols: dict[str, list[int]] = {k: [] for k in ARRAYS}
    corpus_tokens: list[list[str]] = []
    boff = 0
    with open(folder / "texts.bin", "wb") as blob:
        for di, (doc, an) in enumerate(zip(documents, analyses, strict=True)):
            raw = doc.text.encode("utf-8")
            blob.write(raw)
            cols["doc_boff"].append(boff)
            cols["doc_year"].append(doc.year or -1)
            bflat = _byte_offsets(doc.text, [o for s in an.sentences for o in s])
            for (s0, s1), toks in zip(an.passages, an.tokens, strict=True):
                start = an.sentences[s0][0]
                cols["p_doc"].append(di)
                cols["p_sent"].append(len(cols["s_start"]))
                cols["p_start"].append(start)
                cols["p_bstart"].append(boff + bflat[2 * s0])
                cols["p_bend"].append(boff + bflat[2 * (s1 - 1) + 1])
                for a, b in an.sentences[s0:s1]:  # offsets within the passage
                    cols["s_start"].append(a - start)
                    cols["s_end"].append(b - start)
                corpus_tokens.append(toks)
            boff += len(raw)
    cols["doc_boff"].append(boff)
    cols["p_sent"].append(len(cols["s_start"]))
    save_arrays(folder, cols)
    meta = [{k: v for k, v in {**d.meta(), "path": d.path}.items() if v is not None} for d in documents]
    (folder / "documents.json").write_text(  # fields left out are None
        json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return corpus_tokens


_CLAUSE = re.compile(r"[^.!?;:\n]+")
MODEL_SAMPLE_CHARS = 20_000_000
#: Abbreviation meanings are counted in pieces of a document this long (memory stays bounded).
COUNT_PIECE_CHARS = 1_000_000


def build_models(documents: Sequence[Document]) -> tuple[dict, dict]:
    """The corpus's own query models, as JSON-ready dicts: the diacritics restorer (syllable
    statistics of every clause of every title and text) and the abbreviation lexicon (curated
    entries, the corpus's definitions, ambiguities settled by how often the corpus uses each
    meaning). Runs in a worker process beside the tokenizers when indexing in parallel. Over
    ``MODEL_SAMPLE_CHARS`` of text the restorer learns from an even sample of the documents:
    syllable statistics are stable long before that size."""

    total = sum(len(d.text) for d in documents)
    stride = max(1, -(-total // MODEL_SAMPLE_CHARS))  # a large corpus: an even sample of documents

    def clauses():
        for doc in documents[::stride]:
            yield syllable_tokens(doc.title)
            for clause in _CLAUSE.finditer(doc.text):
                for a, b in cut_spans(doc.text, *clause.span(), SPLIT_PIECE_CHARS):
                    yield syllable_tokens(doc.text[a:b])

    restorer = DiacriticRestorer().fit(clauses())
    ambiguous = {syllables(m) for ms in ABBREVIATIONS.values() if len(ms) > 1 for m in ms}
    counts: Counter = Counter()
    for doc in documents[::stride]:  # how often the corpus uses each meaning of an ambiguous abbreviation
        for a, b in cut_spans(doc.text, 0, len(doc.text), COUNT_PIECE_CHARS):
            text = " " + " ".join(syllables(doc.text[a:b])) + " "
            for phrase in ambiguous:
                counts[phrase] += text.count(" " + " ".join(phrase) + " ")
    lexicon = Lexicon.build((d.text for d in documents), phrase_count=counts.__getitem__)
    return restorer.to_dict(), lexicon.to_dict()


__all__ = ["Analysis", "analyze", "build_index", "build_models", "is_fresh", "made_from", "signature"]
