"""Typed records that flow through the pipeline and out of the public API.

Each ``to_dict`` gives exactly the JSON shape of ``docs/contract.md`` (answer object, search object,
document listing), so the CLI and the HTTP API serialise the same objects the Python API returns.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TypedDict
from urllib.parse import urlsplit


# -- the JSON shape of passages and citations: one schema for the models, the API and the UI ------
class PassageDict(TypedDict):
    """A passage as JSON: one search result (``search --json``, ``GET /api/search``)."""

    doc_id: str
    title: str
    source: str | None
    url: str | None
    date: str | None
    text: str
    start: int
    end: int
    score: float
    #: Where the passage is in the document's structure ("Mục 2, điểm b"), or null.
    path: str | None
    #: Document type ("Chỉ thị", "Nghị quyết", "Bài báo"...), number ("05/CT-TTg"), issuing body.
    doc_type: str | None
    number: str | None
    issuer: str | None


class CitationDict(PassageDict):
    """A citation as JSON: a passage with its number and whether the answer text uses it."""

    n: int
    used: bool


#: What each field of :class:`PassageDict` and :class:`CitationDict` means (the API schema and the
#: docs take their descriptions from here).
FIELD_DOCS: dict[str, str] = {
    "doc_id": "stable id of the document (see /api/documents)",
    "title": "title of the document",
    "source": "publisher or site, or null",
    "url": "original URL, or null",
    "date": "publication date, YYYY-MM-DD, or null",
    "text": "verbatim: document text[start:end]",
    "start": "character offset of the passage in the document text",
    "end": "character offset where the passage ends (exclusive)",
    "score": "retrieval score, higher is better",
    "path": "where the passage is in the document's structure, e.g. \"Mục 2, điểm b\", or null",
    "doc_type": "document type (\"Chỉ thị\", \"Nghị quyết\", \"Quyết định\", \"Bài báo\"...), or null",
    "number": "number and symbol of the document, e.g. \"05/CT-TTg\", or null",
    "issuer": "issuing body, e.g. \"Thủ tướng Chính phủ\", or null",
    "n": "the number of the [n] markers in the answer; used citations are numbered 1, 2, ... in the "
         "order the answer first cites them, then come the unused ones",
    "used": "true when the answer text cites this passage with [n]; false for a related passage the "
            "answer does not use (listed after the used ones)",
}


def http_url(url: object) -> str | None:
    """``url`` (stripped) when it is an absolute ``http``/``https`` URL with a host, else None: a
    document's link is never ``javascript:``, ``data:``, relative, or broken by white space."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a malformed port)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


@dataclass(frozen=True)
class Document:
    """A cleaned document: ``text`` is what offsets point into and what is displayed. ``url`` is
    kept only when it is an http(s) link (:func:`http_url`), whoever built the document."""

    doc_id: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    author: str | None = None
    path: str | None = None
    #: "Chỉ thị", "Nghị quyết", "Quyết định", "Công điện", "Kế hoạch", "Thông báo kết luận",
    #: "Bài báo" (news article)... or None; read from the text (qa_bot.formats.header) or front matter.
    doc_type: str | None = None
    number: str | None = None  # number and symbol, "05/CT-TTg"
    issuer: str | None = None  # issuing body, "Thủ tướng Chính phủ"
    signer: str | None = None  # who signed it

    def __post_init__(self) -> None:
        if self.url is not None and http_url(self.url) != self.url:
            object.__setattr__(self, "url", http_url(self.url))

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
            "doc_type": self.doc_type,
            "number": self.number,
            "issuer": self.issuer,
            "signer": self.signer,
        }


@dataclass(frozen=True)
class Passage:
    """A run of whole sentences of a document: ``document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    #: Sentence boundaries inside the passage, as absolute ``(start, end)`` offsets.
    sentences: tuple[tuple[int, int], ...] = ()
    #: Where it is in the document's structure ("Mục 2, điểm b"), or None (see qa_bot.passages).
    path: str | None = None


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

    def to_dict(self) -> PassageDict:
        """The search-result shape (:class:`PassageDict`)."""
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
            "path": self.passage.path,
            "doc_type": d.doc_type,
            "number": d.number,
            "issuer": d.issuer,
        }


@dataclass
class Citation:
    """A numbered source of an answer: ``used`` when the answer text cites it with ``[n]``
    (used citations come first, numbered in the order the answer first uses them)."""

    n: int
    hit: Hit
    used: bool = True

    def to_dict(self) -> CitationDict:
        """The citation shape (:class:`CitationDict`): ``n`` first, then the passage, then ``used``."""
        return {"n": self.n, **self.hit.to_dict(), "used": self.used}  # type: ignore[typeddict-item]


#: The three outcomes of a question (``Answer.status``).
ANSWERED, PARTIAL, NOT_FOUND = "answered", "partial", "not_found"


@dataclass
class Answer:
    """The answer object of docs/contract.md.

    ``status`` is ``answered``, ``partial`` (the documents hold something close to, but not, what
    was asked; the answer says so first) or ``not_found``; ``found`` is true exactly when answered.
    """

    question: str
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    #: Extra diagnostics (evidence score, query as understood); serialised under ``"debug"``.
    debug: dict = field(default_factory=dict)
    status: str = ""
    #: The standalone question that was answered (the question itself without earlier turns).
    interpreted_as: str = ""

    def __post_init__(self) -> None:
        if not self.status:
            self.status = ANSWERED if self.found else NOT_FOUND
        self.found = self.status == ANSWERED
        if not self.interpreted_as:
            self.interpreted_as = self.question

    def to_dict(self, debug: bool = False) -> dict:
        out = {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "status": self.status,
            "interpreted_as": self.interpreted_as,
            "citations": [c.to_dict() for c in self.citations],
        }
        if debug:
            out["debug"] = self.debug
        return out


@dataclass
class SearchResult:
    """The search object of docs/contract.md."""

    query: str
    hits: list[Hit]

    def to_dict(self) -> dict:
        return {"query": self.query, "results": [h.to_dict() for h in self.hits]}


def document_listing(doc: Document, chunks: int) -> dict:
    """One entry of ``GET /api/documents``; ``file``: the name of the file it was read from."""
    return {**doc.meta(), "chunks": chunks, "file": os.path.basename(doc.path) if doc.path else None}


def document_full(doc: Document, chunks: int) -> dict:
    """``GET /api/documents/{doc_id}``: metadata plus text."""
    return {**document_listing(doc, chunks), "text": doc.text}


__all__ = [
    "ANSWERED",
    "FIELD_DOCS",
    "NOT_FOUND",
    "PARTIAL",
    "Answer",
    "Citation",
    "CitationDict",
    "Document",
    "Hit",
    "http_url",
    "Passage",
    "PassageDict",
    "SearchResult",
    "document_full",
    "document_listing",
]
