"""Benchmark qa-bot: index build, query latency, memory and HTTP load, against the usual pipeline.

    /work/venv/bin/python benchmarks/run.py            # full run (about an hour on 2 cores)
    /work/venv/bin/python benchmarks/run.py --quick    # 10k passages, short load test
    /work/venv/bin/python benchmarks/run.py --sizes 10000,100000 --out BENCHMARKS.md

Every measurement runs in a fresh process (``benchmarks/worker.py``) with a time budget; raw
results go to ``benchmarks/out/results.json`` and the report to ``--out``. See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``qa_bot`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (  # noqa: E402
    DEFAULT_OUT,
    DEFAULT_SHARED,
    ROOT,
    Contention,
    code_fingerprint,
    drop_file_cache,
    log,
    machine,
    run_worker,
    write_json,
)
from benchmarks.corpus import question_set  # noqa: E402
from benchmarks.report import render  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="10k passages only, fewer questions, one short load test (a few minutes)")
    p.add_argument("--sizes", help="passage counts of the recombined corpora "
                                   "(default 10000,100000,1000000; quick: 10000)")
    p.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="report (BENCHMARKS.md)")
    p.add_argument("--work", default=str(DEFAULT_OUT), help="scratch folder (indexes, raw results)")
    p.add_argument("--shared", default=str(DEFAULT_SHARED), help="folder of the BEIR sets")
    p.add_argument("--questions", type=int, help="questions per latency run (600; quick: 200)")
    p.add_argument("--repeat", type=int, help="builds of the real corpus per mode (3; quick: 1)")
    p.add_argument("--build-budget", type=float, default=3600,
                   help="seconds allowed to generate and index one corpus (default 3600)")
    p.add_argument("--baseline-budget", type=float, default=900,
                   help="seconds allowed to the usual pipeline per size (construction + queries)")
    p.add_argument("--http-seconds", type=int, help="duration of each load level (20; quick: 5)")
    p.add_argument("--clients", help="concurrent clients per load level (1,4,16; quick: 16)")
    p.add_argument("--profile", help="sizes whose `ask` is profiled (default 100000,1000000)")
    p.add_argument("--skip", default="", help="comma-separated phases to skip: "
                                              "real,refresh,scale,baseline,http,workers,dask")
    p.add_argument("--keep", action="store_true", help="keep the large indexes in --work")
    p.add_argument("--render", metavar="RESULTS_JSON",
                   help="only write --out again from the raw results of an earlier run")
    a = p.parse_args(argv)
    quick = a.quick
    a.sizes = [int(x) for x in (a.sizes or ("10000" if quick else "10000,100000,1000000")).split(",")]
    a.questions = a.questions or (200 if quick else 600)
    a.repeat = a.repeat or (1 if quick else 3)
    a.http_seconds = a.http_seconds or (5 if quick else 20)
    a.clients = [int(x) for x in (a.clients or ("16" if quick else "1,4,16")).split(",")]
    a.profile = {int(x) for x in (a.profile or ("" if quick else "100000,1000000")).split(",") if x}
    a.skip = {x for x in a.skip.split(",") if x}
    a.work = Path(a.work)
    return a


def real_phase(a: argparse.Namespace, results: dict) -> None:
    """Build the real corpus single-process and on all cores, alternately, in fresh processes."""
    real: dict = {"single": [], "multi": []}
    results["real"] = real
    con = Contention()
    for rep in range(a.repeat):
        for key, workers in (("single", 1), ("multi", 0)):
            last = rep == a.repeat - 1 and key == "multi"
            log(f"real corpus: build {rep + 1}/{a.repeat}, workers={workers}")
            index_dir = a.work / ("real-index" if key == "multi" else "real-index-single")
            r = run_worker("build-real", {"shared": a.shared, "index_dir": str(index_dir),
                                          "workers": workers, "reindex": last},
                           a.build_budget, a.work)
            real[key].append(r)
            log(f"  -> {r.get('build_s')} s {r.get('error', '')}")
    shutil.rmtree(a.work / "real-index-single", ignore_errors=True)
    real["contention"] = con.result()
    single = [r["build_s"] for r in real["single"] if "build_s" in r]
    multi = [r for r in real["multi"] if "build_s" in r]
    if single and multi:
        best = min(r["build_s"] for r in multi)
        real["speedup"] = round(min(single) / best, 3)
        last = real["multi"][-1]
        if "reindex_unchanged_s" in last:
            real["reindex_unchanged_s"] = last["reindex_unchanged_s"]
            real["rebuild_cached_s"] = last["rebuild_cached_s"]
            real["reindex_ratio"] = round(best / max(last["reindex_unchanged_s"], 1e-6), 1)
            real["rebuild_cached_ratio"] = round(best / last["rebuild_cached_s"], 2)
        real["data_folder"] = last.get("data_folder")


def _baseline_plan(size: int, done: list[dict], budget: float) -> str | None:
    """Why the usual pipeline is not run at ``size`` (its estimate from the largest smaller
    size exceeds the budget), or None to run it."""
    prev = [s for s in done if (s.get("baseline") or {}).get("latency")]
    if not prev:
        return None
    p = max(prev, key=lambda s: s["size"])
    f = size / p["size"]
    est_build = p["baseline"]["build_s"] * f
    est_query = p["baseline"]["latency"]["mean_ms"] / 1000 * f
    est_mem = p["baseline"]["memory_mib"] * f
    est = est_build + 10 * est_query
    if est > budget:
        return (f"not run: estimated from {p['size']:,} passages at {est_build:,.0f} s construction "
                f"+ {est_query:,.1f} s per query (≥ {est:,.0f} s for 10 queries), over the "
                f"{budget:.0f} s budget; estimated memory {est_mem:,.0f} MiB.")
    return None


def scale_phase(a: argparse.Namespace, results: dict, questions_file: Path) -> None:
    real_data = (results.get("real") or {}).get("data_folder")
    if not real_data:  # e.g. --skip real: the index an earlier run left
        try:
            manifest = json.loads((a.work / "real-index" / "manifest.json").read_text("utf-8"))
            real_data = str(a.work / "real-index" / manifest["data"])
        except (OSError, ValueError, KeyError):
            real_data = None
    if not real_data:
        results["notes"].append("No analysed real corpus: larger corpora were not built.")
        return
    sizes: list[dict] = []
    results["sizes"] = sizes
    warmup = [q["question"] for q in question_set(Path(a.shared), a.questions + 20, seed=99)][-20:]
    for size in a.sizes:
        entry: dict = {"size": size, "started": time.strftime("%H:%M:%S")}
        sizes.append(entry)
        con = Contention()
        index_dir = a.work / f"index-{size}"
        log(f"{size:,} passages: generate and build")
        entry["build"] = run_worker("scale", {"shared": a.shared, "real_data": real_data,
                                              "size": size, "index_dir": str(index_dir)},
                                    a.build_budget, a.work)
        log(f"  -> build {entry['build'].get('build_s')} s {entry['build'].get('error', '')}")
        write_json(a.work / "results.json", results)
        if (index_dir / "manifest.json").is_file():
            drop_file_cache(index_dir)
            log(f"{size:,} passages: cold load")
            entry["cold"] = run_worker("probe", {"index_dir": str(index_dir)}, 600, a.work)
            log(f"{size:,} passages: warm load, latency")
            prof = str(a.work / f"profile-{size}.txt") if size in a.profile else None
            entry["probe"] = run_worker(
                "probe", {"index_dir": str(index_dir), "latency": True,
                          "questions": str(questions_file), "warmup": warmup, "profile": prof},
                1800, a.work)
            pr = entry["probe"]
            log(f"  -> load {pr.get('load_s')} s, rss {pr.get('rss_after_load_mib')} MiB, "
                f"ask {pr.get('ask', {}).get('p50_ms')}/{pr.get('ask', {}).get('p99_ms')} ms "
                f"{pr.get('error', '')}")
        if not a.keep:
            shutil.rmtree(index_dir, ignore_errors=True)
        if "baseline" not in a.skip:
            why = _baseline_plan(size, sizes[:-1], a.baseline_budget)
            if why:
                entry["baseline_skipped"] = why
                log(f"{size:,} passages: baseline {why}")
            else:
                log(f"{size:,} passages: usual pipeline (rank-bm25)")
                entry["baseline"] = run_worker(
                    "baseline", {"shared": a.shared, "real_data": real_data, "size": size,
                                 "questions": str(questions_file), "max_queries": a.questions,
                                 "query_budget_s": min(300.0, a.baseline_budget / 3)},
                    a.baseline_budget + 600, a.work)
                b = entry["baseline"]
                log(f"  -> construction {b.get('build_s')} s, p50 "
                    f"{(b.get('latency') or {}).get('p50_ms')} ms {b.get('error', '')}")
                if b.get("error") and not b.get("latency"):
                    entry["baseline_skipped"] = f"failed: {b['error']}"
        entry["build"]["baseline"] = entry.get("baseline")
        _ratios(entry)
        entry["contention"] = con.result()
        write_json(a.work / "results.json", results)


def _ratios(entry: dict) -> None:
    """Baseline p50 over qa-bot p50; when the baseline ran only the first n questions, qa-bot's
    p50 over the same n questions too."""
    lat = (entry.get("baseline") or {}).get("latency") or {}
    probe = entry.get("probe") or {}
    if not lat.get("p50_ms") or not probe.get("ask"):
        return
    ours = probe["ask"]["p50_ms"]
    raw = probe.get("ask_ms") or []
    if raw and lat["n"] < len(raw):
        ours = float(np.percentile(raw[: lat["n"]], 50))
        entry["ask_p50_same_questions_ms"] = round(ours, 3)
    entry["ratio_ask_p50"] = round(lat["p50_ms"] / ours, 1)
    entry["ratio_search_p50"] = round(lat["p50_ms"] / probe["search"]["p50_ms"], 1)


def _python() -> str:
    exe = Path(sys.executable)
    return str(exe) if exe.is_relative_to(ROOT.parent) else "python"


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    if a.render:
        results = json.loads(Path(a.render).read_text(encoding="utf-8"))
        Path(a.out).write_text(render(results), encoding="utf-8")
        log(f"rendered {a.render} -> {a.out}")
        return 0
    a.work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    argv_used = sys.argv[1:] if argv is None else argv
    results: dict = {
        "command": " ".join([_python(), "benchmarks/run.py", *map(shlex.quote, argv_used)]),
        "mode": "quick" if a.quick else "full", "started": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(), "notes": [], "phases": {},
    }
    code0 = code_fingerprint()
    questions = question_set(Path(a.shared), a.questions)
    qfile = a.work / "questions.json"
    qfile.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    kinds: dict[str, int] = {}
    for q in questions:
        kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
    results["n_questions"] = len(questions)
    results["question_mix"] = ", ".join(f"{v} {k}" for k, v in kinds.items())
    if len(questions) < a.questions:
        results["notes"].append(f"Only {len(questions)} distinct questions could be formed.")

    def save() -> None:
        results["elapsed_min"] = round((time.time() - t0) / 60, 1)
        now = code_fingerprint()
        changed = sorted(f for f in set(code0) | set(now) if code0.get(f) != now.get(f))
        results["code_changed_during_run"] = changed
        if changed:
            results["code_note"] = (
                "qa_bot source files changed while this run was in progress (other work in the "
                "same checkout): " + ", ".join(changed) + ". Phases that started after the "
                "change measured the new code; see the phase start times.")
        write_json(a.work / "results.json", results)
        Path(a.out).write_text(render(results), encoding="utf-8")

    def phase(name: str) -> None:
        results["phases"][name] = time.strftime("%H:%M:%S")

    if "real" not in a.skip:
        phase("real corpus builds")
        real_phase(a, results)
        save()
    if "refresh" not in a.skip:
        phase("answering during a rebuild")
        log("answering during a rebuild")
        results["refresh"] = run_worker("refresh", {"dir": str(a.work / "refresh"),
                                                    "questions": str(qfile)}, 600, a.work)
        save()
    if "scale" not in a.skip:
        phase("larger corpora")
        scale_phase(a, results, qfile)
        save()
    if "http" not in a.skip:
        from benchmarks.httpload import http_load

        phase("HTTP load")
        log("HTTP load")
        con = Contention()
        results["http"] = http_load([q["question"] for q in questions], a.clients,
                                    a.http_seconds, a.work)
        results["http"]["contention"] = con.result()
        save()
    if "workers" not in a.skip and "http" not in a.skip and (os.cpu_count() or 1) > 1:
        from benchmarks.httpload import http_load

        phase("HTTP load, all cores")
        log("HTTP load: qa-bot serve --workers", os.cpu_count())
        con = Contention()
        results["http_workers"] = http_load([q["question"] for q in questions], a.clients,
                                            a.http_seconds, a.work, workers=os.cpu_count() or 1)
        results["http_workers"]["contention"] = con.result()
        save()
    if "dask" not in a.skip:
        phase("indexing on Dask")
        try:
            from benchmarks.scaleout import dask_phase

            results["dask"] = dask_phase(Path(a.shared), a.work)
        except ImportError as exc:
            results["dask"] = {"skipped": f"{exc} (pip install -e '.[dask]')"}
        save()
    save()
    for f in a.work.glob("result-*.json"):
        f.unlink()
    log(f"done in {results['elapsed_min']} min: {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
