"""``qa-bot chat`` (issue 12): a conversation in the terminal, driven through a pseudo-terminal on the
shipped corpus with a temporary index (line editing and recalled lines from readline, follow-ups read
with the earlier turns, ``/nguon``, ``/moi``, Ctrl-D); and the loop itself with scripted lines."""

from __future__ import annotations

import codecs
import io
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from qa_bot import QABot
from qa_bot.chat import PROMPT, chat
from tests.corpus import copy_documents, shipped_bot  # noqa: F401

NINTH = "Phiên họp thứ chín do ai chủ trì?"
FOLLOW_UP = "Phiên đó đánh giá những hạn chế gì?"
THIRD = "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?"
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;?]*[A-Za-z]|[=>])|\r")


class Terminal:
    """A process on a pseudo-terminal: ``send`` types, ``expect`` waits for text on the screen."""

    def __init__(self, argv: list[str], env: dict) -> None:
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.screen = ""  # everything shown, escape sequences removed
        self.seen = 0  # where the next expect starts

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                data = os.read(self.master, 4096)
            except OSError:  # the process has closed the terminal
                data = b""
            self.screen += _ESCAPES.sub("", self.decoder.decode(data))

    def expect(self, text: str, timeout: float = 120) -> str:
        """The screen from the previous match to the end of ``text`` (fails after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while (at := self.screen.find(text, self.seen)) < 0:
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} not shown after {timeout} s; screen:\n{self.screen[-3000:]}")
            self._read(0.2)
        chunk, self.seen = self.screen[self.seen:at + len(text)], at + len(text)
        return chunk

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        os.close(self.master)


@pytest.fixture
def env(tmp_path) -> dict:
    e = dict(os.environ, QA_BOT_DOCUMENTS=str(copy_documents(tmp_path)), QA_BOT_INDEX=str(tmp_path / "index"),
             TERM="xterm", PYTHONUNBUFFERED="1")
    e.pop("INPUTRC", None)
    return e


@pytest.fixture
def terminal(env: dict) -> Iterator[Terminal]:
    t = Terminal([sys.executable, "-m", "qa_bot.cli", "chat", "-q"], env)
    yield t
    t.close()


def test_chat_through_a_pseudo_terminal(terminal: Terminal) -> None:
    t = terminal
    assert "/moi" in t.expect(PROMPT)  # the index is built on first use, then the welcome

    t.send(NINTH + "\r")
    first = t.expect(PROMPT)
    assert "Trương Hòa Bình" in first and "Hiểu là" not in first

    t.send(FOLLOW_UP + "\r")  # a follow-up: read with the first turn
    second = t.expect(PROMPT)
    assert "Hiểu là: Phiên họp thứ chín" in second
    assert "/nguon" in second

    t.send("/nguon\r")
    sources = t.expect(PROMPT)
    assert "Nguồn:" in sources and "[1] Phiên họp thứ chín của Ban Chỉ đạo" in sources
    assert f"Câu hỏi: {FOLLOW_UP}" in sources

    # line editing: a typo erased with Backspace; then the line recalled with the Up arrow
    t.send(THIRD[:-1] + " Hà Nội\x7f\x7f\x7f\x7f\x7f\x7f\x7f?\r")
    assert "63 địa phương" in t.expect(PROMPT)
    t.send("\x1b[A\r")
    assert "63 địa phương" in t.expect(PROMPT)
    t.send("/nguon\r")
    assert f"Câu hỏi: {THIRD}\n" in t.expect(PROMPT)  # the question as edited and recalled

    t.send("/moi\r")
    assert "cuộc trò chuyện mới" in t.expect(PROMPT)
    t.send(FOLLOW_UP + "\r")  # the same words, with no earlier turn, are read alone
    assert "Hiểu là" not in t.expect(PROMPT)

    t.send("\x04")  # Ctrl-D leaves
    t.expect("Tạm biệt")
    assert t.proc.wait(timeout=30) == 0


def test_chat_loop_commands_and_errors(shipped_bot: QABot) -> None:  # noqa: F811
    lines = iter(["/nguon", "   ", "/khong-co", NINTH, "Ai chủ trì?", "/nguồn", "x" * 2001, "/mới",
                  "Ai chủ trì?", "/thoat", "không đọc tới"])
    prompts = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return next(lines)

    out = io.StringIO()
    assert chat(shipped_bot, read=read, out=out) == 0
    text = out.getvalue()
    assert prompts == [PROMPT] * 10
    assert "Chưa có câu trả lời nào" in text
    assert "Lệnh không rõ: /khong-co" in text
    assert text.count("Hiểu là: ") == 1  # "Ai chủ trì?" after the ninth session, not after /mới
    assert re.search(r"Hiểu là: Ai chủ trì .*thứ chín", text)
    assert "Câu hỏi: Ai chủ trì?" in text  # /nguồn, spelled with marks
    assert "Chưa thể hỏi: Câu hỏi quá dài (2001 ký tự)" in text
    assert "Đã bắt đầu cuộc trò chuyện mới." in text and text.rstrip().endswith("Tạm biệt.")


def test_chat_refuses_a_bad_top_k(shipped_bot: QABot) -> None:  # noqa: F811
    from qa_bot import InputError

    with pytest.raises(InputError, match="top_k"):
        chat(shipped_bot, top_k=0, read=lambda prompt: "", out=io.StringIO())
