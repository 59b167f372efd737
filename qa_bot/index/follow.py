"""Following the index versions a writer publishes (read-only replicas, server workers).

A writer (``qa-bot index``, a ``qa-bot serve`` that is not read-only) builds a new data folder
and then replaces ``manifest.json`` atomically (:func:`~.storage.write_manifest`). A follower
never builds and never writes into the index folder: every few seconds it reads the manifest and,
when it names another data folder, opens that folder (every file checked) and swaps it in with
one assignment, so a request is answered wholly by the old index or wholly by the new one. A
folder that fails its checks is reported once and the old index keeps answering.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Protocol

from ..errors import IndexDamagedError
from .storage import MANIFEST, Index, load_index, read_manifest

log = logging.getLogger(__name__)


class Swappable(Protocol):
    """What a follower updates: a :class:`~qa_bot.bot.QABot`."""

    @property
    def index(self) -> Index: ...

    def _swap(self, index: Index, notice: str | None) -> None: ...


def published(index_dir: Path) -> str | None:
    """The data folder the manifest of ``index_dir`` names now (None: no valid manifest)."""
    data = (read_manifest(index_dir) or {}).get("data")
    return data if isinstance(data, str) else None


def follow_once(bot: Swappable, index_dir: Path, refused: set[str] | None = None) -> bool:
    """Swap in the published index when it is not the one answering; True when swapped. A data
    folder that fails its checks is logged once (``refused`` remembers it) and left alone."""
    name = published(index_dir)
    if not name or name == bot.index.folder.name or (refused is not None and name in refused):
        return False
    try:
        index = load_index(index_dir, write=False)
    except IndexDamagedError as exc:
        log.warning("chỉ mục mới %s không dùng được, vẫn trả lời từ %s (%s)", name,
                    bot.index.folder.name, exc.detail)
        if refused is not None:
            refused.add(name)
        return False
    if index.folder.name != name:  # the manifest changed again meanwhile: next round
        return False
    bot._swap(index, None)
    log.info("đã nạp phiên bản chỉ mục mới %s (%d tài liệu, %d đoạn)", name, len(index.documents),
             index.n_passages)
    return True


#: How often a follower looks at the manifest file's identity (one ``stat``): a new version is
#: loaded at once, not at the next ``interval`` (a document uploaded to one worker is answered by
#: all within about a second).
STAT_SECONDS = 0.5


def _identity(index_dir: Path) -> tuple | None:
    try:
        info = (Path(index_dir) / MANIFEST).stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def follow(bot: Swappable, index_dir: Path, interval: float) -> threading.Thread | None:
    """Start a daemon thread that calls :func:`follow_once` when the manifest file changes
    (checked every :data:`STAT_SECONDS`) and at least every ``interval`` seconds (0: none)."""
    if interval <= 0:
        return None
    refused: set[str] = set()

    def loop() -> None:
        seen, due = _identity(index_dir), time.monotonic() + interval
        while True:
            time.sleep(min(STAT_SECONDS, interval))
            now = _identity(index_dir)
            if now == seen and time.monotonic() < due:
                continue
            seen, due = now, time.monotonic() + interval
            try:
                follow_once(bot, Path(index_dir), refused)
            except Exception as exc:  # noqa: BLE001 - the follower must outlive any bad version
                log.warning("không theo dõi được chỉ mục: %s", exc)

    thread = threading.Thread(target=loop, name="qa-bot-follow", daemon=True)
    thread.start()
    return thread


__all__ = ["follow", "follow_once", "published"]
