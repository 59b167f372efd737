"""Opening the index of a documents folder: load, rebuild or answer from what is there.

:func:`ensure_index` is what ``qa-bot index``, ``qa-bot ask`` and ``QABot`` use: a fresh index
is loaded (every file checked); a damaged one is reported in one line and rebuilt from the
documents; when the index folder cannot be written (read-only, disk full) the existing index, or
the last good data folder, keeps answering and :attr:`Opened.notice` says why it is not refreshed.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import IndexDamagedError
from ..models import Document
from .build import ProgressFn, build_index, is_fresh, made_from
from .integrity import FOLDER_MANIFEST
from .storage import MANIFEST, Index, load_index, read_manifest, write_manifest
from .upkeep import data_folders, discard, last_good, tidy

log = logging.getLogger(__name__)
#: Why a build could not write, in Vietnamese, by errno.
_WHY = {errno.EACCES: "không có quyền ghi vào thư mục", errno.EPERM: "không có quyền ghi vào thư mục",
        errno.EROFS: "thư mục nằm trên ổ chỉ đọc", errno.ENOSPC: "hết chỗ trên đĩa",
        errno.EDQUOT: "vượt hạn mức đĩa"}


@dataclass
class Opened:
    """An index ready to answer; ``notice`` (Vietnamese) when it is not the index of the current
    documents, and why; ``stale`` when a rebuild is still owed."""

    index: Index
    rebuilt: bool = False
    notice: str | None = None
    stale: bool = False


def _usable(index_dir: Path) -> Index | None:
    try:
        return load_index(index_dir)
    except IndexDamagedError:
        current = (read_manifest(index_dir) or {}).get("data")
        return last_good(index_dir, exclude=[current] if current else [])


def _damage(index_dir: Path, documents: Sequence[Document], settings: Settings) -> Index | str | None:
    """The intact fresh index; or what is damaged (English); or None when the index is merely
    missing or stale. A damaged data folder is removed."""
    if is_fresh(index_dir, documents, settings):
        try:
            index = load_index(index_dir)
            tidy(index_dir)
            return index
        except IndexDamagedError as exc:
            discard(index_dir, (read_manifest(index_dir) or {}).get("data"))
            return exc.detail
    if read_manifest(index_dir) is None:
        if (index_dir / MANIFEST).exists():
            return f"{MANIFEST} is not valid JSON or fails its checksum"
        if any((f / FOLDER_MANIFEST).is_file() for f in data_folders(index_dir)):
            return f"{MANIFEST} is missing"
    return None


def ensure_index(settings: Settings, documents: Sequence[Document], progress: ProgressFn | None = None,
                 rebuild: bool = False, fallback_first: bool = False) -> Opened:
    """The index of ``documents``: loaded when fresh and intact, else built. A damaged index is
    reported in one warning line, then taken from a good data folder made from the same
    documents if there is one, else rebuilt; with ``fallback_first`` the last good data folder
    answers meanwhile (``stale``: the caller rebuilds in the background). A build that cannot
    write (read-only folder, full disk) leaves the existing index answering, with a ``notice``."""
    index_dir = Path(settings.index_dir)
    if not rebuild and (damage := _damage(index_dir, documents, settings)) is not None:
        if isinstance(damage, Index):
            return Opened(damage)
        good = last_good(index_dir)
        if good is not None and made_from(good.manifest, documents, settings):
            log.warning("chỉ mục hỏng (%s); dùng lại thư mục còn tốt %s", damage, good.folder.name)
            try:
                write_manifest(index_dir, good.manifest)
            except OSError:
                pass
            return Opened(good)
        log.warning("chỉ mục hỏng (%s), đang lập lại từ tài liệu", damage)
    if fallback_first and (good := _usable(index_dir)) is not None:
        return Opened(good, notice="Đang lập lại chỉ mục; tạm trả lời từ chỉ mục cũ.", stale=True)
    try:
        return Opened(build_index(documents, settings, progress=progress), rebuilt=True)
    except OSError as exc:
        existing = _usable(index_dir)
        why = _WHY.get(exc.errno or 0, exc.strerror or str(exc))
        if existing is None:
            raise IndexDamagedError(
                f"Không lập được chỉ mục tại {index_dir} ({why}) và không có chỉ mục "
                "cũ nào dùng được; hãy cho phép ghi vào thư mục này hoặc chọn thư mục khác (--index).",
                f"cannot build index in {index_dir}: {exc}") from exc
        notice = (f"Không cập nhật được chỉ mục tại {index_dir} ({why}); đang trả lời "
                  f"từ chỉ mục lập lúc {existing.manifest.get('built', '?')}, có thể chưa có tài "
                  "liệu mới.")
        log.warning("%s", notice)
        return Opened(existing, notice=notice)


__all__ = ["Opened", "ensure_index"]
