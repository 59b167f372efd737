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

A folder never fails because of one file: :func:`read_directory` returns the documents it could
read and a :class:`SkippedFile` (path, Vietnamese reason, English detail) for each file it could
not: not a regular file, a symbolic link loop, unreadable, too large, not text (binary, unknown
encoding; see :mod:`qa_bot.textfile` for encodings), empty, a broken front matter, an impossible
date, an id another file already has. Extensions are matched in any case.
"""

from __future__ import annotations

import datetime
import errno
import hashlib
import logging
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_page, guess_title, html_to_text
from .errors import DocumentError
from .models import Document
from .sidecar import apply_sidecar
from .textfile import decode

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


def doc_id(path: Path) -> str:
    """The document id of a file: its name without the extension, in NFC."""
    return unicodedata.normalize("NFC", path.stem)


def _real_date(date: str) -> bool:
    try:
        return 1900 <= datetime.date.fromisoformat(date).year <= 2100
    except ValueError:
        return False


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
    if date and not _real_date(date):
        raise DocumentError(f"ngày {date} không có thật (dạng YYYY-MM-DD, năm 1900-2100)",
                            f"date {date} is not a calendar day in 1900-2100")
    return Document(
        doc_id=doc_id(path),
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
        doc_id=doc_id(path),
        title=title or doc_id(path),
        text="\n\n".join(paragraphs),
        source=meta.source,
        url=meta.url,
        date=meta.date,
        author=meta.author,
        path=str(path),
    )


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


def _load(path: Path) -> Document:
    """One document; DocumentError whose message is the reason alone (no file name)."""
    if printable(path.name) != path.name:
        raise DocumentError("tên tệp không phải UTF-8; hãy đổi tên tệp", "file name is not UTF-8")
    data = _read_bytes(path)
    if not data or data.isspace():  # (no stripped copy of a large file)
        raise DocumentError("tệp trống", "empty file")
    raw = unicodedata.normalize("NFC", decode(data)[0])  # metadata too, not only the text
    if not raw or raw.isspace():
        raise DocumentError("không có chữ nào (chỉ có khoảng trắng hoặc ký tự điều khiển)",
                            "only white space or control characters")
    kind = path.suffix.lower()
    if kind == ".md":
        doc = _from_markdown(path, raw)
    elif kind in (".html", ".htm"):
        body, title = html_to_text(raw)
        doc = _from_page(path, body, title)
    else:
        doc = _from_page(path, raw)
    if not doc.text or doc.text.isspace():
        raise DocumentError("không còn nội dung nào sau khi làm sạch", "no text left after cleaning")
    return apply_sidecar(path, doc)  # metadata given with `qa-bot add` / an upload wins


def load_file(path: str | Path) -> Document:
    """Read one ``.md``, ``.txt`` or ``.html`` document (any case of the extension, any common
    encoding); DocumentError naming the file and the reason when it cannot be read."""
    path = Path(path)
    try:
        return _load(path)
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
    """Entries of a folder named like documents (``.md``, ``.txt``, ``.html``, ``.htm``, in any
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
                    "qa-bot đọc tệp .md, .txt, .html", f"unsupported format {path.suffix!r}"))
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
    for part in (doc.doc_id, doc.title, doc.date or "", doc.text):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]
