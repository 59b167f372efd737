"""The scorer behind the index (qa_bot.index.scorer): BM25 as rank-bm25 computes it, and the small
interface retrieval uses."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from qa_bot.config import Settings
from qa_bot.documents import load_directory
from qa_bot.index import BM25Scorer, Index, Scorer, build_index
from qa_bot.index.cache import read_analyses
from qa_bot.index.scorer import LEVELS, build_bm25
from qa_bot.tokens import query_tokens
from tests.corpus import copy_documents

pytestmark = pytest.mark.slow  # each test builds an index


def _settings(tmp_path: Path) -> Settings:
    return Settings.from_env(documents=copy_documents(tmp_path), index=tmp_path / "index")


QUERIES = ["dịch vụ công trực tuyến", "hội nghị trực tuyến toàn quốc", "phiên họp trực tuyến", "Hà Giang",
           "tinh giản biên chế công chức", "thủ tục hành chính tỉnh", "chuyển đổi số"]


def assert_same_ranking(ours: np.ndarray, ref: np.ndarray, label: str) -> None:
    """Our top 10 is the reference's top 10 in the reference's order (ties in any order)."""
    ranked = [i for i, _ in Index.top(ours, 10)]
    expected = np.sort(ref[ref > 0])[::-1][:10]
    assert np.allclose(ref[ranked], expected, rtol=1e-5), label


def _reference(index: Index) -> BM25Okapi:
    """rank-bm25 over exactly the passages and tokens our index holds."""
    analyses = read_analyses(index.folder, index.manifest)
    hashes = index.manifest["documents"]
    tokens = [toks for d in index.documents for toks in analyses[hashes[d.doc_id]].tokens]
    assert len(tokens) == index.n_passages
    return BM25Okapi(tokens, k1=1.2, b=0.75)


def _exact(index: Index, reference: BM25Okapi, folder: Path, method: str) -> BM25Scorer:
    """The same passages' scorer with float32 scores (``exact``), built from the reference's."""
    tokens = [[t for t, c in counts.items() for _ in range(c)] for counts in reference.doc_freqs]
    build_bm25(folder, tokens, 1.2, 0.75, method, exact=True)
    return BM25Scorer(folder)


def _error(scorer: BM25Scorer, tokens: list[str]) -> float:
    """The most quantization can move a sum of these tokens' scores (half a level each)."""
    return sum(float(scorer.high[scorer.vocabulary[t]] - scorer.low[scorer.vocabulary[t]]) / LEVELS / 2
               for t in tokens) * 1.0001


def test_engine_ranks_like_rank_bm25(tmp_path: Path) -> None:
    """Built with the Okapi (Robertson) formula, our index scores and ranks the shipped passages
    as rank-bm25's BM25Okapi does (bm25s leaves out the constant factor k1 + 1): exactly with
    float32 scores, within half a quantization level per token with the one-byte scores the index
    keeps. Terms in more than half of the passages are left out of the comparison: there Okapi's
    idf is negative and the two libraries floor it differently (rank-bm25 to a share of the mean idf)."""
    s = replace(_settings(tmp_path), bm25_method="robertson")
    index = build_index(load_directory(s.documents_dir), s)
    reference = _reference(index)
    exact = _exact(index, reference, tmp_path / "exact", "robertson")
    for q in QUERIES:
        vocab, half = index.scorer.vocabulary, index.n_passages / 2
        tokens = [t for t in sum(query_tokens(q), []) if t in vocab and index.scorer.df(t) < half]
        assert tokens, q
        ref = reference.get_scores(tokens)
        ours = exact.scores(tokens)
        assert np.allclose(ours * (1.2 + 1), ref, rtol=1e-4, atol=1e-4), q
        assert_same_ranking(ours, ref, q)
        quantized, error = index.scores(tokens), _error(index.scorer, tokens)
        assert np.abs(quantized - ours).max() <= error, q
        ranked = [i for i, _ in Index.top(quantized, 10)]  # each as good as the one it replaces
        assert np.all(ref[ranked] >= np.sort(ref[ref > 0])[::-1][:10] - 2 * error * (1.2 + 1) - 1e-4), q


def test_lucene_variant_used_by_the_product_keeps_the_okapi_order_per_term(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    reference = _reference(index)
    exact = _exact(index, reference, tmp_path / "exact", "lucene")
    for term in ("hà_giang", "biên_chế", "trực_tuyến", "phiên"):
        ref = reference.get_scores([term])
        assert_same_ranking(exact.scores([term]), ref, term)
        # one token: quantization keeps the order, merging only scores within one level
        ours = index.scores([term])
        assert np.all(np.diff(ours[np.argsort(ref, kind="stable")]) >= 0), term


def test_scorer_interface(tmp_path: Path) -> None:
    """What retrieve and evaluate use: vocabulary, n_passages, df and scores, nothing else."""
    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    scorer = index.scorer
    assert isinstance(scorer, Scorer) and isinstance(scorer, BM25Scorer)
    assert scorer.n_passages == index.n_passages and "hà_giang" in scorer.vocabulary
    assert scorer.df("hà_giang") == int((scorer.scores(["hà_giang"]) > 0).sum()) > 0
    assert scorer.df("không-có-từ-này") == 0 and scorer.df("") == 0
    both = scorer.scores(["hà_giang", "biên_chế"], [1.0, 0.5])
    assert np.allclose(both, scorer.scores(["hà_giang"]) + 0.5 * scorer.scores(["biên_chế"]))
    assert np.allclose(scorer.scores(["hà_giang", "không-có"], [1.0, 3.0]), scorer.scores(["hà_giang"]))
    assert not scorer.scores(["hà_giang"], [0.0]).any()
    best = index.best_per_document(scorer.scores(["hà_giang"]))
    assert best.shape == (len(index.documents),) and best.max() == scorer.scores(["hà_giang"]).max()


def _same_best(got: list[tuple[int, float]], want: list[tuple[int, float]], label: str) -> None:
    """The same passages with the same scores, up to float rounding (sums in another order):
    passages may swap only where their scores are that close."""
    assert len(got) == len(want), label
    for (i, a), (j, b) in zip(got, want, strict=True):
        assert abs(a - b) <= 1e-5 * max(1.0, abs(b)), label
        assert i == j or any(abs(x - b) <= 1e-5 * max(1.0, abs(b)) for p, x in want if p == i), label


@pytest.mark.parametrize("exact", [False, True])
def test_best_is_top_of_the_scores(tmp_path: Path, exact: bool) -> None:
    """``best`` (the k best without summing every posting) gives what ``top`` gives over
    ``scores``, with a preferred set boosted and with masks, with pruning tried at every column
    and the columns left summed or looked up (by binary search or in two steps)."""
    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    scorer = _exact(index, _reference(index), tmp_path / "exact", "lucene") if exact else index.scorer
    rng = np.random.default_rng(0)
    n = scorer.n_passages
    prefer, mask = rng.random(n) < 0.3, rng.random(n) < 0.7
    queries = [sum(query_tokens(q), []) for q in QUERIES] + [["hà_giang", "dịch_vụ", "dịch", "vụ", "công"]]
    default = (BM25Scorer.prune_from, BM25Scorer.lookup_cost, BM25Scorer.skip_from)
    for prune_from, lookup_cost, skip_from in (default, (1, 32, 1), (1, 0, 1), (1, 0, 10**9)):
        # lookup_cost 0: always look up; skip_from 1: every column in two steps (_lookup)
        scorer.prune_from, scorer.lookup_cost, scorer.skip_from = prune_from, lookup_cost, skip_from
        for tokens in queries:
            weights = [1.0 if i % 3 else 0.5 for i in range(len(tokens))]
            scores = scorer.scores(tokens, weights)
            boosted = np.where(prefer, scores * 1.3, scores)
            for k in (1, 5, 20):
                _same_best(scorer.best(tokens, weights, k), Index.top(scores, k), f"{tokens} {k}")
                _same_best(scorer.best(tokens, weights, k, mask, prefer, 1.3), Index.top(boosted, k, mask),
                           f"{tokens} {k} masked, preferred")
                _same_best(scorer.best(tokens, weights, k, None, prefer, 1.3), Index.top(boosted, k),
                           f"{tokens} {k} preferred")
    assert scorer.best(["không-có"], None, 5) == [] and scorer.best(["hà_giang"], [0.0], 5) == []


def test_top_orders_ties_by_index() -> None:
    scores = np.array([0, 2, 1, 2, 0, 3, 2], dtype=np.float32)
    assert Index.top(scores, 3) == [(5, 3.0), (1, 2.0), (3, 2.0)]
    assert Index.top(scores, 10) == [(5, 3.0), (1, 2.0), (3, 2.0), (6, 2.0), (2, 1.0)]
    assert Index.top(scores, 2, scores != 3) == [(1, 2.0), (3, 2.0)]
    big = np.zeros(100_000, dtype=np.float32)
    big[[7, 70_000, 99_999, 5]] = [1, 4, 4, 2]
    assert Index.top(big, 3) == [(70_000, 4.0), (99_999, 4.0), (5, 2.0)]
    assert Index.top(np.zeros(3, dtype=np.float32), 2) == []


def test_skip_lists_made_at_load_are_those_made_on_demand(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The every-16th-passage lists made when the scorer loads are the ones a lookup would make,
    and ``best`` ranks the same with them as with lists made on demand."""
    from qa_bot.index.scorer import _STRIDE

    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    folder = index.folder / "bm25"
    monkeypatch.setattr(BM25Scorer, "skip_from", 4)
    loaded = BM25Scorer(folder)
    lengths = np.diff(loaded.indptr)
    assert set(loaded._skips) == set(np.flatnonzero(lengths >= 4).tolist()) and loaded._skips
    for t, skip in loaded._skips.items():
        a, b = int(loaded.indptr[t]), int(loaded.indptr[t + 1])
        assert np.array_equal(skip, loaded.indices[a:b][::_STRIDE])
    lazy = BM25Scorer(folder)
    lazy._skips = {}
    loaded.prune_from = lazy.prune_from = 1
    loaded.lookup_cost = lazy.lookup_cost = 0
    for q in QUERIES:
        tokens = sum(query_tokens(q), [])
        for k in (1, 5):
            assert loaded.best(tokens, None, k) == lazy.best(tokens, None, k), q


def test_two_step_lookup_finds_what_binary_search_finds(tmp_path: Path) -> None:
    """The two-step lookup (whole blocks of 16 as rows, then the short last block) gives the hits
    and values a binary search over the column gives, for candidates in and out of the column,
    its first and last passages included."""
    s = _settings(tmp_path)
    scorer = build_index(load_directory(s.documents_dir), s).scorer
    rng = np.random.default_rng(3)
    lengths = np.diff(scorer.indptr)
    for t in np.argsort(lengths)[-40:].tolist():
        a, b = int(scorer.indptr[t]), int(scorer.indptr[t + 1])
        col = scorer.indices[a:b]
        for m in (1, 5, 60):
            cand = np.unique(np.concatenate([rng.choice(col, m), rng.integers(0, scorer.n_passages, m),
                                             col[-2:], col[:1]])).astype(np.int64)
            scorer.skip_from, scorer._skips = 10**9, {}
            want = scorer._lookup(t, 0.5, (a, b), cand)
            scorer.skip_from = 1
            got = scorer._lookup(t, 0.5, (a, b), cand)
            assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1]), (t, m)
