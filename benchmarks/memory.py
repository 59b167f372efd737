"""Peak memory of indexing one large file whose sentences never end (issue 10, "bounded memory").

    /work/venv/bin/python benchmarks/memory.py                    # 1, 10, 50 MB, .txt and .md
    /work/venv/bin/python benchmarks/memory.py --sizes 5 --kinds md --budget 600

Each file is the shipped documents' text with every sentence mark and line break removed, repeated
to the size asked: one paragraph, no sentence end. Each size is indexed by ``qa-bot index`` in a
fresh process under ``/usr/bin/time -v`` (peak RSS of the process and its workers: the largest
``Maximum resident set size``), then ``qa-bot search`` must answer from the index. A process over
its time budget is killed and reported as such. ``search`` runs in a new process: it reads the
documents again (freshness check), checks every index file's checksum, then answers.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Time of checking the index files as a load does (files verified before are not hashed again),
#: then of hashing every file (as after a copy or a restore), in a new process.
_CHECK = """import sys, time
from pathlib import Path
from qa_bot.index.integrity import VERIFIED, check_files
from qa_bot.index.storage import read_manifest
m = read_manifest(Path(sys.argv[1]))
folder = Path(sys.argv[1]) / m["data"]
t = time.perf_counter()
check_files(folder, m)
t1 = time.perf_counter() - t
(folder / VERIFIED).unlink(missing_ok=True)
t = time.perf_counter()
check_files(folder, m)
mb = sum(f["bytes"] for f in m["files"].values()) / 1e6
print(f"{mb:.0f} MB: load check {t1:.2f} s, every file hashed {time.perf_counter() - t:.2f} s")"""
_MARKS = re.compile(r"[.!?…;:,\"“”()\[\]\-–—]+|\s+")


def unpunctuated_text(megabytes: float) -> str:
    """The shipped corpus without sentence marks or line breaks, repeated to ``megabytes`` MB."""
    bodies = []
    for path in sorted((ROOT / "documents").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        bodies.append(_MARKS.sub(" ", body).strip().lower())
    unit = " ".join(bodies) + " "
    target = int(megabytes * 1_000_000)
    reps = target // len(unit.encode("utf-8")) + 1
    return (unit * reps).encode("utf-8")[:target].decode("utf-8", "ignore").rsplit(" ", 1)[0]


def _time_v(cmd: list[str], budget: float) -> dict:
    """Run ``cmd`` under ``/usr/bin/time -v``: exit status, wall seconds, peak RSS in MiB."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True,
                              timeout=budget)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "seconds": round(time.perf_counter() - t0, 1)}
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return {"status": proc.returncode, "seconds": round(time.perf_counter() - t0, 1),
            "peak_mib": round(int(peak.group(1)) / 1024, 1) if peak else None,
            "stderr": proc.stderr.split("\tCommand being timed")[0].strip()[-300:]}


def measure(megabytes: float, kind: str, budget: float) -> dict:
    """Index one ``megabytes`` MB unpunctuated ``.kind`` file; the figures of the run."""
    with tempfile.TemporaryDirectory(prefix="qa-bot-mem-") as tmp:
        docs = Path(tmp) / "documents"
        docs.mkdir()
        text = unpunctuated_text(megabytes)
        head = "---\ntitle: Văn bản dài không có dấu câu\ndate: 2024-01-01\n---\n" if kind == "md" else ""
        (docs / f"khong-dau-cau.{kind}").write_text(head + text, encoding="utf-8")
        base = [sys.executable, "-m", "qa_bot.cli"]
        where = ["--documents", str(docs), "--index", str(Path(tmp) / "index")]
        row = {"mb": megabytes, "kind": kind, **_time_v([*base, "index", "-q", *where], budget)}
        if row["status"] == 0:
            t0 = time.perf_counter()
            check = subprocess.run([*base, "search", "cải cách hành chính", "-k", "1", "--json", *where],
                                   capture_output=True, text=True, timeout=budget)
            row["search_s"] = round(time.perf_counter() - t0, 1)
            row["search_ok"] = check.returncode == 0 and '"doc_id"' in check.stdout
            row["check"] = subprocess.run([sys.executable, "-c", _CHECK, where[3]], capture_output=True,
                                          text=True, timeout=budget).stdout.strip()
        return row


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1,10,50", help="file sizes in MB, comma-separated")
    p.add_argument("--kinds", default="txt,md", help="file kinds: txt, md")
    p.add_argument("--budget", type=float, default=1200, help="seconds allowed per run")
    args = p.parse_args(argv)
    print("| file | size | peak RSS | wall | index status | search answers (wall) | index checksums |")
    print("|---|---|---|---|---|---|---|")
    for kind in args.kinds.split(","):
        for size in (float(s) for s in args.sizes.split(",")):
            r = measure(size, kind, args.budget)
            print(f"| .{kind} | {size:g} MB | {r.get('peak_mib')} MiB | {r['seconds']} s | {r['status']} | "
                  f"{r.get('search_ok', '-')} ({r.get('search_s', '-')} s) | {r.get('check', '-')} |",
                  flush=True)
            if r["status"] != 0 and r.get("stderr"):
                print(f"<!-- {r['stderr']} -->", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
