"""Command line: ``qa-bot index | ask | chat | search | eval | serve | add | remove | documents``
(see docs/contract.md).

Exit status 0 on success, 2 on bad usage or bad input, with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence

from . import manage_cli
from .bot import QABot
from .config import LOG_LEVELS, Settings, parse_rate
from .errors import InputError, QABotError
from .formats.structure import citation_place
from .logs import setup_logging
from .models import PARTIAL, Answer, SearchResult
from .progress import Progress

log = logging.getLogger("qa_bot.cli")

ASK_EXAMPLES = """ví dụ:
  qa-bot ask "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"
  qa-bot ask "ha giang cung cap bao nhieu dich vu cong"          (gõ không dấu cũng được)
  qa-bot ask "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?" --year 2023 -k 3
  qa-bot ask "Phiên họp yêu cầu những gì?" --doc 2025-01-16-phien-hop-thu-chin-bcd-cchc --json
  qa-bot ask - < cau-hoi.txt                 (QUESTION là '-': mỗi dòng của stdin là một câu hỏi)
"""
CHAT_EXAMPLES = """ví dụ:
  qa-bot chat
  Hỏi> Phiên họp thứ chín do ai chủ trì?
  Hỏi> Phiên đó đánh giá những hạn chế gì?      (hiểu là: Phiên họp thứ chín đánh giá ...)
  Hỏi> /nguon                                    (nguồn của câu trả lời vừa rồi)
  Hỏi> /moi                                      (bắt đầu cuộc trò chuyện mới; Ctrl-D: thoát)
"""
SEARCH_EXAMPLES = """ví dụ:
  qa-bot search "tinh giản biên chế" -k 3
  qa-bot search "dịch vụ công trực tuyến" --year 2024 --json
  qa-bot search - < truy-van.txt              (QUERY là '-': mỗi dòng của stdin là một truy vấn)
"""
SERVE_EXAMPLES = """ví dụ:
  qa-bot serve                                 (mở http://127.0.0.1:7860)
  qa-bot serve --host 0.0.0.0 --port 8080 --cors https://intranet.example.gov.vn
  QA_BOT_PORT=8080 qa-bot serve --log-level debug
  qa-bot serve --workers 4                     (4 tiến trình trên cùng cổng; mặc định: số lõi)
  qa-bot serve --read-only --workers 2         (bản sao sau bộ cân bằng tải, xem docs/deploy.md)
  qa-bot serve --rate-limit 60/min             (mỗi máy khách tối đa 60 yêu cầu mỗi phút; quá: 429)
"""
EVAL_EXAMPLES = """ví dụ:
  qa-bot eval path/to/uit_regulation_qa --json
  qa-bot eval path/to/xquad_vi --strip-diacritics --limit 200
  qa-bot eval path/to/xquad_vi --answers --misses misses.jsonl
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        sys.stderr.write(f"qa-bot: {message}\n")
        raise SystemExit(2)


def _common(p: argparse.ArgumentParser, k: bool = True) -> None:
    p.add_argument("--documents", help="thư mục tài liệu (mặc định ./documents hoặc $QA_BOT_DOCUMENTS)")
    p.add_argument("--index", help="thư mục chỉ mục (mặc định ./index hoặc $QA_BOT_INDEX)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON, mỗi dòng một đối tượng")
    p.add_argument("-q", "--quiet", action="store_true", help="không hiện thanh tiến trình")
    p.add_argument("--log-level", choices=LOG_LEVELS, default=None,
                   help="mức thông báo trên stderr (mặc định info hoặc $QA_BOT_LOG_LEVEL)")
    if k:
        p.add_argument("-k", "--top-k", type=int, default=None, help="số đoạn văn trả về, 1..50 (mặc định 5)")
        p.add_argument("--year", type=int, help="chỉ các văn bản của năm này")
        p.add_argument("--doc", action="append", dest="doc_ids", metavar="DOC_ID",
                       help="chỉ văn bản này (dùng nhiều lần được)")
        p.add_argument("--type", dest="doc_type", metavar="LOẠI",
                       help="chỉ văn bản loại này: Chỉ thị, Nghị quyết, Quyết định, Công điện, Kế hoạch...")
        p.add_argument("--issuer", metavar="CƠ_QUAN",
                       help="chỉ văn bản của cơ quan ban hành này (một phần tên, "
                            "ví dụ 'UBND tỉnh Quảng Bình')")
        p.add_argument("--number", metavar="SỐ_HIỆU", help="chỉ văn bản có số hiệu này, ví dụ 05/CT-TTg")


def build_parser() -> argparse.ArgumentParser:
    """The ``qa-bot`` argument parser."""
    parser = _Parser(prog="qa-bot", description="Hỏi đáp có trích dẫn về cải cách hành chính.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    raw = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("index", help="lập hoặc cập nhật chỉ mục")
    _common(p, k=False)
    p.add_argument("--force", action="store_true", help="lập lại kể cả khi chỉ mục còn mới")
    p.add_argument("--strict", action="store_true",
                   help="dừng với mã lỗi 2 nếu có tệp không đọc được (dùng cho CI)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="phân tích tài liệu trên cụm Dask tại ADDRESS (tcp://HOST:8786; $QA_BOT_DASK)")
    p = sub.add_parser("ask", help="trả lời một câu hỏi ('-': đọc mỗi dòng stdin là một câu hỏi)",
                       epilog=ASK_EXAMPLES, formatter_class=raw)
    p.add_argument("question", metavar="QUESTION", help="câu hỏi, hoặc '-' để đọc từng dòng từ stdin")
    _common(p)
    p = sub.add_parser("chat", help="trò chuyện trong terminal: câu hỏi sau hiểu theo các câu trước",
                       epilog=CHAT_EXAMPLES, formatter_class=raw)
    _common(p)
    p = sub.add_parser("search", help="chỉ các đoạn văn phù hợp nhất", epilog=SEARCH_EXAMPLES,
                       formatter_class=raw)
    p.add_argument("query", metavar="QUERY", help="truy vấn, hoặc '-' để đọc từng dòng từ stdin")
    _common(p)
    p = sub.add_parser("eval", help="chất lượng tìm kiếm (hoặc câu trả lời, với --answers) trên một bộ BEIR",
                       epilog=EVAL_EXAMPLES, formatter_class=raw)
    p.add_argument("dir", metavar="DIR",
                   help="thư mục bộ dữ liệu (corpus.jsonl, queries.jsonl, qrels/test.tsv)")
    p.add_argument("--strip-diacritics", action="store_true", help="hỏi các câu đã bỏ dấu")
    p.add_argument("--limit", type=int, help="chỉ N câu hỏi đầu")
    p.add_argument("--answers", action="store_true", help="trả lời các câu hỏi và so với answers.jsonl")
    p.add_argument("--misses", metavar="FILE",
                   help="cùng --answers: ghi các câu trả lời sai vào FILE (JSON lines)")
    _common(p, k=False)
    p = sub.add_parser("serve", help="giao diện web và HTTP API", epilog=SERVE_EXAMPLES, formatter_class=raw)
    p.add_argument("--host", help="địa chỉ lắng nghe (mặc định 127.0.0.1 hoặc $QA_BOT_HOST)")
    p.add_argument("--port", type=int, help="cổng (mặc định 7860 hoặc $QA_BOT_PORT)")
    p.add_argument("--cors", action="append", default=None, metavar="ORIGIN",
                   help="cho phép nguồn trình duyệt này gọi API (dùng nhiều lần được; mặc định: không)")
    p.add_argument("--watch", type=float, metavar="SECONDS",
                   help="kiểm tra thay đổi tài liệu mỗi SECONDS giây, lập lại chỉ mục khi có "
                        "(0: tắt; mặc định 10)")
    p.add_argument("--workers", type=int, metavar="N", dest="web_workers",
                   help="số tiến trình phục vụ trên cùng cổng (mặc định: số lõi CPU, $QA_BOT_WEB_WORKERS)")
    p.add_argument("--read-only", action="store_true", default=None,
                   help="bản sao chỉ đọc: không lập chỉ mục, không ghi vào thư mục chỉ mục, nạp phiên bản "
                        "mới khi máy lập chỉ mục công bố; từ chối các thao tác quản lý tài liệu")
    p.add_argument("--rate-limit", type=_rate, metavar="N/min",
                   help="tối đa N yêu cầu mỗi phút cho mỗi máy khách (API và câu hỏi trên giao diện; "
                        "quá thì trả 429; mặc định: không giới hạn, $QA_BOT_RATE_LIMIT)")
    _common(p, k=False)
    manage_cli.add_parsers(sub, _common)
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The settings: flags given on the command line, else ``QA_BOT_*`` variables, else defaults."""
    return Settings.from_env(
        documents=args.documents, index=args.index, log_level=args.log_level,
        host=getattr(args, "host", None), port=getattr(args, "port", None),
        cors=getattr(args, "cors", None), watch=getattr(args, "watch", None),
        web_workers=getattr(args, "web_workers", None), read_only=getattr(args, "read_only", None),
        dask=getattr(args, "dask", None), rate_limit=getattr(args, "rate_limit", None))


def _rate(text: str) -> int:
    """``--rate-limit``: ``N/min`` (or ``N``) requests a minute."""
    try:
        return parse_rate(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần dạng N/min, N là số nguyên >= 0 (đang là {text!r})") from None


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
            place = citation_place(d.doc_type, d.number, c.hit.passage.path)
            print(f"  [{c.n}] {d.title}" + (f" ({meta})" if meta else "") + (f" — {place}" if place else "")
                  + f" [{c.hit.passage.start}:{c.hit.passage.end}]")
    print(flush=True)


def _print_search(r: SearchResult, as_json: bool) -> None:
    if as_json:
        print(json.dumps(r.to_dict(), ensure_ascii=False), flush=True)
        return
    for i, h in enumerate(r.hits, 1):
        d = h.document
        place = citation_place(d.doc_type, d.number, h.passage.path)
        print(f"{i}. {d.title} — {d.date or 'không rõ ngày'}" + (f" — {place}" if place else "")
              + f" — điểm {h.score:.2f}")
        print(f"   {h.text}\n")
    if not r.hits:
        print("Không tìm thấy đoạn văn nào phù hợp.")


def _quiet(args: argparse.Namespace) -> bool:
    """No progress bar with ``-q`` or a log level above ``info``."""
    return args.quiet or not log.isEnabledFor(logging.INFO)


def _load_bot(args: argparse.Namespace, settings: Settings) -> QABot:
    with Progress("Lập chỉ mục", quiet=_quiet(args)) as bar:
        return QABot.from_settings(settings, progress=bar)


def _check_doc_ids(bot: QABot, doc_ids: Sequence[str] | None) -> None:
    """InputError (exit 2) for a ``--doc`` the index does not have, as the API answers 404."""
    known = {d["doc_id"] for d in bot.documents()}
    missing = [d for d in doc_ids or () if d not in known]
    if missing:
        raise InputError(f"Không có văn bản với mã: {', '.join(missing)}. "
                         "Mã văn bản là tên tệp trong thư mục tài liệu, không có phần mở rộng.",
                         f"unknown document id(s): {', '.join(missing)}")


def _ask_or_search(args: argparse.Namespace, settings: Settings) -> int:
    """``ask`` and ``search``: one question, or one per line of stdin with ``-`` (the question is
    repeated before each plain-text answer then)."""
    bot = _load_bot(args, settings)
    _check_doc_ids(bot, args.doc_ids)
    text = args.question if args.command == "ask" else args.query
    batch = text == "-"
    lines = [x for x in sys.stdin.read().splitlines() if x.strip()] if batch else [text]
    meta = {"doc_type": args.doc_type, "issuer": args.issuer, "number": args.number}
    for line in lines:
        if batch and not args.json:
            print(f"Hỏi: {line}" if args.command == "ask" else f"Truy vấn: {line}")
        if args.command == "ask":
            _print_answer(bot.ask(line, args.top_k, args.year, args.doc_ids, **meta), args.json)
        else:
            _print_search(bot.search(line, args.top_k, args.year, args.doc_ids, **meta), args.json)
    return 0


def _index(args: argparse.Namespace, settings: Settings) -> int:
    """``qa-bot index``: build or refresh; one line per skipped file, a summary at the end (JSON on
    stdout with ``--json``). ``--strict`` (CI): any skipped file is an error, exit status 2. Exit
    status 2 too when the index folder cannot be written (the old index stays)."""
    from .documents import read_directory
    from .index import ensure_index

    folder = read_directory(settings.documents_dir)
    for skipped in folder.skipped:
        log.warning("%s", skipped.line())
    if folder.skipped and args.strict:
        raise InputError(f"{len(folder.skipped)} tệp không đọc được (--strict): chưa lập chỉ mục.",
                         "; ".join(f"{s.path}: {s.detail}" for s in folder.skipped))
    if not folder.documents:
        raise InputError(f"Không có tài liệu nào trong thư mục {settings.documents_dir} "
                         "(hoặc không tệp nào đọc được).")
    t0 = time.perf_counter()
    with Progress("Lập chỉ mục", quiet=_quiet(args)) as bar:
        opened = ensure_index(settings, folder.documents, progress=bar, rebuild=args.force)
    index = opened.index
    summary = {"documents": len(index.documents), "chunks": index.n_passages,
               "index": str(settings.index_dir), "rebuilt": opened.rebuilt,
               "seconds": round(time.perf_counter() - t0, 3),
               "skipped": [s.to_dict() for s in folder.skipped], "notice": opened.notice}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        state = ("đã cập nhật" if opened.rebuilt else "không cập nhật được (xem dòng trên)"
                 if opened.notice else "không đổi (chỉ mục còn mới)")
        log.info("%s tài liệu, %s đoạn; chỉ mục %s tại %s (%s s)", summary["documents"],
                 summary["chunks"], state, summary["index"], summary["seconds"])
        if folder.skipped:
            log.warning("%d tệp bị bỏ qua (lý do ở các dòng trên)", len(folder.skipped))
    return 2 if opened.notice else 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    """``qa-bot eval DIR``: retrieval metrics, or answer metrics with ``--answers``."""
    from .diacritics import strip_diacritics
    from .evaluate import evaluate
    from .evaluate_answers import evaluate_answers

    if args.misses and not args.answers:
        raise InputError("--misses chỉ dùng cùng --answers")
    transform = strip_diacritics if args.strip_diacritics else None
    misses: list[dict] = []
    with Progress("Lập chỉ mục", quiet=_quiet(args)) as bar, \
            Progress("Hỏi", quiet=_quiet(args), unit="câu") as asking:

        def ask_progress(done: int, total: int) -> None:
            if done == 1:
                bar.close()  # the index is built: its bar ends before the questions' bar starts
            asking(done, total)

        if args.answers:
            res = evaluate_answers(args.dir, settings, progress=bar, transform=transform,
                                   limit=args.limit, misses=misses, question_progress=ask_progress)
            keys = ("answer_has_gold", "first_citation_relevant", "answered", "median_answer_chars")
        else:
            res = evaluate(args.dir, settings, progress=bar, transform=transform, limit=args.limit)
            keys = ("ndcg@10", "recall@1", "recall@5", "recall@10", "mrr@10")
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
    settings = settings_from_args(args)
    setup_logging(settings.log_level)
    if args.command == "index":
        return _index(args, settings)
    if args.command in ("ask", "search"):
        return _ask_or_search(args, settings)
    if args.command == "chat":
        from .chat import chat

        bot = _load_bot(args, settings)
        _check_doc_ids(bot, args.doc_ids)
        return chat(bot, args.top_k, args.year, args.doc_ids, as_json=args.json)
    if args.command == "eval":
        return _eval(args, settings)
    if args.command in manage_cli.COMMANDS:
        return manage_cli.run(args, settings)
    if args.command == "serve":
        from .web.serve import serve

        serve(settings)
        return 0
    raise InputError(f"lệnh không rõ: {args.command}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``qa-bot`` console script."""
    args = build_parser().parse_args(argv)
    setup_logging(getattr(args, "log_level", None) or "info")
    try:
        return _run(args)
    except QABotError as exc:
        log.error("%s", exc)
        log.debug("chi tiết: %s", exc.detail)
        return 2
    except (ValueError, FileNotFoundError) as exc:
        log.error("%s", exc)
        return 2
    except KeyboardInterrupt:
        log.warning("đã dừng")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
