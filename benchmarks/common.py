"""Shared helpers: paths, the machine, memory, percentiles, CPU contention, subprocess workers."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
DEFAULT_OUT = BENCH / "out"
DEFAULT_SHARED = ROOT.parent / "shared" / "benchmarks"
_HZ = os.sysconf("SC_CLK_TCK")


# -- memory -----------------------------------------------------------------------------------
def proc_status(field_name: str) -> int:
    """A ``/proc/self/status`` memory field (``VmRSS``, ``VmHWM``...) in bytes."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) * 1024
    return 0


def rss() -> int:
    return proc_status("VmRSS")


def mib(n: float) -> float:
    return round(n / 2**20, 1)


def peak_rss_children() -> int:
    """Largest peak RSS of any waited-for child so far (bytes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


# -- statistics -------------------------------------------------------------------------------
def percentiles(values_s: list[float]) -> dict:
    """p50/p95/p99/mean/max in milliseconds of durations given in seconds."""
    a = np.asarray(values_s, dtype=np.float64) * 1000
    if a.size == 0:
        return {}
    p50, p95, p99 = np.percentile(a, [50, 95, 99])
    return {"n": int(a.size), "p50_ms": round(float(p50), 3), "p95_ms": round(float(p95), 3),
            "p99_ms": round(float(p99), 3), "mean_ms": round(float(a.mean()), 3),
            "max_ms": round(float(a.max()), 3)}


# -- the machine ------------------------------------------------------------------------------
def _meminfo() -> dict:
    out = {}
    with open("/proc/meminfo", encoding="ascii") as f:
        for line in f:
            k, v = line.split(":", 1)
            out[k] = int(v.split()[0]) * 1024
    return out


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _version(module: str) -> str:
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:  # noqa: BLE001 - any failure just means "unknown"
        return "?"


def git_state() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    dirty = [line[3:] for line in git("status", "--porcelain").splitlines()
             if line[3:].startswith("qa_bot/")]
    return {"commit": git("rev-parse", "--short", "HEAD"), "dirty_qa_bot": dirty}


def code_fingerprint() -> dict[str, str]:
    """Content hash of every qa_bot source file (to notice code that changes during a run)."""
    import hashlib

    return {str(p.relative_to(ROOT)): hashlib.sha1(p.read_bytes()).hexdigest()[:12]
            for p in sorted((ROOT / "qa_bot").glob("*.py"))}


def machine() -> dict:
    mem = _meminfo()
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": round(mem.get("MemTotal", 0) / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {m: _version(m) for m in ("underthesea", "bm25s", "rank-bm25", "numpy",
                                               "fastapi", "uvicorn")},
        "git": git_state(),
        "loadavg_at_start": os.getloadavg(),
    }


# -- CPU contention ---------------------------------------------------------------------------
def _busy_jiffies() -> int:
    with open("/proc/stat", encoding="ascii") as f:
        parts = f.readline().split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in parts[:8])
    return user + nice + system + irq + softirq + steal


def _our_cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


@dataclass
class Contention:
    """CPU that *other* processes of the machine used during a phase (the machine is shared:
    figures taken while others compute are slower than on an idle machine)."""

    t0: float = field(default_factory=time.perf_counter)
    busy0: int = field(default_factory=_busy_jiffies)
    ours0: float = field(default_factory=_our_cpu)
    load0: float = field(default_factory=lambda: os.getloadavg()[0])

    def result(self) -> dict:
        wall = time.perf_counter() - self.t0
        busy = (_busy_jiffies() - self.busy0) / _HZ
        ours = _our_cpu() - self.ours0
        other = max(0.0, busy - ours)
        return {"wall_s": round(wall, 2), "our_cpu_s": round(ours, 2),
                "other_cpu_s": round(other, 2),
                "other_cores": round(other / wall, 2) if wall > 0 else 0.0,
                "loadavg_start": round(self.load0, 2),
                "loadavg_end": round(os.getloadavg()[0], 2)}


# -- files and workers ------------------------------------------------------------------------
def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def drop_file_cache(path: Path) -> None:
    """Evict the files under ``path`` (only those) from the page cache, for cold-load figures."""
    for p in Path(path).rglob("*"):
        if p.is_file():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


def run_worker(command: str, args: dict, timeout: float, out_dir: Path) -> dict:
    """Run ``python -m benchmarks.worker COMMAND`` in a fresh process; its JSON result, or
    ``{"error": ...}`` when it fails or exceeds ``timeout`` seconds (then it is killed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result_path = out_dir / f"result-{command}-{os.getpid()}-{time.monotonic_ns()}.json"
    args = {**args, "result": str(result_path)}
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "benchmarks.worker", command, json.dumps(args)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.wait()
        partial = _read_json(result_path)
        return {**partial, "error": f"exceeded the time budget of {timeout:.0f} s (killed)",
                "timed_out": True, "elapsed_s": round(time.perf_counter() - t0, 1)}
    res = _read_json(result_path)
    if code != 0:
        res["error"] = f"worker exited with status {code}"
    return res


def _read_json(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_json(path: Path, data: dict) -> None:
    tmp = Path(str(path) + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
