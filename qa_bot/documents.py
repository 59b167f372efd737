"""Load a folder of documents: Markdown with front matter, plain text, HTML, PDF, DOCX.

A Markdown file is the hand-editable form the product ships::

    ---
    title: Phiên họp thứ ba Ban Chỉ đạo cải cách hành chính của Chính phủ
    date: 2023-02-03
    source: null
    url: null
    author: N.V
    ---
    Chiều 3-2, Thủ tướng Chính phủ ...

``.txt``, ``.html``, ``.pdf`` and ``.docx`` files dropped into the folder take their metadata
from their own text: the official header of an administrative document (:mod:`qa_bot.formats`),
else what a news page says (:func:`qa_bot.clean.clean_page`). PDF and DOCX are recognised by their
content; a damaged or scanned one is skipped with its reason. The document id is the file name
without extension.

A folder never fails because of one file: :func:`read_directory` returns the documents it could
read and a :class:`SkippedFile` (path, Vietnamese reason, English detail) for each file it could
not: not a regular file, a symbolic link loop, unreadable, too large, not text (binary, unknown
encoding; see :mod:`qa_bot.textfile` for encodings), empty, a broken front matter, an impossible
date, an id another file already has. Extensions are matched in any case.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .clean import html_to_text
from .errors import DocumentError
from .formats import extract, sniff
from .formats.document import (  # noqa: F401 - normalize_body, parse_front_matter, doc_id re-exported
    doc_id,
    from_markdown,
    from_text,
    normalize_body,
    parse_front_matter,
)
from .models import Document
from .sidecar import read_sidecar
from .textfile import decode

SUFFIXES = (".md", ".txt", ".html", ".htm", ".pdf", ".docx")
_FIELDS = ("title", "date", "source", "url", "author")


def render_markdown(doc: Document) -> str:
    """The Markdown-with-front-matter form of a document (what ``documents/`` ships); the
    fields of an administrative document (type, number, issuer, signer) when it has them."""
    extra = tuple(k for k in ("doc_type", "number", "issuer", "signer") if getattr(doc, k))
    head = "\n".join(f"{k}: {getattr(doc, k) or 'null'}" for k in _FIELDS + extra)
    return f"---\n{head}\n---\n{doc.text}\n"


def _from_page(path: Path, raw: str, html_title: str | None = None) -> Document:
    """A text or HTML page's text as a document (kept for scripts/import_seed.py)."""
    return from_text(path, raw, html_title)


#: Largest document file read (bytes); a bigger file is skipped with a message.
MAX_FILE_BYTES = 200 * 1024 * 1024
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SkippedFile:
    """A file of the documents folder that was not indexed, and why (Vietnamese and English)."""

    path: str
    reason: str
    detail: str

    @property
    def name(self) -> str:
        """The file name, printable even when it is not valid UTF-8."""
        return printable(Path(self.path).name)

    def to_dict(self) -> dict[str, str]:
        """``{"file", "reason"}``: how the CLI (``--json``) and the web layer list it."""
        return {"file": self.name, "reason": self.reason}

    def line(self) -> str:
        """The one line logged for it: ``bỏ qua tệp documents/x.md: lý do``."""
        return f"bỏ qua tệp {printable(self.path)}: {self.reason}"


@dataclass
class Folder:
    """What a documents folder holds: the documents read, and the files skipped."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


def printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by the OS as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; DocumentError (reason only) for anything else."""
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DocumentError("liên kết tượng trưng lặp vòng", "symbolic link loop") from exc
        if isinstance(exc, FileNotFoundError):
            raise DocumentError("liên kết trỏ tới tệp không tồn tại", "dangling symbolic link") from exc
        raise DocumentError(f"không đọc được thông tin tệp ({exc.strerror})", f"stat failed: {exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError("là thư mục, không phải tệp", "a directory")
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError("không phải tệp thường (FIFO, socket hay thiết bị)", "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise DocumentError(f"tệp quá lớn ({info.st_size / 2**20:.0f} MB; tối đa "
                            f"{MAX_FILE_BYTES // 2**20} MB)", f"{info.st_size} bytes > {MAX_FILE_BYTES}")
    try:
        with open(path, "rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except PermissionError as exc:
        raise DocumentError("không có quyền đọc tệp", f"permission denied: {exc}") from exc
    except OSError as exc:
        raise DocumentError(f"không đọc được tệp ({exc.strerror})", f"read failed: {exc}") from exc


def _load(path: Path, overrides: dict | None = None) -> Document:
    """One document; DocumentError whose message is the reason alone (no file name).
    ``overrides``: metadata fields (upload form) that win over the file's own."""
    if printable(path.name) != path.name:
        raise DocumentError("tên tệp không phải UTF-8; hãy đổi tên tệp", "file name is not UTF-8")
    # metadata given with `qa-bot add` / an upload (kept in a sidecar file) wins over the file's
    overrides = {**read_sidecar(path), **(overrides or {})} or None
    data = _read_bytes(path)
    if not data or data.isspace():  # (no stripped copy of a large file)
        raise DocumentError("tệp trống", "empty file")
    kind = sniff(data, path.suffix)  # PDF and DOCX by their content, whatever the extension
    text = extract(kind, data) if kind in ("pdf", "docx") else decode(data)[0]
    raw = unicodedata.normalize("NFC", text)  # metadata too, not only the text
    if not raw or raw.isspace():
        if kind in ("pdf", "docx"):
            raise DocumentError(f"tệp {kind.upper()} không có chữ nào", f"{kind} without text")
        raise DocumentError("không có chữ nào (chỉ có khoảng trắng hoặc ký tự điều khiển)",
                            "only white space or control characters")
    if kind == "md":
        doc = from_markdown(path, raw, overrides)
    elif kind == "html":
        body, title = html_to_text(raw)
        doc = from_text(path, body, title, overrides)
    else:
        doc = from_text(path, raw, overrides=overrides, page_wrapped=kind == "pdf")
    if not doc.text or doc.text.isspace():
        raise DocumentError("không còn nội dung nào sau khi làm sạch", "no text left after cleaning")
    return doc


def load_file(path: str | Path, overrides: dict | None = None) -> Document:
    """Read one ``.md``, ``.txt``, ``.html``, ``.pdf`` or ``.docx`` document (any case of the
    extension, any common encoding; PDF and DOCX recognised by content); DocumentError naming the
    file and the reason when it cannot be read. ``overrides`` (title, date, source, url, author,
    doc_type, number, issuer, signer) win over what the file says."""
    path = Path(path)
    try:
        return _load(path, overrides)
    except DocumentError as exc:
        name = printable(str(path))
        raise DocumentError(f"{name}: {exc}", f"{name}: {exc.detail}") from exc


def _entries(directory: Path) -> list[Path]:
    """Every entry of a folder but hidden ones and README files, sorted."""
    if not directory.is_dir():
        raise DocumentError(f"Không tìm thấy thư mục tài liệu: {directory}",
                            f"documents folder not found: {directory}")
    try:
        names = os.listdir(directory)
    except OSError as exc:
        raise DocumentError(f"Không đọc được thư mục tài liệu {directory} ({exc.strerror})",
                            f"cannot list {directory}: {exc}") from exc
    return sorted(directory / n for n in names
                  if not n.startswith(".") and Path(n).stem.lower() != "readme")


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def list_files(directory: str | Path) -> list[Path]:
    """Entries of a folder named like documents (``.md``, ``.txt``, ``.html``, ``.pdf``, ``.docx``, in any
    case), sorted; hidden and README files are not documents. Not all need be readable files."""
    return [p for p in _entries(Path(directory)) if p.suffix.lower() in SUFFIXES]


def read_directory(directory: str | Path) -> Folder:
    """The documents of a folder in file-name order, and the files skipped with their reasons:
    another format, unreadable, not text, empty, a bad front matter or date, an id already taken.
    Sub-folders are not read. Only a missing or unlistable folder raises (DocumentError)."""
    folder = Folder()
    owner: dict[str, str] = {}
    for path in _entries(Path(directory)):
        if path.suffix.lower() not in SUFFIXES:
            if _is_regular(path):  # a PDF or Word file copied in: say it is not read
                folder.skipped.append(SkippedFile(
                    str(path), f"định dạng {path.suffix or 'không rõ'} chưa được hỗ trợ; "
                    "qa-bot đọc tệp .md, .txt, .html, .pdf, .docx", f"unsupported format {path.suffix!r}"))
            continue
        try:
            doc = _load(path)
        except DocumentError as exc:
            folder.skipped.append(SkippedFile(str(path), str(exc), exc.detail))
            continue
        if doc.doc_id in owner:
            folder.skipped.append(SkippedFile(
                str(path), f"trùng mã văn bản {doc.doc_id!r} với tệp {owner[doc.doc_id]}",
                f"document id {doc.doc_id!r} already taken by {owner[doc.doc_id]}"))
            continue
        owner[doc.doc_id] = printable(path.name)
        folder.documents.append(doc)
    return folder


def load_directory(directory: str | Path, strict: bool = False) -> list[Document]:
    """The documents of a folder, in file-name order. Each skipped file is logged as one warning
    line; with ``strict`` the first one raises DocumentError instead."""
    folder = read_directory(directory)
    for skipped in folder.skipped:
        if strict:
            raise DocumentError(skipped.line(), skipped.detail)
        log.warning("%s", skipped.line())
    return folder.documents


def document_hash(doc: Document) -> str:
    """Content hash of everything that affects indexing (text and metadata)."""
    h = hashlib.sha256()
    extra = [doc.doc_type, doc.number, doc.issuer, doc.signer]
    for part in (doc.doc_id, doc.title, doc.date or "", doc.text, *(extra if any(extra) else [])):
        h.update((part or "").encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]
