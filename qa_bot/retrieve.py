"""Turn a question into query tokens and return the best passages of the index."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .index import Index
from .models import Hit
from .normalize import nfc
from .tokens import query_tokens, strip_question_words


@dataclass
class Query:
    """A question as the retriever understood it."""

    text: str  # the question as typed (NFC)
    search_text: str  # the text that was tokenized (question words removed, restored marks...)
    tokens: list[str]
    year: int | None = None
    doc_ids: list[str] = field(default_factory=list)
    notes: dict = field(default_factory=dict)


class Retriever:
    """BM25 search over an :class:`Index`, with optional year / document filters."""

    def __init__(self, index: Index) -> None:
        self.index = index
        scores = index.bm25.scores
        self._df = np.diff(np.asarray(scores["indptr"]))
        self._n = max(1, index.n_passages)

    def analyze(self, question: str, year: int | None = None,
                doc_ids: Sequence[str] | None = None) -> Query:
        """Tokens and filters for ``question``."""
        text = nfc(question).strip()
        search_text = strip_question_words(text)
        return Query(text, search_text, query_tokens(search_text), year, list(doc_ids or []))

    def idf(self, token: str) -> float:
        """Lucene idf of a token in this index; a token the index never saw gets the highest."""
        tid = self.index.bm25.vocab_dict.get(token)
        df = 0 if tid is None or token == "" else int(self._df[tid])
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def search(self, query: Query, k: int) -> list[Hit]:
        """The ``k`` best passages for ``query``."""
        scores = self.index.scores(query.tokens)
        mask = self.index.mask(query.year, query.doc_ids)
        return [self.index.hit(i, s) for i, s in self.index.top(scores, k, mask)]
