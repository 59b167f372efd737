"""Build, save, load and score the BM25 index of passages.

On disk (``index/``): ``manifest.json`` names the current data folder; each data folder holds
``documents.json`` (metadata), ``texts.bin`` (the documents' UTF-8 text, read memory-mapped),
passage and sentence offset arrays (``.npy``, memory-mapped), ``analysis.jsonl`` (per-document
sentences, passages and tokens, reused for unchanged documents) and the bm25s index. A new build
goes to a new folder and the manifest is swapped atomically, so a running server keeps answering
from the old index until it reloads.
"""

from __future__ import annotations

import functools
import json
import logging
import mmap
import os
import re
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .config import INDEX_FORMAT_VERSION, TOKENIZER_VERSION, Settings
from .diacritics import DiacriticRestorer
from .diacritics import tokenize as syllable_tokens
from .documents import document_hash
from .lexicon import ABBREVIATIONS, Lexicon, syllables
from .models import Document, Hit, Passage
from .passages import chunk_sentences, split_sentences
from .tokens import word_tokens

MANIFEST = "manifest.json"
_ARRAYS = ("p_doc", "p_start", "p_end", "p_bstart", "p_bend", "p_sent", "s_start", "s_end",
           "s_bstart", "s_bend", "doc_boff", "doc_year")


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


def _load_array(path: Path, mmap_mode: str | None) -> np.ndarray:
    """A saved array, memory-mapped; a plain ndarray view of the mapping (numpy's memmap class
    makes every element access a slow Python call)."""
    return np.asarray(np.load(path, mmap_mode=mmap_mode))


class Postings:
    """The BM25 term-passage score matrix that bm25s saves (CSC: one column per token), read
    memory-mapped and summed with numpy alone, so answering needs neither bm25s nor scipy."""

    def __init__(self, folder: Path, mmap_mode: str | None = "r") -> None:
        self.data = _load_array(folder / "data.csc.index.npy", mmap_mode)
        self.indices = _load_array(folder / "indices.csc.index.npy", mmap_mode)
        self.indptr = _load_array(folder / "indptr.csc.index.npy", mmap_mode)
        self.vocab_dict: dict[str, int] = json.loads((folder / "vocab.index.json").read_text("utf-8"))
        params = json.loads((folder / "params.index.json").read_text("utf-8"))
        self.num_docs = int(params["num_docs"])

    def df(self, token_id: int) -> int:
        """Number of passages holding a token."""
        return int(self.indptr[token_id + 1] - self.indptr[token_id])

    def get_scores_from_ids(self, token_ids: Sequence[int],
                            weights: Sequence[float] | None = None) -> np.ndarray:
        """Sum of the BM25 scores of the given tokens (repeats count again), each times its
        weight (default 1), for every passage."""
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for n, t in enumerate(token_ids):
            a, b = int(self.indptr[t]), int(self.indptr[t + 1])
            column = self.data[a:b] if weights is None or weights[n] == 1 else self.data[a:b] * weights[n]
            np.add.at(scores, self.indices[a:b], column)  # numpy >= 2: faster than fancy +=
        return scores


class Index:
    """A loaded index: document metadata, passage offsets, the text store and BM25 scores."""

    def __init__(self, folder: Path, manifest: dict, documents: list[Document],
                 arrays: dict[str, np.ndarray], bm25: Postings) -> None:
        self.folder = folder
        self.manifest = manifest
        self.documents = documents
        self.arrays = arrays
        self.bm25 = bm25
        self._by_id = {d.doc_id: i for i, d in enumerate(documents)}
        with open(folder / "texts.bin", "rb") as f:
            size = os.fstat(f.fileno()).st_size
            self._blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self.chunks = np.bincount(arrays["p_doc"], minlength=len(documents))
        #: the year of each passage's document (-1: undated), for year filters and preferences
        self.passage_year = np.asarray(arrays["doc_year"])[np.asarray(arrays["p_doc"])]

    # -- query models (loaded on first use) -------------------------------------------------
    @functools.cached_property
    def lexicon(self) -> Lexicon:
        path = self.folder / "lexicon.json"
        return Lexicon.from_dict(json.loads(path.read_text("utf-8"))) if path.is_file() else Lexicon()

    @functools.cached_property
    def restorer(self) -> DiacriticRestorer | None:
        path = self.folder / "restorer.json"
        if not path.is_file():
            return None
        return DiacriticRestorer.from_dict(json.loads(path.read_text("utf-8")))

    # -- sizes and lookup -------------------------------------------------------------------
    @property
    def n_passages(self) -> int:
        return int(self.arrays["p_doc"].shape[0])

    def doc_index(self, doc_id: str) -> int | None:
        return self._by_id.get(doc_id)

    def _text(self, b0: int, b1: int) -> str:
        return bytes(self._blob[b0:b1]).decode("utf-8")

    def doc_passages(self, doc_id: str) -> range:
        """Indices of the passages of a document, in text order (empty for an unknown id)."""
        i = self._by_id.get(doc_id)
        if i is None:
            return range(0)
        p_doc = self.arrays["p_doc"]
        return range(int(np.searchsorted(p_doc, i, "left")), int(np.searchsorted(p_doc, i, "right")))

    def document(self, doc_id: str) -> Document | None:
        """The full document (with text), or None for an unknown id."""
        i = self._by_id.get(doc_id)
        if i is None:
            return None
        off = self.arrays["doc_boff"]
        return replace(self.documents[i], text=self._text(int(off[i]), int(off[i + 1])))

    # -- scoring ----------------------------------------------------------------------------
    def scores(self, tokens: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """BM25 score of every passage for the query tokens (repeats count, as in BM25 sums),
        each token times its weight (default 1)."""
        vocab = self.bm25.vocab_dict
        keep = [i for i, t in enumerate(tokens) if t in vocab and t != "" and (not weights or weights[i])]
        ids = [vocab[tokens[i]] for i in keep]
        return self.bm25.get_scores_from_ids(ids, [weights[i] for i in keep] if weights else None)

    def mask(self, year: int | None = None, doc_ids: Sequence[str] | None = None):
        """Boolean mask of passages allowed by the filters, or None when there is no filter."""
        keep = None
        if year is not None:
            keep = self.passage_year == int(year)
        if doc_ids:
            wanted = np.zeros(len(self.documents), dtype=bool)
            for d in doc_ids:
                if (i := self._by_id.get(d)) is not None:
                    wanted[i] = True
            by_doc = wanted[self.arrays["p_doc"]]
            keep = by_doc if keep is None else keep & by_doc
        return keep

    @staticmethod
    def top(scores: np.ndarray, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Indices and scores of the ``k`` best passages with a positive score."""
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        n = scores.shape[0]
        k = min(k, n)
        if k <= 0:
            return []
        cand = np.argpartition(scores, n - k)[n - k :] if k < n else np.arange(k)
        cand = cand[np.argsort(-scores[cand], kind="stable")]
        return [(int(i), float(scores[i])) for i in cand if scores[i] > 0]

    def hit(self, i: int, score: float) -> Hit:
        """A :class:`Hit` for passage ``i``, with its text and sentences."""
        a = self.arrays
        doc = self.documents[int(a["p_doc"][i])]
        s0, s1 = int(a["p_sent"][i]), int(a["p_sent"][i + 1])
        sentences = [
            (int(a["s_start"][j]), int(a["s_end"][j]),
             self._text(int(a["s_bstart"][j]), int(a["s_bend"][j])))
            for j in range(s0, s1)
        ]
        passage = Passage(doc.doc_id, int(a["p_start"][i]), int(a["p_end"][i]),
                          tuple((s, e) for s, e, _ in sentences))
        text = self._text(int(a["p_bstart"][i]), int(a["p_bend"][i]))
        return Hit(doc, passage, score, text, sentences)


# -- building -------------------------------------------------------------------------------
def _signature(settings: Settings) -> dict:
    return {
        "format": INDEX_FORMAT_VERSION,
        "tokenizer": TOKENIZER_VERSION,
        "passage_chars": settings.passage_chars,
        "k1": settings.k1,
        "b": settings.b,
        "method": settings.bm25_method,
    }


def read_manifest(index_dir: Path) -> dict | None:
    try:
        return json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_fresh(index_dir: Path, documents: Sequence[Document], settings: Settings) -> bool:
    """True when the saved index was built from exactly these documents with these settings."""
    m = read_manifest(index_dir)
    if not m or m.get("signature") != _signature(settings):
        return False
    if not (index_dir / m.get("data", "-") / "bm25").is_dir():
        return False
    return m.get("documents") == {d.doc_id: document_hash(d) for d in documents}


def _load_cache(index_dir: Path, settings: Settings) -> dict[str, Analysis]:
    m = read_manifest(index_dir)
    if not m or {k: v for k, v in m.get("signature", {}).items() if k not in ("k1", "b")} != {
        k: v for k, v in _signature(settings).items() if k not in ("k1", "b")
    }:
        return {}
    path = index_dir / m.get("data", "-") / "analysis.jsonl"
    cache: dict[str, Analysis] = {}
    if path.is_file():
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                cache[row["hash"]] = Analysis(
                    [tuple(s) for s in row["sentences"]], [tuple(p) for p in row["passages"]],
                    row["tokens"],
                )
    return cache


def build_index(
    documents: Sequence[Document],
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
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
    todo = [i for i, h in enumerate(hashes) if h not in cache]
    total, done = len(documents), len(documents) - len(todo)
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
            restorer, lexicon = models.result()
    else:
        for i, job in zip(todo, jobs, strict=True):
            cache[hashes[i]] = _analyze_job(job)
            done += 1
            if progress:
                progress(done, total)
        restorer, lexicon = build_models(documents)
    analyses = [cache[h] for h in hashes]
    folder = index_dir / f"data-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    _write_data(folder, documents, hashes, analyses, settings)
    manifest = {
        "signature": _signature(settings),
        "data": folder.name,
        "documents": dict(zip((d.doc_id for d in documents), hashes, strict=True)),
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "counts": {"documents": len(documents),
                   "passages": sum(len(a.passages) for a in analyses)},
    }
    (folder / "restorer.json").write_text(json.dumps(restorer), encoding="utf-8")
    (folder / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    index = _open_folder(folder, manifest)
    previous = (read_manifest(index_dir) or {}).get("data")
    tmp = index_dir / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, index_dir / MANIFEST)
    for old in index_dir.glob("data-*"):  # the previous folder stays for requests still using it
        if old.name not in (folder.name, previous):
            shutil.rmtree(old, ignore_errors=True)
    return index


def _write_data(folder: Path, documents: Sequence[Document], hashes: Sequence[str],
                analyses: Sequence[Analysis], settings: Settings) -> None:
    cols: dict[str, list[int]] = {k: [] for k in _ARRAYS}
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
    for k, v in cols.items():
        dtype = np.int64 if k.endswith(("bstart", "bend", "boff")) else np.int32
        np.save(folder / f"{k}.npy", np.asarray(v, dtype=dtype))
    (folder / "documents.json").write_text(
        json.dumps([{**d.meta(), "path": d.path} for d in documents], ensure_ascii=False),
        encoding="utf-8",
    )
    import bm25s  # only building needs it

    logging.getLogger("bm25s").setLevel(logging.WARNING)

    bm25 = bm25s.BM25(k1=settings.k1, b=settings.b, method=settings.bm25_method)
    bm25.index(corpus_tokens or [[""]], show_progress=False)
    bm25.save(str(folder / "bm25"), show_progress=False)


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


def _open_folder(folder: Path, manifest: dict, mmap_arrays: bool = True) -> Index:
    mode = "r" if mmap_arrays else None
    arrays = {k: _load_array(folder / f"{k}.npy", mode) for k in _ARRAYS}
    meta = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
    documents = [Document(text="", **m) for m in meta]
    return Index(folder, manifest, documents, arrays, Postings(folder / "bm25", mode))


def load_index(index_dir: Path) -> Index:
    """Open the index the manifest of ``index_dir`` names (memory-mapped)."""
    manifest = read_manifest(Path(index_dir))
    if not manifest:
        raise FileNotFoundError(f"no index in {index_dir}")
    return _open_folder(Path(index_dir) / manifest["data"], manifest)
