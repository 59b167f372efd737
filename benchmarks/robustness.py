"""Rerun of issue 10's table for the documents folder, index damage and killed builds.

    /work/venv/bin/python benchmarks/robustness.py                 # everything (~15 min, 2 cores)
    /work/venv/bin/python benchmarks/robustness.py --only documents,index --kills 5

- **documents**: every faulty file of ``tests/test_documents.py`` (read-right and skipped cases,
  plus a file without read permission) beside a good one; handled = read right, or skipped with
  one line naming it. Then one ``qa-bot index`` over all of them together, and ``qa-bot ask``.
- **index**: the shipped corpus indexed, then every index file (and the manifest) deleted,
  emptied, truncated, cut by a byte, grown by a byte, or with its first, middle or last byte
  flipped, plus a hand-edited manifest; each time ``QABot.from_settings`` must report it in one
  line, repair it and give exactly the answers (and citation offsets) of the intact index; then a
  read-only index folder with a changed document (``qa-bot ask`` without write rights).
- **kills**: ``qa-bot index`` over 45 documents with 2 workers, ``kill -9`` after 0.2 .. 6 s;
  counts workers alive 10 s later, whether the last good index still loads, and folders left once
  the next ``qa-bot index`` has run.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qa_bot import QABot  # noqa: E402
from qa_bot.config import Settings  # noqa: E402
from qa_bot.documents import read_directory  # noqa: E402
from qa_bot.index import MANIFEST, load_index, read_manifest  # noqa: E402
from qa_bot.index.upkeep import data_folders  # noqa: E402
from tests.index.test_integrity import DAMAGE, FILES  # noqa: E402
from tests.index.test_recovery import QUESTIONS, alive, descendants  # noqa: E402
from tests.test_documents import MD, READ, SKIPPED  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DROP = "-dac_override,-dac_read_search"


def _cli(*args: str, read_only: bool = False, env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "qa_bot.cli", *args]
    if read_only and os.geteuid() == 0:
        cmd = ["setpriv", f"--inh-caps={DROP}", f"--bounding-set={DROP}", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=ROOT, env=env)


def documents(work: Path) -> list[str]:
    """Each faulty file beside a good one, then all together through the CLI."""
    handled = stopped = garbage = 0
    cases = [(n, *READ[n], None) for n in READ] + [(n, *SKIPPED[n]) for n in SKIPPED]
    cases.append(("no read permission", "x.md", lambda p: (p.write_text(MD, "utf-8"), p.chmod(0)),
                  "không có quyền"))
    for i, (case, name, write, reason) in enumerate(cases):
        folder = work / f"case{i}"
        folder.mkdir()
        (folder / "ok.md").write_text(MD, encoding="utf-8")
        write(folder / name)
        code = ("import sys; from qa_bot.documents import read_directory; f = read_directory(sys.argv[1]);"
                "print(len(f.documents), '|'.join(s.line() for s in f.skipped))")
        cmd = [sys.executable, "-c", code, str(folder)]
        if os.geteuid() == 0 and case == "no read permission":
            cmd = ["setpriv", f"--inh-caps={DROP}", f"--bounding-set={DROP}", *cmd]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
        if out.returncode != 0:
            stopped += 1
            print(f"  STOPPED {case}: {out.stderr[-300:]}")
            continue
        n, lines = out.stdout.strip().split(" ", 1) if " " in out.stdout.strip() else (out.stdout.strip(), "")
        ok = (reason is None and n == "2" and not lines) or (reason and n == "1" and reason in lines)
        handled += bool(ok)
        if not ok:
            garbage += 1
            print(f"  NOT HANDLED {case}: {out.stdout.strip()}")
    together = work / "together" / "documents"
    together.mkdir(parents=True)
    for i, (case, name, write, _) in enumerate(cases):
        if case != "no read permission":
            write(together / (name if name == "ok.txt" else f"{i}-{name}"))
    (together / "ok.md").write_text(MD, encoding="utf-8")
    folder = read_directory(together)
    where = ["--documents", str(together), "--index", str(together.parent / "index")]
    index = _cli("index", "-q", *where)
    lines = [x for x in index.stderr.splitlines() if "bỏ qua tệp" in x]
    ask = _cli("ask", "Phiên họp kết nối tới bao nhiêu địa phương?", *where)
    return [f"| documents folder | {len(cases)} faulty inputs, each beside a good file | "
            f"{handled}/{len(cases)} handled ({len(READ)} read right, {len(cases) - len(READ)} skipped "
            f"with one line), {stopped} stopped, {garbage} garbage |",
            f"| documents folder | all {len(cases) - 1} in one folder, `qa-bot index` then `ask` | "
            f"index exit {index.returncode}, {len(folder.documents)} documents, {len(lines)} skip lines for "
            f"{len(folder.skipped)} skipped files; ask exit {ask.returncode}, answered: "
            f"{'63 địa phương' in ask.stdout} |"]


def _snapshot(bot: QABot) -> list:
    out = []
    for q in QUESTIONS:
        a = bot.ask(q).to_dict()
        for c in a["citations"]:
            text = bot.document(c["doc_id"])["text"]
            assert text[c["start"]:c["end"]] == c["text"], "citation offsets broken"
        out.append(a)
    return out


def index(work: Path) -> list[str]:
    """Every damage of every index file; then a read-only folder."""
    base = work / "base"
    shutil.copytree(ROOT / "documents", base / "documents")
    s = Settings.from_env(documents=base / "documents", index=base / "index")
    expected = _snapshot(QABot.from_settings(s))
    detected = repaired = wrong = errors = 0
    cases = [(f, d) for f in FILES for d in DAMAGE] + [("manifest.json", "edited by hand")]
    handler = _Count()
    logging.getLogger("qa_bot").addHandler(handler)
    logging.getLogger("qa_bot").propagate = False  # counted, not printed
    for i, (name, damage) in enumerate(cases):
        case = work / f"i{i}"
        shutil.copytree(base, case)
        cs = Settings.from_env(documents=case / "documents", index=case / "index")
        data = read_manifest(cs.index_dir)["data"]
        target = case / "index" / (name if name == MANIFEST else f"{data}/{name}")
        if damage == "edited by hand":
            target.write_text(target.read_text("utf-8").replace('"passages": ', '"passages": 1'), "utf-8")
        else:
            DAMAGE[damage](target)
        handler.count = 0
        try:
            bot = QABot.from_settings(cs)
            got = _snapshot(bot)
            load_index(cs.index_dir)
        except Exception as exc:  # noqa: BLE001 - counted and shown
            errors += 1
            print(f"  ERROR {name} {damage}: {type(exc).__name__}: {exc}")
            continue
        detected += handler.count == 1
        repaired += got == expected
        wrong += got != expected
        if handler.count != 1 or got != expected:
            print(f"  {name} {damage}: {handler.count} warning lines, same answers {got == expected}")
        shutil.rmtree(case)
    rows = [f"| index damage | {len(cases)} corruptions ({len(FILES)} files x {len(DAMAGE)} + edited "
            f"manifest), each then `QABot.from_settings` + 3 questions | {detected}/{len(cases)} reported "
            f"in one line, {repaired}/{len(cases)} repaired with identical answers and offsets, "
            f"{wrong} wrong answers, {errors} errors |"]
    doc = sorted(s.documents_dir.glob("*.md"))[0]
    doc.write_text(doc.read_text("utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    for p in [s.index_dir, *s.index_dir.rglob("*")]:
        p.chmod(p.stat().st_mode & 0o555)
    out = _cli("ask", QUESTIONS[0], "--documents", str(s.documents_dir), "--index", str(s.index_dir),
               read_only=True)
    for p in [s.index_dir, *s.index_dir.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)
    rows.append(f"| index damage | read-only index folder + changed document, `qa-bot ask` | exit "
                f"{out.returncode}, answered {'1.818' in out.stdout}, stderr: "
                f"`{out.stderr.strip()[:160]}` |")
    return rows


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "chỉ mục hỏng" in record.getMessage()


def kills(work: Path, runs: int) -> list[str]:
    """``kill -9`` during builds at increasing delays."""
    docs = work / "documents"
    shutil.copytree(ROOT / "documents", docs)
    index_dir = work / "index"
    where = ["--documents", str(docs), "--index", str(index_dir)]
    env = {**os.environ, "QA_BOT_WORKERS": "2"}
    assert _cli("index", "-q", *where).returncode == 0
    for i, src in enumerate(sorted((ROOT / "documents").glob("*.md")) * 8):
        shutil.copy(src, docs / f"ban-sao-{i:02d}.md")
    survivors = loads = clean = had_workers = half = 0
    copies = sorted(docs.glob("ban-sao-*.md"))
    for r in range(runs):
        for c in copies:  # new content each run: the build must analyse them again, in workers
            c.write_text(c.read_text("utf-8").rsplit("\nLần chạy", 1)[0] + f"\nLần chạy {r}.\n", "utf-8")
        delay = 0.5 + r * 6.0 / max(1, runs - 1)
        proc = subprocess.Popen([sys.executable, "-m", "qa_bot.cli", "index", "-q", "--force", *where],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen: set[int] = set()
        t0 = time.monotonic()
        while time.monotonic() - t0 < delay and proc.poll() is None:
            seen |= descendants(proc.pid)
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        had_workers += len(seen) >= 2
        half += any(not (f / "manifest.json").is_file() for f in data_folders(index_dir))
        time.sleep(10)
        survivors += sum(alive(p) for p in seen)
        try:
            load_index(index_dir)
            loads += 1
        except Exception as exc:  # noqa: BLE001 - counted and shown
            print(f"  run {r} ({delay:.1f} s): last good index does not load: {exc}")
        _cli("index", "-q", *where, env=env)
        names = [p.name for p in data_folders(index_dir)]
        clean += all((index_dir / n / "manifest.json").is_file() for n in names) and len(names) <= 2
    return [f"| kill -9 during build | {runs} builds of 45 documents (40 to analyse, 2 workers) killed "
            f"after 0.5-6.5 s ({had_workers} while workers ran, {half} leaving a half-written folder) | "
            f"{survivors} workers alive 10 s later; last good index loads after {loads}/{runs}; no "
            f"half-written folder after the next run {clean}/{runs} |"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", default="documents,index,kills")
    p.add_argument("--kills", type=int, default=21, help="killed builds")
    args = p.parse_args(argv)
    rows = ["| area | tried | result |", "|---|---|---|"]
    with tempfile.TemporaryDirectory(prefix="qa-bot-robust-") as tmp:
        for part in args.only.split(","):
            work = Path(tmp) / part
            work.mkdir()
            t0 = time.monotonic()
            rows += {"documents": documents, "index": index}[part](work) if part != "kills" \
                else kills(work, args.kills)
            print(f"{part}: {time.monotonic() - t0:.0f} s", file=sys.stderr)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
