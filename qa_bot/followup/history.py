"""A conversation's history: its limits and its validation into :class:`Turn` objects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import InputError

#: Limits of a conversation's history (``POST /api/ask`` answers 422 beyond them).
MAX_TURNS = 10
MAX_ANSWER_CHARS = 5_000


@dataclass(frozen=True)
class Turn:
    """One earlier turn of a conversation."""

    question: str
    answer: str


def validate_history(history: object, max_turns: int = MAX_TURNS,
                     max_answer_chars: int = MAX_ANSWER_CHARS,
                     max_question_chars: int = 2000) -> list[Turn]:
    """The earlier turns as :class:`Turn` objects, or :class:`InputError` with a Vietnamese message.

    ``history`` is a list (oldest first) of mappings with a ``question`` and an ``answer`` string
    (other keys, such as the rest of an answer's JSON, are ignored) or of objects with those
    attributes (an :class:`qa_bot.models.Answer`). ``None`` is no history.
    """
    if history is None:
        return []
    if isinstance(history, (str, bytes, Mapping)) or not isinstance(history, Sequence):
        raise InputError("Lịch sử hội thoại (history) phải là một danh sách các lượt hỏi đáp "
                         '{"question": ..., "answer": ...}, lượt cũ nhất trước.')
    if len(history) > max_turns:
        raise InputError(f"Lịch sử hội thoại quá dài ({len(history)} lượt); tối đa {max_turns} lượt "
                         "gần nhất.")
    turns = []
    for i, item in enumerate(history, 1):
        if isinstance(item, Mapping):
            question, answer = item.get("question"), item.get("answer")
        else:
            question, answer = getattr(item, "question", None), getattr(item, "answer", None)
        if not isinstance(question, str) or not isinstance(answer, str):
            raise InputError(f'Lượt {i} của lịch sử hội thoại phải có dạng {{"question": "...", '
                             f'"answer": "..."}} (hai chuỗi ký tự).')
        if not question.strip():
            raise InputError(f"Lượt {i} của lịch sử hội thoại có câu hỏi trống.")
        if len(question) > max_question_chars:
            raise InputError(f"Câu hỏi ở lượt {i} của lịch sử hội thoại quá dài ({len(question)} ký tự); "
                             f"tối đa {max_question_chars} ký tự.")
        if len(answer) > max_answer_chars:
            raise InputError(f"Câu trả lời ở lượt {i} của lịch sử hội thoại quá dài ({len(answer)} ký tự); "
                             f"tối đa {max_answer_chars} ký tự.")
        turns.append(Turn(question, answer))
    return turns
