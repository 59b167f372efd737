"""Typed records that flow through the pipeline and out of the public API.

Each ``to_dict`` gives exactly the JSON shape of ``CONTRACT.md`` (answer object, search object,
document listing), so the CLI and the HTTP API serialise the same objects the Python API returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A cleaned document: ``text`` is what offsets point into and what is displayed."""

    doc_id: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    author: str | None = None
    path: str | None = None

    @property
    def year(self) -> int | None:
        """The year of ``date``, if known."""
        return int(self.date[:4]) if self.date else None

    def meta(self) -> dict:
        """Metadata without the text (for listings)."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "date": self.date,
            "author": self.author,
        }


@dataclass(frozen=True)
class Passage:
    """A run of whole sentences of a document: ``document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    #: Sentence boundaries inside the passage, as absolute ``(start, end)`` offsets.
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass
class Hit:
    """One retrieved passage with its document (metadata) and BM25 score.

    ``text`` is ``document_text[passage.start:passage.end]``; ``sentences`` are the passage's
    sentences as ``(start, end, text)`` with absolute offsets.
    """

    document: Document
    passage: Passage
    score: float
    text: str
    sentences: list[tuple[int, int, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The search-result shape of CONTRACT.md."""
        d = self.document
        return {
            "doc_id": d.doc_id,
            "title": d.title,
            "source": d.source,
            "url": d.url,
            "date": d.date,
            "text": self.text,
            "start": self.passage.start,
            "end": self.passage.end,
            "score": round(float(self.score), 4),
        }


@dataclass
class Citation:
    """A numbered source of an answer."""

    n: int
    hit: Hit

    def to_dict(self) -> dict:
        return {"n": self.n, **self.hit.to_dict()}


@dataclass
class Answer:
    """The answer object of CONTRACT.md."""

    question: str
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    #: Extra diagnostics (evidence score, query as understood); serialised under ``"debug"``.
    debug: dict = field(default_factory=dict)

    def to_dict(self, debug: bool = False) -> dict:
        out = {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "citations": [c.to_dict() for c in self.citations],
        }
        if debug:
            out["debug"] = self.debug
        return out


@dataclass
class SearchResult:
    """The search object of CONTRACT.md."""

    query: str
    hits: list[Hit]

    def to_dict(self) -> dict:
        return {"query": self.query, "results": [h.to_dict() for h in self.hits]}


def document_listing(doc: Document, chunks: int) -> dict:
    """One entry of ``GET /api/documents``."""
    return {**doc.meta(), "chunks": chunks}


def document_full(doc: Document, chunks: int) -> dict:
    """``GET /api/documents/{doc_id}``: metadata plus text."""
    return {**document_listing(doc, chunks), "text": doc.text}


__all__ = [
    "Answer",
    "Citation",
    "Document",
    "Hit",
    "Passage",
    "SearchResult",
    "document_full",
    "document_listing",
]
