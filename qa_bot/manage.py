"""Managing the documents folder: add a file (with metadata that overrides what the file says),
remove a document, find a document's original file, check the admin key. One implementation for
the CLI (``qa-bot add/remove/documents``), the HTTP API (``POST/DELETE /api/documents``) and the
UI's "Tài liệu" tab; :class:`qa_bot.QABot` re-indexes after each change.

- The file is stored byte for byte as ``documents/<doc_id><ext>``: the document id is the file
  name without extension, made URL-safe (``Chỉ thị 05.pdf`` -> ``chi-thi-05``); the extension
  comes from the *content* (PDF, DOCX, HTML or plain text), not from the name it came with.
- Given metadata goes to a sidecar (:mod:`qa_bot.sidecar`).
- The file is read before it is put in place: a file that cannot be read (no text, a PDF without
  a text layer, a bad date) is refused with the reason and nothing changes.
- A removed document's files are moved to ``documents/.removed/`` (hidden, never read), not deleted.
"""

from __future__ import annotations

import fcntl
import hmac
import os
import re
import shutil
import time
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import documents as docs
from . import formats
from .config import READ_ONLY_MESSAGE, Settings
from .diacritics import strip_diacritics
from .errors import DocumentError, InputError
from .models import Document
from .sidecar import clean_overrides, sidecar_path, write_sidecar
from .textfile import SIGNATURES, decode

REMOVED_DIR = ".removed"
STAGING_PREFIX = ".adding-"
LOCK_FILE = ".manage.lock"
MAX_ID_CHARS = 120


class ManageError(InputError):
    """A refused management request; ``http_status`` is the HTTP answer it maps to."""

    http_status = 422


class UnsupportedFile(ManageError):
    """The content is of a kind qa-bot does not read (415)."""

    http_status = 415


class FileTooLarge(ManageError):
    """Over :attr:`Settings.max_upload` (413)."""

    http_status = 413


class UnknownDocument(ManageError):
    """No document with that id in the folder (404)."""

    http_status = 404


class DocumentExists(ManageError):
    """A document with that id is already in the folder (409)."""

    http_status = 409


class ManagementDisabled(ManageError):
    """No admin key configured, or a server that may not change its documents (403)."""

    http_status = 403


class BadKey(ManageError):
    """Missing or wrong admin key (401)."""

    http_status = 401


#: What each extension is called in messages.
KIND_NAMES = {".pdf": "PDF", ".docx": "Word (.docx)", ".html": "HTML", ".htm": "HTML", ".md": "Markdown",
              ".txt": "văn bản thuần (.txt)"}
_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<title|<article|<div|<p[\s>])", re.I)


def sniff(data: bytes, name: str = "") -> str:
    """The extension the *content* calls for: ``.pdf``, ``.docx``, ``.html``, ``.md`` or ``.txt``
    (a text file keeps ``.md``/``.htm`` when so named); :class:`UnsupportedFile` for other
    content (images, archives, programs, old Office formats, undecodable bytes)."""
    claimed = Path(name).suffix.lower()
    try:
        kind = formats.sniff(data, "")  # PDF and DOCX as the reader recognises them
    except DocumentError as exc:
        raise UnsupportedFile(f"Tệp {exc}; hãy gửi PDF, DOCX, HTML, TXT hoặc MD.", exc.detail) from exc
    if kind in ("pdf", "docx"):
        return "." + kind
    for magic, what in SIGNATURES:
        if data.startswith(magic):
            raise UnsupportedFile(f"Tệp {what} không phải văn bản qa-bot đọc được; "
                                  "hãy gửi PDF, DOCX, HTML, TXT hoặc MD.", f"binary content: {what}")
    try:
        decode(data)
    except DocumentError as exc:
        raise UnsupportedFile(f"Nội dung tệp không phải văn bản qa-bot đọc được ({exc}); "
                              "hãy gửi PDF, DOCX, HTML, TXT hoặc MD.", exc.detail) from exc
    if _HTML.match(data[:2048].lstrip(b"\xef\xbb\xbf")):
        return ".htm" if claimed == ".htm" else ".html"
    return ".md" if claimed == ".md" or data.lstrip(b"\xef\xbb\xbf").startswith(b"---") else ".txt"


def make_doc_id(name: str) -> str:
    """A URL-safe document id from a file name: no diacritics, lower case, ``-`` between words
    (``Chỉ thị 05/CT-TTg.pdf`` -> ``chi-thi-05-ct-ttg``); ``tai-lieu`` when nothing is left."""
    stem = Path(unicodedata.normalize("NFC", name.replace("\\", "/")).split("/")[-1]).stem
    slug = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(stem).lower()).strip("-")
    return slug[:MAX_ID_CHARS].strip("-") or "tai-lieu"


def files_of(folder: Path, doc_id: str) -> list[Path]:
    """The files of the folder that hold document ``doc_id`` (any readable extension)."""
    if not folder.is_dir():
        return []
    return [p for p in docs.list_files(folder) if docs.doc_id(p) == doc_id and p.is_file()]


@dataclass
class Added:
    """A file put in the documents folder: where, and the document read from it."""

    path: Path
    document: Document
    replaced: list[Path]


def add_file(settings: Settings, data: bytes, name: str, meta: dict | None = None,
             replace: bool = False) -> Added:
    """Put ``data`` (a file called ``name``) into the documents folder, with ``meta`` (title,
    date, source, url, or any other :data:`qa_bot.sidecar.FIELDS`) over what the file says.
    Refused, and nothing changed, when too large (:class:`FileTooLarge`), not a readable kind
    (:class:`UnsupportedFile`), unreadable or with bad metadata (:class:`ManageError`), or when
    the id is taken and not ``replace`` (:class:`DocumentExists`)."""
    writable(settings)
    if len(data) > settings.max_upload:
        raise FileTooLarge(f"Tệp quá lớn ({len(data) / 2**20:.1f} MB); tối đa "
                           f"{settings.max_upload / 2**20:.0f} MB.", f"{len(data)} > {settings.max_upload}")
    if not data.strip():
        raise ManageError("Tệp trống.", "empty upload")
    try:
        overrides = clean_overrides(meta or {})
    except InputError as exc:
        raise ManageError(str(exc), exc.detail) from exc
    suffix = sniff(data, name)
    if suffix not in docs.SUFFIXES:
        raise UnsupportedFile(f"Chưa đọc được tệp {KIND_NAMES.get(suffix, suffix)}; qa-bot đọc tệp "
                              f"{', '.join(docs.SUFFIXES)}.", f"{suffix} not in {docs.SUFFIXES}")
    folder = Path(settings.documents_dir)
    if not folder.is_dir():
        raise ManageError(f"Không tìm thấy thư mục tài liệu: {folder}", f"no folder {folder}")
    doc_id = make_doc_id(name)
    with _changing(folder):
        return _put(folder, data, name, doc_id, suffix, overrides, replace)


def _put(folder: Path, data: bytes, name: str, doc_id: str, suffix: str, overrides: dict[str, str],
         replace: bool) -> Added:
    """:func:`add_file` under the folder's lock: stage, read, then move into place."""
    existing = files_of(folder, doc_id)
    if existing and not replace:
        raise DocumentExists(f"Đã có văn bản với mã '{doc_id}' ({existing[0].name}); hãy xoá văn bản đó "
                             "trước hoặc đặt tên tệp khác.", f"{doc_id} exists")
    staging = folder / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
    staging.mkdir()
    try:
        path = staging / f"{doc_id}{suffix}"
        path.write_bytes(data)
        write_sidecar(path, overrides)
        try:
            document = docs.load_file(path)
        except DocumentError as exc:
            reason = str(exc).split(": ", 1)[-1]
            raise ManageError(f"Không đọc được tệp {name}: {reason}", exc.detail) from exc
        target = folder / path.name
        for old in existing:
            _discard(folder, old)
        side = sidecar_path(path)
        if side.exists():
            os.replace(side, sidecar_path(target))  # the sidecar first: the file is never seen without it
        os.replace(path, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Added(target, document, existing)


def add_path(settings: Settings, source: str | Path, meta: dict | None = None,
             replace: bool = False) -> Added:
    """:func:`add_file` for a file on disk (``qa-bot add``)."""
    source = Path(source)
    try:
        size = source.stat().st_size
        if size > settings.max_upload:
            raise FileTooLarge(f"Tệp {source.name} quá lớn ({size / 2**20:.1f} MB); tối đa "
                               f"{settings.max_upload / 2**20:.0f} MB.", f"{size} > {settings.max_upload}")
        data = source.read_bytes()
    except OSError as exc:
        raise ManageError(f"Không đọc được tệp {source} ({exc.strerror or exc}).", str(exc)) from exc
    return add_file(settings, data, source.name, meta, replace)


def remove(settings: Settings, doc_id: str) -> list[Path]:
    """Take document ``doc_id`` out of the folder: its files (and sidecars) move to
    ``documents/.removed/``. :class:`UnknownDocument` when there is none."""
    writable(settings)
    folder = Path(settings.documents_dir)
    with _changing(folder):
        found = files_of(folder, doc_id)
        if not found:
            raise UnknownDocument(f"Không có văn bản với mã '{doc_id}' trong thư mục {folder}. Xem danh "
                                  "sách bằng lệnh qa-bot documents (mã là tên tệp, không có phần mở rộng).",
                                  f"unknown document id {doc_id!r}")
        return [_discard(folder, p) for p in found]


@contextmanager
def _changing(folder: Path) -> Iterator[None]:
    """One change of the folder at a time, across processes (server workers, the CLI): an
    exclusive ``flock`` on the hidden ``documents/.manage.lock``."""
    with open(folder / LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _discard(folder: Path, path: Path) -> Path:
    """Move a document file and its sidecar into ``.removed/`` (a time stamp keeps names apart)."""
    bin_ = folder / REMOVED_DIR
    bin_.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = bin_ / f"{stamp}-{path.name}"
    side = sidecar_path(path)
    if side.exists():
        os.replace(side, bin_ / f"{stamp}-{side.name.lstrip('.')}")
    os.replace(path, target)
    return target


def original_file(settings: Settings, doc_id: str) -> Path | None:
    """The file document ``doc_id`` was read from, or None."""
    found = files_of(Path(settings.documents_dir), doc_id)
    return found[0] if found else None


def configured_key(settings: Settings) -> str | None:
    """The admin key: ``settings.admin_key`` (``QA_BOT_ADMIN_KEY``), else the first line of
    ``settings.admin_key_file``; None when neither is set (management over HTTP is off)."""
    if settings.admin_key.strip():
        return settings.admin_key.strip()
    if settings.admin_key_file:
        try:
            key = Path(settings.admin_key_file).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return key or None
    return None


#: How to turn management over HTTP and the UI on (the 403 message).
HOW_TO_ENABLE = ("Chức năng quản lý tài liệu qua web đang tắt. Để bật: đặt khoá quản trị trong biến môi "
                 "trường QA_BOT_ADMIN_KEY (hoặc QA_BOT_ADMIN_KEY_FILE là đường dẫn tệp chứa khoá) rồi "
                 "khởi động lại qa-bot serve; gửi khoá trong tiêu đề Authorization: Bearer <khoá>.")


def writable(settings: Settings) -> None:
    """:class:`ManagementDisabled` on a read-only server (``--read-only``), which never changes
    its documents."""
    if settings.read_only:
        raise ManagementDisabled(READ_ONLY_MESSAGE, "read-only server")


def check_key(settings: Settings, given: str | None) -> None:
    """Nothing when ``given`` is the admin key; :class:`ManagementDisabled` on a read-only server
    or when no key is configured, :class:`BadKey` when it is missing or wrong (constant-time
    comparison)."""
    writable(settings)
    key = configured_key(settings)
    if key is None:
        raise ManagementDisabled(HOW_TO_ENABLE, "no admin key configured")
    if not given or not hmac.compare_digest(given.strip().encode("utf-8"), key.encode("utf-8")):
        raise BadKey("Khoá quản trị không đúng." if given else
                     "Cần khoá quản trị: gửi tiêu đề Authorization: Bearer <khoá>.",
                     "wrong admin key" if given else "missing admin key")


__all__ = ["HOW_TO_ENABLE", "KIND_NAMES", "REMOVED_DIR", "Added", "BadKey", "DocumentExists", "FileTooLarge",
           "ManageError", "ManagementDisabled", "UnknownDocument", "UnsupportedFile", "add_file", "add_path",
           "check_key", "configured_key", "files_of", "make_doc_id", "original_file", "remove", "sniff",
           "writable"]
