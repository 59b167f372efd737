"""BM25 weights of every posting, computed with numpy from the passages' tokens.

The formulas are those of bm25s (Kamphuis et al., "Which BM25 do you mean?", ECIR 2020), for its
five variants; ``tests/index/test_bm25.py`` checks them against bm25s itself. Counting the
postings once with numpy gives both the weights and the counts ``counts.bin`` keeps
(:mod:`.cache`), where bm25s counted every passage's tokens in Python and the counts were then
derived a second time: on the real corpus the scorer is written in about half the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

#: Tokens counted at once (memory stays a few int64 per token of a chunk).
CHUNK_TOKENS = 1 << 20
#: Postings weighed at once (a few MB of float64 temporaries).
CHUNK_POSTINGS = 1 << 22
#: The variants and bm25s's default ``delta`` (BM25L, BM25+).
METHODS = ("robertson", "lucene", "atire", "bm25l", "bm25+")
DELTA = 0.5


@dataclass
class Postings:
    """The token x passage matrix by column: ``vocab`` (token -> column, in sorted order of the
    tokens), ``indptr`` (int64 [tokens + 1]), ``indices`` (uint32 passages, ascending within a
    column), ``counts`` (int32: how often the token occurs in the passage) and ``lengths`` (int64
    [passages]: tokens per passage)."""

    vocab: dict[str, int]
    indptr: np.ndarray
    indices: np.ndarray
    counts: np.ndarray
    lengths: np.ndarray


def count_postings(corpus_tokens: Sequence[Sequence[str]]) -> Postings:
    """Every (token, passage) pair of ``corpus_tokens`` with its count, ``CHUNK_TOKENS`` tokens at
    a time. Token ids follow the sorted order of the tokens, so the same corpus gives the same
    files in any process, whatever the order of each passage's tokens."""
    vocab = {t: i for i, t in enumerate(sorted({t for doc in corpus_tokens for t in doc}))}
    n = len(corpus_tokens)
    lengths = np.fromiter(map(len, corpus_tokens), dtype=np.int64, count=n)
    tids, pids, counts = [np.zeros(0, np.int32)], [np.zeros(0, np.uint32)], [np.zeros(0, np.int32)]
    start = 0
    while start < n:
        stop, size = start, 0
        while stop < n and (size < CHUNK_TOKENS or stop == start):
            size += int(lengths[stop])
            stop += 1
        m = stop - start
        ids = np.fromiter(map(vocab.__getitem__, chain.from_iterable(corpus_tokens[start:stop])),
                          dtype=np.int64, count=size)
        keys, c = np.unique(ids * m + np.repeat(np.arange(m), lengths[start:stop]), return_counts=True)
        tids.append((keys // m).astype(np.int32))
        pids.append((keys % m + start).astype(np.uint32))
        counts.append(c.astype(np.int32))
        start = stop
    tid = np.concatenate(tids)
    order = np.argsort(tid, kind="stable")  # chunks are in passage order: passages stay ascending
    indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(np.bincount(tid, minlength=len(vocab)), out=indptr[1:])
    return Postings(vocab, indptr, np.concatenate(pids)[order], np.concatenate(counts)[order], lengths)


def idf(df: np.ndarray, n: int, method: str) -> np.ndarray:
    """Each token's idf (float32) from its document frequency ``df`` among ``n`` passages."""
    df = df.astype(np.float64)
    with np.errstate(divide="ignore"):
        if method == "robertson":
            out = np.log(np.maximum((n - df + 0.5) / (df + 0.5), 1.0))
        elif method == "lucene":
            out = np.log(1 + (n - df + 0.5) / (df + 0.5))
        elif method == "atire":
            out = np.log(n / df)
        elif method == "bm25l":
            out = np.log((n + 1) / (df + 0.5))
        elif method == "bm25+":
            out = np.log((n + 1) / df)
        else:
            raise ValueError(f"unknown BM25 method {method!r}; one of {', '.join(METHODS)}")
    return np.where(df > 0, out, 0).astype(np.float32)


def _tfc(tf: np.ndarray, length: np.ndarray | float, avg: float, k1: float, b: float,
         method: str) -> np.ndarray:
    """The term-frequency component of the variant (float64)."""
    norm = (1 - b) + b * (length / avg)
    if method in ("robertson", "lucene"):
        return tf / (k1 * norm + tf)
    if method == "atire":
        return tf * (k1 + 1) / (tf + k1 * norm)
    if method == "bm25l":
        c = tf / norm
        return (k1 + 1) * (c + DELTA) / (k1 + c + DELTA)
    return (k1 + 1) * tf / (k1 * norm + tf) + DELTA  # bm25+


def weights(p: Postings, k1: float, b: float, method: str) -> np.ndarray:
    """The BM25 score (float32) of every posting of ``p``: idf times the term-frequency
    component; BM25L and BM25+ less what a passage without the token would score."""
    n = max(p.lengths.size, 1)
    avg = float(p.lengths.mean()) if p.lengths.size else 1.0
    token_idf = idf(np.diff(p.indptr), n, method)
    absent = None
    if method in ("bm25l", "bm25+"):
        absent = token_idf * _tfc(np.zeros(1), avg, avg, k1, b, method)[0]
    column = np.repeat(np.arange(p.indptr.size - 1, dtype=np.int32), np.diff(p.indptr))
    out = np.empty(p.indices.shape, dtype=np.float32)
    for a in range(0, out.size, CHUNK_POSTINGS):
        z = slice(a, a + CHUNK_POSTINGS)
        tf = p.counts[z].astype(np.float64)
        scores = token_idf[column[z]] * _tfc(tf, p.lengths[p.indices[z]], avg, k1, b, method)
        if absent is not None:
            scores -= absent[column[z]]
        out[z] = scores
    return out


__all__ = ["CHUNK_POSTINGS", "CHUNK_TOKENS", "DELTA", "METHODS", "Postings", "count_postings", "idf",
           "weights"]
