"""The index on disk, and reading it back (memory-mapped).

``index/manifest.json`` names the current data folder; a build writes a new ``data-*`` folder
beside the old one and then replaces the manifest atomically, so readers see the old index or the
new one, never half of each. Byte offsets are int32 while `texts.bin` is under 2 GiB and int64
above; sentence offsets are uint16 while every passage is under 64 Ki characters, else int32
(:func:`save_arrays`). Every file of a data folder:

| file | content |
|---|---|
| `documents.json` | each document's metadata (`doc_id`, `title`, `source`, `url`, `date`...; fields that are None left out), index order |
| `texts.bin` | the documents' texts, UTF-8, one after the other: what offsets point into |
| `doc_boff.npy` | [documents + 1]: byte offset of each text in `texts.bin`; the last is the total |
| `doc_year.npy` | int32 [documents]: the year of the document's `date`, -1 when undated |
| `p_doc.npy` | int32 [passages]: each passage's document; passages are grouped by document, in text order |
| `p_start.npy` | int32 [passages]: character offset of the passage in its document's text (its end: that plus the length of its text) |
| `p_bstart`, `p_bend` | [passages]: byte offsets of the passage in `texts.bin` |
| `p_sent.npy` | int32 [passages + 1]: first sentence of each passage (`p_sent[i]:p_sent[i+1]`) |
| `s_start`, `s_end` | [sentences]: character offsets of the sentence in its passage's text |
| `counts.bin` | how often each token occurs in each passage, one number per posting of `bm25/`, in its order; with the arrays above, the analysis of every document, reused for unchanged ones (:mod:`.cache`) |
| `lexicon.json` | query model: abbreviations and synonyms, curated and learned from the corpus |
| `restorer.json` | query model: the diacritics restorer fitted on the corpus |
| `bm25/` | the BM25 scorer: token x passage scores by token, one byte each, and `vocab.json` (:class:`~.scorer.BM25Scorer`) |
| `manifest.json` | the folder's own copy of the index manifest (below), written last: a folder without it is a killed build's leftover |
| `verified.json` | identities (inode, size, times) of the files whose hash was verified, so that loads hash only changed files (:mod:`.integrity`) |

``manifest.json`` holds ``signature`` (index format, tokenizer version, passage size, BM25
parameters: any change rebuilds), ``documents`` (doc_id -> content hash: any change rebuilds, and
unchanged documents are not analysed again), ``data`` (the folder), ``built``, ``counts``,
``versions`` (qa-bot, Python and the libraries that wrote the files), ``files``
(path -> ``{"bytes": n, "sha256": hex}``, every file checked on load, see :mod:`.integrity`) and
``checksum`` (SHA-256 of the rest: a manifest that does not match it is not used). Beside it,
``.build.lock`` keeps two builds from running at once (:mod:`.upkeep`).
"""

from __future__ import annotations

import functools
import json
import mmap
import os
import platform
import threading
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from ..config import INDEX_FORMAT_VERSION
from ..diacritics import DiacriticRestorer
from ..errors import IndexDamagedError
from ..lexicon import Lexicon
from ..models import Document, Hit, Passage
from .integrity import check_files, damaged, manifest_text, unseal
from .pages import available_bytes, read_ahead
from .scorer import BM25Scorer, Scorer, top

MANIFEST = "manifest.json"
#: The offset arrays of a data folder (see the table above).
ARRAYS = ("p_doc", "p_start", "p_bstart", "p_bend", "p_sent", "s_start", "s_end", "doc_boff", "doc_year")
#: Arrays of byte offsets in ``texts.bin`` (int32 or int64), and of offsets within a passage.
BYTE_ARRAYS = ("p_bstart", "p_bend", "doc_boff")
PASSAGE_ARRAYS = ("s_start", "s_end")
#: Libraries whose versions the manifest records.
LIBRARIES = ("qa-bot", "numpy", "underthesea")


def load_array(path: Path, mmap_mode: str | None = "r") -> np.ndarray:
    """A saved array, memory-mapped; a plain ndarray view of the mapping (numpy's memmap class
    makes every element access a slow Python call)."""
    return np.asarray(np.load(path, mmap_mode=mmap_mode))


def _dtype(name: str, values: np.ndarray) -> type:
    """The narrowest dtype of an array of the table: byte offsets int32 below 2 GiB, offsets
    within a passage uint16 below 64 Ki, the rest int32."""
    low, top = (int(values.min()), int(values.max())) if values.size else (0, 0)
    if name in BYTE_ARRAYS:
        return np.int32 if top < 2**31 else np.int64
    return np.uint16 if name in PASSAGE_ARRAYS and low >= 0 and top < 2**16 else np.int32


def save_arrays(folder: Path, columns: dict[str, list[int]]) -> None:
    """Write the offset arrays, each in the narrowest dtype that holds its values."""
    for name in ARRAYS:
        values = np.asarray(columns[name], dtype=np.int64)
        np.save(folder / f"{name}.npy", values.astype(_dtype(name, values)))


def library_versions() -> dict[str, str | None]:
    """Versions of Python and of the libraries that write the index (None: not installed)."""
    out: dict[str, str | None] = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def read_manifest(index_dir: Path) -> dict | None:
    """The manifest of ``index_dir`` (or of a data folder), or None when there is none, it is not
    JSON or its checksum does not match (a damaged manifest is never used)."""
    try:
        return unseal((Path(index_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(index_dir: Path, manifest: dict) -> dict:
    """Seal the manifest (:func:`~.integrity.manifest_text`) and replace ``index_dir``'s atomically (write
    beside it, flush to disk, rename); returns the sealed manifest."""
    text, digest = manifest_text(manifest)
    tmp = Path(index_dir) / f".{MANIFEST}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, Path(index_dir) / MANIFEST)
    return {**{k: v for k, v in manifest.items() if k != "checksum"}, "checksum": digest}


class Index:
    """A loaded index: document metadata, passage and sentence offsets, the text store, and the
    scorer (:class:`~qa_bot.index.scorer.Scorer`) that scores passages for query tokens."""

    def __init__(self, folder: Path, manifest: dict, documents: list[Document],
                 arrays: dict[str, np.ndarray], scorer: Scorer) -> None:
        self.folder = folder
        self.manifest = manifest
        self.documents = documents
        self.arrays = arrays
        self.scorer = scorer
        self._by_id = {d.doc_id: i for i, d in enumerate(documents)}
        with open(folder / "texts.bin", "rb") as f:
            size = os.fstat(f.fileno()).st_size
            self._blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self._read_ahead: threading.Thread | None = None
        #: the document of each passage
        self.passage_doc = np.asarray(arrays["p_doc"])
        self.chunks = np.bincount(self.passage_doc, minlength=len(documents))
        self._doc_start = np.concatenate(([0], np.cumsum(self.chunks)))  # passages grouped by document
        #: the year of each passage's document (-1: undated), for year filters and preferences
        self.passage_year = self.by_passage(np.asarray(arrays["doc_year"]))

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
        return int(self.passage_doc.shape[0])

    def doc_index(self, doc_id: str) -> int | None:
        return self._by_id.get(doc_id)

    def _text(self, b0: int, b1: int) -> str:
        return bytes(self._blob[b0:b1]).decode("utf-8")

    def read_ahead(self) -> None:
        """Have the kernel read ``texts.bin`` into the page cache in the background (once), when it
        fits in a quarter of the free memory: hits read texts at random, and after a start each
        would otherwise wait for the disk (at 1M passages, 30-50 ms for a question's first hits).
        Not part of loading: the load's own reads would queue behind it."""
        if self._read_ahead is None and len(self._blob) and len(self._blob) < available_bytes() // 4:
            self._read_ahead = read_ahead(self.folder / "texts.bin")

    def doc_passages(self, doc_id: str) -> range:
        """Indices of the passages of a document, in text order (empty for an unknown id)."""
        i = self._by_id.get(doc_id)
        if i is None:
            return range(0)
        return range(int(self._doc_start[i]), int(self._doc_start[i + 1]))

    def document(self, doc_id: str) -> Document | None:
        """The full document (with text), or None for an unknown id."""
        i = self._by_id.get(doc_id)
        if i is None:
            return None
        off = self.arrays["doc_boff"]
        return replace(self.documents[i], text=self._text(int(off[i]), int(off[i + 1])))

    # -- per-passage and per-document arrays ------------------------------------------------
    def by_passage(self, per_document: np.ndarray) -> np.ndarray:
        """A per-document array spread to passages (each passage gets its document's value)."""
        per_document = np.asarray(per_document)
        if per_document.dtype == bool:
            chosen = np.flatnonzero(per_document)
            if chosen.shape[0] * 64 < per_document.shape[0]:  # a few documents: fill their runs
                return self._runs(chosen)
        return per_document[self.passage_doc]

    def _runs(self, docs: np.ndarray) -> np.ndarray:
        """Mask of the passages of the documents ``docs`` (ascending), made from their runs of
        passages (grouped by document) rather than read through every passage's document: a
        year that few documents are about costs ~0.1 ms at 1M passages, not 2-3 ms."""
        out = np.zeros(self.n_passages, dtype=bool)
        starts, counts = self._doc_start[docs], self.chunks[docs]
        total = int(counts.sum())
        if total:
            # position of each chosen passage: its run's start plus its rank within the run
            shift = np.repeat(starts - (np.cumsum(counts) - counts), counts)
            out[shift + np.arange(total)] = True
        return out

    def best_per_document(self, scores: np.ndarray) -> np.ndarray:
        """Each document's best passage score (0 for a document without a positive one)."""
        best = np.zeros(len(self.documents), dtype=np.float32)
        np.maximum.at(best, self.passage_doc, scores)
        return best

    def scores(self, tokens, weights=None) -> np.ndarray:
        """The scorer's score of every passage for the query tokens (see :meth:`Scorer.scores`)."""
        return self.scorer.scores(tokens, weights)

    def mask(self, year: int | None = None, doc_ids=None) -> np.ndarray | None:
        """Boolean mask of passages allowed by the filters, or None when there is no filter."""
        keep = None
        if year is not None:
            keep = self.passage_year == int(year)
        if doc_ids:
            wanted = np.zeros(len(self.documents), dtype=bool)
            for d in doc_ids:
                if (i := self._by_id.get(d)) is not None:
                    wanted[i] = True
            by_doc = self.by_passage(wanted)
            keep = by_doc if keep is None else keep & by_doc
        return keep

    top = staticmethod(top)

    def hit(self, i: int, score: float) -> Hit:
        """A :class:`Hit` for passage ``i``, with its text and sentences."""
        a = self.arrays
        doc = self.documents[int(self.passage_doc[i])]
        text = self._text(int(a["p_bstart"][i]), int(a["p_bend"][i]))
        start = int(a["p_start"][i])
        s0, s1 = int(a["p_sent"][i]), int(a["p_sent"][i + 1])
        sentences = [(start + x, start + y, text[x:y])
                     for x, y in zip(a["s_start"][s0:s1].tolist(), a["s_end"][s0:s1].tolist(), strict=True)]
        passage = Passage(doc.doc_id, start, start + len(text), tuple((s, e) for s, e, _ in sentences))
        return Hit(doc, passage, score, text, sentences)


def open_folder(folder: Path, manifest: dict, mmap_arrays: bool = True, write: bool = True) -> Index:
    """Open one data folder after checking every file's size and hash; IndexDamagedError when a
    file is missing, truncated, altered or unreadable, or the folder has another format.
    ``write=False``: nothing is written into it."""
    fmt = (manifest.get("signature") or {}).get("format")
    if fmt != INDEX_FORMAT_VERSION:  # another layout: its files would be misread
        raise damaged(folder, f"index format {fmt}, this qa-bot reads format {INDEX_FORMAT_VERSION}")
    check_files(folder, manifest, write=write)
    mode = "r" if mmap_arrays else None
    try:
        arrays = {k: load_array(folder / f"{k}.npy", mode) for k in ARRAYS}
        meta = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
        documents = [Document(text="", **m) for m in meta]
        return Index(folder, manifest, documents, arrays, BM25Scorer(folder / "bm25", mode))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise damaged(folder, f"{type(exc).__name__}: {exc}") from exc


def load_index(index_dir: Path, write: bool = True) -> Index:
    """Open the index the manifest of ``index_dir`` names (memory-mapped, every file checked;
    ``write=False``: a read-only replica's load, which writes nothing into the folder)."""
    index_dir = Path(index_dir)
    manifest = read_manifest(index_dir)
    if manifest is None:
        if (index_dir / MANIFEST).exists():
            raise damaged(index_dir, f"{MANIFEST} is not valid JSON or fails its checksum")
        if any(index_dir.glob("data-*")):
            raise damaged(index_dir, f"{MANIFEST} is missing")
        raise IndexDamagedError(f"Không có chỉ mục tại {index_dir}; hãy chạy 'qa-bot index'.",
                                f"no index in {index_dir}")
    data = manifest.get("data")
    if not isinstance(data, str) or "/" in data or not data.startswith("data-"):
        raise damaged(index_dir, f"{MANIFEST} names no data folder")
    return open_folder(index_dir / data, manifest, write=write)


__all__ = ["ARRAYS", "MANIFEST", "Index", "library_versions", "load_index", "open_folder",
           "read_manifest", "write_manifest"]
