"""BM25 weights (qa_bot/index/bm25.py) against bm25s's own, on the shipped documents' tokens."""


import bm25s
import numpy as np
import pytest

from qa_bot.config import Settings
from qa_bot.documents import load_directory
from qa_bot.index import analyze
from qa_bot.index.bm25 import METHODS, count_postings, idf, weights
from tests.corpus import copy_documents


@pytest.fixture(scope="module")
def tokens(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    folder = copy_documents(tmp_path_factory.mktemp("docs"))
    s = Settings()
    return [t for d in load_directory(folder) for t in analyze(d, s.passage_chars).tokens]


def _bm25s(tokens: list[list[str]], vocab: dict[str, int], k1: float, b: float,
           method: str) -> dict[str, np.ndarray]:
    model = bm25s.BM25(k1=k1, b=b, method=method)
    model.index(([[vocab[t] for t in doc] for doc in tokens], vocab), show_progress=False)
    return model.scores


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("k1,b", [(1.2, 0.75), (1.5, 0.3)])
def test_weights_equal_bm25s(tokens: list[list[str]], method: str, k1: float, b: float) -> None:
    p = count_postings(tokens)
    ours = weights(p, k1, b, method)
    theirs = _bm25s(tokens, p.vocab, k1, b, method)
    assert np.array_equal(p.indptr, theirs["indptr"])
    assert np.array_equal(p.indices, theirs["indices"])
    assert np.allclose(ours, theirs["data"], rtol=2e-6, atol=1e-7)


def test_postings_count_every_token(tokens: list[list[str]]) -> None:
    p = count_postings(tokens)
    assert p.counts.sum() == sum(map(len, tokens)) == p.lengths.sum()
    assert sorted(p.vocab) == list(p.vocab) and len(p.vocab) == len({t for d in tokens for t in d})
    column = p.vocab[tokens[0][0]]
    at = p.indices[p.indptr[column] : p.indptr[column + 1]]
    assert at[0] == 0 and np.all(np.diff(at.astype(np.int64)) > 0)
    assert p.counts[p.indptr[column]] == tokens[0].count(tokens[0][0])


def test_idf_rejects_an_unknown_method() -> None:
    with pytest.raises(ValueError, match="unknown BM25 method"):
        idf(np.array([1, 2]), 10, "okapi")
