"""``qa-bot serve --workers N`` and ``--read-only`` (issue 13): N processes on one port, every one
picking up the index version a writer publishes; a read-only replica never builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SHIPPED_DOCUMENTS
from tests.replicas import ENV, Replica

pytestmark = pytest.mark.slow

NEW_DOC = """---
title: Thí điểm một cửa liên thông tại xã Tân Lập
date: 2026-05-04
source: Cổng thông tin thử nghiệm
---
Xã Tân Lập thí điểm bộ phận một cửa liên thông hiện đại với 17 quầy tiếp nhận hồ sơ.
"""


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        out += [int(x) for x in text]
    return out


def _all_see(url: str, documents: int, timeout: float = 60, rounds: int = 20) -> bool:
    """True once ``rounds`` consecutive /healthz answers (new connections: any worker) say
    ``documents``."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if all(httpx.get(url + "/healthz", timeout=5).json()["documents"] == documents
               for _ in range(rounds)):
            return True
        time.sleep(0.5)
    return False


def _index(docs: Path, index: Path) -> None:
    subprocess.run([sys.executable, "-m", "qa_bot.cli", "index", "-q", "--documents", str(docs),
                    "--index", str(index)], cwd=ROOT, env=ENV, check=True, capture_output=True)


def test_workers_share_a_port_and_follow_the_writer(tmp_path: Path) -> None:
    docs = tmp_path / "documents"
    shutil.copytree(SHIPPED_DOCUMENTS, docs)
    server = Replica(docs, tmp_path / "index", tmp_path / "server.log", ["--workers", "2", "--watch", "1"])
    server.start()
    try:
        # two workers and the writer; gunicorn forks its workers a random 0-0.1 s apart, and the
        # first may answer the readiness check before the second exists
        deadline = time.monotonic() + 10
        while len(kids := _children(server.proc.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(kids) == 3, kids
        answers = {httpx.post(server.url + "/api/ask", json={"question": "Phiên họp thứ chín do ai chủ trì?"},
                              timeout=30).json()["answer"] for _ in range(10)}
        assert len(answers) == 1 and "Trương Hòa Bình" in answers.pop()
        (docs / "2026-05-04-mot-cua-tan-lap.md").write_text(NEW_DOC, encoding="utf-8")
        assert _all_see(server.url, 6), server.log.read_text()[-2000:]  # rebuilt once, seen by all
        hits = httpx.get(server.url + "/api/search", params={"q": "một cửa liên thông xã Tân Lập"},
                         timeout=30).json()["results"]
        assert hits[0]["doc_id"] == "2026-05-04-mot-cua-tan-lap"
        assert "2 tiến trình phục vụ" in server.log.read_text()
    finally:
        server.stop()
    assert server.proc.returncode is not None


def test_read_only_replica_follows_published_versions_and_never_builds(tmp_path: Path) -> None:
    docs = tmp_path / "documents"
    shutil.copytree(SHIPPED_DOCUMENTS, docs)
    index = tmp_path / "index"
    _index(docs, index)
    extra = ["--read-only", "--workers", "2", "--watch", "1"]
    replica = Replica(docs, index, tmp_path / "replica.log", extra)
    replica.start()
    try:
        (docs / "2026-05-04-mot-cua-tan-lap.md").write_text(NEW_DOC, encoding="utf-8")
        time.sleep(2.5)  # the documents changed, but a read-only replica does not build
        assert httpx.get(replica.url + "/healthz", timeout=5).json()["documents"] == 5
        _index(docs, index)  # the writer publishes a new version
        assert _all_see(replica.url, 6), replica.log.read_text()[-2000:]
        assert "đã nạp phiên bản chỉ mục mới" in replica.log.read_text()
    finally:
        replica.stop()


def test_read_only_without_an_index_says_so(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "qa_bot.cli", "serve", "--read-only", "--port", "0",
                        "--documents", str(SHIPPED_DOCUMENTS), "--index", str(tmp_path / "none")],
                       cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert "Không có chỉ mục" in r.stderr and not (tmp_path / "none").exists()
