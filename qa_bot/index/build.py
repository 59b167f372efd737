"""Building the index: analyse documents (sentences, passages, tokens), write the store and the
scorer into a new data folder, fit the query models, then swap the manifest.

The analysis of a document is the slow part; it is cached in ``analysis.jsonl`` by content hash
and reused for unchanged documents, and spread over worker processes for large corpora.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..config import INDEX_FORMAT_VERSION, TOKENIZER_VERSION, Settings
from ..diacritics import DiacriticRestorer
from ..diacritics import tokenize as syllable_tokens
from ..documents import document_hash
from ..lexicon import ABBREVIATIONS, Lexicon, syllables
from ..models import Document
from ..passages import chunk_sentences, split_sentences
from ..tokens import word_tokens
from .scorer import build_bm25
from .storage import (
    ARRAYS,
    Index,
    file_sizes,
    library_versions,
    open_folder,
    read_manifest,
    save_arrays,
    write_manifest,
)

ProgressFn = Callable[[int, int], None]
log = logging.getLogger(__name__)


@dataclass
class Analysis:
    """The slow, per-document part of indexing: sentences, passages and their tokens."""

    sentences: list[tuple[int, int]]
    passages: list[tuple[int, int]]  # (first sentence, end sentence) index ranges
    tokens: list[list[str]]


def analyze(doc: Document, max_chars: int) -> Analysis:
    """Split ``doc`` into sentences and passages and tokenize each passage; the title and the
    publisher are added to every passage of the document."""
    sentences = split_sentences(doc.text)
    packed = chunk_sentences(doc.doc_id, sentences, max_chars)
    ranges, tokens, cursor = [], [], 0
    title = word_tokens(f"{doc.title} . {doc.source}" if doc.source else doc.title)
    for p in packed:
        ranges.append((cursor, cursor + len(p.sentences)))
        cursor += len(p.sentences)
        tokens.append(word_tokens(doc.text[p.start : p.end]) + title)
    return Analysis(sentences, ranges, tokens)


def _analyze_job(job: tuple[Document, int]) -> Analysis:
    return analyze(*job)


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
        "passage_chars": settings.passage_chars,
        "k1": settings.k1,
        "b": settings.b,
        "method": settings.bm25_method,
    }


def is_fresh(index_dir: Path, documents: Sequence[Document], settings: Settings) -> bool:
    """True when the saved index was built from exactly these documents with these settings."""
    m = read_manifest(index_dir)
    if not m or m.get("signature") != signature(settings):
        return False
    if not (Path(index_dir) / str(m.get("data", "-")) / "bm25").is_dir():
        return False
    return m.get("documents") == {d.doc_id: document_hash(d) for d in documents}


def _load_cache(index_dir: Path, settings: Settings) -> dict[str, Analysis]:
    """Analyses of the current data folder by document hash, when they were made the same way
    (BM25 parameters do not matter); empty when there are none or they cannot be read."""
    m = read_manifest(index_dir)
    same = {k: v for k, v in signature(settings).items() if k not in ("k1", "b")}
    if not m or {k: v for k, v in (m.get("signature") or {}).items() if k not in ("k1", "b")} != same:
        return {}
    path = Path(index_dir) / str(m.get("data", "-")) / "analysis.jsonl"
    cache: dict[str, Analysis] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                cache[row["hash"]] = Analysis(
                    [tuple(s) for s in row["sentences"]], [tuple(p) for p in row["passages"]],
                    row["tokens"],
                )
    except (OSError, ValueError, KeyError, TypeError):  # no cache, or a damaged one: analyse again
        return {}
    return cache


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
    if workers > 1 and len(jobs) >= 32:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            models = pool.submit(build_models, documents)  # beside the tokenizers
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
    hashes = [document_hash(d) for d in documents]
    cache = _load_cache(index_dir, settings)
    cache.update(precomputed or {})
    restorer, lexicon = _analyse(documents, hashes, cache, settings, progress)
    analyses = [cache[h] for h in hashes]
    folder = index_dir / f"data-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    corpus_tokens = _write_store(folder, documents, hashes, analyses)
    build_bm25(folder / "bm25", corpus_tokens, settings.k1, settings.b, settings.bm25_method)
    (folder / "restorer.json").write_text(json.dumps(restorer), encoding="utf-8")
    (folder / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    manifest = {
        "signature": signature(settings),
        "data": folder.name,
        "documents": dict(zip((d.doc_id for d in documents), hashes, strict=True)),
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "counts": {"documents": len(documents),
                   "passages": sum(len(a.passages) for a in analyses)},
        "versions": library_versions(),
        "files": file_sizes(folder),
    }
    index = open_folder(folder, manifest)
    previous = (read_manifest(index_dir) or {}).get("data")
    write_manifest(index_dir, manifest)
    log.debug("chỉ mục mới %s: %d tài liệu, %d đoạn", folder, len(documents), index.n_passages)
    for old in index_dir.glob("data-*"):  # the previous folder stays for requests still using it
        if old.name not in (folder.name, previous):
            shutil.rmtree(old, ignore_errors=True)
    return index


def _write_store(folder: Path, documents: Sequence[Document], hashes: Sequence[str],
                 analyses: Sequence[Analysis]) -> list[list[str]]:
    """Write ``texts.bin``, the offset arrays, ``documents.json`` and ``analysis.jsonl`` (layout:
    :mod:`qa_bot.index.storage`); returns the tokens of every passage, for the scorer."""
    cols: dict[str, list[int]] = {k: [] for k in ARRAYS}
    corpus_tokens: list[list[str]] = []
    boff = 0
    with open(folder / "texts.bin", "wb") as blob, \
            open(folder / "analysis.jsonl", "w", encoding="utf-8") as cache:
        for di, (doc, h, an) in enumerate(zip(documents, hashes, analyses, strict=True)):
            cache.write(json.dumps({"hash": h, "sentences": an.sentences,
                                    "passages": an.passages, "tokens": an.tokens},
                                   ensure_ascii=False) + "\n")
            raw = doc.text.encode("utf-8")
            blob.write(raw)
            cols["doc_boff"].append(boff)
            cols["doc_year"].append(doc.year or -1)
            flat = [o for s in an.sentences for o in s]
            bflat = _byte_offsets(doc.text, flat)
            base_s = len(cols["s_start"])
            for j in range(len(an.sentences)):
                cols["s_start"].append(flat[2 * j])
                cols["s_end"].append(flat[2 * j + 1])
                cols["s_bstart"].append(boff + bflat[2 * j])
                cols["s_bend"].append(boff + bflat[2 * j + 1])
            for (s0, s1), toks in zip(an.passages, an.tokens, strict=True):
                cols["p_doc"].append(di)
                cols["p_sent"].append(base_s + s0)
                cols["p_start"].append(flat[2 * s0])
                cols["p_end"].append(flat[2 * (s1 - 1) + 1])
                cols["p_bstart"].append(boff + bflat[2 * s0])
                cols["p_bend"].append(boff + bflat[2 * (s1 - 1) + 1])
                corpus_tokens.append(toks)
            boff += len(raw)
    cols["doc_boff"].append(boff)
    cols["p_sent"].append(len(cols["s_start"]))
    save_arrays(folder, cols)
    (folder / "documents.json").write_text(
        json.dumps([{**d.meta(), "path": d.path} for d in documents], ensure_ascii=False),
        encoding="utf-8",
    )
    return corpus_tokens


_CLAUSE = re.compile(r"[.!?;:\n]+")
MODEL_SAMPLE_CHARS = 20_000_000


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
            for clause in _CLAUSE.split(doc.text):
                if clause.strip():
                    yield syllable_tokens(clause)

    restorer = DiacriticRestorer().fit(clauses())
    ambiguous = {syllables(m) for ms in ABBREVIATIONS.values() if len(ms) > 1 for m in ms}
    counts: Counter = Counter()
    for doc in documents[::stride]:  # how often the corpus uses each meaning of an ambiguous abbreviation
        text = " " + " ".join(syllables(doc.text)) + " "
        for phrase in ambiguous:
            counts[phrase] += text.count(" " + " ".join(phrase) + " ")
    lexicon = Lexicon.build((d.text for d in documents), phrase_count=counts.__getitem__)
    return restorer.to_dict(), lexicon.to_dict()


__all__ = ["Analysis", "analyze", "build_index", "build_models", "is_fresh", "signature"]
