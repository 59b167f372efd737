"""Helpers of the scale-out tests: ``qa-bot serve`` on a chosen port, nginx as the current user
with every path under a temporary folder, and a bounded load that counts failures."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.conftest import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_SITE = ROOT / "deploy" / "nginx" / "qa-bot.conf"
ENV = {**os.environ, "PYTHONUNBUFFERED": "1", "GRADIO_ANALYTICS_ENABLED": "False",
       "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


def wait_healthy(url: str, proc: subprocess.Popen | None, timeout: float, log: Path) -> None:
    """Poll ``url/healthz`` until 200; AssertionError with the log's end when it never comes."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"not ready after {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@dataclass
class Replica:
    """A ``qa-bot serve`` process on a fixed port (so that it can be restarted on it)."""

    documents: Path
    index: Path
    log: Path
    extra: Sequence[str] = ()
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 180) -> Replica:
        cmd = [sys.executable, "-m", "qa_bot.cli", "serve", "--host", "127.0.0.1", "--port",
               str(self.port), "--documents", str(self.documents), "--index", str(self.index),
               *self.extra]
        with open(self.log, "a", encoding="utf-8") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=ENV,
                                         start_new_session=True)
        wait_healthy(self.url, self.proc, timeout, self.log)
        return self

    def kill(self) -> None:
        """SIGKILL the whole process group (a crash: no graceful shutdown)."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def nginx_config(work: Path, port: int, upstreams: Sequence[int]) -> Path:
    """A main nginx.conf for the current user, every path under ``work``, that includes
    ``deploy/nginx/qa-bot.conf`` with its two replica ports and its listen port substituted."""
    site = NGINX_SITE.read_text(encoding="utf-8")
    site = site.replace("127.0.0.1:7861", f"127.0.0.1:{upstreams[0]}")
    site = site.replace("127.0.0.1:7862", f"127.0.0.1:{upstreams[1]}")
    site = site.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    (work / "qa-bot.conf").write_text(site, encoding="utf-8")
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    # As root, nginx's workers would switch to "nobody": keep them as the current user.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = work / "nginx.conf"
    conf.write_text(f"""{user}worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {work}/access.log;
    client_body_temp_path {work}/tmp/body;
    proxy_temp_path {work}/tmp/proxy;
    fastcgi_temp_path {work}/tmp/fastcgi;
    uwsgi_temp_path {work}/tmp/uwsgi;
    scgi_temp_path {work}/tmp/scgi;
    include {work}/qa-bot.conf;
}}
""", encoding="utf-8")
    return conf


def start_nginx(work: Path, port: int, upstreams: Sequence[int]) -> subprocess.Popen:
    """nginx in the foreground (``daemon off``) on ``port`` in front of ``upstreams``."""
    conf = nginx_config(work, port, upstreams)
    subprocess.run([NGINX, "-t", "-p", str(work), "-e", str(work / "error.log"), "-c", str(conf)],
                   check=True, capture_output=True)
    proc = subprocess.Popen([NGINX, "-p", str(work), "-e", str(work / "error.log"), "-c", str(conf),
                             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    wait_healthy(f"http://127.0.0.1:{port}", proc, 30, work / "error.log")
    return proc


@dataclass
class Load:
    """``clients`` threads posting questions to ``url/api/ask`` until stopped; every outcome kept."""

    url: str
    questions: Sequence[str]
    clients: int = 4
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _client(self, n: int) -> None:
        with httpx.Client(base_url=self.url, timeout=90) as c:
            i = n
            while not self._stop.is_set():
                q = self.questions[i % len(self.questions)]
                i += 1
                try:
                    r = c.post("/api/ask", json={"question": q, "top_k": 3})
                    good = r.status_code == 200 and bool(r.json().get("answer"))
                    why = f"{r.status_code} {r.text[:200]}"
                except (httpx.HTTPError, ValueError) as exc:
                    good, why = False, repr(exc)
                with self._lock:
                    if good:
                        self.ok += 1
                    else:
                        self.failures.append(why)

    def wait_for(self, ok: int, timeout: float) -> bool:
        """Wait until ``ok`` requests succeeded (False after ``timeout`` seconds)."""
        t0 = time.monotonic()
        while self.ok < ok:
            if time.monotonic() - t0 > timeout:
                return False
            time.sleep(0.05)
        return True

    def start(self) -> Load:
        self._threads = [threading.Thread(target=self._client, args=(n,), daemon=True)
                         for n in range(self.clients)]
        for t in self._threads:
            t.start()
        return self

    def stop(self) -> Load:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=60)
        return self


__all__ = ["Load", "NGINX", "Replica", "nginx_config", "start_nginx", "wait_healthy"]
