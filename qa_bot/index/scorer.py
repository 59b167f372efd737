"""Scoring passages for query tokens, behind a small interface.

:class:`Scorer` is everything retrieval and evaluation ask of a scoring engine: its vocabulary,
document frequencies and a score for every passage. :class:`BM25Scorer` is the one qa-bot ships
(BM25's Lucene variant as bm25s computes it, weighed by :mod:`.bm25`, stored with one byte per
score and read here with numpy alone); a second one (dense vectors, an external engine)
implements the same four members and the answer code does not change.
"""

from __future__ import annotations

import json
import mmap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .bm25 import count_postings, weights
from .pages import available_bytes, read_ahead


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
        1); repeated tokens count again; unknown and empty tokens, and zero weights, add nothing.
        The array is the caller's (a new one each time)."""
        ...


def _load(path: Path, mmap_mode: str | None, prefetch: bool = False) -> np.ndarray:
    """A saved array, memory-mapped unless ``mmap_mode`` is None. ``prefetch``: the file is read
    into memory and mapped now (``MADV_POPULATE_READ``; where the kernel lacks it, read in the
    background, :func:`~.pages.read_ahead`), so that questions never wait for the disk nor fault pages
    in one by one (at 1M passages: 390 MB, 0.4 s from disk, 0.03 s from the page cache); not for
    a file over a quarter of the free memory, which the kernel pages in as questions need it."""
    array = np.load(path, mmap_mode=mmap_mode)
    handle = getattr(array, "_mmap", None)
    if (prefetch and handle is not None and hasattr(handle, "madvise")
            and array.nbytes < available_bytes() // 4):
        try:
            handle.madvise(_POPULATE_READ)
        except (OSError, ValueError):  # Linux before 5.14
            read_ahead(path)
    return np.asarray(array)


#: ``MADV_POPULATE_READ`` (Linux 5.14+; Python's mmap module does not name it before 3.13).
_POPULATE_READ = getattr(mmap, "MADV_POPULATE_READ", 22)


#: Layout of the scorer's folder (see :class:`BM25Scorer`); another value is not read.
FORMAT = "bm25-impact8/1"
#: Levels of a quantized score: each token's scores are stored as ``low + q * step``, q in 0..255.
LEVELS = 255
#: Size of the sample whose k-th best bounds the k-th best of all scores from below.
_SAMPLE = 4096
#: Passages per block of a long column's two-step lookup (:meth:`BM25Scorer._lookup`).
_STRIDE = 16
_WITHIN = np.arange(_STRIDE)
#: Relative slack of the bounds that prune (float32 sums in another order differ far less).
_SLACK = 1e-4


class BM25Scorer:
    """BM25 from a token x passage score matrix stored by column (one per token: the passages
    holding it, ascending, and their scores), read memory-mapped and summed with numpy alone, so
    answering needs no other library.

    Files of the folder (:func:`write_columns`): ``indptr.npy`` (int64 [tokens + 1]: where each
    column starts), ``indices.npy`` (uint32 [postings]: passages), ``impacts.npy`` (uint8
    [postings]: the score quantized linearly between the token's lowest and highest score,
    ``low.npy`` and ``high.npy``, float32 [tokens]) or, built exact, ``values.npy`` (float32
    [postings]), ``vocab.json`` (token -> column) and ``params.json``."""

    #: :meth:`best` checks whether the columns left can be skipped before one at least this long.
    prune_from = 16384
    #: What looking a candidate up in a column costs, in postings summed (searchsorted vs add.at).
    lookup_cost = 32

    def __init__(self, folder: Path, mmap_mode: str | None = "r") -> None:
        params = json.loads((folder / "params.json").read_text("utf-8"))
        if params.get("format") != FORMAT:
            raise ValueError(f"scorer format {params.get('format')!r}, expected {FORMAT!r}")
        self._n = int(params["num_docs"])
        self.indptr = _load(folder / "indptr.npy", mmap_mode)
        self.indices = _load(folder / "indices.npy", mmap_mode, prefetch=True)
        self.low = _load(folder / "low.npy", None)
        self.high = _load(folder / "high.npy", None)
        self.step = (self.high - self.low) / np.float32(LEVELS)
        exact = bool(params["exact"])
        self.values = _load(folder / "values.npy", mmap_mode, prefetch=True) if exact else None
        self.impacts = None if exact else _load(folder / "impacts.npy", mmap_mode, prefetch=True)
        self._vocab: dict[str, int] = json.loads((folder / "vocab.json").read_text("utf-8"))
        self._skips = self._skip_lists()  # column -> its every 16th passage (_lookup)

    @property
    def vocabulary(self) -> Mapping[str, int]:
        return self._vocab

    @property
    def n_passages(self) -> int:
        return self._n

    def df(self, token: str) -> int:
        tid = self._vocab.get(token) if token else None
        return 0 if tid is None else int(self.indptr[tid + 1] - self.indptr[tid])

    def _terms(self, tokens: Sequence[str], weights: Sequence[float] | None) -> list[tuple[int, float]]:
        """(column, weight) of the tokens that add something, in query order; a repeated token
        once, with the sum of its weights (its column is read once: long questions repeat common
        words, as words and as syllables of compounds)."""
        vocab = self._vocab
        merged: dict[int, float] = {}
        for i, t in enumerate(tokens):
            if t in vocab and t != "" and (not weights or weights[i]):
                tid = vocab[t]
                merged[tid] = merged.get(tid, 0.0) + (float(weights[i]) if weights else 1.0)
        return [(t, w) for t, w in merged.items() if w]

    def _column(self, t: int, w: float, at: slice | np.ndarray) -> np.ndarray:
        """Column ``t``'s scores times ``w`` at postings ``at`` (float32; a posting gets the same
        value whether read in a slice or picked out)."""
        if self.values is not None:
            v = self.values[at]
            return v if w == 1 else v * w
        assert self.impacts is not None
        v = self.impacts[at] * np.float32(w * self.step[t])
        v += np.float32(w * self.low[t])
        return v

    def scores(self, tokens: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        scores = np.zeros(self._n, dtype=np.float32)
        for t, w in self._terms(tokens, weights):
            a, b = int(self.indptr[t]), int(self.indptr[t + 1])
            np.add.at(scores, self.indices[a:b], self._column(t, w, slice(a, b)))  # faster than +=
        return scores

    def best(self, tokens: Sequence[str], weights: Sequence[float] | None, k: int,
             mask: np.ndarray | None = None, prefer: np.ndarray | None = None,
             boost: float = 1.0) -> list[tuple[int, float]]:
        """``top(scores, k, mask)`` where ``scores`` are :meth:`scores` times ``boost`` on the
        ``prefer`` passages, with the same values, without summing every posting when it need not
        (MaxScore): columns are added shortest first; on reaching the long ones, the full scores
        of the passages leading so far give a floor of the k-th best score, and once what the
        columns left could add stays below it, only the passages that can still reach it are
        scored. Scores equal :meth:`scores`'s up to float rounding (summed in another order)."""
        terms = self._terms(tokens, weights)
        k = min(k, self._n)
        if not terms or k <= 0:
            return []
        if boost < 1 or any(w < 0 or self.low[t] < 0 for t, w in terms):  # bounds need scores >= 0
            scores = self.scores(tokens, weights)
            return top(scores if prefer is None else np.where(prefer, scores * boost, scores), k, mask)
        spans = [(int(self.indptr[t]), int(self.indptr[t + 1])) for t, _ in terms]
        order = sorted(range(len(terms)), key=lambda i: spans[i][1] - spans[i][0])
        bounds = [w * float(self.high[t]) for t, w in terms]
        most = boost if prefer is not None else 1.0  # the largest factor a score gets
        scores = np.zeros(self._n, dtype=np.float32)
        left = sum(b - a for a, b in spans)
        rest = sum(bounds)  # the highest the columns not added yet could add
        floor, since = None, self._n  # floor: of the k-th best; postings added since the last look
        for j, i in enumerate(order):
            a, b = spans[i]
            if j and b - a >= self.prune_from:
                if floor is None and b - a >= self._n * self.floor_at:  # once, on reaching the long columns
                    floor = self._floor(scores, [(terms[x], spans[x]) for x in order[j:]], k, mask,
                                        prefer, boost)
                # a look costs a pass over the scores: only when the columns left are long, work
                # was done since the last one and a sample of the scores says it may pay
                if (floor is not None and left >= self._n // 2 and since >= self._n // 8
                        and rest * most * (1 + _SLACK) < floor * (1 - _SLACK)
                        and self._pays(_reachable_share(scores, rest, floor, prefer, boost),
                                       [spans[x] for x in order[j:]], left, 2.0)):
                    since = 0
                    cand = _reachable(scores, rest, floor, mask, prefer, boost)
                    if self._pays(cand.shape[0], [spans[x] for x in order[j:]], left):
                        rest_columns = [(terms[x], spans[x], bounds[x]) for x in order[j:]]
                        return self._narrow(cand, scores, rest_columns, k, floor, mask, prefer, boost)
            t, w = terms[i]
            np.add.at(scores, self.indices[a:b], self._column(t, w, slice(a, b)))
            left -= b - a
            since += b - a
            rest -= bounds[i]
        return _best(*_leaders(scores, k, mask, prefer, boost), k)

    def _pays(self, candidates: float, spans: list[tuple[int, int]], left: int,
              margin: float = 1.0) -> bool:
        """Whether looking ``candidates`` passages up in the columns ``spans`` (each column
        summed instead where that is cheaper) costs less than summing the ``left`` postings,
        with ``margin`` on the lookups' side."""
        per_column = candidates * self.lookup_cost / margin
        return sum(min(b - a, per_column) for a, b in spans) < left

    #: A column at least this long is looked up through every :data:`_STRIDE`-th of its passages.
    skip_from = 65536

    def _skip_lists(self) -> dict[int, np.ndarray]:
        """Every :data:`_STRIDE`-th passage of each column at least :attr:`skip_from` long, made
        once when the index loads (at 1M passages: 266 columns, 12 MB, ~20 ms) rather than on
        the first question that reads the column, which paid several ms for it."""
        lengths = np.diff(self.indptr)
        skips = {}
        for t in np.flatnonzero(lengths >= self.skip_from).tolist():
            a, b = int(self.indptr[t]), int(self.indptr[t + 1])
            skips[t] = np.ascontiguousarray(self.indices[a:b:_STRIDE])
        return skips

    def _lookup(self, t: int, w: float, span: tuple[int, int],
                cand: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which of the passages ``cand`` (ascending) column ``t`` holds, and their scores times
        ``w``. A long column is searched in two steps: its every 16th passage (kept once read,
        1/16 of the column: it stays in the CPU's cache) gives the block of 16 that may hold a
        candidate, then that block is read (64 bytes); a plain binary search over the column of
        a common word at 1M passages misses the cache at most of its ~18 steps."""
        a, b = span
        col = self.indices[a:b]
        want = cand.astype(col.dtype, copy=False)
        if b - a < self.skip_from:
            pos = np.searchsorted(col, want)
            np.minimum(pos, b - a - 1, out=pos)
            hit = col[pos] == want
            return hit, self._column(t, w, a + pos[hit])
        skip = self._skips.get(t)
        if skip is None:
            skip = self._skips[t] = np.ascontiguousarray(col[::_STRIDE])
        block = np.searchsorted(skip, want, "right")
        block -= 1
        np.maximum(block, 0, out=block)  # ascending, as the candidates are
        # the column's whole blocks of 16 as rows: a candidate's block is one row gathered (64
        # bytes copied), not 16 positions computed and read one by one; the candidates in the
        # last block, cut short, are compared with what it holds
        whole = (b - a) // _STRIDE
        inner = int(np.searchsorted(block, whole))
        rows = col[: whole * _STRIDE].reshape(whole, _STRIDE)[block[:inner]]
        # a passage occurs once in a column: at most one match per candidate, in their order
        found = np.flatnonzero(rows == want[:inner, None])
        row = found // _STRIDE
        pos = found + (block[row] - row) * _STRIDE
        if inner < cand.shape[0]:
            last = col[whole * _STRIDE:]
            tail = np.flatnonzero(last == want[inner:, None])
            row = np.concatenate([row, tail // last.shape[0] + inner])
            pos = np.concatenate([pos, tail % last.shape[0] + whole * _STRIDE])
        hit = np.zeros(cand.shape[0], dtype=bool)
        hit[row] = True
        return hit, self._column(t, w, a + pos)

    #: Passages whose full scores give the first floor of the k-th best (at least k).
    probe = 16
    #: The floor is taken on reaching a column holding at least this share of the passages.
    floor_at = 1 / 8

    def _floor(self, partial: np.ndarray, rest: list[tuple[tuple[int, float], tuple[int, int]]], k: int,
               mask: np.ndarray | None, prefer: np.ndarray | None, boost: float) -> float:
        """A floor of the k-th best final score: the k-th best full score (times
        :func:`_factors`) of the passages leading on the ``partial`` scores, once the ``rest``
        columns are looked up for them. At least k passages score that much."""
        m = max(self.probe, 2 * k)
        idx, values = _leaders(partial, m, mask, prefer, boost)
        if idx.shape[0] > m:
            idx = np.sort(idx[np.argpartition(values, idx.shape[0] - m)[-m:]])
        full = partial[idx]  # a copy
        for (t, w), span in rest:
            hit, add = self._lookup(t, w, span, idx)
            full[hit] += add
        if (f := _factors(idx, mask, prefer, boost)) is not None:
            full *= f
        return _kth(full, k)

    def _narrow(self, cand: np.ndarray, scores: np.ndarray,
                rest: list[tuple[tuple[int, float], tuple[int, int], float]], k: int, floor: float,
                mask: np.ndarray | None, prefer: np.ndarray | None,
                boost: float) -> list[tuple[int, float]]:
        """The k best of the candidates ``cand`` (ascending; ``scores``: the partial scores, added
        to here) once the ``rest`` columns ((column, weight), span, highest score) are added: one
        column at a time, summed as usual when it is short, else looked up for the candidates
        only; candidates are dropped as they fall out of reach of the k-th best (at least
        ``floor``)."""
        factor = _factors(cand, mask, prefer, boost)
        if factor is None:
            factor = np.ones(cand.shape[0], dtype=np.float32)
        looked = np.zeros(cand.shape[0], dtype=np.float32)  # what lookups added (not in scores)
        left = sum(bound for _, _, bound in rest)
        for (t, w), (a, b), bound in rest:
            if b - a <= cand.shape[0] * self.lookup_cost:
                np.add.at(scores, self.indices[a:b], self._column(t, w, slice(a, b)))
            else:
                hit, add = self._lookup(t, w, (a, b), cand)
                looked[hit] += add
            left = max(left - bound, 0.0)
            partial = scores[cand] + looked
            kth = max(_kth(partial * factor, k), floor)
            keep = (partial + left * (1 + _SLACK)) * factor >= kth * (1 - _SLACK)
            cand, looked, factor = cand[keep], looked[keep], factor[keep]
        return _best(cand, (scores[cand] + looked) * factor, k)


def build_bm25(folder: Path, corpus_tokens: list[list[str]], k1: float, b: float, method: str,
               exact: bool = False) -> np.ndarray:
    """Weigh the passages' tokens with BM25 (:mod:`.bm25`) and save the scorer into ``folder``:
    each token's scores quantized to one byte between its lowest and highest score, or as float32
    (``exact``, what the comparisons with rank-bm25 use). Returns how often each posting's token
    occurs in its passage, in the postings' order (what ``counts.bin`` keeps)."""
    postings = count_postings(corpus_tokens or [[""]])  # no passage: one empty column, no token
    data = weights(postings, k1, b, method)
    params = {"num_docs": postings.lengths.size, "k1": k1, "b": b, "method": method}
    write_columns(folder, data, postings.indices, postings.indptr, postings.vocab, params, exact)
    return postings.counts


def write_columns(folder: Path, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                  vocab: dict[str, int], params: dict, exact: bool = False) -> None:
    """Save a token x passage score matrix in CSC form as a scorer folder."""
    data = np.asarray(data, dtype=np.float32)
    indices = np.asarray(indices).astype(np.uint32)
    indptr = np.asarray(indptr, dtype=np.int64)
    columns = indptr.shape[0] - 1
    vocab = {t: i for t, i in vocab.items() if i < columns and t}  # "" is no token
    column = np.repeat(np.arange(columns, dtype=np.int32), np.diff(indptr))
    if data.size and not np.all((np.diff(indices.astype(np.int64)) > 0) | (np.diff(column) > 0)):
        order = np.lexsort((indices, column))  # passages ascending within a column (searchsorted)
        data, indices = data[order], indices[order]
    low = np.zeros(columns, dtype=np.float32)
    high = np.zeros(columns, dtype=np.float32)
    starts = indptr[:-1][np.diff(indptr) > 0]
    if data.size:
        low[column[starts]] = np.minimum.reduceat(data, starts)
        high[column[starts]] = np.maximum.reduceat(data, starts)
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / "indptr.npy", indptr)
    np.save(folder / "indices.npy", indices)
    np.save(folder / "low.npy", low)
    np.save(folder / "high.npy", high)
    if exact:
        np.save(folder / "values.npy", data)
    else:
        step = (high - low) / np.float32(LEVELS)
        inverse = np.divide(np.float32(1), step, out=np.zeros_like(step), where=step > 0)
        impacts = np.empty(data.shape, dtype=np.uint8)
        for a in range(0, data.shape[0], 1 << 22):  # a few MB of temporaries at a time
            c = column[a : a + (1 << 22)]
            q = data[a : a + (1 << 22)] - low[c]
            q *= inverse[c]
            np.rint(q, out=q)
            impacts[a : a + (1 << 22)] = np.clip(q, 0, LEVELS)
        np.save(folder / "impacts.npy", impacts)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    params = {"format": FORMAT, **params, "exact": exact}
    (folder / "params.json").write_text(json.dumps(params), encoding="utf-8")


def top(scores: np.ndarray, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Indices and scores of the ``k`` best entries with a positive score (``mask``: allowed ones),
    best first; equal scores in index order."""
    k = min(k, scores.shape[0])
    return _best(*_leaders(scores, k, mask), k) if k > 0 else []


def _factors(idx: np.ndarray, mask: np.ndarray | None = None, prefer: np.ndarray | None = None,
             boost: float = 1.0) -> np.ndarray | None:
    """What the scores of entries ``idx`` are multiplied by: ``boost`` where ``prefer``, 0
    outside ``mask`` (None: by 1, no mask and no preference)."""
    if mask is None and prefer is None:
        return None
    one = np.float32(1)
    f = np.where(prefer[idx], np.float32(boost), one) if prefer is not None else np.full(idx.shape, one)
    return f if mask is None else np.where(mask[idx], f, np.float32(0))


def _leaders(scores: np.ndarray, k: int, mask: np.ndarray | None = None,
             prefer: np.ndarray | None = None, boost: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Entries (ascending) that may be among the k best of ``scores`` times :func:`_factors`,
    with those products: every entry at least the k-th best of an evenly spaced sample (a lower
    bound of the k-th best), so that selecting reads a few entries instead of ordering them all."""
    n = scores.shape[0]
    stride = max(1, n // _SAMPLE)
    sample = scores[::stride]
    if (f := _factors(np.arange(0, n, stride), mask, prefer, boost)) is not None:
        sample = sample * f
    floor = _kth(sample, k)
    most = boost if prefer is not None else 1.0
    idx = np.flatnonzero(scores >= floor / most * (1 - _SLACK)) if floor > 0 else np.flatnonzero(scores > 0)
    values = scores[idx]
    if (f := _factors(idx, mask, prefer, boost)) is not None:
        values = values * f
    return idx, values


def _kth(values: np.ndarray, k: int) -> float:
    """The k-th largest of ``values`` (0 when there are fewer)."""
    n = values.shape[0]
    return float(np.partition(values, n - k)[n - k]) if n >= k else 0.0


def _best(cand: np.ndarray, values: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` best positive of candidates ``cand`` with scores ``values``: best first, ties in
    index order."""
    if cand.shape[0] > 4 * k + 64:  # keep the k-th best and everything tied with it
        keep = values >= _kth(values, k)
        cand, values = cand[keep], values[keep]
    order = np.lexsort((cand, -values))[:k]
    return [(int(cand[i]), float(values[i])) for i in order if values[i] > 0]


def _reachable_share(partial: np.ndarray, rest: float, floor: float, prefer: np.ndarray | None,
                     boost: float) -> float:
    """About how many passages :func:`_reachable` would keep (no mask: at least as many),
    counted on an evenly spaced sample of ``partial`` (a look at every passage costs a pass
    over all the scores, the sample a 64th of it)."""
    stride = max(1, partial.shape[0] // (_SAMPLE * 4))
    least = _least_partial(rest, floor, prefer, boost)
    return float(np.count_nonzero(partial[::stride] >= least)) * stride


def _least_partial(rest: float, floor: float, prefer: np.ndarray | None, boost: float) -> float:
    """The least partial score from which adding at most ``rest``, times the largest factor, may
    still reach ``floor`` (both with their slack)."""
    most = boost if prefer is not None else 1.0
    return floor * (1 - _SLACK) / most - rest * (1 + _SLACK)


def _reachable(partial: np.ndarray, rest: float, floor: float, mask: np.ndarray | None,
               prefer: np.ndarray | None, boost: float) -> np.ndarray:
    """The passages (ascending) whose ``partial`` score plus at most ``rest``, times
    :func:`_factors`, may reach ``floor`` (a floor of the k-th best final score; ``rest`` times
    the largest factor is below it, so a passage without a partial score cannot)."""
    cand = np.flatnonzero(partial >= _least_partial(rest, floor, prefer, boost))
    if (f := _factors(cand, mask, prefer, boost)) is not None:
        cand = cand[(partial[cand] + rest * (1 + _SLACK)) * f >= floor * (1 - _SLACK)]
    return cand


__all__ = ["FORMAT", "LEVELS", "BM25Scorer", "Scorer", "build_bm25", "top", "write_columns"]
