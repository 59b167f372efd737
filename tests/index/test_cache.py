"""The analysis cache (qa_bot.index.cache): analyses read back from the index are those the
tokenizer made (sentences, passages, each passage's tokens and their counts); a rebuild from them
writes the very files of a fresh build; damage means analysing again; an index of the previous
format (``analysis.jsonl``) is not read as this one, and its analyses are reused."""

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from qa_bot.config import Settings
from qa_bot.documents import document_hash, load_directory
from qa_bot.errors import IndexDamagedError
from qa_bot.index import Analysis, analyze, bm25, build_index, cache, load_index, read_manifest
from qa_bot.index.cache import read_analyses, read_counts, write_counts
from qa_bot.index.integrity import describe_files, seal
from qa_bot.index.storage import write_manifest
from qa_bot.models import Document
from tests.corpus import copy_documents

pytestmark = pytest.mark.slow  # each test builds an index


def _settings(tmp_path: Path) -> Settings:
    return Settings.from_env(documents=copy_documents(tmp_path), index=tmp_path / "index", workers=1)


def _build(s: Settings) -> tuple[list, dict, list]:
    """Build; the manifest's files and the progress calls."""
    calls: list[tuple[int, int]] = []
    index = build_index(load_directory(s.documents_dir), s, progress=lambda d, t: calls.append((d, t)))
    return calls, index.manifest["files"], index


def test_counts_file_round_trip(tmp_path: Path) -> None:
    counts = np.array([1, 1, 2, 254, 255, 70_000, 1, 3], dtype=np.int64)
    write_counts(tmp_path / "c.bin", counts)
    assert np.array_equal(read_counts(tmp_path / "c.bin"), counts)
    write_counts(tmp_path / "e.bin", np.zeros(0, dtype=np.int64))
    assert read_counts(tmp_path / "e.bin").size == 0
    (tmp_path / "c.bin").write_bytes((tmp_path / "c.bin").read_bytes()[:-1])
    with pytest.raises(ValueError):
        read_counts(tmp_path / "c.bin")


def test_analyses_read_back_and_rebuild_writes_the_same_files(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    s = _settings(tmp_path)
    docs = load_directory(s.documents_dir)
    _, fresh, index = _build(s)
    cached = read_analyses(index.folder, index.manifest)
    assert set(cached) == {document_hash(d) for d in docs}
    for d in docs:
        made, back = analyze(d, s.passage_chars), cached[document_hash(d)]
        assert [tuple(x) for x in made.sentences] == back.sentences
        assert [tuple(x) for x in made.passages] == back.passages
        assert [Counter(t) for t in made.tokens] == [Counter(t) for t in back.tokens]
    calls, again, _ = _build(s)  # forced: every analysis from the cache
    assert calls[0] == (len(docs), len(docs)) and again == fresh
    tokens = [t for d in docs for t in cached[document_hash(d)].tokens]
    monkeypatch.setattr(cache, "CHUNK_TOKENS", 7)  # many small chunks: the same counts and analyses
    assert read_analyses(index.folder, index.manifest) == cached
    monkeypatch.setattr(bm25, "CHUNK_TOKENS", 7)
    counted = bm25.count_postings(tokens)
    assert np.array_equal(counted.counts, read_counts(index.folder / "counts.bin"))
    assert np.array_equal(counted.indices, index.scorer.indices)
    assert np.array_equal(counted.indptr, index.scorer.indptr)


def test_damaged_cache_is_analysed_again(tmp_path: Path) -> None:
    """counts.bin altered, with a manifest that still lists its old hash: not used, every
    document analysed again, same files as before."""
    s = _settings(tmp_path)
    _, fresh, index = _build(s)
    path = index.folder / "counts.bin"
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    path.write_bytes(bytes(data))
    calls, again, _ = _build(s)
    assert calls[0][0] == 0 and again == fresh


def test_previous_format_is_detected_and_its_analyses_reused(tmp_path: Path) -> None:
    """An index of format 2 (analyses in analysis.jsonl): never loaded as this format; a build
    reuses its analyses and writes the files of a fresh build."""
    s = _settings(tmp_path)
    docs = load_directory(s.documents_dir)
    _, fresh, index = _build(s)
    with open(index.folder / "analysis.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            an = analyze(d, s.passage_chars)
            f.write(json.dumps({"hash": document_hash(d), "sentences": an.sentences,
                                "passages": an.passages, "tokens": an.tokens}, ensure_ascii=False) + "\n")
    manifest = read_manifest(s.index_dir)
    old = seal({**manifest, "signature": {**manifest["signature"], "format": 2},
                "files": describe_files(index.folder)})
    write_manifest(s.index_dir, old)
    write_manifest(index.folder, old)
    with pytest.raises(IndexDamagedError, match="bị hỏng"):
        load_index(s.index_dir)
    calls, again, _ = _build(s)
    assert calls[0] == (len(docs), len(docs)) and again == fresh


def test_document_without_passages_and_counts_over_254(tmp_path: Path) -> None:
    """Analyses given (no tokenizer): an empty document, a token 300 times in one passage."""
    docs = [Document("a", "Lặp", "xin chào " * 150 + "hết."), Document("b", "Trống", "")]
    given = {document_hash(docs[0]): Analysis([(0, 1354)], [(0, 1)], [["xin_chào"] * 300 + ["hết"]]),
             document_hash(docs[1]): Analysis([], [], [])}
    s = Settings.from_env(documents=tmp_path, index=tmp_path / "index", workers=1)
    fresh = build_index(docs, s, precomputed=given)
    back = read_analyses(fresh.folder, fresh.manifest)
    assert {h: (a.sentences, a.passages, a.tokens) for h, a in back.items()} == \
        {h: (a.sentences, a.passages, [sorted(t) for t in a.tokens]) for h, a in given.items()}
    calls: list[tuple[int, int]] = []
    again = build_index(docs, s, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (2, 2) and again.manifest["files"] == fresh.manifest["files"]
