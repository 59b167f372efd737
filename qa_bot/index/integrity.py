"""Checking an index before it answers: every file's size and SHA-256, and the manifest's own.

A build records ``{"bytes", "sha256"}`` for every file of its data folder in the manifest
(:func:`describe_files`) and seals the manifest with the SHA-256 of the rest of it
(:func:`seal`). Loading compares sizes first (a truncated or missing file fails at once), then
hashes every file (:func:`check_files`, in threads: about 0.7 GB/s per core here), so a flipped
byte anywhere, a truncated, emptied or deleted file, or a hand-edited manifest is reported
instead of answering wrongly.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import IndexDamagedError

#: The data folder's own copy of its manifest (not listed in ``files``): the way back to a good
#: folder when the index's main manifest is lost or names a damaged one.
FOLDER_MANIFEST = "manifest.json"


def damaged(folder: Path, detail: str) -> IndexDamagedError:
    """The error of a damaged index: one Vietnamese line, the English detail for the logs."""
    return IndexDamagedError(
        f"Chỉ mục tại {folder} bị hỏng hoặc thiếu tệp; "
        "hãy chạy 'qa-bot index --force' để lập lại.",
        f"cannot read index {folder}: {detail}")


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def describe_files(folder: Path) -> dict[str, dict[str, int | str]]:
    """Every file of a data folder but its manifest copy: relative path -> ``{"bytes", "sha256"}``."""
    return {p.relative_to(folder).as_posix(): {"bytes": p.stat().st_size, "sha256": sha256_file(p)}
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).as_posix() != FOLDER_MANIFEST}


def check_files(folder: Path, manifest: dict) -> None:
    """IndexDamagedError unless every file the manifest lists is there with its size and hash."""
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise damaged(folder, "the manifest lists no files")
    for name, entry in files.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise damaged(folder, f"no checksum for {name} in the manifest")
        try:
            size = (folder / name).stat().st_size
        except OSError:
            raise damaged(folder, f"missing file {name}") from None
        if size != entry.get("bytes"):
            raise damaged(folder, f"{name} has {size} bytes, the manifest says {entry.get('bytes')}")

    def mismatch(item: tuple[str, dict]) -> str | None:
        name, entry = item
        try:
            return None if sha256_file(folder / name) == entry["sha256"] else name
        except OSError as exc:
            return f"{name} ({exc.strerror})"

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        bad = [name for name in pool.map(mismatch, files.items()) if name]
    if bad:
        raise damaged(folder, f"checksum mismatch: {', '.join(bad)}")


def _digest(manifest: dict) -> str:
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def seal(manifest: dict) -> dict:
    """The manifest with ``checksum``: the SHA-256 of everything else in it."""
    return {**manifest, "checksum": _digest(manifest)}


def is_sealed(manifest: object) -> bool:
    """True when ``manifest`` is a dict whose ``checksum`` matches its content."""
    return isinstance(manifest, dict) and manifest.get("checksum") == _digest(manifest)


__all__ = ["FOLDER_MANIFEST", "check_files", "damaged", "describe_files", "is_sealed", "seal",
           "sha256_file"]
