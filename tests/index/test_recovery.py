"""Recovering from damage (issue 10), with the real tokenizer, CLI and processes: a damaged index
is rebuilt and answers as before; a running bot notices damage on disk; a read-only index folder
keeps answering; a build killed with ``kill -9`` leaves no worker behind and no half-written
folder after the next run."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qa_bot import QABot
from qa_bot.config import Settings
from qa_bot.index import MANIFEST, load_index, read_manifest
from qa_bot.index.upkeep import build_lock, data_folders
from tests.corpus import DOCUMENTS, ROOT, copy_documents

pytestmark = pytest.mark.slow  # each test builds an index or starts processes

QUESTIONS = ["Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?",
             "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?",
             "Phiên họp thứ chín yêu cầu những gì?"]


def _settings(tmp_path: Path, **overrides) -> Settings:
    return Settings.from_env(documents=copy_documents(tmp_path), index=tmp_path / "index", **overrides)


def _answers(bot: QABot) -> list[dict]:
    return [bot.ask(q).to_dict() for q in QUESTIONS]


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


DAMAGE = {
    "texts.bin": _flip,
    "p_start.npy": lambda p: p.write_bytes(p.read_bytes()[:-4]),
    "counts.bin": _flip,
    "documents.json": lambda p: p.write_bytes(b""),
    "bm25/impacts.npy": lambda p: p.unlink(),
}


def test_damaged_index_is_repaired_and_answers_as_before(tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    """Each damage is reported in one line; the index is rebuilt, or the manifest restored from
    the data folder's own copy, and the answers are those of the intact index."""
    s = _settings(tmp_path)
    expected = _answers(QABot.from_settings(s))
    for name, damage in [*DAMAGE.items(), (MANIFEST, _flip), (MANIFEST, lambda p: p.unlink())]:
        folder = s.index_dir / read_manifest(s.index_dir)["data"]
        damage(s.index_dir / MANIFEST if name == MANIFEST else folder / name)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="qa_bot"):
            bot = QABot.from_settings(s)
        warnings = [r.getMessage() for r in caplog.records]
        assert len(warnings) == 1 and "chỉ mục hỏng" in warnings[0], (name, warnings)
        assert (bot.index.folder == folder) == (name == MANIFEST), name  # data intact: reused
        assert _answers(bot) == expected, name
        assert load_index(s.index_dir).folder == bot.index.folder  # the repaired index checks out


def test_running_bot_notices_damage_and_rebuilds(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    bot = QABot.from_settings(s)
    expected = _answers(bot)
    assert bot.check_index() is False
    damaged = bot.index.folder
    _flip(damaged / "texts.bin")
    assert bot.check_index() is True
    assert bot.index.folder != damaged and _answers(bot) == expected and bot.index_notice is None
    for _ in range(2):  # another process rebuilds twice: the bot's folder is removed, not damaged
        QABot.from_settings(s, rebuild=True)
    assert not bot.index.folder.exists() and bot.check_index() is False
    assert bot.index.folder.name == read_manifest(s.index_dir)["data"] and _answers(bot) == expected


def test_background_repair_answers_from_the_last_good_folder(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    expected = _answers(QABot.from_settings(s))
    doc = sorted(s.documents_dir.glob("*.md"))[0]
    doc.write_text(doc.read_text("utf-8") + "\nMột câu mới về giá vàng SJC.\n", encoding="utf-8")
    expected_new = _answers(QABot.from_settings(s))  # a second data folder; the first stays
    previous, current = data_folders(s.index_dir)[1], data_folders(s.index_dir)[0]
    _flip(current / "texts.bin")
    with build_lock(s.index_dir):  # another build holds the lock: the repair waits for it
        bot = QABot.from_settings(s, background=True)
        assert bot.index.folder == previous and bot.index_notice  # answers at once, from the last good
        assert _answers(bot) == expected
    deadline = time.monotonic() + 120
    while bot.index.folder == previous and time.monotonic() < deadline:
        time.sleep(0.2)
    assert bot.index.folder not in (previous, current) and bot.index_notice is None
    assert _answers(bot) == expected_new


def _cli(*args: str, read_only: bool = False, **kw) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "qa_bot.cli", *args]
    if read_only and os.geteuid() == 0:  # root writes anywhere: run without that right
        if not shutil.which("setpriv"):
            pytest.skip("root writes to read-only folders; setpriv is needed to drop that right")
        drop = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT, **kw)


def test_read_only_index_folder_answers_from_the_existing_index(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    where = ["--documents", str(s.documents_dir), "--index", str(s.index_dir)]
    assert _cli("index", "-q", *where).returncode == 0
    doc = sorted(s.documents_dir.glob("*.md"))[0]
    doc.write_text(doc.read_text("utf-8") + "\nMột câu mới về giá vàng SJC.\n", encoding="utf-8")
    for p in [s.index_dir, *s.index_dir.rglob("*")]:
        p.chmod(p.stat().st_mode & 0o555)
    try:
        out = _cli("ask", QUESTIONS[0], *where, read_only=True)
        assert out.returncode == 0 and "1.818" in out.stdout, out.stderr
        assert "Không cập nhật được chỉ mục" in out.stderr and "không có quyền ghi" in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
        out = _cli("index", "-q", *where, read_only=True)
        assert out.returncode == 2 and "Không cập nhật được chỉ mục" in out.stderr
    finally:
        for p in [s.index_dir, *s.index_dir.rglob("*")]:
            p.chmod(p.stat().st_mode | 0o200)


def descendants(pid: int) -> set[int]:
    """Every living process below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, parent in parents.items() if parent == p}
        todo.extend(kids - found)
        found |= kids
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_kill_9_during_build_leaves_no_worker_and_no_leftover(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    where = ["--documents", str(s.documents_dir), "--index", str(s.index_dir)]
    assert _cli("index", "-q", *where).returncode == 0
    good = read_manifest(s.index_dir)["data"]
    for i, src in enumerate(sorted(DOCUMENTS.glob("*.md")) * 40):  # 200 more: a parallel build of seconds
        shutil.copy(src, s.documents_dir / f"ban-sao-{i:03d}.md")
    env = {**os.environ, "QA_BOT_WORKERS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "qa_bot.cli", "index", "-q", *where], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, workers = time.monotonic() + 120, set()
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = descendants(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the build never started its workers"
    time.sleep(0.3)
    workers |= descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if alive(w)], "workers survived their killed parent"
    assert load_index(s.index_dir).folder.name == good  # the last good index still loads
    assert _cli("index", "-q", *where, env=env).returncode == 0
    names = [p.name for p in data_folders(s.index_dir)]
    assert read_manifest(s.index_dir)["data"] in names and len(names) <= 2
    assert all((s.index_dir / n / "manifest.json").is_file() for n in names)  # no half-written one
