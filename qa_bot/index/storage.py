"""The index on disk, and reading it back (memory-mapped).

``index/manifest.json`` names the current data folder; a build writes a new ``data-*`` folder
beside the old one and then replaces the manifest atomically, so readers see the old index or the
new one, never half of each. Every file of a data folder:

| file | content |
|---|---|
| `documents.json` | each document's metadata (`doc_id`, `title`, `source`, `url`, `date`...), index order |
| `texts.bin` | the documents' texts, UTF-8, one after the other: what offsets point into |
| `doc_boff.npy` | int64 [documents + 1]: byte offset of each text in `texts.bin`; the last is the total |
| `doc_year.npy` | int32 [documents]: the year of the document's `date`, -1 when undated |
| `p_doc.npy` | int32 [passages]: each passage's document; passages are grouped by document, in text order |
| `p_start`, `p_end` | int32 [passages]: character offsets of the passage in its document's text |
| `p_bstart`, `p_bend` | int64 [passages]: byte offsets of the passage in `texts.bin` |
| `p_sent.npy` | int32 [passages + 1]: first sentence of each passage (`p_sent[i]:p_sent[i+1]`) |
| `s_start`, `s_end` | int32 [sentences]: character offsets of the sentence in its document's text |
| `s_bstart`, `s_bend` | int64 [sentences]: byte offsets of the sentence in `texts.bin` |
| `analysis.jsonl` | per document: hash, sentences, passages, tokens; reused for unchanged documents |
| `lexicon.json` | query model: abbreviations and synonyms, curated and learned from the corpus |
| `restorer.json` | query model: the diacritics restorer fitted on the corpus |
| `bm25/` | the BM25 scorer as bm25s saves it: token x passage scores (CSC), `vocab.index.json` |

| `manifest.json` | the folder's own copy of the index manifest (below), written last: a folder without it is a killed build's leftover |
| `verified.json` | identities (inode, size, times) of the files whose hash was verified, so that loads hash only changed files (:mod:`.integrity`) |

``manifest.json`` holds ``signature`` (index format, tokenizer version, passage size, BM25
parameters: any change rebuilds), ``documents`` (doc_id -> content hash: any change rebuilds, and
unchanged documents are not analysed again), ``data`` (the folder), ``built``, ``counts``,
``versions`` (qa-bot, Python and the libraries that wrote the files, bm25s included), ``files``
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
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from ..diacritics import DiacriticRestorer
from ..errors import IndexDamagedError
from ..lexicon import Lexicon
from ..models import Document, Hit, Passage
from .integrity import check_files, damaged, manifest_text, unseal
from .scorer import BM25Scorer, Scorer, top

MANIFEST = "manifest.json"
#: The offset arrays of a data folder (see the table above).
ARRAYS = ("p_doc", "p_start", "p_end", "p_bstart", "p_bend", "p_sent", "s_start", "s_end",
          "s_bstart", "s_bend", "doc_boff", "doc_year")
#: Libraries whose versions the manifest records.
LIBRARIES = ("qa-bot", "bm25s", "numpy", "underthesea")


def load_array(path: Path, mmap_mode: str | None = "r") -> np.ndarray:
    """A saved array, memory-mapped; a plain ndarray view of the mapping (numpy's memmap class
    makes every element access a slow Python call)."""
    return np.asarray(np.load(path, mmap_mode=mmap_mode))


def save_arrays(folder: Path, columns: dict[str, list[int]]) -> None:
    """Write the offset arrays: byte offsets as int64, the rest as int32."""
    for name in ARRAYS:
        dtype = np.int64 if name.endswith(("bstart", "bend", "boff")) else np.int32
        np.save(folder / f"{name}.npy", np.asarray(columns[name], dtype=dtype))


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
        #: the document of each passage
        self.passage_doc = np.asarray(arrays["p_doc"])
        self.chunks = np.bincount(self.passage_doc, minlength=len(documents))
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

    def doc_passages(self, doc_id: str) -> range:
        """Indices of the passages of a document, in text order (empty for an unknown id)."""
        i = self._by_id.get(doc_id)
        if i is None:
            return range(0)
        p_doc = self.passage_doc
        return range(int(np.searchsorted(p_doc, i, "left")), int(np.searchsorted(p_doc, i, "right")))

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
        return np.asarray(per_document)[self.passage_doc]

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


def open_folder(folder: Path, manifest: dict, mmap_arrays: bool = True, write: bool = True) -> Index:
    """Open one data folder after checking every file's size and hash; IndexDamagedError when a
    file is missing, truncated, altered or unreadable. ``write=False``: nothing is written into it."""
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
