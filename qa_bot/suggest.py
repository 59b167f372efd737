"""Suggested follow-up questions: two or three questions about the document an answer cites, each
asked before it is offered, so that only questions the bot answers are suggested.

    from qa_bot.suggest import suggest_followups
    first = bot.ask("Phiên họp thứ chín do ai chủ trì?")
    suggest_followups(bot, [first.to_dict()])
    # ['Phiên họp đó yêu cầu những gì?', 'Phiên họp đó chỉ ra những hạn chế gì?', ...]

Rules (no model), read from the document the latest answer cites first:

- what the document is: a meeting when its title or lead names one ("phiên họp", "hội nghị",
  "cuộc họp", "buổi làm việc"), else a plan or another text when they name that kind ("kế hoạch",
  "chỉ thị", ...). Questions name it the way a conversation would: "phiên họp đó" once the
  conversation talks of a meeting (:mod:`qa_bot.followup` resolves it against the earlier turns),
  "phiên họp thứ 7" when the document numbers its session and the conversation has not named it;
- questions of the genre, each when the document holds its key word: who chaired the meeting
  ("chủ trì"), what was required ("yêu cầu"), which shortcomings it names ("hạn chế", "tồn tại"),
  which tasks it sets ("nhiệm vụ"), when the meeting took place;
- figures: a clause "<...> <number> <noun>" of the document becomes "<...> bao nhiêu <noun>?"
  ("Năm 2020, toàn tỉnh đã tiếp nhận 1.072.639 hồ sơ" -> "Năm 2020, toàn tỉnh đã tiếp nhận bao
  nhiêu hồ sơ?"); years, dates, ordinals, shares, document numbers and parts ("1 trong 2") count
  nothing, and a clause must start with its own subject.

A candidate is offered when ``bot.ask(candidate, history=turns)`` is ``answered``, cites the same
document first and says something no earlier turn said (its first line differs); a figure question
must also give its figure and stand alone (no subject added from the conversation). At most
``max_checks`` candidates are asked, within ``budget`` seconds (an answer takes milliseconds), so
suggesting adds little to an answer's latency.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .errors import InputError
from .followup import MAX_ANSWER_CHARS, MAX_TURNS
from .models import ANSWERED, Answer
from .normalize import fold

#: Meeting nouns, most specific first (the first one the title or lead names is used).
MEETING_NOUNS = ("phiên họp", "hội nghị", "cuộc họp", "buổi làm việc", "kỳ họp")
#: Kinds of text a title or lead may name.
DOCUMENT_NOUNS = ("kế hoạch", "chỉ thị", "nghị quyết", "nghị định", "quyết định", "chương trình",
                  "đề án", "báo cáo", "thông báo", "công văn")
#: (key words the document must hold, question with ``{ref}`` for the meeting or text, meeting only)
TEMPLATES: tuple[tuple[tuple[str, ...], str, bool], ...] = (
    (("chủ trì",), "Ai chủ trì {ref}?", True),
    (("yêu cầu",), "{Ref} yêu cầu những gì?", False),
    (("hạn chế", "tồn tại"), "{Ref} chỉ ra những hạn chế gì?", False),
    (("nhiệm vụ",), "{Ref} đề ra những nhiệm vụ gì?", False),
    ((), "{Ref} diễn ra khi nào?", True),
)
#: Words that end the noun counted after a number ("57 nhóm nhiệm vụ trong kế hoạch").
_NOUN_STOP = frozenset((
    "của", "và", "với", "trong", "trên", "tại", "theo", "để", "thuộc", "được", "đã", "là", "cho", "so",
    "từ", "đến", "tới", "gồm", "có", "đạt", "như", "này", "đó", "về", "nhằm", "khi", "thì", "sẽ", "liên",
    "tăng", "giảm", "trở", "đang"))
#: Words a clause cannot start with (it would have no subject of its own).
_BAD_START = frozenset(("là", "được", "đã", "có", "đạt", "với", "trong", "và", "của", "cho", "như", "thì",
                        "trên", "tới", "đến"))
#: A number that counts something: not a year, a date, a share, a decimal or a document number.
_FIGURE = re.compile(r"(?<![\w/.,-])(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/%-]|[.,]\d)\s+(?=[^\W\d])")
#: Words right before a number that make it an ordinal, a date, a rank or a part ("1 trong 2").
_NOT_A_COUNT = re.compile(r"(?<!\w)(?:thứ|số|ngày|năm|tháng|giai đoạn|khóa|phiên|lần thứ|đợt|top|hạng|"
                          r"mức|điều|khoản|chương|mục|quý|trong|cả|\d+)\s*$", re.IGNORECASE)
_SESSION = re.compile(r"phiên(?: họp)? thứ ([^\W\d]+|\d+)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
MAX_CLAUSE_WORDS, MAX_NOUN_WORDS = 16, 4


class Asker(Protocol):
    """What suggesting needs of a :class:`qa_bot.QABot`."""

    def ask(self, question: str, top_k: int | None = None, year: int | None = None,
            doc_ids: Sequence[str] | None = None, history: Sequence | None = None) -> Answer: ...

    def document(self, doc_id: str) -> dict | None: ...


@dataclass(frozen=True)
class Candidate:
    """A suggested question; ``figure``: the number its answer must give (figure questions)."""

    question: str
    figure: str | None = None


def _first_doc(turn: Mapping) -> str | None:
    """The document the turn's answer cites first (its first used citation)."""
    for c in turn.get("citations") or ():
        if c.get("used"):
            return c.get("doc_id")
    return None


def _named(nouns: Sequence[str], text: str) -> str | None:
    f = fold(text)
    return next((n for n in nouns if re.search(rf"(?<!\w){fold(n)}(?!\w)", f)), None)


def _clause(before: str) -> str | None:
    """The clause that ends at a number: from the sentence start, or from its last comma when the
    sentence is long (not inside a list); None when it has no subject of its own."""
    clause = re.split(r"[;:()]", before)[-1].strip()
    if len(clause.split()) > MAX_CLAUSE_WORDS:
        parts = clause.split(",")
        if len(parts) < 2 or len(parts[-2].split()) < 3:  # "các bộ, ngành, địa phương": a list
            return None
        clause = parts[-1].strip()
    words = clause.split()
    if not 3 <= len(words) <= MAX_CLAUSE_WORDS or words[0].lower() in _BAD_START:
        return None
    return clause[:1].upper() + clause[1:]


def _noun(after: str) -> str | None:
    """The noun a number counts: the words after it up to a stop word or punctuation."""
    noun: list[str] = []
    for w in after.split():
        bare = w.split("/")[0].rstrip(".,;:!?…)\"”")
        if not bare or not bare[0].isalpha() or bare.lower() in _NOUN_STOP:
            break
        noun.append(bare)
        if bare != w or len(noun) > MAX_NOUN_WORDS:
            break
    return " ".join(noun) if 0 < len(noun) <= MAX_NOUN_WORDS else None


def _counts(text: str) -> list[re.Match]:
    """The numbers of ``text`` that count something."""
    return [m for m in _FIGURE.finditer(text) if not _NOT_A_COUNT.search(text[:m.start()])]


def figure_questions(text: str, limit: int = 4) -> list[Candidate]:
    """Questions "<clause> bao nhiêu <noun>?" from the clauses of ``text`` that give a count (and
    give no other count before it)."""
    out: list[Candidate] = []
    for sentence in _SENTENCE_END.split(text):
        for m in _counts(sentence):
            clause = _clause(sentence[:m.start()])
            noun = _noun(sentence[m.end():]) if clause and not _counts(clause) else None
            if clause and noun and not any(c.question.startswith(clause) for c in out):
                out.append(Candidate(f"{clause} bao nhiêu {noun}?", m.group(1)))
            if len(out) >= limit:
                return out
    return out


def _reference(document: Mapping, conversation: str) -> tuple[str, bool] | None:
    """How to name the document's meeting or text in a question, and whether it is a meeting:
    "phiên họp đó" when the conversation already talks of one, "phiên họp thứ 7" when the
    document numbers its session and the conversation does not, else "<noun> đó"."""
    text, title = document.get("text") or "", document.get("title") or ""
    lead = text[:400]
    meeting = _named(MEETING_NOUNS, title) or _named(MEETING_NOUNS, lead)
    kind = meeting or _named(DOCUMENT_NOUNS, title) or _named(DOCUMENT_NOUNS, lead)
    if not kind:
        return None
    session = _SESSION.search(title) or _SESSION.search(lead)
    if meeting and session:
        if not _named(MEETING_NOUNS, conversation):
            return f"phiên họp thứ {session.group(1)}", True
        kind = "phiên họp"
    return f"{kind} đó", bool(meeting)


def candidates(document: Mapping, conversation: str = "") -> list[Candidate]:
    """Follow-up questions about ``document`` (``bot.document(doc_id)``) by the rules above, genre
    questions and figures alternating; ``conversation``: the latest standalone question."""
    ref = _reference(document, conversation)
    folded = fold(document.get("text") or "")
    genre = []
    for keys, template, meeting_only in TEMPLATES if ref else ():
        if (meeting_only and not ref[1]) or (keys and not any(fold(k) in folded for k in keys)):
            continue
        genre.append(Candidate(template.format(ref=ref[0], Ref=ref[0][:1].upper() + ref[0][1:])))
    figures = figure_questions(document.get("text") or "")
    out: list[Candidate] = []
    for i in range(max(len(genre), len(figures))):  # genre, figure, genre, figure, ...
        out.extend(x[i] for x in (genre, figures) if i < len(x))
    return out


def _first_line(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text.strip().split("\n", 1)[0]).strip()


def _acceptable(c: Candidate, answer: Answer, doc_id: str) -> bool:
    """Answered from ``doc_id``; a figure question gives its figure and was not given a subject
    from the conversation (it comes whole from the document)."""
    used = [x for x in answer.citations if x.used]
    if answer.status != ANSWERED or not used or used[0].hit.document.doc_id != doc_id:
        return False
    if c.figure is None:
        return True
    return c.figure in answer.answer and fold(answer.interpreted_as).startswith(fold(c.question[:-1]))


def suggest_followups(bot: Asker, turns: Sequence[Mapping], limit: int = 3, max_checks: int = 6,
                      budget: float = 1.5) -> list[str]:
    """Up to ``limit`` follow-up questions to the conversation ``turns`` (oldest first, each an
    answer object, ``answer.to_dict()``; the last one is the answer just given) that ``bot``
    answers from the document that answer cites first; none when it cites nothing."""
    if not turns:
        return []
    doc_id = _first_doc(turns[-1])
    document = bot.document(doc_id) if doc_id else None
    if document is None:
        return []
    history = [{"question": t.get("question", ""), "answer": (t.get("answer") or "")[:MAX_ANSWER_CHARS]}
               for t in turns[-MAX_TURNS:]]
    asked = {fold(t.get(k) or "") for t in turns for k in ("question", "interpreted_as")}
    said = {_first_line(t.get("answer") or "") for t in turns}
    latest = turns[-1].get("interpreted_as") or turns[-1].get("question") or ""
    out: list[str] = []
    deadline = time.monotonic() + budget
    todo = [c for c in candidates(document, latest) if fold(c.question) not in asked]
    for c in todo[:max_checks]:
        if len(out) >= limit or time.monotonic() > deadline:
            break
        try:
            answer = bot.ask(c.question, history=history)
        except InputError:
            continue
        first = _first_line(answer.answer)
        if _acceptable(c, answer, doc_id) and fold(answer.interpreted_as) not in asked and first not in said:
            out.append(c.question)
            asked.add(fold(answer.interpreted_as))
            said.add(first)
    return out


__all__ = ["MEETING_NOUNS", "TEMPLATES", "Asker", "Candidate", "candidates", "figure_questions",
           "suggest_followups"]
