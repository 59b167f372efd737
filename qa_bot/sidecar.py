"""Metadata given when a document is added (``qa-bot add --title ...``, the upload form), kept
beside the original file and applied over what is read from the file itself.

The original file is stored byte for byte (its download is the file that was added); the given
metadata goes to a hidden *sidecar* next to it, ``documents/.NAME.meta.json`` (``NAME`` is the
file's full name, e.g. ``.chi-thi-05.pdf.meta.json``), a JSON object of the overridden fields:

    {"title": "Chỉ thị về đẩy mạnh cải cách hành chính", "date": "2025-01-15"}

Hidden files are not documents, so the sidecar is never indexed as one; it moves and goes with
its file. Any :class:`~qa_bot.models.Document` field but ``doc_id``, ``text`` and ``path`` can be
set; ``null`` or a missing key keeps what the file says.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import fields, replace
from pathlib import Path

from .errors import DocumentError, InputError
from .models import Document

SIDECAR_SUFFIX = ".meta.json"
#: Fields a sidecar may set.
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Document) if f.name not in ("doc_id", "text", "path"))
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_VALUE_CHARS = 1000


def sidecar_path(path: str | Path) -> Path:
    """The sidecar of a document file: ``dir/.NAME.meta.json``."""
    path = Path(path)
    return path.with_name(f".{path.name}{SIDECAR_SUFFIX}")


def clean_overrides(meta: dict) -> dict[str, str]:
    """The given fields, checked: known names, strings, a real ``YYYY-MM-DD`` date; NFC, trimmed;
    empty values dropped. :class:`InputError` (Vietnamese) otherwise."""
    out: dict[str, str] = {}
    for key, value in meta.items():
        if key not in FIELDS:
            raise InputError(f"Không hỗ trợ trường '{key}'; các trường: {', '.join(FIELDS)}.",
                             f"unknown metadata field {key!r}")
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"Trường '{key}' phải là một chuỗi ký tự.", f"{key}: not a string")
        value = unicodedata.normalize("NFC", " ".join(value.split()))
        if not value:
            continue
        if len(value) > MAX_VALUE_CHARS:
            raise InputError(f"Trường '{key}' quá dài (tối đa {MAX_VALUE_CHARS} ký tự).", f"{key}: too long")
        if key == "date":
            check_date(value)
        out[key] = value
    return out


def check_date(value: str) -> None:
    """InputError unless ``value`` is a calendar day ``YYYY-MM-DD`` of 1900-2100."""
    try:
        ok = bool(_ISO.match(value)) and 1900 <= datetime.date.fromisoformat(value).year <= 2100
    except ValueError:
        ok = False
    if not ok:
        raise InputError(f"Ngày phải có dạng YYYY-MM-DD và là ngày có thật (năm 1900-2100), "
                         f"nhận được {value!r}.", f"bad date {value!r}")


def write_sidecar(path: str | Path, meta: dict[str, str]) -> Path | None:
    """Write the sidecar of ``path`` (none when ``meta`` is empty); returns its path."""
    side = sidecar_path(path)
    if not meta:
        return None
    side.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return side


def read_sidecar(path: str | Path) -> dict[str, str]:
    """The overrides kept for ``path`` (empty when there is no sidecar); DocumentError when the
    sidecar is not a JSON object of known fields."""
    side = sidecar_path(path)
    try:
        raw = side.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"không đọc được tệp thông tin đi kèm {side.name}", f"{side}: {exc}") from exc
    try:
        meta = json.loads(raw)
        if not isinstance(meta, dict):
            raise ValueError("not an object")
        return clean_overrides(meta)
    except (ValueError, InputError) as exc:
        raise DocumentError(f"tệp thông tin đi kèm {side.name} không hợp lệ ({exc})",
                            f"{side}: {getattr(exc, 'detail', exc)}") from exc


def apply_sidecar(path: str | Path, doc: Document) -> Document:
    """``doc`` with the fields of its file's sidecar, if any, put over what the file said."""
    meta = read_sidecar(path)
    return replace(doc, **meta) if meta else doc


__all__ = ["FIELDS", "SIDECAR_SUFFIX", "apply_sidecar", "check_date", "clean_overrides", "read_sidecar",
           "sidecar_path", "write_sidecar"]
