"""Score the passages of the index for an analysed question and return the best ones."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .config import Settings
from .index import Index
from .models import Hit
from .query import Query, QueryAnalyzer
from .tokens import segment_words, vocabulary_segmenter


class Retriever:
    """BM25 search over an :class:`Index`, with question analysis, preferences and filters."""

    def __init__(self, index: Index, settings: Settings | None = None) -> None:
        self.index = index
        self.settings = settings or Settings()
        segment = segment_words
        if self.settings.fast_query_segmentation:
            segment = vocabulary_segmenter(index.bm25.vocab_dict)
        self.analyzer = QueryAnalyzer(index.lexicon, lambda: index.restorer, segment)
        self._n = max(1, index.n_passages)

    def analyze(self, question: str, year: int | None = None,
                doc_ids: Sequence[str] | None = None) -> Query:
        """The question as understood: tokens, variants, filters and hints."""
        return self.analyzer.analyze(question, year=year, doc_ids=doc_ids)

    def idf(self, token: str) -> float:
        """Lucene idf of a token in this index; a token the index never saw gets the highest."""
        tid = self.index.bm25.vocab_dict.get(token)
        df = 0 if tid is None or token == "" else self.index.bm25.df(tid)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def scores(self, query: Query) -> np.ndarray:
        """Score of every passage: BM25 of the words and abbreviation variants, plus compound
        syllables and synonyms at lower weights, times a preference for the year the question
        names."""
        s = self.settings
        tokens = query.tokens + query.variant_tokens + query.syllable_tokens + query.synonym_tokens
        weights = ([1.0] * (len(query.tokens) + len(query.variant_tokens))
                   + [s.syllable_weight] * len(query.syllable_tokens)
                   + [s.synonym_weight] * len(query.synonym_tokens))
        scores = self.index.scores(tokens, weights)
        if query.year_hint is not None and query.year is None:
            preferred = self.index.passage_year == query.year_hint
            scores = np.where(preferred, scores * s.year_hint_boost, scores)
        return scores

    def search(self, query: Query, k: int) -> list[Hit]:
        """The ``k`` best passages for ``query``."""
        mask = self.index.mask(query.year, query.doc_ids)
        return [self.index.hit(i, s) for i, s in self.index.top(self.scores(query), k, mask)]
