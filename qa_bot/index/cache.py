"""The analysis cache: how an unchanged document is indexed again without analysing it, read back
from the index that holds it instead of a second copy.

A document's analysis (:class:`Analysis`) is its sentences, its passages (sentence ranges) and
each passage's tokens. The offset arrays already hold the first two (:mod:`.storage`), and the
scorer's postings hold every (token, passage) pair; what they lack is how often the token occurs
in the passage. ``counts.bin`` keeps that: one count per posting, in the postings' order, as
zlib-compressed bytes (nearly all are 1: about 0.1 byte per posting). Counts over 254 are listed
apart, exactly.

Token order within a passage is not kept (BM25 does not use it): a passage read back lists its
tokens in the order of the scorer's token ids (sorted by token), each as often as it occurs.
Every file read is checked against the manifest first (:func:`~.integrity.check_files`); an
altered one means no cache, so every document is analysed again, never indexed from wrong data.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .integrity import check_files
from .scorer import BM25Scorer
from .storage import ARRAYS, load_array

COUNTS = "counts.bin"
_MAGIC = b"qa-bot counts 1\n"
_BIG = 255  # a count this large or larger is listed apart
#: Tokens counted at once when writing ``counts.bin``.
CHUNK_TOKENS = 1 << 20


@dataclass
class Analysis:
    """The slow, per-document part of indexing: sentences, passages and their tokens."""

    sentences: list[tuple[int, int]]
    passages: list[tuple[int, int]]  # (first sentence, end sentence) index ranges
    tokens: list[list[str]]


def write_counts(path: Path, counts: np.ndarray) -> None:
    """``counts.bin``: magic, sizes, zlib(min(count, 255) as bytes), then the large counts
    (positions uint64, counts uint64)."""
    big = np.flatnonzero(counts >= _BIG)
    packed = zlib.compress(np.minimum(counts, _BIG).astype(np.uint8).tobytes(), 6)
    with open(path, "wb") as f:
        f.write(_MAGIC + np.array([counts.size, big.size, len(packed)], dtype="<u8").tobytes())
        f.write(packed)
        f.write(big.astype("<u8").tobytes() + counts[big].astype("<u8").tobytes())


def read_counts(path: Path) -> np.ndarray:
    """The counts of ``counts.bin``; ValueError when the file is not one."""
    data = path.read_bytes()
    head = len(_MAGIC) + 24
    if data[: len(_MAGIC)] != _MAGIC or len(data) < head:
        raise ValueError(f"{path.name} is not a counts file")
    n, n_big, n_packed = (int(x) for x in np.frombuffer(data[len(_MAGIC) : head], dtype="<u8"))
    if len(data) != head + n_packed + 16 * n_big:
        raise ValueError(f"{path.name} has the wrong size")
    counts = np.frombuffer(zlib.decompress(data[head : head + n_packed]), dtype=np.uint8).astype(np.int64)
    if counts.size != n:
        raise ValueError(f"{path.name} holds the wrong number of counts")
    big = np.frombuffer(data[head + n_packed :], dtype="<u8").astype(np.int64)
    counts[big[:n_big]] = big[n_big:]
    return counts


def read_analyses(folder: Path, manifest: dict, wanted: Collection[str] | None = None) -> dict[str, Analysis]:
    """The analyses of the documents of data folder ``folder`` (``manifest``: its manifest), by
    document hash; only those in ``wanted`` when given. IndexDamagedError when a file it reads is
    damaged; OSError, ValueError, KeyError or IndexError when one cannot be read."""
    if "analysis.jsonl" in manifest.get("files", {}):  # written by format 2: JSON lines
        return _read_jsonl(folder, manifest, wanted)
    names = ["documents.json", COUNTS, *(f"{a}.npy" for a in ARRAYS),
             *(n for n in manifest["files"] if n.startswith("bm25/"))]
    check_files(folder, manifest, names)
    hashes = [manifest["documents"][m["doc_id"]]
              for m in json.loads((folder / "documents.json").read_text(encoding="utf-8"))]
    a = {k: load_array(folder / f"{k}.npy", None).astype(np.int64) for k in ARRAYS}
    scorer = BM25Scorer(folder / "bm25")
    counts = read_counts(folder / COUNTS)
    indptr, indices = np.asarray(scorer.indptr, dtype=np.int64), np.asarray(scorer.indices)
    n_pass = len(a["p_doc"])
    if counts.size != indices.size or len(a["p_sent"]) != n_pass + 1:
        raise ValueError("counts.bin and the postings disagree")
    # the postings regrouped by passage (token ids ascending within each), a block of documents
    # at a time: each token repeated as often as it occurs
    token = np.repeat(np.arange(len(indptr) - 1, dtype=np.int32), np.diff(indptr))
    order = np.argsort(indices, kind="stable")
    p_post = np.concatenate(([0], np.cumsum(np.bincount(indices, minlength=n_pass))))
    names_of = np.empty(len(indptr) - 1, dtype=object)
    for t, i in scorer.vocabulary.items():
        if i < len(names_of):  # a name past the last column names nothing
            names_of[i] = sys.intern(t)
    if any(t is None for t in names_of):
        raise ValueError("a posting column without its token")
    # absolute character offsets of the sentences, passage by passage
    s_pass = np.repeat(np.arange(n_pass), np.diff(a["p_sent"]))
    s_start = (a["p_start"][s_pass] + a["s_start"]).tolist()
    s_end = (a["p_start"][s_pass] + a["s_end"]).tolist()
    p_first = np.searchsorted(a["p_doc"], np.arange(len(hashes) + 1)).tolist()
    p_sent, posts = a["p_sent"].tolist(), p_post.tolist()
    out: dict[str, Analysis] = {}
    d = 0
    while d < len(hashes):
        e = d + 1  # documents d..e-1: about CHUNK_TOKENS postings
        while e < len(hashes) and posts[p_first[e]] - posts[p_first[d]] < CHUNK_TOKENS:
            e += 1
        q0, q1 = p_first[d], p_first[e]
        if wanted is None or any(h in wanted for h in hashes[d:e]):
            block = order[posts[q0] : posts[q1]]
            c = counts[block]
            flat = names_of[np.repeat(token[block], c)]
            bounds = np.concatenate(([0], np.cumsum(c)))[p_post[q0 : q1 + 1] - posts[q0]].tolist()
        for doc in range(d, e):
            if wanted is not None and hashes[doc] not in wanted:
                continue
            p0, p1 = p_first[doc], p_first[doc + 1]
            base, stop = (p_sent[p0], p_sent[p1]) if p1 > p0 else (0, 0)
            out[hashes[doc]] = Analysis(
                list(zip(s_start[base:stop], s_end[base:stop], strict=True)),
                [(p_sent[p] - base, p_sent[p + 1] - base) for p in range(p0, p1)],
                [flat[bounds[p - q0] : bounds[p - q0 + 1]].tolist() for p in range(p0, p1)])
        d = e
    return out


def _read_jsonl(folder: Path, manifest: dict, wanted: Collection[str] | None) -> dict[str, Analysis]:
    """The ``analysis.jsonl`` of an index of the previous format (one JSON line per document)."""
    check_files(folder, manifest, ["analysis.jsonl"])
    out: dict[str, Analysis] = {}
    with open(folder / "analysis.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if wanted is None or row["hash"] in wanted:
                out[row["hash"]] = Analysis([tuple(s) for s in row["sentences"]],
                                            [tuple(p) for p in row["passages"]],
                                            [[*map(sys.intern, t)] for t in row["tokens"]])
    return out


__all__ = ["COUNTS", "Analysis", "read_analyses", "read_counts",
           "write_counts"]
