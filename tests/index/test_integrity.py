"""The index fault matrix (issue 10): every file of an index truncated, emptied, deleted, grown or
with a byte flipped is detected at load (one-line IndexDamagedError), never read as an index; a
killed build's leftovers are removed; the last good data folder is found again.

Fast: the index is built once from two small documents whose analyses are given
(``build_index(precomputed=...)``: no tokenizer), and each case damages a copy of it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from qa_bot.config import Settings
from qa_bot.documents import document_hash
from qa_bot.errors import IndexDamagedError
from qa_bot.index import MANIFEST, Analysis, build_index, integrity, load_index, read_manifest
from qa_bot.index.integrity import FOLDER_MANIFEST, VERIFIED
from qa_bot.index.upkeep import data_folders, last_good, remove_leftovers, tidy
from qa_bot.models import Document

DOCS = [
    Document("a", "Phiên họp thứ ba", "Phiên họp kết nối 63 địa phương. Thủ tướng chủ trì phiên họp.",
             date="2023-02-03"),
    Document("b", "Dịch vụ công Hà Giang", "Hà Giang cung cấp 1.818 dịch vụ công trực tuyến. Đạt 96,81%.",
             date="2024-02-02"),
]


def _analysis(doc: Document) -> Analysis:
    """Sentences at '. ', one passage per sentence, lower-cased words as tokens."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+(?:\.(?!\d)|$)", doc.text) if m.group().strip()]
    spans = [(a + len(doc.text[a:b]) - len(doc.text[a:b].lstrip()), b) for a, b in spans]
    tokens = [re.findall(r"\w+", doc.text[a:b].lower()) for a, b in spans]
    return Analysis(spans, [(i, i + 1) for i in range(len(spans))], tokens)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of :data:`DOCS`, built once (no tokenizer)."""
    index_dir = tmp_path_factory.mktemp("built") / "index"
    settings = Settings.from_env(documents=index_dir.parent, index=index_dir, workers=1)
    build_index(DOCS, settings, precomputed={document_hash(d): _analysis(d) for d in DOCS})
    return index_dir


def _files(index_dir: Path) -> list[str]:
    """Every file of the index: the data folder's files, their manifest copy, the main manifest."""
    manifest = read_manifest(index_dir)
    return [f"{manifest['data']}/{name}" for name in manifest["files"]] + [MANIFEST]


def _flip(at: float) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[min(len(data) - 1, int(len(data) * at))] ^= 0x20
        path.write_bytes(bytes(data))
    return damage


DAMAGE: dict[str, Callable[[Path], None]] = {
    "deleted": lambda p: p.unlink(),
    "emptied": lambda p: p.write_bytes(b""),
    "truncated to half": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "last byte cut": lambda p: p.write_bytes(p.read_bytes()[:-1]),
    "byte appended": lambda p: p.write_bytes(p.read_bytes() + b"\x00"),
    "first byte flipped": _flip(0.0),
    "middle byte flipped": _flip(0.5),
    "last byte flipped": _flip(1.0),
}
#: What the matrix covers, listed once so that a new index file is covered without a test edit.
FILES = ["documents.json", "texts.bin", "counts.bin", "lexicon.json", "restorer.json",
         "p_doc.npy", "p_start.npy", "p_bstart.npy", "p_bend.npy", "p_sent.npy",
         "s_start.npy", "s_end.npy", "doc_boff.npy", "doc_year.npy",
         "bm25/impacts.npy", "bm25/indices.npy", "bm25/indptr.npy", "bm25/low.npy", "bm25/high.npy",
         "bm25/vocab.json", "bm25/params.json", MANIFEST]


def test_matrix_covers_every_file(built: Path) -> None:
    listed = {f.split("/", 1)[1] if f != MANIFEST else f for f in _files(built)}
    assert listed == set(FILES), "a new index file: add it to FILES"


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("name", FILES)
def test_damaged_index_file_is_detected(built: Path, name: str, damage: str, tmp_path: Path) -> None:
    index_dir = shutil.copytree(built, tmp_path / "index")
    load_index(index_dir)  # the copy is intact
    target = index_dir / (name if name == MANIFEST else f"{read_manifest(index_dir)['data']}/{name}")
    DAMAGE[damage](target)
    with pytest.raises(IndexDamagedError) as caught:
        load_index(index_dir)
    message = str(caught.value)
    assert "\n" not in message and ("bị hỏng" in message or "Không có chỉ mục" in message)
    assert caught.value.detail.isascii()


def test_verified_files_are_remembered_and_changes_still_found(built: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A load remembers the files it hashed (here at once: no settling time), and a file
    written afterwards is hashed again, so the damage is still found."""
    index_dir = shutil.copytree(built, tmp_path / "index")
    folder = index_dir / read_manifest(index_dir)["data"]
    load_index(index_dir)
    assert json.loads((folder / VERIFIED).read_text("utf-8"))["files"] == {}  # copied just now
    monkeypatch.setattr(integrity, "SETTLE_SECONDS", 0.0)
    load_index(index_dir)
    remembered = json.loads((folder / VERIFIED).read_text("utf-8"))["files"]
    assert set(remembered) == set(read_manifest(index_dir)["files"])
    load_index(index_dir)  # nothing to hash: every identity matches
    DAMAGE["middle byte flipped"](folder / "texts.bin")
    with pytest.raises(IndexDamagedError, match="bị hỏng"):
        load_index(index_dir)


def test_manifest_edited_by_hand_is_not_used(built: Path, tmp_path: Path) -> None:
    """Valid JSON, one value changed (a file size, a document hash): the seal no longer matches."""
    index_dir = shutil.copytree(built, tmp_path / "index")
    manifest = json.loads((index_dir / MANIFEST).read_text("utf-8"))
    manifest["counts"]["passages"] += 1
    (index_dir / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert read_manifest(index_dir) is None
    with pytest.raises(IndexDamagedError, match="bị hỏng"):
        load_index(index_dir)


def test_killed_build_leftovers_are_removed(built: Path, tmp_path: Path) -> None:
    index_dir = shutil.copytree(built, tmp_path / "index")
    current = read_manifest(index_dir)["data"]
    half = index_dir / "data-20990101-000000-deadbeef"  # newer name, no manifest of its own
    (half / "bm25").mkdir(parents=True)
    (half / "texts.bin").write_bytes(b"x" * 100)
    (index_dir / f".{MANIFEST}.tmp").write_text("{", encoding="utf-8")
    tidy(index_dir)
    assert [p.name for p in data_folders(index_dir)] == [current]
    assert not (index_dir / f".{MANIFEST}.tmp").exists()
    load_index(index_dir)


def test_last_good_folder_found_when_the_current_one_is_damaged(built: Path, tmp_path: Path) -> None:
    index_dir = shutil.copytree(built, tmp_path / "index")
    old = read_manifest(index_dir)["data"]
    older = index_dir / "data-20000101-000000-00000000"  # an older complete copy
    shutil.copytree(index_dir / old, older)
    manifest = {**read_manifest(index_dir / old), "data": older.name}
    from qa_bot.index.storage import write_manifest

    write_manifest(older, manifest)
    (index_dir / old / "texts.bin").write_bytes(b"")
    good = last_good(index_dir)
    assert good is not None and good.folder == older and good.n_passages == 4
    (older / FOLDER_MANIFEST).write_text("{}", encoding="utf-8")  # its own manifest damaged too
    assert last_good(index_dir) is None
    assert remove_leftovers(index_dir, keep={old}) == [older.name]  # no manifest: a leftover
