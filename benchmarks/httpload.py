"""HTTP load on loopback: ``qa-bot serve`` on 127.0.0.1 driven by ``wrk`` (Debian package).

Each run is bounded in time (``-d``) and connections (``-c``); the request bodies rotate over the
benchmark's questions (``POST /api/ask`` with ``{"question": ..., "top_k": 5}``). Without ``wrk``
a small asyncio + httpx client does the same (bounded in time and count), with more CPU overhead.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import ROOT, log, percentiles

_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests": %%d, "duration_us": %%d, "connect_errors": %%d, ' ..
    '"read_errors": %%d, "write_errors": %%d, "status_errors": %%d, "timeouts": %%d, ' ..
    '"p50_us": %%d, "p90_us": %%d, "p99_us": %%d, "max_us": %%d, "mean_us": %%.1f}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean))
end
"""
_LUA = """
local bodies = {
%s
}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  return wrk.format(nil, "/api/ask", nil, bodies[(i %% #bodies) + 1])
end
""" + _DONE
#: ``GET /healthz``: the fixed cost of a request (HTTP parsing, middleware, a small JSON answer).
_HEALTH_LUA = _DONE.replace("%%", "%")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(port: int, question: str, timeout: float = 30.0) -> tuple[int, dict | None]:
    import httpx

    r = httpx.post(f"http://127.0.0.1:{port}/api/ask", json={"question": question, "top_k": 5},
                   timeout=timeout)
    try:
        return r.status_code, r.json()
    except ValueError:
        return r.status_code, None


def _wait_ready(proc: subprocess.Popen, port: int, timeout: float) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"qa-bot serve exited with status {proc.returncode}")
        try:
            status, _ = _post(port, "Thủ tục hành chính là gì?", timeout=5)
            if status == 200:
                return time.perf_counter() - t0
        except Exception:  # noqa: BLE001 - not listening yet
            pass
        time.sleep(0.5)
    raise TimeoutError(f"qa-bot serve did not answer within {timeout:.0f} s")


def wrk_run(port: int, script: Path, connections: int, seconds: int, path: str = "/api/ask") -> dict:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
           f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    line = next((x for x in out.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        return {"error": f"no result from wrk: {out[-500:]}"}
    r = json.loads(line[len("WRKJSON "):])
    errors = sum(r[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors",
                                "timeouts"))
    return {"connections": connections, "seconds": round(r["duration_us"] / 1e6, 2),
            "requests": r["requests"], "rps": round(r["requests"] / (r["duration_us"] / 1e6), 1),
            "p50_ms": round(r["p50_us"] / 1000, 2), "p90_ms": round(r["p90_us"] / 1000, 2),
            "p99_ms": round(r["p99_us"] / 1000, 2), "max_ms": round(r["max_us"] / 1000, 2),
            "errors": errors, "error_detail": {k: r[k] for k in r if k.endswith(("errors", "outs"))}}


async def _py_load(port: int, questions: list[str], connections: int, seconds: int,
                   max_requests: int) -> dict:
    import httpx

    lat: list[float] = []
    errors = 0
    counter = 0
    deadline = time.perf_counter() + seconds
    url = f"http://127.0.0.1:{port}/api/ask"

    async def client(c: httpx.AsyncClient) -> None:
        nonlocal errors, counter
        while time.perf_counter() < deadline and counter < max_requests:
            q = questions[counter % len(questions)]
            counter += 1
            t = time.perf_counter()
            try:
                r = await c.post(url, json={"question": q, "top_k": 5})
                if r.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            lat.append(time.perf_counter() - t)

    t0 = time.perf_counter()
    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as c:
        await asyncio.gather(*(client(c) for _ in range(connections)))
    wall = time.perf_counter() - t0
    p = percentiles(lat)
    return {"connections": connections, "seconds": round(wall, 2), "requests": len(lat),
            "rps": round(len(lat) / wall, 1), "p50_ms": p.get("p50_ms"), "p90_ms": None,
            "p99_ms": p.get("p99_ms"), "max_ms": p.get("max_ms"), "errors": errors}


def http_load(questions: list[str], connections: list[int], seconds: int, work: Path,
              ready_timeout: float = 300.0, workers: int = 1) -> dict:
    """Start ``qa-bot serve --workers N`` on the shipped documents and load it; the results per
    level, each with the CPU of the server, of the load tool and of other processes meanwhile,
    then ``GET /healthz`` at the highest level (the fixed cost of a request, with wrk), and the
    server's memory (RSS, PSS of its process tree) after start-up and after the load."""
    from .scaleout import Window, tree_memory

    if not (ROOT / "qa_bot" / "web" / "serve.py").is_file():
        return {"skipped": "qa_bot/web/serve.py does not exist: `qa-bot serve` cannot start"}
    tool = "wrk" if shutil.which("wrk") else "python (httpx, asyncio)"
    port = free_port()
    index_dir = Path(tempfile.mkdtemp(prefix="http-index-", dir=work))
    env = {**os.environ, "QA_BOT_DOCUMENTS": str(ROOT / "documents"), "QA_BOT_INDEX": str(index_dir)}
    cmd = [sys.executable, "-m", "qa_bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--documents", str(ROOT / "documents"), "--index", str(index_dir), "--workers", str(workers)]
    server_log = work / "server.log"
    res: dict = {"tool": tool, "command": " ".join(["qa-bot", *cmd[3:]]), "levels": [], "workers": workers}
    with open(server_log, "w", encoding="utf-8") as logf:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=logf, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            res["startup_s"] = round(_wait_ready(proc, port, ready_timeout), 2)
            time.sleep(1.0)
            res["memory_after_start"] = tree_memory(proc.pid)
            status, body = _post(port, questions[0])
            res["sample"] = {"status": status,
                             "keys": sorted(body) if isinstance(body, dict) else None}
            script = work / "ask.lua"
            bodies = ",\n".join("[==[" + json.dumps({"question": q, "top_k": 5}) + "]==]"
                                for q in questions)
            script.write_text(_LUA % bodies, encoding="utf-8")
            if tool == "wrk":
                wrk_run(port, script, max(connections), 3)  # warm-up, discarded
            for c in connections:
                log(f"http: {workers} server process(es), {c} connections, {seconds} s")
                window = Window(proc.pid)
                if tool == "wrk":
                    level = wrk_run(port, script, c, seconds)
                else:
                    level = asyncio.run(_py_load(port, questions, c, seconds, 200 * seconds * c))
                level["cpu"] = window.result()
                res["levels"].append(level)
            if tool == "wrk":  # the fixed cost per request: GET /healthz at the highest level
                health = work / "healthz.lua"
                health.write_text(_HEALTH_LUA, encoding="utf-8")
                c = max(connections)
                log(f"http: {workers} server process(es), GET /healthz, {c} connections, {seconds} s")
                window = Window(proc.pid)
                level = wrk_run(port, health, c, seconds, "/healthz")
                level["cpu"] = window.result()
                res["healthz"] = level
            res["memory_after_load"] = tree_memory(proc.pid)
        except Exception as exc:  # noqa: BLE001 - reported in the results
            res["error"] = repr(exc)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
    shutil.rmtree(index_dir, ignore_errors=True)
    return res
