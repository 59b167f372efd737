"""The index on disk (qa_bot.index.storage): save and load, the manifest, damaged files."""

import json
from pathlib import Path

import numpy as np
import pytest

from qa_bot import IndexDamagedError, QABotError
from qa_bot.config import Settings
from qa_bot.documents import load_directory
from qa_bot.index import build_index, load_index, read_manifest
from qa_bot.index.pages import READ_AHEAD_PIECE, read_ahead
from qa_bot.index.storage import ARRAYS
from qa_bot.tokens import query_tokens
from tests.corpus import copy_documents

pytestmark = pytest.mark.slow  # each test builds an index


def _settings(tmp_path: Path) -> Settings:
    return Settings.from_env(documents=copy_documents(tmp_path), index=tmp_path / "index")


def test_save_load_round_trip(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    docs = load_directory(s.documents_dir)
    built = build_index(docs, s)
    loaded = load_index(s.index_dir)
    q = sum(query_tokens("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"), [])
    assert np.allclose(built.scores(q), loaded.scores(q))
    assert loaded.n_passages == built.n_passages > 0
    for i in range(loaded.n_passages):
        hit = loaded.hit(i, 1.0)
        full = loaded.document(hit.document.doc_id)
        assert full.text[hit.passage.start : hit.passage.end] == hit.text
        for a, b, sentence in hit.sentences:
            assert full.text[a:b] == sentence
    manifest = read_manifest(s.index_dir)
    assert set(manifest["documents"]) == {d.doc_id for d in docs}
    assert {"format", "tokenizer"} <= set(manifest["signature"])


def test_manifest_records_versions_and_files(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    manifest = read_manifest(s.index_dir)
    assert manifest == index.manifest
    versions = manifest["versions"]
    assert {"python", "qa-bot", "numpy", "underthesea"} <= set(versions)
    assert versions["numpy"] == np.__version__
    files = manifest["files"]
    for name in ARRAYS:
        assert files[f"{name}.npy"]["bytes"] == (index.folder / f"{name}.npy").stat().st_size
    assert {"texts.bin", "documents.json", "counts.bin", "bm25/vocab.json"} <= set(files)
    assert json.loads((s.index_dir / "manifest.json").read_text("utf-8"))["data"] == index.folder.name


def test_damaged_or_missing_index_raises_index_damaged_error(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    with pytest.raises(IndexDamagedError, match="Không có chỉ mục"):
        load_index(s.index_dir)
    index = build_index(load_directory(s.documents_dir), s)
    target = index.folder / "p_doc.npy"
    target.write_bytes(target.read_bytes()[:40])  # truncated
    with pytest.raises(IndexDamagedError, match="bị hỏng") as caught:
        load_index(s.index_dir)
    assert isinstance(caught.value, QABotError) and "p_doc.npy" in caught.value.detail
    (index.folder / "texts.bin").unlink()
    with pytest.raises(IndexDamagedError, match="qa-bot index --force"):
        load_index(s.index_dir)


def test_read_ahead_asks_the_kernel_once_and_survives_a_vanished_file(tmp_path: Path) -> None:
    """The texts are read ahead in pieces (one request of a whole file is cut at a few MB by the
    kernel); a file gone before the thread opens it is no error; an index reads ahead once."""
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (READ_AHEAD_PIECE * 2 + 5))
    thread = read_ahead(big)
    assert thread is not None and thread.daemon
    thread.join(10)
    assert not thread.is_alive()
    gone = read_ahead(tmp_path / "missing.bin")
    assert gone is not None
    gone.join(10)
    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    index.read_ahead()
    first = index._read_ahead
    assert first is not None
    index.read_ahead()
    assert index._read_ahead is first
    first.join(10)
    assert index.hit(0, 1.0).text  # texts still read as before


def test_by_passage_spreads_few_and_many_documents_alike(tmp_path: Path) -> None:
    """A mask of a few documents is filled from their runs of passages, a mask of many read
    through every passage's document: both give each passage its document's value."""
    docs_dir = tmp_path / "documents"
    docs_dir.mkdir()
    for i in range(80):
        body = "\n\n".join(f"Đoạn {j} của văn bản số {i} về cải cách hành chính." for j in range(i % 4 + 1))
        (docs_dir / f"doc-{i:02d}.md").write_text(f"# Văn bản {i}\n\n{body}\n", encoding="utf-8")
    s = Settings.from_env(documents=docs_dir, index=tmp_path / "index")
    index = build_index(load_directory(s.documents_dir), s)
    n_docs = len(index.documents)
    rng = np.random.default_rng(7)
    for chosen in ([], [0], [n_docs - 1], [3, 40], list(range(0, n_docs, 2))):
        per_doc = np.zeros(n_docs, dtype=bool)
        per_doc[chosen] = True
        got = index.by_passage(per_doc)
        assert got.dtype == bool and got.shape == (index.n_passages,)
        assert np.array_equal(got, per_doc[index.passage_doc]), chosen
    years = rng.integers(2000, 2030, n_docs)
    assert np.array_equal(index.by_passage(years), years[index.passage_doc])
