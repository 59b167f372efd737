"""The errors qa-bot raises on purpose, one family under :class:`QABotError`.

``str(error)`` is the message users see, in Vietnamese (the CLI prints it, the API returns it as
``{"error": ...}``); ``error.detail`` is the English detail for the logs (``--log-level debug``).

    try:
        bot = QABot.from_directory("documents")
    except QABotError as exc:
        print(exc)                   # Không tìm thấy thư mục tài liệu: documents
        log.debug(exc.detail)        # documents folder not found: documents
"""

from __future__ import annotations


class QABotError(Exception):
    """Base of every error qa-bot raises on purpose: a Vietnamese message, an English detail."""

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or message


class InputError(QABotError, ValueError):
    """Bad input from a user: empty question, out-of-range ``top_k``, unknown document id, bad flag."""


class DocumentError(QABotError, ValueError):
    """A documents folder or file that cannot be read; the message names the file and the problem."""


class IndexDamagedError(QABotError, RuntimeError):
    """An index folder that cannot be read (missing or truncated files, unreadable manifest).
    ``qa-bot index --force`` rebuilds it from the documents."""


class DatasetError(QABotError, ValueError):
    """A folder that is not a readable BEIR-layout evaluation set."""


__all__ = ["DatasetError", "DocumentError", "IndexDamagedError", "InputError", "QABotError"]
