"""Uploading a ~2 MB PDF directive while questions keep coming (issue 11).

Starts ``qa-bot serve`` on loopback over a copy of the shipped corpus with an admin key, keeps
``--clients`` threads asking questions (``POST /api/ask``, a shipped-corpus question and the PDF's
question in turn), then uploads the PDF (``POST /api/documents``), waits until every worker answers
its question, deletes it (``DELETE /api/documents/{id}``) and waits until no answer uses it. Prints:

- the upload request's duration and the seconds from the upload to answerable (from then on the
  PDF's question is answered from it: ``--streak`` times in a row on new connections, which the
  kernel spreads over the workers, and by every answer of the load), the same for the deletion;
- answers, errors (non-200 or transport errors) and latency percentiles before, during and after
  each swap;
- in-process: how many documents an ``add_document`` re-analyses and its time, against a full
  build of the same corpus (the per-document analysis cache).

    python benchmarks/upload.py                    # default server (one worker per core, --watch 10)
    python benchmarks/upload.py --watch 1 --clients 4
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import percentiles  # noqa: E402
from qa_bot.manage import make_doc_id  # noqa: E402
from tests import pdfmaker  # noqa: E402
from tests.conftest import SHIPPED_DOCUMENTS, start_server  # noqa: E402

KEY = "benchmark-key-0123456789"
SHIPPED_QUESTION = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"


class Load:
    """Threads asking questions until stopped; every answer recorded with its time."""

    def __init__(self, url: str, clients: int) -> None:
        self.url, self.clients = url, clients
        #: (start, seconds, ok, cites the PDF, question)
        self.records: list[tuple[float, float, bool, bool, str]] = []
        self.stop = threading.Event()
        self.doc_id: str | None = None
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(clients)]

    def _run(self, i: int) -> None:
        questions = [SHIPPED_QUESTION, pdfmaker.QUESTION]
        with httpx.Client(base_url=self.url, timeout=30) as c:
            n = i
            while not self.stop.is_set():
                q = questions[n % 2]
                n += 1
                t0 = time.monotonic()
                try:
                    r = c.post("/api/ask", json={"question": q})
                    ok = r.status_code == 200
                    pdf = ok and any(x["doc_id"] == self.doc_id for x in r.json()["citations"])
                except httpx.HTTPError:
                    ok = pdf = False
                self.records.append((t0, time.monotonic() - t0, ok, pdf, q))

    def last_miss(self, since: float, pdf_wanted: bool) -> float:
        """End of the last PDF question asked after ``since`` whose answer did (not) cite the PDF
        against ``pdf_wanted``; ``since`` when there is none."""
        misses = [t + d for t, d, ok, pdf, q in self.records
                  if t >= since and q == pdfmaker.QUESTION and ok and pdf != pdf_wanted]
        return max(misses, default=since)

    def window(self, a: float, b: float) -> dict:
        rows = [r for r in self.records if a <= r[0] < b]
        return {"answers": sum(r[2] for r in rows), "errors": sum(not r[2] for r in rows),
                **percentiles([r[1] for r in rows if r[2]])}


def wait_until(check, streak: int, timeout: float) -> float:
    """Seconds until the first of ``streak`` calls in a row for which ``check()`` is true began
    (``inf`` after ``timeout``)."""
    t0, run, first = time.monotonic(), 0, 0.0
    while time.monotonic() - t0 < timeout:
        started = time.monotonic()
        if check():
            run, first = run + 1, first if run else started
        else:
            run = 0
        if run >= streak:
            return first - t0
        time.sleep(0.02)
    return float("inf")


def over_http(args: argparse.Namespace, work: Path, pdf: Path) -> dict:
    documents = shutil.copytree(SHIPPED_DOCUMENTS, work / "documents")
    os.environ["QA_BOT_ADMIN_KEY"] = KEY
    extra = ["--watch", str(args.watch)] + (["--workers", str(args.workers)] if args.workers else [])
    srv = start_server(documents, work / "index", work / "server.log", extra=extra)
    admin = httpx.Client(base_url=srv.url, timeout=120, headers={"Authorization": f"Bearer {KEY}"})

    def answered() -> bool:
        # a new connection each time: the kernel spreads them over the workers (a kept-alive
        # connection would ask the uploading worker only)
        a = httpx.post(srv.url + "/api/ask", json={"question": pdfmaker.QUESTION}, timeout=30).json()
        return bool(a["citations"]) and a["citations"][0]["doc_id"] == load.doc_id and "87%" in a["answer"]

    load = Load(srv.url, args.clients)
    try:
        for t in load.threads:
            t.start()
        time.sleep(args.settle)
        load.doc_id = make_doc_id(pdf.name)  # known before: answers during the upload are judged too
        t_up = time.monotonic()
        r = admin.post("/api/documents", files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")})
        upload_s = time.monotonic() - t_up
        assert r.status_code == 201 and r.json()["doc_id"] == load.doc_id, r.text
        answerable_s = upload_s + wait_until(answered, args.streak, 60)
        time.sleep(args.settle)
        # the load's own view: the end of the last PDF question not answered from the PDF
        answerable_s = max(answerable_s, load.last_miss(t_up, pdf_wanted=True) - t_up)
        t_up_done = t_up + answerable_s
        time.sleep(args.settle)
        t_del = time.monotonic()
        assert admin.delete(f"/api/documents/{load.doc_id}").status_code == 204
        delete_s = time.monotonic() - t_del
        gone_s = delete_s + wait_until(lambda: not answered(), args.streak, 60)
        time.sleep(args.settle)
        gone_s = max(gone_s, load.last_miss(t_del, pdf_wanted=False) - t_del)
        t_del_done = t_del + gone_s
        time.sleep(args.settle)
    finally:
        load.stop.set()
        for t in load.threads:
            t.join(35)
        admin.close()
        srv.stop()
    return {
        "pdf_bytes": pdf.stat().st_size, "clients": args.clients, "watch": args.watch,
        "workers": args.workers or "default",
        "upload_request_s": round(upload_s, 3), "upload_to_answerable_s": round(answerable_s, 3),
        "delete_request_s": round(delete_s, 3), "delete_to_gone_s": round(gone_s, 3),
        "before": load.window(t_up - args.settle, t_up),
        "during_upload_swap": load.window(t_up, t_up_done),
        "during_delete_swap": load.window(t_del, t_del_done),
        "whole_run": load.window(0, float("inf")),
    }


def in_process(work: Path, pdf: Path, extra: int) -> dict:
    """Documents analysed by ``add_document`` (from the build's debug line) and its time, against
    a full build of the same corpus from nothing; the corpus is the shipped one plus ``extra``
    generated directives (``.txt``)."""
    from qa_bot import QABot, Settings
    from qa_bot.documents import load_directory
    from qa_bot.index import build_index

    lines: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    build_log = logging.getLogger("qa_bot.index.build")
    build_log.addHandler(Catch())
    build_log.setLevel(logging.DEBUG)
    documents = shutil.copytree(SHIPPED_DOCUMENTS, work / "inproc" / "documents")
    for i in range(extra):
        text = "\n\n".join(pdfmaker.directive_text(sections=8)).replace("07/CT", f"{i + 10}/CT")
        (documents / f"chi-thi-{i + 10}.txt").write_text(text.replace("Điện Biên", f"tỉnh số {i}"), "utf-8")
    bot = QABot.from_directory(documents, work / "inproc" / "index")
    lines.clear()
    t0 = time.perf_counter()
    bot.add_document(pdf)
    add_s = time.perf_counter() - t0
    analysed = [x for x in lines if "phân tích" in x]
    corpus = load_directory(documents)
    t0 = time.perf_counter()
    build_index(corpus, Settings.from_env(documents=documents, index=work / "inproc" / "fresh"))
    full_s = time.perf_counter() - t0
    return {"documents": len(corpus), "add_document_s": round(add_s, 3), "add_document_analysed": analysed,
            "full_build_same_corpus_s": round(full_s, 3)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clients", type=int, default=4, help="threads asking questions (default 4)")
    p.add_argument("--watch", type=float, default=10, help="qa-bot serve --watch (default 10, its default)")
    p.add_argument("--workers", type=int, default=0, help="qa-bot serve --workers (0: the server's default)")
    p.add_argument("--streak", type=int, default=6, help="answers in a row that count as answerable")
    p.add_argument("--settle", type=float, default=2.0, help="seconds of load before and after each change")
    p.add_argument("--extra-docs", type=int, default=100,
                   help="generated directives added to the in-process corpus (default 100)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args()
    if not pdfmaker.available():
        sys.exit("fpdf2, Pillow or the DejaVu font missing")
    with tempfile.TemporaryDirectory(prefix="qa-bot-upload-") as tmp:
        work = Path(tmp)
        pdf = pdfmaker.make_directive_pdf(work / "chi-thi-07-dien-bien.pdf")
        result = {"http": over_http(args, work, pdf), "in_process": in_process(work, pdf, args.extra_docs)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    h = result["http"]
    print(f"PDF {h['pdf_bytes'] / 1e6:.2f} MB, {h['clients']} clients asking, serve --watch {h['watch']} "
          f"--workers {h['workers']}")
    print(f"upload request {h['upload_request_s']:.2f} s; answerable (x{args.streak} in a row) "
          f"{h['upload_to_answerable_s']:.2f} s after the upload started")
    print(f"delete request {h['delete_request_s']:.2f} s; gone from answers "
          f"{h['delete_to_gone_s']:.2f} s after")
    for name in ("before", "during_upload_swap", "during_delete_swap", "whole_run"):
        w = h[name]
        print(f"  {name:20s} answers {w['answers']:5d}  errors {w['errors']:3d}  "
              f"p50 {w.get('p50_ms', 0):7.1f} ms  p95 {w.get('p95_ms', 0):7.1f} ms  "
              f"max {w.get('max_ms', 0):7.1f} ms")
    i = result["in_process"]
    print(f"in process: add_document {i['add_document_s']:.2f} s ({'; '.join(i['add_document_analysed'])}); "
          f"full build of the same {i['documents']} documents {i['full_build_same_corpus_s']:.2f} s")


if __name__ == "__main__":
    main()
