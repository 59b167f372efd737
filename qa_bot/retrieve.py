"""Score the passages of the index for an analysed question and return the best ones."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from . import language as L
from .cited import SourceNames
from .config import Settings
from .evidence import Checker
from .facts import years_in
from .formats.structure import Marker, document_outline, path_at
from .index import BM25Scorer, Index
from .models import Document, Hit
from .normalize import fold
from .query import Query, QueryAnalyzer
from .sources import Sources
from .tokens import segment_words, vocabulary_segmenter


def document_years(doc: Document) -> set[int]:
    """Years a document is about, from its metadata: the years its title names, its publication
    year and, when published in January-March, the year before (a review session early in year
    X+1 is about year X). :meth:`Retriever.about_year` computes the same for a whole corpus."""
    years = years_in(fold(doc.title), doc.year) if _names_a_year(doc.title) else set()
    if doc.year is not None:
        years.add(doc.year)
        if _early_in_year(doc):
            years.add(doc.year - 1)
    return years


def _early_in_year(doc: Document) -> bool:
    return bool(doc.date) and int(doc.date[5:7]) <= 3


#: Four digits that may be a year; every pattern of :func:`years_in` holds one.
_FOUR_DIGITS = re.compile(r"(?:19[5-9]|20\d)\d")


def _names_a_year(text: str) -> bool:
    """Whether :func:`years_in` may find a year in ``text``: its other patterns hold a year that
    YEAR finds, and folding leaves digits and punctuation as they are."""
    return bool(L.YEAR.search(text) or L.DATE_YEAR.search(text))


def title_years(documents: Sequence[Document]) -> dict[int, list[int]]:
    """For each year some titles name (:func:`years_in`), the indices of those documents. The
    titles are searched for four digits in one pass over all of them; only those that have some
    are read further (153k titles: 0.1 s instead of 0.7 s one by one)."""
    titles = [d.title for d in documents]
    starts = np.cumsum([0] + [len(t) + 1 for t in titles])
    at = [m.start() for m in _FOUR_DIGITS.finditer("\n".join(titles))]
    named: dict[int, list[int]] = {}
    for i in np.unique(np.searchsorted(starts, at, "right") - 1).tolist():
        if _names_a_year(titles[i]):
            for year in years_in(fold(titles[i]), documents[i].year):
                named.setdefault(year, []).append(i)
    return named


def _number_pattern(number: str) -> re.Pattern[str]:
    """A folded document number ("5/ct", "05/ct-ttg") as a pattern: leading zeros and a year
    between number and symbol ("10/2025/nđ-cp") allowed."""
    num = re.escape(fold(number)).replace("/", r"(?:/\d{4})?/")
    return re.compile(r"(?<![\w/])0*" + num.lstrip("0"))


def matching_documents(documents: Sequence[Document], doc_type: str | None = None,
                       issuer: str | None = None, number: str | None = None) -> list[str]:
    """Ids of the documents of a type ("Chỉ thị"; "Thông báo" includes "Thông báo kết luận"),
    an issuing body (any part of its name, "UBND" or "Ủy ban nhân dân", accents optional) and a
    number ("05/CT-TTg", "05/CT", "05")."""
    def folded_issuer(text: str) -> str:
        return re.sub(r"\bubnd\b", "uy ban nhan dan", fold(text).replace("ủy", "uy"))

    out = []
    for d in documents:
        if doc_type and not (d.doc_type and fold(d.doc_type).startswith(fold(doc_type).strip())):
            continue
        if issuer and not (d.issuer and folded_issuer(issuer).strip() in folded_issuer(d.issuer)):
            continue
        if number and not (d.number and (_number_pattern(number.strip()).match(fold(d.number))
                                         or fold(d.number) == fold(number.strip()))):
            continue
        out.append(d.doc_id)
    return out


def named_documents(documents: Sequence[Document], doc_numbers: Sequence[str]) -> list[str]:
    """Documents a question names by number ("Chỉ thị 05", "NQ 76/NQ-CP": ``Query.doc_numbers``,
    folded) whose metadata number or title carries it."""
    if not doc_numbers:
        return []
    patterns = [_number_pattern(n) for n in doc_numbers if re.search(r"\d", n)]
    return [d.doc_id for d in documents
            if d.number and any(p.search(fold(d.number)) for p in patterns)]


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
                                      reference_year=max(dated) if dated else None,
                                      known=scorer.vocabulary.__contains__,
                                      cited=lambda text: self.source_names.cited(text))
        self._n = max(1, index.n_passages)
        self._year_masks: dict[int, np.ndarray] = {}
        s = self.settings
        self.sources = Sources(
            idf=self.idf,
            checker=Checker(lambda doc_id: (d.text if (d := index.document(doc_id)) else None)),
            doc_hits=lambda doc_id: [self.hit(i, 0.0) for i in index.doc_passages(doc_id)],
            known=lambda token: token in scorer.vocabulary,
            lead=functools.lru_cache(maxsize=4096)(self._lead),
            lexicon=index.lexicon, threshold=s.found_threshold, passages=s.answer_passages,
            max_sentences=s.answer_sentences)

    @functools.cached_property
    def source_names(self) -> SourceNames:
        """The documents' source names a question may cite (read on first use)."""
        return SourceNames(self.index.documents)

    def _lead(self, doc_id: str) -> str:
        """The first sentence of a document (its lead: what the article is about)."""
        first = self.index.doc_passages(doc_id)
        if not first:
            return ""
        sentences = self.index.hit(first[0], 0.0).sentences
        return sentences[0][2] if sentences else ""

    def about_year(self, year: int) -> np.ndarray:
        """Boolean mask of the passages whose document is about ``year`` (:func:`document_years`;
        cached)."""
        if year not in self._year_masks:
            doc_year, early, named = self._year_parts
            docs = (doc_year == year) | ((doc_year == year + 1) & early)
            docs[named.get(year, [])] = True
            self._year_masks[year] = self.index.by_passage(docs)
        return self._year_masks[year]

    @functools.cached_property
    def _numbered(self) -> list[Document]:
        """The documents that have a number (a question naming one is matched against these
        only: a large corpus of articles has none)."""
        return [d for d in self.index.documents if d.number]

    @functools.cached_property
    def _year_parts(self) -> tuple[np.ndarray, np.ndarray, dict[int, list[int]]]:
        """What :meth:`about_year` reads, computed on the first year question: each document's
        year (-1: undated), whether it was published in January-March, and the documents each
        title year names."""
        docs = self.index.documents
        early = np.fromiter((_early_in_year(d) for d in docs), dtype=bool, count=len(docs))
        return np.asarray(self.index.arrays["doc_year"]), early, title_years(docs)

    def analyze(self, question: str, year: int | None = None,
                doc_ids: Sequence[str] | None = None) -> Query:
        """The question as understood: tokens, variants, filters and hints."""
        return self.analyzer.analyze(question, year=year, doc_ids=doc_ids)

    def idf(self, token: str) -> float:
        """Lucene idf of a token in this index; a token the index never saw gets the highest."""
        df = self.index.scorer.df(token)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def _terms(self, query: Query) -> tuple[list[str], list[float]]:
        """The tokens scored for a query and their weights: the words and abbreviation variants,
        plus compound syllables and synonyms at lower weights."""
        s = self.settings
        tokens = query.tokens + query.variant_tokens + query.syllable_tokens + query.synonym_tokens
        weights = ([1.0] * (len(query.tokens) + len(query.variant_tokens))
                   + [s.syllable_weight] * len(query.syllable_tokens)
                   + [s.synonym_weight] * len(query.synonym_tokens))
        return tokens, weights

    def _preferred(self, query: Query) -> np.ndarray | None:
        """The passages of the documents about the year the question names (scores times
        ``year_hint_boost``), or None."""
        if query.year_hint is None or query.year is not None:
            return None
        return (self.index.passage_year == query.year_hint if query.event_years
                else self.about_year(query.year_hint))

    def scores(self, query: Query) -> np.ndarray:
        """Score of every passage: BM25 of the query's tokens (:meth:`_terms`), times a
        preference for the documents about the year the question names."""
        scores = self.index.scorer.scores(*self._terms(query))
        if (preferred := self._preferred(query)) is not None:
            np.multiply(scores, self.settings.year_hint_boost, out=scores, where=preferred)
        return scores

    def search(self, query: Query, k: int) -> list[Hit]:
        """The ``k`` best passages for ``query``. A question that names a document by its number
        ("Chỉ thị 05 yêu cầu gì?") is answered from that document when the corpus has it."""
        doc_ids = query.doc_ids
        if not doc_ids and (named := named_documents(self._numbered, query.doc_numbers)):
            doc_ids = named
        mask = self.index.mask(query.year, doc_ids)
        scorer = self.index.scorer
        if isinstance(scorer, BM25Scorer):  # the k best without scoring every passage
            best = scorer.best(*self._terms(query), k, mask, self._preferred(query),
                               self.settings.year_hint_boost)
        else:
            best = self.index.top(self.scores(query), k, mask)
        return [self.hit(i, s) for i, s in best]

    def hit(self, i: int, score: float) -> Hit:
        """Passage ``i`` with its structural path ("Mục 2, điểm b") when its document has one."""
        h = self.index.hit(i, score)
        if outline := self._outline(h.document.doc_id):
            h.passage = replace(h.passage, path=path_at(outline, h.passage.start))
        return h

    def _outline(self, doc_id: str) -> list[Marker]:
        """The structural outline of a document (cached; empty for articles)."""
        cache: dict[str, list[Marker]] = self.__dict__.setdefault("_outlines", {})
        if doc_id not in cache:
            doc = self.index.document(doc_id)
            cache[doc_id] = document_outline(doc) if doc is not None else []
        return cache[doc_id]

    def filter_doc_ids(self, doc_ids: Sequence[str] | None = None, doc_type: str | None = None,
                       issuer: str | None = None, number: str | None = None) -> list[str] | None:
        """``doc_ids`` narrowed to the documents of a type, issuer and number (None: no filter;
        an empty list: no document matches)."""
        if not (doc_type or issuer or number):
            return list(doc_ids) if doc_ids else None
        found = matching_documents(self.index.documents, doc_type, issuer, number)
        return [d for d in found if d in doc_ids] if doc_ids else found
