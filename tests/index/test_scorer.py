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
    tokens = [toks for d in index.documents for toks in analyses[index.manifest["documents"][d.doc_id]].tokens]
    assert len(tokens) == index.n_passages
    return BM25Okapi(tokens, k1=1.2, b=0.75)


def test_engine_ranks_like_rank_bm25(tmp_path: Path) -> None:
    """Built with the Okapi (Robertson) formula, our index scores and ranks the shipped passages
    exactly as rank-bm25's BM25Okapi does (bm25s leaves out the constant factor k1 + 1). Terms in
    more than half of the passages are left out of the comparison: there Okapi's idf is negative
    and the two libraries floor it differently (rank-bm25 to a share of the mean idf)."""
    s = replace(_settings(tmp_path), bm25_method="robertson")
    index = build_index(load_directory(s.documents_dir), s)
    reference = _reference(index)
    for q in QUERIES:
        vocab, half = index.scorer.vocabulary, index.n_passages / 2
        tokens = [t for t in sum(query_tokens(q), []) if t in vocab and index.scorer.df(t) < half]
        assert tokens, q
        ref = reference.get_scores(tokens)
        ours = index.scores(tokens)
        assert np.allclose(ours * (1.2 + 1), ref, rtol=1e-4, atol=1e-4), q
        assert_same_ranking(ours, ref, q)


def test_lucene_variant_used_by_the_product_keeps_the_okapi_order_per_term(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    reference = _reference(index)
    for term in ("hà_giang", "biên_chế", "trực_tuyến", "phiên"):
        ours = index.scores([term])
        ref = reference.get_scores([term])
        assert_same_ranking(ours, ref, term)


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
