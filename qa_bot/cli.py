"""Command line: ``qa-bot index | ask | search | eval | serve`` (see CONTRACT.md).

Exit status 0 on success, 2 on bad usage or bad input, with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace

from .bot import QABot
from .config import Settings
from .documents import load_directory
from .errors import InputError, QABotError
from .models import PARTIAL, Answer, SearchResult


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        sys.stderr.write(f"qa-bot: {message}\n")
        raise SystemExit(2)


class _Progress:
    """A tqdm bar on stderr, fed by ``progress(done, total)`` calls (index build, eval questions)."""

    def __init__(self, desc: str, quiet: bool = False, unit: str = "doc") -> None:
        self.desc, self.quiet, self.unit, self.bar = desc, quiet, unit, None

    def __call__(self, done: int, total: int) -> None:
        if self.quiet:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.desc, unit=self.unit, file=sys.stderr,
                            initial=done, leave=True)
        else:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _common(p: argparse.ArgumentParser, k: bool = True) -> None:
    p.add_argument("--documents", help="documents folder (default ./documents or $QA_BOT_DOCUMENTS)")
    p.add_argument("--index", help="index folder (default ./index or $QA_BOT_INDEX)")
    p.add_argument("--json", action="store_true", help="machine-readable output, one JSON per line")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    if k:
        p.add_argument("-k", "--top-k", type=int, default=None, help="passages to return (5)")
        p.add_argument("--year", type=int, help="only documents of this year")
        p.add_argument("--doc", action="append", dest="doc_ids", metavar="DOC_ID",
                       help="only this document (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qa-bot", description="Hỏi đáp có trích dẫn về cải cách hành chính.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("index", help="build or refresh the index")
    _common(p, k=False)
    p.add_argument("--force", action="store_true", help="rebuild even if up to date")
    p = sub.add_parser("ask", help="answer a question ('-' reads one per line from stdin)")
    p.add_argument("question")
    _common(p)
    p = sub.add_parser("search", help="best passages only")
    p.add_argument("query")
    _common(p)
    p = sub.add_parser("eval", help="retrieval (or, with --answers, answer) quality on a BEIR-layout folder")
    p.add_argument("dir")
    p.add_argument("--strip-diacritics", action="store_true",
                   help="ask the queries without diacritics")
    p.add_argument("--limit", type=int, help="only the first N queries")
    p.add_argument("--answers", action="store_true",
                   help="answer the questions and compare with answers.jsonl")
    p.add_argument("--misses", metavar="FILE",
                   help="with --answers: write the missed questions to FILE (JSON lines)")
    _common(p, k=False)
    p = sub.add_parser("serve", help="web UI and HTTP API")
    p.add_argument("--host", default=os.environ.get("QA_BOT_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("QA_BOT_PORT", "7860")))
    p.add_argument("--cors", action="append", default=None, metavar="ORIGIN",
                   help="allow this browser origin (repeatable; none by default)")
    p.add_argument("--watch", type=float, default=10.0, metavar="SECONDS",
                   help="re-index changed documents in the background every SECONDS (0: off)")
    _common(p, k=False)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(documents=args.documents, index=args.index)


#: First line of a partial answer (the documents hold something close, not what was asked).
PARTIAL_MARKER = "[Trả lời một phần]"


def _print_answer(a: Answer, as_json: bool) -> None:
    """An answer for people: a ``[Trả lời một phần]`` line first when partial, the text, then the
    cited passages under ``Nguồn:`` and the related unused ones under ``Liên quan:``."""
    if as_json:
        print(json.dumps(a.to_dict(), ensure_ascii=False), flush=True)
        return
    if a.interpreted_as and a.interpreted_as != a.question:
        print(f"(Hiểu câu hỏi là: {a.interpreted_as})")
    if a.status == PARTIAL:
        print(PARTIAL_MARKER)
    print(a.answer)
    for label, group in (("Nguồn:", [c for c in a.citations if c.used]),
                         ("Liên quan:", [c for c in a.citations if not c.used])):
        if not group:
            continue
        print(label)
        for c in group:
            d = c.hit.document
            meta = ", ".join(x for x in (d.source, d.date, d.url) if x)
            print(f"  [{c.n}] {d.title}" + (f" ({meta})" if meta else "")
                  + f" [{c.hit.passage.start}:{c.hit.passage.end}]")
    print(flush=True)


def _print_search(r: SearchResult, as_json: bool) -> None:
    if as_json:
        print(json.dumps(r.to_dict(), ensure_ascii=False), flush=True)
        return
    for i, h in enumerate(r.hits, 1):
        d = h.document
        print(f"{i}. {d.title} — {d.date or 'không rõ ngày'} — điểm {h.score:.2f}")
        print(f"   {h.text}\n")
    if not r.hits:
        print("Không tìm thấy đoạn văn nào phù hợp.")


def _load_bot(args: argparse.Namespace) -> QABot:
    bar = _Progress("Lập chỉ mục", quiet=args.quiet)
    try:
        return QABot.from_settings(_settings(args), progress=bar)
    finally:
        bar.close()


def _eval(args: argparse.Namespace) -> int:
    """``qa-bot eval DIR``: retrieval metrics, or answer metrics with ``--answers``."""
    from .diacritics import strip_diacritics
    from .evaluate import evaluate
    from .evaluate_answers import evaluate_answers

    if args.misses and not args.answers:
        raise InputError("--misses chỉ dùng cùng --answers")
    transform = strip_diacritics if args.strip_diacritics else None
    bar = _Progress("Lập chỉ mục", quiet=args.quiet)
    asking = _Progress("Hỏi", quiet=args.quiet, unit="câu")
    misses: list[dict] = []

    def ask_progress(done: int, total: int) -> None:
        if done == 1:
            bar.close()  # the index is built: its bar ends before the questions' bar starts
        asking(done, total)

    try:
        if args.answers:
            res = evaluate_answers(args.dir, _settings(args), progress=bar, transform=transform,
                                   limit=args.limit, misses=misses, question_progress=ask_progress)
            keys = ("answer_has_gold", "first_citation_relevant", "answered", "median_answer_chars")
        else:
            res = evaluate(args.dir, replace(_settings(args)), progress=bar, transform=transform,
                           limit=args.limit)
            keys = ("ndcg@10", "recall@1", "recall@5", "recall@10", "mrr@10")
    finally:
        bar.close()
        asking.close()
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(m, ensure_ascii=False) + "\n" for m in misses)
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
    else:
        print(f"{res['dataset']}: {res['queries']} câu hỏi")
        width = max(10, *map(len, keys))
        for k in keys:
            value = f"{res[k]:g}" if k == "median_answer_chars" else f"{res[k]:.4f}"
            print(f"  {k:{width}s} {value}")
    return 0


def _run(args: argparse.Namespace) -> int:
    cmd = args.command
    if cmd == "index":
        settings = _settings(args)
        docs = load_directory(settings.documents_dir)
        t0 = time.perf_counter()
        bar = _Progress("Lập chỉ mục", quiet=args.quiet)
        from .bot import open_index
        from .index import is_fresh

        fresh = not args.force and is_fresh(settings.index_dir, docs, settings)
        index = open_index(settings, docs, progress=bar, rebuild=args.force)
        bar.close()
        summary = {"documents": len(index.documents), "chunks": index.n_passages,
                   "index": str(settings.index_dir), "rebuilt": not fresh,
                   "seconds": round(time.perf_counter() - t0, 3)}
        if args.json:
            print(json.dumps(summary, ensure_ascii=False))
        else:
            state = "đã cập nhật" if not fresh else "không đổi (chỉ mục còn mới)"
            print(f"{summary['documents']} tài liệu, {summary['chunks']} đoạn; chỉ mục {state} "
                  f"tại {summary['index']} ({summary['seconds']} s)", file=sys.stderr)
        return 0
    if cmd in ("ask", "search"):
        bot = _load_bot(args)
        text = args.question if cmd == "ask" else args.query
        lines = sys.stdin.read().splitlines() if text == "-" else [text]
        lines = [x for x in lines if x.strip()] if text == "-" else lines
        for line in lines:
            if cmd == "ask":
                _print_answer(bot.ask(line, args.top_k, args.year, args.doc_ids), args.json)
            else:
                _print_search(bot.search(line, args.top_k, args.year, args.doc_ids), args.json)
        return 0
    if cmd == "eval":
        return _eval(args)
    if cmd == "serve":
        from .server import serve

        serve(_settings(args), host=args.host, port=args.port, cors=args.cors or [], watch=args.watch)
        return 0
    raise InputError(f"lệnh không rõ: {cmd}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``qa-bot`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except (QABotError, ValueError, FileNotFoundError) as exc:
        sys.stderr.write(f"qa-bot: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("qa-bot: đã dừng\n")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
