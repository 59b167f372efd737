"""Load a folder of documents: Markdown with front matter, plain text, HTML.

A Markdown file is the hand-editable form the product ships::

    ---
    title: Phiên họp thứ ba Ban Chỉ đạo cải cách hành chính của Chính phủ
    date: 2023-02-03
    source: null
    url: null
    author: N.V
    ---
    Chiều 3-2, Thủ tướng Chính phủ ...

``.txt`` and ``.html`` files dropped into the folder go through :func:`qa_bot.clean.clean_page`
and take their metadata from their own text. The document id is the file name without extension.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from .clean import clean_page, guess_title, html_to_text
from .errors import DocumentError
from .models import Document

SUFFIXES = (".md", ".txt", ".html", ".htm")
_FIELDS = ("title", "date", "source", "url", "author")
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
    return meta, raw[end + 4 :].lstrip("\n")


def render_markdown(doc: Document) -> str:
    """The Markdown-with-front-matter form of a document (what ``documents/`` ships)."""
    head = "\n".join(f"{k}: {getattr(doc, k) or 'null'}" for k in _FIELDS)
    return f"---\n{head}\n---\n{doc.text}\n"


def _from_markdown(path: Path, raw: str) -> Document:
    meta, body = parse_front_matter(raw)
    text = normalize_body(body)
    title = meta.get("title") or guess_title(text.split("\n\n")) or path.stem
    date = meta.get("date")
    if date and not _ISO.match(date):
        raise DocumentError(f"ngày phải có dạng YYYY-MM-DD, nhận được {date!r}",
                            f"date must be YYYY-MM-DD, got {date!r}")
    return Document(
        doc_id=path.stem,
        title=unicodedata.normalize("NFC", title),
        text=text,
        source=meta.get("source"),
        url=meta.get("url"),
        date=date,
        author=meta.get("author"),
        path=str(path),
    )


def _from_page(path: Path, raw: str, html_title: str | None = None) -> Document:
    text, meta = clean_page(raw)
    paragraphs = text.split("\n\n")
    title = html_title or guess_title(paragraphs)
    if title and title in paragraphs:  # the body starts after the headline
        paragraphs = paragraphs[paragraphs.index(title) + 1 :]
    return Document(
        doc_id=path.stem,
        title=title or path.stem,
        text="\n\n".join(paragraphs),
        source=meta.source,
        url=meta.url,
        date=meta.date,
        author=meta.author,
        path=str(path),
    )


def load_file(path: str | Path) -> Document:
    """Read one ``.md``, ``.txt`` or ``.html`` document."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path}: không phải văn bản UTF-8 ({exc.reason})",
                            f"{path}: not UTF-8 text ({exc.reason})") from exc
    try:
        if path.suffix == ".md":
            doc = _from_markdown(path, raw)
        elif path.suffix in (".html", ".htm"):
            body, title = html_to_text(raw)
            doc = _from_page(path, body, title)
        else:
            doc = _from_page(path, raw)
    except DocumentError as exc:
        raise DocumentError(f"{path}: {exc}", f"{path}: {exc.detail}") from exc
    if not doc.text.strip():
        raise DocumentError(f"{path}: không còn nội dung nào sau khi làm sạch",
                            f"{path}: no text left after cleaning")
    return doc


def list_files(directory: str | Path) -> list[Path]:
    """Document files of a folder, sorted; README files are not documents."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DocumentError(f"Không tìm thấy thư mục tài liệu: {directory}",
                            f"documents folder not found: {directory}")
    return sorted(
        p for p in directory.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and p.stem.lower() != "readme"
    )


def load_directory(directory: str | Path) -> list[Document]:
    """All documents of a folder, in file-name order."""
    docs = [load_file(p) for p in list_files(directory)]
    seen: dict[str, str] = {}
    for d in docs:
        if d.doc_id in seen:
            raise DocumentError(f"hai tệp có cùng mã văn bản {d.doc_id!r}: {seen[d.doc_id]}, {d.path}",
                                f"two files share the id {d.doc_id!r}: {seen[d.doc_id]}, {d.path}")
        seen[d.doc_id] = d.path or ""
    return docs


def document_hash(doc: Document) -> str:
    """Content hash of everything that affects indexing (text and metadata)."""
    h = hashlib.sha256()
    for part in (doc.doc_id, doc.title, doc.date or "", doc.text):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]
