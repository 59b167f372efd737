"""Shared fixtures and markers of the suite.

- ``shipped_bot``: a :class:`QABot` over a copy of the shipped corpus, index built in a temporary
  folder (from :mod:`tests.corpus`);
- ``server``, ``server_url``, ``cors_server_url``, ``xss_server_url``: real ``qa-bot serve``
  processes on free loopback ports, each over a copy of a documents folder with its own temporary
  index (the repository's ``index/`` is never touched), polled on ``/healthz`` until ready
  (bounded) and stopped at the end of the session.

Markers: a test that uses one of :data:`SLOW_FIXTURES` (an index build, a process, a browser) is
marked ``slow``; one that uses the browser is marked ``browser`` too. The fast part runs alone with
``pytest -m "not slow"``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.corpus import shipped_bot  # noqa: F401  (the shared fixture, defined once there)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_DOCUMENTS = ROOT / "documents"
XSS_DOCUMENTS = ROOT / "tests" / "data" / "xss"
STARTUP_TIMEOUT = float(os.environ.get("QA_BOT_TEST_STARTUP_TIMEOUT", "180"))
ALLOWED_ORIGIN = "http://app.example.org"


#: Fixtures that build an index, start a process or a browser: tests using them are ``slow``.
SLOW_FIXTURES = frozenset({
    "shipped_bot", "server", "server_url", "cors_server_url", "xss_server_url", "shipped_documents",
    "single_worker_url",
    "browser", "page_at", "env", "beir", "bot", "client",
})
BROWSER_FIXTURES = frozenset({"browser", "page_at"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests ``slow`` and ``browser`` from the fixtures they use."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@dataclass
class Server:
    """A running ``qa-bot serve`` subprocess."""

    url: str
    port: int
    proc: subprocess.Popen
    log_path: Path
    seconds_to_ready: float

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(documents: Path, index: Path, log_path: Path, extra: Sequence[str] = (),
                 timeout: float = STARTUP_TIMEOUT) -> Server:
    """Start ``qa-bot serve`` on 127.0.0.1 and wait until ``/healthz`` answers 200."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "NO_PROXY": "127.0.0.1,localhost",
           "no_proxy": "127.0.0.1,localhost"}
    for attempt in range(3):
        port = free_port()
        cmd = [sys.executable, "-m", "qa_bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--documents", str(documents), "--index", str(index), *extra]
        log = open(log_path, "w", encoding="utf-8")  # the child keeps its own handle
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        log.close()
        url = f"http://127.0.0.1:{port}"
        while time.monotonic() - t0 < timeout:
            if proc.poll() is not None:
                break
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    return Server(url, port, proc, log_path, time.monotonic() - t0)
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            proc.kill()
            proc.wait(timeout=10)
            pytest.fail(f"qa-bot serve not ready after {timeout:.0f} s:\n{log_path.read_text()[-3000:]}")
        text = log_path.read_text(encoding="utf-8", errors="replace")
        if "không mở được cổng" not in text or attempt == 2:  # lost a port race: try another port
            pytest.fail(f"qa-bot serve exited with status {proc.returncode}:\n{text[-3000:]}")
    raise AssertionError("unreachable")


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


@pytest.fixture(scope="session")
def shipped_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped ``documents/`` folder."""
    return _copy(SHIPPED_DOCUMENTS, tmp_path_factory.mktemp("corpus") / "documents")


@pytest.fixture(scope="session")
def server(shipped_documents: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``qa-bot serve`` over the shipped corpus, fresh index, default flags (CORS closed)."""
    work = tmp_path_factory.mktemp("server")
    srv = start_server(shipped_documents, work / "index", work / "server.log")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def server_url(server: Server) -> str:
    """Base URL (``http://127.0.0.1:PORT``) of the server over the shipped corpus."""
    return server.url


@pytest.fixture(scope="session")
def client(server_url: str) -> Iterator[httpx.Client]:
    """An HTTP client on the server over the shipped corpus."""
    with httpx.Client(base_url=server_url, timeout=30) as c:
        yield c


@pytest.fixture(scope="session")
def cors_origin() -> str:
    """The browser origin the CORS-enabled server allows."""
    return ALLOWED_ORIGIN


@pytest.fixture(scope="session")
def cors_server_url(server: Server, shipped_documents: Path,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second server over the shipped corpus started with ``--cors ALLOWED_ORIGIN``."""
    work = tmp_path_factory.mktemp("cors-server")
    srv = start_server(shipped_documents, work / "index", work / "server.log",
                       extra=["--cors", ALLOWED_ORIGIN])
    yield srv.url
    srv.stop()


@pytest.fixture(scope="session")
def single_worker_url(shipped_documents: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the shipped corpus in one process (``--workers 1``): gradio_client speaks
    Gradio's queue protocol (a join, then a stream on another connection), whose state is per
    process (docs/deploy.md)."""
    work = tmp_path_factory.mktemp("single-server")
    srv = start_server(shipped_documents, work / "index", work / "server.log", extra=["--workers", "1"])
    yield srv.url
    srv.stop()


@pytest.fixture(scope="session")
def xss_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over ``tests/data/xss``: a document full of ``<script>``, HTML and Markdown."""
    work = tmp_path_factory.mktemp("xss-server")
    docs = _copy(XSS_DOCUMENTS, work / "documents")
    srv = start_server(docs, work / "index", work / "server.log")
    yield srv.url
    srv.stop()
