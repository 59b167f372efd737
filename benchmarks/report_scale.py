"""Render the scale-out figures of a run (issue 13): ``qa-bot serve --workers N`` against one
process, and indexing on a Dask LocalCluster."""

from __future__ import annotations

from .report import _f, _ok, _table


def _level(http: dict, clients: int = 16) -> dict | None:
    return next((x for x in (http or {}).get("levels", []) if x.get("connections") == clients), None)


def scale_targets(results: dict) -> list[list]:
    """Issue 13's criteria next to the figures of this run."""
    rows = []
    one, many = results.get("http") or {}, results.get("http_workers") or {}
    lv = _level(many)
    crit = (f"`POST /api/ask`, 16 clients, `--workers {many.get('workers', 'N')}`: ≥ 600 req/s, "
            "p99 < 50 ms, 0 errors")
    if lv:
        cpu = lv.get("cpu") or {}
        ok = lv["rps"] >= 600 and lv["p99_ms"] < 50 and lv["errors"] == 0
        rows.append([crit, f"{_f(lv['rps'], 1)} req/s, p99 {_f(lv['p99_ms'], 2)} ms, {lv['errors']} errors "
                           f"(other processes {_f(cpu.get('other_cores'), 2)} cores)", _ok(ok)])
    else:
        rows.append([crit, many.get("skipped") or many.get("error") or "not run", _ok(None)])
    m1, mn = one.get("memory_after_load") or {}, many.get("memory_after_load") or {}
    if m1 and mn:
        n = many.get("workers", 1)
        ok = mn.get("workers_rss_mib", mn["rss_mib"]) < n * m1["rss_mib"]
        rows.append([f"Total RSS of {n} workers < {n} × the single process's RSS (after the load)",
                     f"{_f(mn.get('workers_rss_mib'), 1)} MiB vs {n} × {_f(m1['rss_mib'], 1)} MiB; "
                     f"whole tree (master, writer, workers): RSS {_f(mn['rss_mib'], 1)}, "
                     f"PSS {_f(mn['pss_mib'], 1)} MiB vs {n} × {_f(m1['pss_mib'], 1)}", _ok(ok)])
    rows += smaller_faster_targets(results)
    dask = results.get("dask") or {}
    runs = dask.get("runs") or []
    if runs:
        two = next((r for r in runs if r["run"].endswith("2 worker processes")), None)
        same = all(r.get("same_files_as_local") for r in runs)
        rows.append(["Dask build = local build (same manifest file hashes); speed-up 2 vs 1 workers",
                     f"same files: {same}; {_f((two or {}).get('speedup_vs_dask_1'), 2, '×')}",
                     _ok(same)])
    return rows


def smaller_faster_targets(results: dict) -> list[list]:
    """Issue 13's "faster and smaller" criteria: 1M `ask` p99, analysis speed, index size."""
    rows = []
    big = next((s for s in results.get("sizes", []) if s.get("size") == 1000000), {})
    p99 = ((big.get("probe") or {}).get("ask") or {}).get("p99_ms")
    rows.append(["1M passages: `ask` p99 ≤ 25 ms", _f(p99, 1, " ms"),
                 _ok(None if p99 is None else p99 <= 25)])
    multi = [r for r in (results.get("real") or {}).get("multi") or [] if "build_s" in r]
    if multi:
        best = min(multi, key=lambda r: r["build_s"])
        rate = best.get("syllables_per_s")
        rows.append(["Real corpus, all cores: ≥ 50,000 syllables/s from documents to a loadable index",
                     f"{_f(rate, 0)} syllables/s ({_f(best['build_s'], 2, ' s')} for "
                     f"{best.get('syllables', 0):,} syllables)",
                     _ok(None if rate is None else rate >= 50000)])
    parts = (big.get("build") or {}).get("parts") or {}
    if parts.get("texts.bin"):
        total, text = sum(parts.values()), parts["texts.bin"]
        rows.append(["1M passages: index on disk ≤ 2 × its text (`texts.bin`)",
                     f"{_f(total, 1)} MiB = {_f(total / text, 2, '×')} of {_f(text, 1)} MiB",
                     _ok(total <= 2 * text)])
    return rows


def workers_section(results: dict) -> list[str]:
    """One process against ``--workers N``: load levels with CPU split, memory of the trees."""
    one, many = results.get("http") or {}, results.get("http_workers") or {}
    if not many:
        return []
    out = ["## All cores: `qa-bot serve --workers N`", ""]
    out.append(f"`{many.get('command')}` (gunicorn pre-fork master, uvicorn workers, index and "
               "application loaded once before the fork) against the single process of the HTTP "
               "section, same load tool, questions and duration. CPU in cores during each level: the "
               "server's process tree, the load tool (wrk) and every other process of the machine.")
    out.append("")
    if many.get("error"):
        out += [f"Error: {many['error']}", ""]
    rows = []
    for label, h in (("1 process", one), (f"{many.get('workers')} workers", many)):
        health = [dict(h["healthz"], connections=f"{h['healthz'].get('connections')}, GET /healthz")
                  ] if h.get("healthz") else []
        for lv in h.get("levels", []) + health:
            cpu = lv.get("cpu") or {}
            per = (cpu["server_cores"] * cpu["wall_s"] * 1000 / lv["requests"]
                   if cpu.get("server_cores") is not None and lv.get("requests") else None)
            rows.append([label, lv.get("connections"), lv.get("requests"), lv.get("rps"), lv.get("p50_ms"),
                         lv.get("p99_ms"), lv.get("errors"), cpu.get("server_cores"), _f(per, 2),
                         cpu.get("load_tool_cores"), cpu.get("other_cores")])
    out.append(_table(["server", "clients", "requests", "req/s", "p50 ms", "p99 ms", "errors",
                       "server cores", "server CPU ms/request", "wrk cores", "other cores"], rows))
    out.append("")
    out.append("The server's CPU per request bounds what the machine can answer: 2 cores / that "
               "figure is the ceiling with the machine to itself (other processes take their "
               "share first, and CPU time per request itself grows when the cores are oversubscribed). "
               "The `GET /healthz` rows give the fixed cost of a request (HTTP parsing, middleware, a "
               "small JSON answer): the rest of a `POST /api/ask` is answering.")
    out.append("")
    mem_rows = []
    for label, h in (("1 process", one), (f"{many.get('workers')} workers", many)):
        for when in ("memory_after_start", "memory_after_load"):
            m = h.get(when) or {}
            if m:
                mem_rows.append([label, when.replace("memory_", "").replace("_", " "), m["processes"],
                                 m["rss_mib"], m["pss_mib"],
                                 ", ".join(f"{p.get('role', '')} {p['rss_mib']:.0f}/{p['pss_mib']:.0f}"
                                           for p in m["per_process"])])
    out.append("Memory of the server's process tree (MiB; RSS counts a shared page in every process "
               "that maps it, PSS shares it out, so the PSS total is what the tree occupies):")
    out.append("")
    out.append(_table(["server", "when", "processes", "RSS total", "PSS total", "per process RSS/PSS"],
                      mem_rows))
    out.append("")
    return out


def dask_section(d: dict) -> list[str]:
    """Indexing the real corpus (raw text) locally and on a Dask LocalCluster."""
    if not d:
        return []
    out = ["## Indexing on a Dask cluster (`qa-bot index --dask ADDRESS`)", ""]
    if d.get("error") or d.get("skipped"):
        return out + [f"Not measured: {d.get('error') or d.get('skipped')}", ""]
    out.append(f"The real corpus as raw text ({d['documents']:,} documents, {d['syllables']:,} syllables; "
               "the tokenizer runs), `build_index` from documents to a loadable index, each build in "
               "a fresh index folder; a `distributed.LocalCluster` of worker processes on this machine "
               "(one thread each) analyses, the coordinator writes the index. Tokenizer models are "
               "loaded beforehand in every process; the configurations alternate, best of the runs.")
    out.append("")
    out.append(_table(["build", "runs (s)", "best (s)", "other cores per run", "syllables/s", "passages",
                       "speed-up vs local", "vs Dask 1 worker", "same files as local"],
                      [[r["run"], ", ".join(f"{x:.1f}" for x in r.get("all_seconds", [r["seconds"]])),
                        r["seconds"], ", ".join(f"{x:.2f}" for x in r.get("other_cores", [])),
                        r["syllables_per_s"], r.get("passages"),
                        _f(r.get("speedup_vs_local"), 2, "×"), _f(r.get("speedup_vs_dask_1"), 2, "×"),
                        str(r.get("same_files_as_local"))] for r in d.get("runs", [])]))
    out.append("")
    c = d.get("contention") or {}
    if c:
        out.append(f"Other processes used {c['other_cores']:.2f} cores on average during this section "
                   f"(load average {c['loadavg_start']} → {c['loadavg_end']}).")
        out.append("")
    return out


__all__ = ["dask_section", "scale_targets", "workers_section"]
