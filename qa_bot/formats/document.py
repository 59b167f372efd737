"""A :class:`~qa_bot.models.Document` from a file's text: Markdown with front matter, or text
(plain, from HTML, PDF or DOCX) whose metadata comes from the text itself.

Metadata precedence: front matter (or upload form fields, given the same way), then the official
header of an administrative document (:mod:`.header`), then what a news page says about itself
(:func:`qa_bot.clean.clean_page`). A text with an official header is cleaned with
:func:`qa_bot.clean.clean_legal` (one paragraph a line, structure kept); any other text with
:func:`qa_bot.clean.clean_page` as before.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from ..clean import clean_legal, clean_page, guess_title
from ..errors import DocumentError
from ..models import Document
from .header import Header, parse_header

#: Metadata fields a front matter (or an upload form) may give; ``type`` is read as ``doc_type``.
FIELDS = ("title", "date", "source", "url", "author", "doc_type", "number", "issuer", "signer")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalize_body(text: str) -> str:
    """NFC, unified line endings, trailing spaces gone, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_front_matter(raw: str) -> tuple[dict, str]:
    """Split ``---`` front matter (``key: value`` lines, ``null`` for none) from the body."""
    if not raw.startswith("---"):
        return {}, raw
    end = raw.find("\n---", 3)
    if end < 0:
        raise DocumentError("phần đầu (front matter) mở bằng '---' nhưng không đóng",
                            "front matter opened with '---' is never closed")
    meta: dict = {}
    for line in raw[3:end].strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise DocumentError(f"dòng front matter không có dạng 'key: value': {line!r}",
                                f"front matter line is not 'key: value': {line!r}")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[key.strip().lower()] = None if value.lower() in ("", "null", "none", "~") else value
    if "type" in meta and "doc_type" not in meta:
        meta["doc_type"] = meta.pop("type")
    return meta, raw[end + 4 :].lstrip("\n")


def doc_id(path: Path) -> str:
    """The document id of a file: its name without the extension, in NFC."""
    return unicodedata.normalize("NFC", path.stem)


def check_date(date: str | None) -> str | None:
    """``date`` when it is a real ``YYYY-MM-DD`` day in 1900-2100; DocumentError otherwise."""
    if date is None:
        return None
    if not _ISO.match(date):
        raise DocumentError(f"ngày phải có dạng YYYY-MM-DD, nhận được {date!r}",
                            f"date must be YYYY-MM-DD, got {date!r}")
    try:
        ok = 1900 <= datetime.date.fromisoformat(date).year <= 2100
    except ValueError:
        ok = False
    if not ok:
        raise DocumentError(f"ngày {date} không có thật (dạng YYYY-MM-DD, năm 1900-2100)",
                            f"date {date} is not a calendar day in 1900-2100")
    return date


def _header_fields(h: Header) -> dict:
    return {"doc_type": h.doc_type, "number": h.number, "issuer": h.issuer, "signer": h.signer,
            "date": h.date, "title": h.title}


def _merge(meta: dict, *layers: dict) -> dict:
    """``meta`` overrides: a key it has (even null) wins; otherwise the first layer with a value."""
    out = {k: meta[k] for k in FIELDS if k in meta}
    for layer in layers:
        for k, v in layer.items():
            if k not in out or (out[k] is None and k not in meta):
                out[k] = v
    return out


def _document(path: Path, text: str, fields: dict) -> Document:
    return Document(
        doc_id=doc_id(path), title=unicodedata.normalize("NFC", fields.get("title") or doc_id(path)),
        text=text, source=fields.get("source"), url=fields.get("url"),
        date=check_date(fields.get("date")), author=fields.get("author"), path=str(path),
        doc_type=fields.get("doc_type"), number=fields.get("number"), issuer=fields.get("issuer"),
        signer=fields.get("signer"))


def from_markdown(path: Path, raw: str, overrides: dict | None = None) -> Document:
    """A Markdown file: front matter fields, then the header of the body for those it lacks."""
    meta, body = parse_front_matter(raw)
    meta.update(overrides or {})
    text = normalize_body(body)
    h = parse_header(text)
    fields = _merge(meta, _header_fields(h) if h.official else {})
    fields["title"] = fields.get("title") or guess_title(text.split("\n\n")) or path.stem
    return _document(path, text, fields)


def from_text(path: Path, raw: str, html_title: str | None = None,
              overrides: dict | None = None, page_wrapped: bool = False) -> Document:
    """Text from a ``.txt``, an HTML page, a PDF or a DOCX. With an official header: cleaned as
    an administrative document, metadata from the header; otherwise as a news page.
    ``page_wrapped``: lines were cut by the page (PDF), see :func:`qa_bot.clean.clean_legal`."""
    h = parse_header(raw)
    overrides = overrides or {}
    if h.official:
        return _document(path, clean_legal(raw, page_wrapped), _merge(overrides, _header_fields(h),
                                                        {"title": html_title}))
    text, page = clean_page(raw)
    paragraphs = text.split("\n\n")
    title = html_title or guess_title(paragraphs)
    if title and title in paragraphs:  # the body starts after the headline
        paragraphs = paragraphs[paragraphs.index(title) + 1 :]
    fields = _merge(overrides, {"title": title, "source": page.source, "url": page.url,
                                "date": page.date or h.date, "author": page.author})
    return _document(path, "\n\n".join(paragraphs), fields)


__all__ = ["FIELDS", "check_date", "doc_id", "from_markdown", "from_text", "normalize_body",
           "parse_front_matter"]
