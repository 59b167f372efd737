"""Small text helpers shared by the UI's HTML: escaping, dates, safe links, answer status."""

from __future__ import annotations

import html
from urllib.parse import quote, urlsplit

from qa_bot.models import CitationDict

TITLE = "Trợ lý hỏi đáp Cải cách hành chính"


def esc(text: object) -> str:
    """HTML-escaped text (quotes included): safe in element content and in attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def format_date(iso: str | None) -> str:
    """``2024-02-02`` -> ``02/02/2024``; unknown -> ``không rõ ngày``."""
    if not iso:
        return "không rõ ngày"
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (no ``javascript:`` and friends)."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def document_link(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """Relative link to the readable page of a document, the cited passage marked."""
    link = "tai-lieu/" + quote(doc_id, safe="")
    if start is not None and end is not None:
        link += f"?start={int(start)}&end={int(end)}#trich-dan"
    return link


#: Header of a partial answer (the documents hold something close, not what was asked).
PARTIAL_TITLE = "Trả lời một phần — tài liệu không có đúng thông tin được hỏi"
NOT_FOUND_TITLE = "Không tìm thấy câu trả lời trong tài liệu"


def answer_status(answer: dict) -> str:
    """``answered``, ``partial`` or ``not_found`` (from ``found`` for an answer object without
    ``status``)."""
    status = answer.get("status")
    if status in ("answered", "partial", "not_found"):
        return status
    return "answered" if answer.get("found") else "not_found"


def split_citations(answer: dict) -> tuple[list[CitationDict], list[CitationDict]]:
    """``(cited, related)``: the citations the answer uses (``used: true``, in their order) and the
    related passages it does not use. A not-found answer cites nothing: all its passages are related.
    A citation without a ``used`` flag counts as used."""
    cites = [c for c in answer.get("citations") or [] if isinstance(c, dict)]
    if answer_status(answer) == "not_found":
        return [], cites
    cited = [c for c in cites if c.get("used", True) is not False]
    return cited, [c for c in cites if c.get("used", True) is False]


def copy_text(answer: dict) -> str:
    """Plain text of an answer and the sources it cites, for the copy button."""
    lines = [answer.get("answer", "")]
    cited, _ = split_citations(answer)
    if cited:
        lines.append("")
        lines.append("Nguồn:")
        for c in cited:
            date = format_date(c["date"]) if c.get("date") else None
            meta = ", ".join(x for x in (c.get("source"), date, safe_url(c.get("url"))) if x)
            lines.append(f"[{c['n']}] {c['title']}" + (f" ({meta})" if meta else ""))
    return "\n".join(lines)


__all__ = ["NOT_FOUND_TITLE", "PARTIAL_TITLE", "TITLE", "answer_status", "copy_text", "document_link", "esc",
           "format_date", "safe_url", "split_citations"]
