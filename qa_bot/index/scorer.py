"""Scoring passages for query tokens, behind a small interface.

:class:`Scorer` is everything retrieval and evaluation ask of a scoring engine: its vocabulary,
document frequencies and a score for every passage. :class:`BM25Scorer` is the one qa-bot ships
(bm25s's Lucene variant, saved by bm25s and read here with numpy alone); a second one (dense
vectors, an external engine) implements the same four members and the answer code does not change.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Scorer(Protocol):
    """What retrieval needs from a scoring engine."""

    @property
    def vocabulary(self) -> Mapping[str, int]:
        """The tokens the scorer knows, each with its id (``token in vocabulary``: known)."""
        ...

    @property
    def n_passages(self) -> int:
        """How many passages it scores (the length of :meth:`scores`)."""
        ...

    def df(self, token: str) -> int:
        """How many passages hold ``token`` (0 for an unknown token)."""
        ...

    def scores(self, tokens: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """A score for every passage: each query token's contribution times its weight (default
        1); repeated tokens count again; unknown and empty tokens, and zero weights, add nothing."""
        ...


def _load(path: Path, mmap_mode: str | None) -> np.ndarray:
    return np.asarray(np.load(path, mmap_mode=mmap_mode))


class BM25Scorer:
    """BM25 from the token x passage score matrix that bm25s saves (CSC: one column per token),
    read memory-mapped and summed with numpy alone, so answering needs neither bm25s nor scipy."""

    def __init__(self, folder: Path, mmap_mode: str | None = "r") -> None:
        self.data = _load(folder / "data.csc.index.npy", mmap_mode)
        self.indices = _load(folder / "indices.csc.index.npy", mmap_mode)
        self.indptr = _load(folder / "indptr.csc.index.npy", mmap_mode)
        self._vocab: dict[str, int] = json.loads((folder / "vocab.index.json").read_text("utf-8"))
        params = json.loads((folder / "params.index.json").read_text("utf-8"))
        self._n = int(params["num_docs"])

    @property
    def vocabulary(self) -> Mapping[str, int]:
        return self._vocab

    @property
    def n_passages(self) -> int:
        return self._n

    def df(self, token: str) -> int:
        tid = self._vocab.get(token) if token else None
        return 0 if tid is None else int(self.indptr[tid + 1] - self.indptr[tid])

    def scores(self, tokens: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        vocab = self._vocab
        keep = [i for i, t in enumerate(tokens) if t in vocab and t != "" and (not weights or weights[i])]
        ids = [vocab[tokens[i]] for i in keep]
        return self._sum(ids, [weights[i] for i in keep] if weights else None)

    def _sum(self, token_ids: Sequence[int], weights: Sequence[float] | None) -> np.ndarray:
        scores = np.zeros(self._n, dtype=np.float32)
        for n, t in enumerate(token_ids):
            a, b = int(self.indptr[t]), int(self.indptr[t + 1])
            column = self.data[a:b] if weights is None or weights[n] == 1 else self.data[a:b] * weights[n]
            np.add.at(scores, self.indices[a:b], column)  # numpy >= 2: faster than fancy +=
        return scores


def build_bm25(folder: Path, corpus_tokens: list[list[str]], k1: float, b: float, method: str) -> None:
    """Index the passages' tokens with bm25s and save the scorer into ``folder``."""
    import bm25s  # only building needs it

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    bm25 = bm25s.BM25(k1=k1, b=b, method=method)
    # Token ids in sorted order of the tokens (bm25s would number a set, whose order changes with
    # each process's string hashing): the same corpus gives the same files in any process, e.g. a
    # Dask coordinator on another machine (index/dask.py), whatever the order of each passage's
    # tokens (passages read back from the analysis cache list theirs by id: index/cache.py).
    docs = corpus_tokens or [[""]]
    vocab = {t: i for i, t in enumerate(sorted({t for doc in docs for t in doc}))}
    ids = [[vocab[t] for t in doc] for doc in docs]
    bm25.index((ids, vocab), show_progress=False)
    bm25.save(str(folder), show_progress=False)


def top(scores: np.ndarray, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Indices and scores of the ``k`` best entries with a positive score (``mask``: allowed ones)."""
    if mask is not None:
        scores = np.where(mask, scores, 0.0)
    n = scores.shape[0]
    k = min(k, n)
    if k <= 0:
        return []
    cand = np.argpartition(scores, n - k)[n - k :] if k < n else np.arange(k)
    cand = cand[np.argsort(-scores[cand], kind="stable")]
    return [(int(i), float(scores[i])) for i in cand if scores[i] > 0]


__all__ = ["BM25Scorer", "Scorer", "build_bm25", "top"]
