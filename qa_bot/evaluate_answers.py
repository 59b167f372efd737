"""Answer quality on a BEIR-layout folder that has gold answers (``answers.jsonl``).

The set's corpus is indexed as :func:`qa_bot.evaluate.evaluate` does (temporary folder), a
:class:`QABot` answers every ``qrels/test.tsv`` query that has gold answers, and the answers are
scored: does the answer text contain a gold answer, is the first citation's document relevant,
how many questions are answered, how long the answers are.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .bot import InputError, ProgressFn, QABot, open_index
from .config import Settings
from .errors import DatasetError
from .evaluate import load_beir, read_jsonl
from .models import ANSWERED, NOT_FOUND, Answer

_MARKER = re.compile(r"(?:^|\s+)\[\d+\](?=\s|$)")  # " [n]" as the composer writes it, not "TOEIC[450]"
_BULLET = re.compile(r"^[ \t]*- ", re.MULTILINE)
_SPACE = re.compile(r"\s+")


def load_answers(folder: str | Path) -> dict[str, list[str]]:
    """Gold answers by query id from ``answers.jsonl`` (``{"_id": qid, "answers": [str]}``)."""
    path = Path(folder) / "answers.jsonl"
    if not path.is_file():
        raise DatasetError(f"{folder}: không có answers.jsonl nên không có đáp án chuẩn để so sánh",
                           f"{folder}: no answers.jsonl, so no gold answers to compare with")
    gold: dict[str, list[str]] = {}
    for row in read_jsonl(path):
        answers = [str(a) for a in row.get("answers") or [] if str(a).strip()]
        if answers:
            gold[str(row["_id"])] = answers
    return gold


def strip_markers(answer: str) -> str:
    """The answer text without its `` [n]`` citation markers."""
    return _MARKER.sub("", answer).strip()


def answer_text(answer: str) -> str:
    """The answer text without its ``[n]`` markers and leading ``- `` list bullets."""
    return _BULLET.sub("", strip_markers(answer)).strip()


def normalize(text: str) -> str:
    """The comparison form: NFC, lower case, whitespace collapsed to single spaces."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).lower()).strip()


def has_gold(answer: Answer, gold: list[str]) -> bool:
    """True if the answer text contains one of the gold strings, both in :func:`normalize` form
    (markers and bullets removed first); a not-found answer never does, a partial one may."""
    if answer.status == NOT_FOUND:
        return False
    text = normalize(answer_text(answer.answer))
    return any(normalize(g) in text for g in gold if normalize(g))


def _number(x: float) -> int | float:
    """``x`` as an int when whole (a median of lengths), else rounded to 4 places."""
    return int(x) if float(x).is_integer() else round(x, 4)


def evaluate_answers(
    folder: str | Path,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
    transform: Callable[[str], str] | None = None,
    limit: int | None = None,
    misses: list[dict] | None = None,
    question_progress: ProgressFn | None = None,
) -> dict:
    """Index a BEIR set in a temporary folder, ask its questions that have gold answers, and
    return ``{"dataset", "queries", "answer_has_gold", "first_citation_relevant", "answered",
    "median_answer_chars"}``.

    ``progress`` follows the index build and ``question_progress`` the questions, both as
    ``(done, total)``; ``transform`` rewrites each question first (e.g. strip its diacritics);
    ``limit`` keeps the first N questions. Each question whose answer misses every gold string is
    appended to ``misses`` (question, gold, answer, first citation, relevant documents).
    The index is rebuilt on every call, so the function can be re-run after code changes.
    """
    folder = Path(folder)
    gold = load_answers(folder)
    docs, queries, qrels = load_beir(folder)
    asked = [q for q in qrels if q in queries and q in gold][:limit]
    if not asked:
        raise DatasetError(f"{folder}: không câu hỏi nào của qrels/test.tsv có cả nội dung và đáp án chuẩn",
                           f"{folder}: no query of qrels/test.tsv has both a text and gold answers")
    hits = cited = answered = 0
    lengths: list[int] = []
    with tempfile.TemporaryDirectory(prefix="qa-bot-eval-answers-") as tmp:
        settings = replace(settings or Settings(), index_dir=Path(tmp))
        bot = QABot(open_index(settings, docs, progress=progress), settings)
        for done, qid in enumerate(asked, 1):
            question = transform(queries[qid]) if transform else queries[qid]
            try:
                answer = bot.ask(question)
            except InputError as exc:  # e.g. a question over the length limit: a miss
                answer = Answer(question, str(exc), False)
            relevant = sorted(d for d, g in qrels[qid].items() if g > 0)
            first = answer.citations[0].hit.document.doc_id if answer.citations else None
            ok = has_gold(answer, gold[qid])
            hits += ok
            cited += first in relevant
            if answer.status == ANSWERED:
                answered += 1
                lengths.append(len(strip_markers(answer.answer)))
            if not ok and misses is not None:
                misses.append({"_id": qid, "question": question, "gold": gold[qid],
                               "status": answer.status, "answer": answer.answer,
                               "first_citation": first, "relevant": relevant})
            if question_progress:
                question_progress(done, len(asked))
    n = len(asked)
    return {
        "dataset": folder.name,
        "queries": n,
        "answer_has_gold": round(hits / n, 4),
        "first_citation_relevant": round(cited / n, 4),
        "answered": round(answered / n, 4),
        "median_answer_chars": _number(statistics.median(lengths)) if lengths else 0,
    }


__all__ = ["answer_text", "evaluate_answers", "has_gold", "load_answers", "normalize", "strip_markers"]
