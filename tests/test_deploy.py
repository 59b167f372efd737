"""Two read-only replicas behind nginx (deploy/nginx/qa-bot.conf, docs/deploy.md): one is killed
under load and no client request fails (nginx retries on the other), it restarts and answers
again; a conversation's turns are answered by either replica (``history`` travels with each)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SHIPPED_DOCUMENTS, free_port
from tests.replicas import ENV, NGINX, Load, Replica, start_nginx

pytestmark = pytest.mark.slow

QUESTIONS = ["Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", "Phiên họp thứ chín do ai chủ trì?",
             "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?", "tinh gian bien che"]
NINTH = "Phiên họp thứ chín do ai chủ trì?"
FOLLOW_UP = "Phiên đó đánh giá những hạn chế gì?"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """An index built by the writer (``qa-bot index``), two read-only replicas over it, nginx."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run installs it)")
    work = tmp_path_factory.mktemp("deploy")
    docs = work / "documents"
    shutil.copytree(SHIPPED_DOCUMENTS, docs)
    index = work / "index"
    subprocess.run([sys.executable, "-m", "qa_bot.cli", "index", "-q", "--documents", str(docs),
                    "--index", str(index)], cwd=ROOT, env=ENV, check=True, capture_output=True)
    extra = ["--read-only", "--workers", "1", "--watch", "1"]
    replicas = [Replica(docs, index, work / f"replica{i}.log", extra) for i in (1, 2)]
    for r in replicas:
        r.start()
    port = free_port()
    (work / "nginx").mkdir()
    nginx = start_nginx(work / "nginx", port, [r.port for r in replicas])
    yield {"url": f"http://127.0.0.1:{port}", "replicas": replicas, "work": work}
    nginx.terminate()
    nginx.wait(timeout=10)
    for r in replicas:
        r.stop()


def test_a_replica_killed_under_load_costs_no_request(cluster: dict) -> None:
    a, b = cluster["replicas"]
    load = Load(cluster["url"], QUESTIONS, clients=4).start()
    assert load.wait_for(20, timeout=120), load.failures[:5]
    before = load.ok
    a.kill()  # SIGKILL mid-load: its in-flight and new requests go to the other replica
    assert load.wait_for(before + 20, timeout=120), load.failures[:5]  # load goes on while a is down
    during = load.ok - before
    a.start()  # back on the same port; nginx tries it again after fail_timeout (5 s)
    time.sleep(6.0)
    load.stop()
    assert load.failures == [], load.failures[:5]
    assert before >= 20 and during >= 20, (before, during)
    print(f"replica killed under load: {before} answers before, {during} while it was down, "
          f"{load.ok} in all, {len(load.failures)} failed")
    # both replicas answer again, directly and through nginx
    for r in (a, b):
        assert httpx.post(r.url + "/api/ask", json={"question": QUESTIONS[0]}, timeout=30).status_code == 200
    log = (cluster["work"] / "nginx" / "access.log").read_text(encoding="utf-8")
    assert log.count(" 200 ") >= load.ok


def test_any_replica_answers_any_turn(cluster: dict) -> None:
    a, b = cluster["replicas"]
    first = httpx.post(a.url + "/api/ask", json={"question": NINTH}, timeout=30).json()
    assert "Trương Hòa Bình" in first["answer"]
    history = [{"question": first["question"], "answer": first["answer"]}]
    second = httpx.post(b.url + "/api/ask", json={"question": FOLLOW_UP, "history": history},
                        timeout=30).json()
    assert second["interpreted_as"] != FOLLOW_UP and "thứ chín" in second["interpreted_as"]
    assert second["status"] == "answered"
    alone = httpx.post(b.url + "/api/ask", json={"question": FOLLOW_UP}, timeout=30).json()
    assert alone["interpreted_as"] == FOLLOW_UP  # the history, not the replica, made the difference


def test_replicas_refuse_to_build_and_write_nothing(cluster: dict) -> None:
    index = cluster["work"] / "index"
    before = {p: p.stat().st_mtime_ns for p in index.rglob("*")}
    for r in cluster["replicas"]:
        assert httpx.get(r.url + "/healthz", timeout=10).status_code == 200
    time.sleep(2.5)  # two rounds of their index follower
    assert {p: p.stat().st_mtime_ns for p in index.rglob("*")} == before
