"""Keeping an index folder usable for months: one build at a time (a lock the kernel releases
when the builder dies), build workers that die with their parent, a killed build's leftovers
removed, the last good data folder found again.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import signal
import threading
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import IndexDamagedError
from .integrity import FOLDER_MANIFEST
from .storage import MANIFEST, Index, open_folder, read_manifest

log = logging.getLogger(__name__)
#: The lock file a build holds (``flock``; released by the kernel when the builder dies).
LOCK = ".build.lock"


@contextmanager
def build_lock(index_dir: Path, wait: bool = True) -> Iterator[bool]:
    """Hold the build lock of ``index_dir``; yields False when ``wait`` is off and another build
    holds it. OSError when the folder cannot be written."""
    fd = os.open(Path(index_dir) / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def data_folders(index_dir: Path) -> list[Path]:
    """The data folders of an index, newest first (their names start with the build time)."""
    return sorted((p for p in Path(index_dir).glob("data-*") if p.is_dir()), reverse=True)


def remove_leftovers(index_dir: Path, keep: Collection[str] = ()) -> list[str]:
    """Under the build lock: remove the data folders a killed build left (no manifest of their
    own) and the manifest's temporary file; also every complete folder but ``keep`` when
    ``keep`` is given. Returns the names removed."""
    removed = []
    for folder in data_folders(index_dir):
        unfinished = not (folder / FOLDER_MANIFEST).is_file()
        if unfinished or (keep and folder.name not in keep):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    (Path(index_dir) / f".{MANIFEST}.tmp").unlink(missing_ok=True)
    if removed:
        log.debug("đã xoá thư mục chỉ mục thừa: %s", ", ".join(removed))
    return removed


def discard(index_dir: Path, name: str | None) -> None:
    """Remove a damaged data folder (nothing when it cannot be removed)."""
    if name and name.startswith("data-") and "/" not in name:
        shutil.rmtree(Path(index_dir) / name, ignore_errors=True)


def tidy(index_dir: Path) -> None:
    """Remove a killed build's leftovers if no build is running; nothing when the folder is
    read-only."""
    try:
        with build_lock(index_dir, wait=False) as locked:
            if locked:
                remove_leftovers(index_dir)
    except OSError:
        pass


def last_good(index_dir: Path, exclude: Collection[str] = ()) -> Index | None:
    """The newest data folder whose own manifest and files all check out, or None."""
    for folder in data_folders(index_dir):
        manifest = read_manifest(folder)
        if folder.name in exclude or not manifest or manifest.get("data") != folder.name:
            continue
        try:
            return open_folder(folder, manifest)
        except IndexDamagedError:
            continue
    return None


def die_with_parent(parent: int) -> None:
    """Initializer of build workers: end when the process that started them dies, even by
    ``kill -9`` (Linux: the kernel's parent-death signal; elsewhere a watcher thread)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    if os.getppid() != parent:  # the parent died before the signal was set
        os._exit(1)
    threading.Thread(target=watch, name="qa-bot-parent-watch", daemon=True).start()


__all__ = ["LOCK", "build_lock", "data_folders", "die_with_parent", "discard", "last_good",
           "remove_leftovers", "tidy"]
