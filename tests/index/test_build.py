"""Building the index (qa_bot.index.build): freshness, reuse of unchanged documents, first use,
background rebuilds."""

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from qa_bot import QABot
from qa_bot.bot import open_index
from qa_bot.config import Settings
from qa_bot.documents import load_directory
from qa_bot.index import build_index, is_fresh
from tests.corpus import copy_documents

pytestmark = pytest.mark.slow  # each test builds an index


def _settings(tmp_path: Path) -> Settings:
    return Settings.from_env(documents=copy_documents(tmp_path), index=tmp_path / "index")


def test_stale_index_is_rebuilt_and_unchanged_documents_are_reused(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    docs = load_directory(s.documents_dir)
    build_index(docs, s)
    assert is_fresh(s.index_dir, docs, s)
    target = sorted(s.documents_dir.glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nMột câu mới về giá vàng SJC.\n", "utf-8")
    docs2 = load_directory(s.documents_dir)
    assert not is_fresh(s.index_dir, docs2, s)
    calls: list[tuple[int, int]] = []
    index = open_index(s, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (len(docs) - 1, len(docs))  # only the edited document is analysed again
    assert is_fresh(s.index_dir, docs2, s)
    assert index.scores(["sjc"]).max() > 0
    # settings that change tokens or passages make the index stale too
    assert not is_fresh(s.index_dir, docs2, replace(s, passage_chars=s.passage_chars + 1))


def test_missing_index_is_built_on_first_use(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    bot = QABot.from_settings(s)
    assert (s.index_dir / "manifest.json").is_file() and bot.stats()["documents"] == 5
    shutil.rmtree(s.index_dir)
    assert QABot.from_settings(s).stats() == bot.stats()


def test_background_rebuild_keeps_answering(tmp_path: Path) -> None:
    """A watched folder is re-indexed in the background; questions asked meanwhile are answered
    from the old index, and the new document is found once the new index is swapped in."""
    import time

    s = _settings(tmp_path)
    bot = QABot.from_settings(s)
    before = bot.stats()
    bot.watch(0.2)
    (s.documents_dir / "moi.md").write_text(
        "---\ntitle: Văn bản mới về lệ phí hộ chiếu\ndate: 2025-05-05\n---\n"
        "Lệ phí cấp hộ chiếu phổ thông là 200.000 đồng.\n", encoding="utf-8")
    deadline = time.monotonic() + 120
    answered = 0
    while bot.stats() == before and time.monotonic() < deadline:
        assert bot.ask("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?").found
        answered += 1
    assert bot.stats()["documents"] == before["documents"] + 1, "no rebuild within 120 s"
    assert answered > 0
    a = bot.ask("Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?")
    assert a.found and "200.000 đồng" in a.answer
