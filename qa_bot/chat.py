"""``qa-bot chat``: a conversation in the terminal.

Each question is answered with the earlier turns of the conversation as ``history`` (the last
:data:`qa_bot.followup.MAX_TURNS`), so follow-ups ("Phiên đó đánh giá những hạn chế gì?") are read
as in the HTTP API and the chat UI; when a question was read with the earlier turns, the answer is
followed by "Hiểu là: ...". Line editing and the history of typed lines come from :mod:`readline`
(arrow keys) when the terminal has it.

Commands: ``/moi`` starts a new conversation, ``/nguon`` shows the citations of the last answer,
``/giup`` lists the commands, ``/thoat`` or Ctrl-D leaves (Ctrl-C drops the line being typed).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from .bot import QABot
from .errors import InputError
from .followup import MAX_ANSWER_CHARS, MAX_TURNS
from .models import PARTIAL, Answer
from .normalize import fold

PROMPT = "Hỏi> "
PARTIAL_MARKER = "[Trả lời một phần]"
HELP = ("Lệnh: /moi bắt đầu cuộc trò chuyện mới · /nguon xem nguồn của câu trả lời vừa rồi · "
        "/giup trợ giúp · /thoat hoặc Ctrl-D để thoát.")
#: Command -> its name in :data:`COMMANDS`, spelled with or without marks.
COMMANDS = {"/moi": "new", "/nguon": "sources", "/giup": "help", "/thoat": "quit", "/exit": "quit",
            "/quit": "quit", "/help": "help"}


def _readline() -> None:
    """Line editing and typed-line history for :func:`input` (no-op where readline is missing)."""
    try:
        import readline  # noqa: F401  (importing it is what turns it on for input())
    except ImportError:  # pragma: no cover - Windows without pyreadline
        pass


def format_answer(a: Answer) -> str:
    """An answer for the terminal: a ``[Trả lời một phần]`` line when partial, the text, how the
    question was read when earlier turns were used, and how many sources ``/nguon`` shows."""
    lines = [PARTIAL_MARKER] if a.status == PARTIAL else []
    lines.append(a.answer)
    if a.interpreted_as and a.interpreted_as != a.question:
        lines.append(f"Hiểu là: {a.interpreted_as}")
    used = sum(c.used for c in a.citations)
    if a.citations:
        lines.append(f"({used} nguồn trích dẫn, {len(a.citations) - used} đoạn liên quan: gõ /nguon để xem)")
    return "\n".join(lines)


def format_sources(a: Answer | None) -> str:
    """The citations of ``a``: used ones under ``Nguồn:``, related ones under ``Liên quan:``, each
    with its document, publisher, date, link, offsets and passage."""
    if a is None:
        return "Chưa có câu trả lời nào trong cuộc trò chuyện này."
    if not a.citations:
        return "Câu trả lời vừa rồi không trích dẫn đoạn văn nào."
    out = [f"Câu hỏi: {a.question}"]
    for label, group in (("Nguồn:", [c for c in a.citations if c.used]),
                         ("Liên quan:", [c for c in a.citations if not c.used])):
        if group:
            out.append(label)
        for c in group:
            d = c.hit.document
            meta = ", ".join(x for x in (d.source, d.date, d.url) if x)
            out.append(f"  [{c.n}] {d.title}" + (f" ({meta})" if meta else "")
                       + f" [{c.hit.passage.start}:{c.hit.passage.end}]")
            out.append("      " + " ".join(c.hit.text.split()))
    return "\n".join(out)


def history_of(answers: Sequence[Answer]) -> list[dict]:
    """The last :data:`MAX_TURNS` answers as ``history`` for :meth:`QABot.ask`."""
    return [{"question": a.question, "answer": a.answer[:MAX_ANSWER_CHARS]} for a in answers[-MAX_TURNS:]]


def chat(bot: QABot, top_k: int | None = None, year: int | None = None,
         doc_ids: Sequence[str] | None = None, as_json: bool = False,
         read: Callable[[str], str] = input, out: TextIO | None = None) -> int:
    """Run the conversation until Ctrl-D (end of input) or ``/thoat``; returns the exit status.
    ``read(prompt)`` reads one line (:func:`input`, with readline); answers go to ``out``."""
    out = out or sys.stdout
    if top_k is not None and not 1 <= top_k <= bot.settings.max_top_k:
        raise InputError(f"top_k phải là số nguyên từ 1 đến {bot.settings.max_top_k}.")
    if read is input:
        _readline()

    def say(text: str = "") -> None:
        print(text, file=out, flush=True)

    stats = bot.stats()
    say(f"Trò chuyện về cải cách hành chính với {stats['documents']} văn bản. Gõ câu hỏi rồi Enter; "
        "câu hỏi sau được hiểu theo các câu trước (phiên đó, tỉnh đó, còn ... thì sao?).")
    say(HELP)
    answers: list[Answer] = []
    while True:
        try:
            line = read(PROMPT)
        except EOFError:
            say()
            say("Tạm biệt.")
            return 0
        except KeyboardInterrupt:
            say()
            continue
        text = line.strip()
        if not text:
            continue
        if text.startswith("/"):
            command = COMMANDS.get(fold(text.split()[0]))
            if command == "quit":
                say("Tạm biệt.")
                return 0
            if command == "new":
                answers.clear()
                say("Đã bắt đầu cuộc trò chuyện mới.")
            elif command == "sources":
                say(format_sources(answers[-1] if answers else None))
            elif command == "help":
                say(HELP)
            else:
                say(f"Lệnh không rõ: {text.split()[0]}. {HELP}")
            continue
        try:
            answer = bot.ask(text, top_k, year=year, doc_ids=doc_ids, history=history_of(answers))
        except InputError as exc:
            say(f"Chưa thể hỏi: {exc}")
            continue
        answers.append(answer)
        say(json.dumps(answer.to_dict(), ensure_ascii=False) if as_json else format_answer(answer))
        say()


__all__ = ["COMMANDS", "HELP", "PROMPT", "chat", "format_answer", "format_sources", "history_of"]
