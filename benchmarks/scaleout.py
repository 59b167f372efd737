"""Scale-out figures (issue 13): memory and CPU of a server's process tree, and indexing on a Dask
``LocalCluster`` of 1 and 2 worker processes against a local single-process build.

Memory of a process tree comes from ``/proc/PID/smaps_rollup``: RSS counts every page a process
maps, shared ones included, in each process that maps it; PSS divides each shared page among the
processes that share it, so the sum of PSS is what the tree really occupies. Both are reported.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from .common import ROOT, log, mib

_HZ = os.sysconf("SC_CLK_TCK")


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants (alive now)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def _rollup(pid: int) -> dict[str, int]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, value, *_ = line.split()
            out[key.rstrip(":")] = int(value) * 1024
    except (OSError, ValueError):
        pass
    return out


def tree_memory(pid: int) -> dict:
    """RSS and PSS of ``pid``'s tree: totals and per process (MiB)."""
    procs = []
    pids = tree_pids(pid)
    for p in pids:
        r = _rollup(p)
        if r:
            try:
                comm = Path(f"/proc/{p}/comm").read_text().strip()
            except OSError:
                comm = ""
            role = ("writer" if comm == "qa-bot-writer" else "server" if len(pids) == 1
                    else "master" if p == pid else "worker")
            procs.append({"pid": p, "role": role, "rss_mib": round(mib(r.get("Rss", 0)), 1),
                          "pss_mib": round(mib(r.get("Pss", 0)), 1)})
    workers = [x for x in procs if x["role"] == "worker"]
    return {"processes": len(procs), "rss_mib": round(sum(x["rss_mib"] for x in procs), 1),
            "pss_mib": round(sum(x["pss_mib"] for x in procs), 1),
            "workers_rss_mib": round(sum(x["rss_mib"] for x in workers), 1),
            "workers_pss_mib": round(sum(x["pss_mib"] for x in workers), 1), "per_process": procs}


def tree_cpu_s(pid: int) -> float:
    """CPU seconds used so far by the live processes of ``pid``'s tree (their own, not reaped children)."""
    total = 0
    for p in tree_pids(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return total / _HZ


def _busy_s() -> float:
    with open("/proc/stat", encoding="ascii") as f:
        parts = [int(x) for x in f.readline().split()[1:9]]
    return (sum(parts) - parts[3] - parts[4]) / _HZ  # all but idle and iowait


class Window:
    """Machine CPU during a window, split into the server tree, the load tool and the rest."""

    def __init__(self, server_pid: int) -> None:
        self.pid = server_pid
        self.t0 = time.perf_counter()
        self.busy0 = _busy_s()
        self.server0 = tree_cpu_s(server_pid)
        import resource

        c = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.children0 = c.ru_utime + c.ru_stime

    def result(self) -> dict:
        import resource

        wall = time.perf_counter() - self.t0
        busy = _busy_s() - self.busy0
        server = tree_cpu_s(self.pid) - self.server0
        c = resource.getrusage(resource.RUSAGE_CHILDREN)
        tool = c.ru_utime + c.ru_stime - self.children0  # wrk, reaped
        other = max(0.0, busy - server - tool)
        return {"wall_s": round(wall, 2), "server_cores": round(server / wall, 2),
                "load_tool_cores": round(tool / wall, 2), "other_cores": round(other / wall, 2)}


def _warm() -> int:
    """Load the tokenizer model in this process (a worker's first task would otherwise pay it)."""
    from qa_bot.tokens import word_tokens

    return len(word_tokens("Cải cách hành chính"))


def dask_phase(shared: Path, work: Path, worker_counts: tuple[int, ...] = (1, 2), repeat: int = 2) -> dict:
    """Index the real corpus (raw text: the tokenizer runs) locally on one process, then with a
    Dask ``LocalCluster`` of 1 and 2 worker processes; each build into a fresh folder (nothing
    cached), tokenizer models loaded beforehand everywhere, ``repeat`` rounds alternating the
    configurations, best time kept; other processes' CPU per build; same files or not."""
    import shutil

    from distributed import Client, LocalCluster

    from qa_bot.config import Settings
    from qa_bot.index.build import build_index
    from qa_bot.index.storage import read_manifest

    from .common import Contention
    from .corpus import real_documents, syllable_count

    docs, sources = real_documents(shared)
    out: dict = {"documents": len(docs), "syllables": syllable_count(docs), "sources": sources,
                 "runs": [], "repeat": repeat}
    con = Contention()
    files: list[dict | None] = []
    _warm()
    names = ["local, 1 process (workers=1)"] + [
        f"Dask LocalCluster, {n} worker process{'es' if n > 1 else ''}" for n in worker_counts]
    runs: dict[str, list[dict]] = {name: [] for name in names}
    clusters = {n: LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
                for n in worker_counts}
    try:
        for c in clusters.values():
            with Client(c.scheduler_address) as client:
                client.run(_warm)
        for rep in range(repeat):
            for name, n in zip(names, (None, *worker_counts), strict=True):
                index_dir = work / f"dask-{n or 'local'}-{rep}"
                shutil.rmtree(index_dir, ignore_errors=True)
                settings = (Settings(index_dir=index_dir, workers=1) if n is None
                            else Settings(index_dir=index_dir, dask=clusters[n].scheduler_address))
                busy0, ours0 = _busy_s(), tree_cpu_s(os.getpid())  # our tree: the cluster's workers too
                t0 = time.perf_counter()
                build_index(docs, settings)
                seconds = time.perf_counter() - t0
                other = max(0.0, _busy_s() - busy0 - (tree_cpu_s(os.getpid()) - ours0)) / seconds
                manifest = read_manifest(index_dir) or {}
                files.append(manifest.get("files"))
                runs[name].append({"seconds": round(seconds, 2), "other_cores": round(other, 2),
                                   "same_files": files[-1] == files[0],
                                   "passages": (manifest.get("counts") or {}).get("passages")})
                shutil.rmtree(index_dir, ignore_errors=True)
                log(f"dask phase: {name} {seconds:.1f} s")
    finally:
        for c in clusters.values():
            c.close()
    for name in names:
        best = min(runs[name], key=lambda r: r["seconds"])
        out["runs"].append({"run": name, "seconds": best["seconds"],
                            "all_seconds": [r["seconds"] for r in runs[name]],
                            "other_cores": [r["other_cores"] for r in runs[name]],
                            "syllables_per_s": round(out["syllables"] / best["seconds"], 1),
                            "passages": best["passages"],
                            "same_files_as_local": all(r["same_files"] for r in runs[name])})
    base = out["runs"][0]
    one = next((r for r in out["runs"] if r["run"].endswith("1 worker process")), None)
    for r in out["runs"]:
        r["speedup_vs_local"] = round(base["seconds"] / r["seconds"], 2)
        if one:
            r["speedup_vs_dask_1"] = round(one["seconds"] / r["seconds"], 2)
    out["contention"] = con.result()
    return out


__all__ = ["Window", "dask_phase", "tree_cpu_s", "tree_memory", "tree_pids"]

if __name__ == "__main__":  # pragma: no cover - manual run: python -m benchmarks.scaleout
    import json

    print(json.dumps(dask_phase(ROOT.parent / "shared" / "benchmarks", Path("/tmp/qa-dask")), indent=1))
