"""Checking an index before it answers: every file's size and SHA-256, and the manifest's own.

A build records ``{"bytes", "sha256"}`` for every file of its data folder in the manifest
(:func:`describe_files`) and seals the manifest with the SHA-256 of the rest of its text
(:func:`seal`, :func:`unseal`). Loading compares sizes first (a truncated or missing file fails at once), then
the hashes (:func:`check_files`), so a flipped byte anywhere, a truncated, emptied or deleted
file, or a hand-edited manifest is reported instead of answering wrongly.

Hashing is cheap because it is rarely needed: once a file's hash has been verified, its identity
(inode, size, modification and change times) is kept in ``verified.json`` beside it; a later load
hashes only the files whose identity changed since (any write changes the change time, which no
program can set back). Files changed in the last seconds before a verification are not
remembered (timestamps are coarse), nor is anything when the folder cannot be written: those are
hashed again next time (about 0.7 GB/s per core here).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import IndexDamagedError

#: The data folder's own copy of its manifest (not listed in ``files``): the way back to a good
#: folder when the index's main manifest is lost or names a damaged one.
FOLDER_MANIFEST = "manifest.json"
#: Identities of the files whose hash was verified (a cache; not listed in ``files``).
VERIFIED = "verified.json"
#: A file changed this recently (seconds) is hashed again at the next load.
SETTLE_SECONDS = 2.0


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
            if p.is_file() and p.relative_to(folder).as_posix() not in (FOLDER_MANIFEST, VERIFIED)}


def _identity(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _remembered(folder: Path, manifest: dict) -> dict:
    """Identities verified earlier against this very manifest (empty when none or unreadable)."""
    try:
        data = json.loads((folder / VERIFIED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    ok = isinstance(data, dict) and data.get("manifest") == manifest.get("checksum")
    return data.get("files", {}) if ok and isinstance(data.get("files"), dict) else {}


def _remember(folder: Path, manifest: dict, identities: dict[str, list[int]]) -> None:
    """Keep the identities of verified files that have settled; nothing if the folder is read-only."""
    settled = time.time_ns() - int(SETTLE_SECONDS * 1e9)
    keep = {n: i for n, i in identities.items() if max(i[2], i[3]) < settled}
    try:
        tmp = folder / f".{VERIFIED}.tmp"
        tmp.write_text(json.dumps({"manifest": manifest.get("checksum"), "files": keep}), encoding="utf-8")
        os.replace(tmp, folder / VERIFIED)
    except OSError:
        pass


def remember(folder: Path, manifest: dict) -> None:
    """After a build hashed its files (:func:`describe_files`): remember them as verified."""
    _remember(folder, manifest, {name: _identity(folder / name) for name in manifest.get("files", {})})


def check_files(folder: Path, manifest: dict, names: Iterable[str] | None = None, write: bool = True) -> None:
    """IndexDamagedError unless every file the manifest lists (or ``names`` of them) is there with
    its size and hash; files unchanged since an earlier verification are not hashed again.
    ``write=False`` (read-only replicas): the verification is not remembered in the folder."""
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise damaged(folder, "the manifest lists no files")
    wanted = list(files) if names is None else list(names)
    identities: dict[str, list[int]] = {}
    for name in wanted:
        entry = files.get(name)
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise damaged(folder, f"no checksum for {name} in the manifest")
        try:
            identities[name] = _identity(folder / name)
        except OSError:
            raise damaged(folder, f"missing file {name}") from None
        if identities[name][1] != entry.get("bytes"):
            raise damaged(folder, f"{name} has {identities[name][1]} bytes, the manifest says "
                                  f"{entry.get('bytes')}")
    known = _remembered(folder, manifest)
    todo = [n for n in wanted if known.get(n) != identities[n]]

    def mismatch(name: str) -> str | None:
        try:
            return None if sha256_file(folder / name) == files[name]["sha256"] else name
        except OSError as exc:
            return f"{name} ({exc.strerror})"

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        bad = [name for name in pool.map(mismatch, todo) if name]
    if bad:
        raise damaged(folder, f"checksum mismatch: {', '.join(bad)}")
    if todo and write:
        _remember(folder, manifest, {**{n: i for n, i in known.items() if n in files}, **identities})


_SEAL = ',\n "checksum": "'


def manifest_text(manifest: dict) -> tuple[str, str]:
    """The manifest as written, and its checksum: JSON (indented) whose last key, ``checksum``, is
    the SHA-256 of the text before it (closed with ``\n}``), so that reading checks the seal
    without serialising the manifest again."""
    body = json.dumps({k: v for k, v in manifest.items() if k != "checksum"}, ensure_ascii=False, indent=1)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return f'{body[:-2]}{_SEAL}{digest}"\n}}', digest


def seal(manifest: dict) -> dict:
    """The manifest with ``checksum``: the SHA-256 of everything else in it, as written."""
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    return {**body, "checksum": manifest_text(body)[1]}


def unseal(text: str) -> dict | None:
    """The manifest of a manifest text, or None when it is not JSON or its seal does not match."""
    cut = text.rfind(_SEAL)
    digest = text[cut + len(_SEAL) : cut + len(_SEAL) + 64]
    if cut < 0 or hashlib.sha256((text[:cut] + "\n}").encode("utf-8")).hexdigest() != digest:
        return None
    try:
        manifest = json.loads(text)
    except ValueError:
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("checksum") == digest else None


__all__ = ["FOLDER_MANIFEST", "VERIFIED", "check_files", "damaged", "describe_files", "manifest_text",
           "remember", "seal", "sha256_file", "unseal"]
