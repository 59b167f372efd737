"""The page cache: how much memory is free, and reading a file into it ahead of its use."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def available_bytes() -> int:
    """MemAvailable from /proc/meminfo (0 where there is none: no prefetch)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


#: Pieces in which :func:`read_ahead` asks for a file (the kernel reads one request of a whole
#: file only up to its read-ahead limit, a few MB: the rest would wait for the questions).
READ_AHEAD_PIECE = 8 << 20


def read_ahead(path: Path) -> threading.Thread | None:
    """Have the kernel read ``path`` into the page cache, in the background (a daemon thread
    asks for it piece by piece; the reads themselves are the kernel's), or None where it cannot."""
    if not hasattr(os, "posix_fadvise"):
        return None

    def ask() -> None:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return
        try:
            size = os.fstat(fd).st_size
            for offset in range(0, size, READ_AHEAD_PIECE):
                os.posix_fadvise(fd, offset, READ_AHEAD_PIECE, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)

    thread = threading.Thread(target=ask, name="qa-bot-read-ahead", daemon=True)
    thread.start()
    return thread


__all__ = ["READ_AHEAD_PIECE", "available_bytes", "read_ahead"]
