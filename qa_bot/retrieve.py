"""Score the passages of the index for an analysed question and return the best ones."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .index import Index
from .models import Hit
from .query import Query, QueryAnalyzer

#: Weight of synonym tokens relative to the question's own words.
SYNONYM_WEIGHT = 0.5
#: Score multiplier for passages of documents dated in the year a question names.
YEAR_HINT_BOOST = 1.3


class Retriever:
    """BM25 search over an :class:`Index`, with question analysis, preferences and filters."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.analyzer = QueryAnalyzer(index.lexicon, index.restorer)
        self._df = np.diff(np.asarray(index.bm25.scores["indptr"]))
        self._n = max(1, index.n_passages)

    def analyze(self, question: str, year: int | None = None,
                doc_ids: Sequence[str] | None = None) -> Query:
        """The question as understood: tokens, variants, filters and hints."""
        return self.analyzer.analyze(question, year=year, doc_ids=doc_ids)

    def idf(self, token: str) -> float:
        """Lucene idf of a token in this index; a token the index never saw gets the highest."""
        tid = self.index.bm25.vocab_dict.get(token)
        df = 0 if tid is None or token == "" else int(self._df[tid])
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def scores(self, query: Query) -> np.ndarray:
        """Score of every passage: BM25 of the words and abbreviation variants, plus synonyms at a
        lower weight, times a preference for the year the question names."""
        scores = self.index.scores(query.tokens + query.variant_tokens)
        if query.synonym_tokens:
            scores = scores + SYNONYM_WEIGHT * self.index.scores(query.synonym_tokens)
        if query.year_hint is not None and query.year is None:
            years = np.asarray(self.index.arrays["doc_year"])[np.asarray(self.index.arrays["p_doc"])]
            scores = np.where(years == query.year_hint, scores * YEAR_HINT_BOOST, scores)
        return scores

    def search(self, query: Query, k: int) -> list[Hit]:
        """The ``k`` best passages for ``query``."""
        mask = self.index.mask(query.year, query.doc_ids)
        return [self.index.hit(i, s) for i, s in self.index.top(self.scores(query), k, mask)]
