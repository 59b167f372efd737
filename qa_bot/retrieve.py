"""Score the passages of the index for an analysed question and return the best ones."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np

from .config import Settings
from .evidence import Checker, years_in
from .index import Index
from .models import Document, Hit
from .normalize import fold
from .query import Query, QueryAnalyzer
from .sources import Sources
from .tokens import segment_words, vocabulary_segmenter


def document_years(doc: Document) -> set[int]:
    """Years a document is about, from its metadata: the years its title names, its publication
    year and, when published in January-March, the year before (a review session early in year
    X+1 is about year X)."""
    years = years_in(fold(doc.title), doc.year)
    if doc.year is not None:
        years.add(doc.year)
        if doc.date and int(doc.date[5:7]) <= 3:
            years.add(doc.year - 1)
    return years


class Retriever:
    """Search over an :class:`Index`, with question analysis, preferences and filters. Scores come
    from the index's scorer (:class:`qa_bot.index.Scorer`: vocabulary, ``df``, ``scores``) only."""

    def __init__(self, index: Index, settings: Settings | None = None) -> None:
        self.index = index
        self.settings = settings or Settings()
        scorer = index.scorer
        segment = segment_words
        if self.settings.fast_query_segmentation:
            segment = vocabulary_segmenter(scorer.vocabulary)
        dated = [d.year for d in index.documents if d.year is not None]
        self.analyzer = QueryAnalyzer(index.lexicon, lambda: index.restorer, segment,
                                      reference_year=max(dated) if dated else None)
        self._n = max(1, index.n_passages)
        self._year_masks: dict[int, np.ndarray] = {}
        s = self.settings
        self.sources = Sources(
            idf=self.idf,
            checker=Checker(lambda doc_id: (d.text if (d := index.document(doc_id)) else None)),
            doc_hits=lambda doc_id: [index.hit(i, 0.0) for i in index.doc_passages(doc_id)],
            known=lambda token: token in scorer.vocabulary,
            lead=functools.lru_cache(maxsize=4096)(self._lead),
            lexicon=index.lexicon, threshold=s.found_threshold, passages=s.answer_passages,
            max_sentences=s.answer_sentences)

    def _lead(self, doc_id: str) -> str:
        """The first sentence of a document (its lead: what the article is about)."""
        first = self.index.doc_passages(doc_id)
        if not first:
            return ""
        sentences = self.index.hit(first[0], 0.0).sentences
        return sentences[0][2] if sentences else ""

    def about_year(self, year: int) -> np.ndarray:
        """Boolean mask of the passages whose document is about ``year`` (cached)."""
        if year not in self._year_masks:
            docs = np.array([year in years for years in self._doc_years], dtype=bool)
            self._year_masks[year] = self.index.by_passage(docs)
        return self._year_masks[year]

    @functools.cached_property
    def _doc_years(self) -> list[set[int]]:
        """:func:`document_years` of every document (one pass, on the first year question)."""
        return [document_years(d) for d in self.index.documents]

    def analyze(self, question: str, year: int | None = None,
                doc_ids: Sequence[str] | None = None) -> Query:
        """The question as understood: tokens, variants, filters and hints."""
        return self.analyzer.analyze(question, year=year, doc_ids=doc_ids)

    def idf(self, token: str) -> float:
        """Lucene idf of a token in this index; a token the index never saw gets the highest."""
        df = self.index.scorer.df(token)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def scores(self, query: Query) -> np.ndarray:
        """Score of every passage: BM25 of the words and abbreviation variants, plus compound
        syllables and synonyms at lower weights, times a preference for the documents about the
        year the question names."""
        s = self.settings
        tokens = query.tokens + query.variant_tokens + query.syllable_tokens + query.synonym_tokens
        weights = ([1.0] * (len(query.tokens) + len(query.variant_tokens))
                   + [s.syllable_weight] * len(query.syllable_tokens)
                   + [s.synonym_weight] * len(query.synonym_tokens))
        scores = self.index.scorer.scores(tokens, weights)
        if query.year_hint is not None and query.year is None:
            preferred = (self.index.passage_year == query.year_hint if query.event_years
                         else self.about_year(query.year_hint))
            scores = np.where(preferred, scores * s.year_hint_boost, scores)
        return scores

    def search(self, query: Query, k: int) -> list[Hit]:
        """The ``k`` best passages for ``query``."""
        mask = self.index.mask(query.year, query.doc_ids)
        return [self.index.hit(i, s) for i, s in self.index.top(self.scores(query), k, mask)]
