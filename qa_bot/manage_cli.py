"""``qa-bot add FILE...``, ``qa-bot remove DOC_ID``, ``qa-bot documents``: the documents folder
from the command line, through :mod:`qa_bot.manage` and :class:`qa_bot.QABot` (the index is
refreshed after a change; a running ``qa-bot serve --watch`` picks the change up by itself)."""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable

from . import manage
from .bot import QABot
from .config import Settings
from .errors import InputError
from .progress import Progress

log = logging.getLogger("qa_bot.cli")
COMMANDS = ("add", "remove", "documents")

ADD_EXAMPLES = """ví dụ:
  qa-bot add chi-thi-05-ct-ttg.pdf
  qa-bot add "Kết luận 123.docx" --title "Thông báo kết luận về cải cách hành chính" --date 2025-03-10
  qa-bot add bai-bao.html --source "Báo Chính phủ" --url https://baochinhphu.vn/...
  qa-bot add *.pdf --replace        (thay văn bản cùng mã nếu đã có)
Tệp được chép nguyên vẹn vào thư mục tài liệu với tên là mã văn bản (không dấu, chữ thường);
thông tin nhập ở đây được lưu trong tệp ẩn .TÊN.meta.json bên cạnh và ưu tiên hơn thông tin đọc từ tệp.
"""
REMOVE_EXAMPLES = """ví dụ:
  qa-bot remove chi-thi-05-ct-ttg
Tệp được chuyển vào thư mục ẩn documents/.removed/ (không bị xoá hẳn).
"""


def add_parsers(sub: argparse._SubParsersAction, common: Callable[..., None]) -> None:
    """Add the three subcommands to the ``qa-bot`` parser (``common``: the shared flags)."""
    raw = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("add", help="thêm tệp vào thư mục tài liệu (pdf, docx, html, txt, md) rồi cập nhật "
                                   "chỉ mục", epilog=ADD_EXAMPLES, formatter_class=raw)
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp cần thêm")
    p.add_argument("--title", help="tiêu đề (chỉ khi thêm một tệp)")
    p.add_argument("--date", help="ngày ban hành, dạng YYYY-MM-DD")
    p.add_argument("--source", help="cơ quan hoặc trang đăng tải")
    p.add_argument("--url", help="đường dẫn gốc")
    p.add_argument("--replace", action="store_true", help="thay văn bản cùng mã nếu đã có")
    common(p, k=False)
    p = sub.add_parser("remove", help="bỏ một văn bản khỏi thư mục tài liệu rồi cập nhật chỉ mục",
                       epilog=REMOVE_EXAMPLES, formatter_class=raw)
    p.add_argument("doc_id", metavar="DOC_ID", help="mã văn bản (xem qa-bot documents)")
    common(p, k=False)
    p = sub.add_parser("documents",
                       help="danh sách văn bản (loại, số hiệu, ngày, số đoạn) và các tệp bị bỏ qua")
    common(p, k=False)


def _bot(args: argparse.Namespace, settings: Settings) -> QABot:
    with Progress("Lập chỉ mục", quiet=args.quiet or not log.isEnabledFor(logging.INFO)) as bar:
        return QABot.from_settings(settings, progress=bar)


def _add(args: argparse.Namespace, settings: Settings) -> int:
    if args.title and len(args.files) > 1:
        raise InputError("--title chỉ dùng khi thêm một tệp.")
    meta = {"title": args.title, "date": args.date, "source": args.source, "url": args.url}
    added, failed = [], 0
    for name in args.files:
        try:
            result = manage.add_path(settings, name, meta, replace=args.replace)
        except manage.ManageError as exc:
            log.error("%s", exc)
            failed += 1
            continue
        added.append(result.document.doc_id)
        log.info("đã thêm %s -> %s (mã %s)", name, result.path, result.document.doc_id)
    if added:
        bot = _bot(args, settings)  # builds the index of the folder as it is now
        listed = {d["doc_id"]: d for d in bot.documents()}
        if args.json:
            for doc_id in added:
                print(json.dumps(listed.get(doc_id, {"doc_id": doc_id}), ensure_ascii=False))
        stats = bot.stats()
        log.info("chỉ mục: %d văn bản, %d đoạn", stats["documents"], stats["chunks"])
    return 2 if failed else 0


def _remove(args: argparse.Namespace, settings: Settings) -> int:
    bot = _bot(args, settings)
    bot.remove_document(args.doc_id)
    stats = bot.stats()
    log.info("đã bỏ văn bản %s (tệp chuyển vào %s/%s); chỉ mục: %d văn bản, %d đoạn", args.doc_id,
             settings.documents_dir, manage.REMOVED_DIR, stats["documents"], stats["chunks"])
    return 0


def _cell(value: object, width: int) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _documents(args: argparse.Namespace, settings: Settings) -> int:
    bot = _bot(args, settings)
    docs, skipped = bot.documents(), bot.skipped_files()
    if args.json:
        print(json.dumps({"documents": docs, "skipped": skipped, "notice": bot.index_notice},
                         ensure_ascii=False))
        return 0
    columns = (("MÃ VĂN BẢN", "doc_id", 40), ("LOẠI", "doc_type", 18), ("SỐ HIỆU", "number", 16),
               ("NGÀY", "date", 10), ("ĐOẠN", "chunks", 5), ("TIÊU ĐỀ", "title", 60))
    print("  ".join(f"{h:{w}s}" for h, _, w in columns).rstrip())
    for d in sorted(docs, key=lambda d: (d.get("date") or "", d["doc_id"]), reverse=True):
        print("  ".join(f"{_cell(d.get(k), w):{w}s}" for _, k, w in columns).rstrip())
    print(f"\n{len(docs)} văn bản, {sum(d['chunks'] for d in docs)} đoạn.")
    if skipped:
        print(f"\n{len(skipped)} tệp bị bỏ qua:")
        for s in skipped:
            print(f"  {s['file']}: {s['reason']}")
    if bot.index_notice:
        print(f"\n{bot.index_notice}")
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``add``, ``remove`` or ``documents``."""
    return {"add": _add, "remove": _remove, "documents": _documents}[args.command](args, settings)


__all__ = ["COMMANDS", "add_parsers", "run"]
