"""What an earlier turn was about: a :class:`Frame` of its standalone question and its answer.

A frame holds the single question analysis of :mod:`qa_bot.query` (session, year, province, body,
person, document number), the meeting or document the question names, its subject (the noun phrase
before the verb) and the entity its answer gave when it asked for one ("Ai chủ trì ...?" -> the
person the answer names).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from .. import language as L
from ..normalize import fold
from ..query import Query, bodies_named, people_named, places_named
from .phrases import place_name, session_phrase, sessions_in, surface, with_title
from .sentence import head_phrase, structure
from .words import (
    BODY,
    BODY_HEADS,
    DOCUMENT,
    DOCUMENT_HEADS,
    EVENT,
    EVENT_HEADS,
    PERSON,
    PLACE,
    ROLE,
    ROLE_SUBJECT_RE,
    TOPIC,
    alternation,
)

#: A question analyser: ``analyze(text) -> Query``.
Analyze = Callable[[str], Query]


def analysis(analyze: Analyze, text: str) -> Query:
    """The question analysis, with the session ordinals of :func:`sessions_in` (which also reads
    "thứ chín?" with the question mark attached)."""
    q = analyze(text)
    if not q.sessions:
        found = list(dict.fromkeys(n for n, *_ in sessions_in(q.restored_text or q.text)))
        if found:
            q = replace(q, sessions=found)
    return q


@dataclass
class Frame:
    """What one turn was about: its standalone question, analysis, subject and anchors."""

    question: str
    query: Query
    subject: str | None = None
    subject_class: str | None = None
    #: anchor class -> phrase to add to a question ("phiên họp thứ chín", "Hà Giang", ...)
    anchors: dict[str, str] = field(default_factory=dict)
    #: the person / place / body the answer gave when the question asked for one
    answer_entity: dict[str, str] = field(default_factory=dict)
    answer_people: list[str] = field(default_factory=list)
    answer_years: list[int] = field(default_factory=list)

    @property
    def sessions(self) -> list[int]:
        """The session ordinals the question names."""
        return self.query.sessions

    @property
    def years(self) -> list[int]:
        """The years the question names, the meeting's year included."""
        return list(dict.fromkeys(self.query.years + self.query.event_years))

    def anchor(self, classes: Sequence[str]) -> str | None:
        """The first of the frame's anchors of ``classes``, in that order, or None."""
        return next((self.anchors[c] for c in classes if self.anchors.get(c)), None)

    def actor(self) -> str | None:
        """Who acted: the subject when that is a place, body, person or role, else the place, body
        or person the question names."""
        if self.subject and self.subject_class in (PLACE, BODY, PERSON, ROLE):
            return self.subject
        return self.anchor((PLACE, BODY, PERSON))


def build_frame(analyze: Analyze, question: str, answer: str) -> Frame:
    """The frame of a turn from its standalone ``question`` and its ``answer`` (``analyze`` is
    :func:`analysis` bound to the analyser)."""
    q = analyze(question)
    s = " ".join((q.restored_text or question).split())
    frame = Frame(question=s, query=q)
    start, subject, _ = structure(s)
    if start == "noun" and subject:
        frame.subject = subject
        frame.subject_class = class_of(analyze, subject)
    f = fold(s)
    if q.sessions:
        frame.anchors[EVENT] = session_phrase(s, q.sessions[-1])
    elif q.event_years and (m := L.EVENT_YEAR.search(f)):
        frame.anchors[EVENT] = s[m.start():m.end()]
    elif phrase := head_phrase(s, EVENT_HEADS):
        frame.anchors[EVENT] = phrase
    if phrase := head_phrase(s, DOCUMENT_HEADS):
        frame.anchors[DOCUMENT] = phrase
    if q.places:
        frame.anchors[PLACE] = place_name(q.places[-1])
    if q.bodies:
        frame.anchors[BODY] = surface(s, q.bodies[-1])
    if q.people:
        frame.anchors[PERSON] = with_title(s, q.people[-1])
    elif frame.subject_class == ROLE:
        frame.anchors[ROLE] = frame.subject or ""
    _answer_entity(frame, answer)
    if frame.subject_class in (EVENT, DOCUMENT) and (anchor := frame.anchors.get(frame.subject_class)) \
            and fold(anchor) in fold(frame.subject or ""):
        frame.subject = anchor  # "Phiên họp thứ chín" rather than all the words before the verb
    return frame


def class_of(analyze: Analyze, phrase: str) -> str:
    """What ``phrase`` names: a meeting, document, person, role, place, body or else a topic."""
    f = fold(phrase)
    pq = analyze(phrase)
    if pq.sessions or pq.event_years or re.match(rf"^({EVENT_HEADS})\b", f):
        return EVENT
    if re.match(rf"^({DOCUMENT_HEADS})\b", f) or pq.doc_numbers:
        return DOCUMENT
    if pq.people:
        return PERSON
    if ROLE_SUBJECT_RE.match(f):
        return ROLE
    if pq.places:
        return PLACE
    if pq.bodies or re.match(rf"({alternation(BODY_HEADS)})(?!\w)", f):
        return BODY
    return TOPIC


def _answer_entity(frame: Frame, answer: str) -> None:
    """The person, place or body the answer gave when the question asked for one."""
    lines = [ln.strip(" -") for ln in (answer or "").splitlines() if ln.strip()]
    skip = ("Xin lỗi", "Ghi chú", "Xem thêm", "Tài liệu không")  # not-found, notes, what is missing
    lines = [ln for ln in lines if not ln.startswith(skip)]
    if not lines:
        return
    first = re.sub(r"\s*\[\d+\]", "", lines[0])
    first = re.split(r"(?<=[.!?])\s+", first)[0]
    kind = frame.query.kind
    if not frame.sessions and re.search(r"\bthu (may|bao nhieu)\b", fold(frame.question)) \
            and (found := sessions_in(first)):
        frame.anchors[EVENT] = session_phrase(first, found[0][0])
        frame.query = replace(frame.query, sessions=[found[0][0]])
    if kind == L.PERSON and (people := people_named(first)):
        asked = {fold(p) for p in frame.query.people}
        people = [p for p in people if fold(p) not in asked] or people
        people.sort(key=lambda p: -_described(first, p, people, frame.query))
        frame.answer_people = [with_title(first, p) for p in people]
        frame.answer_entity[PERSON] = frame.answer_people[0]
    elif kind == L.PLACE and (places := places_named(fold(first), people_named(first))):
        frame.answer_entity[PLACE] = place_name(places[0])
    elif kind == L.ORGANISATION and (bodies := bodies_named(first)):
        frame.answer_entity[BODY] = surface(first, bodies[0])
    elif kind == L.DATE and not frame.years:
        frame.answer_years = [int(m.group(1)) for m in L.YEAR.finditer(first)][:1]


def _described(text: str, name: str, people: list[str], q: Query) -> int:
    """How many of the question's words the answer writes next to ``name`` (its title and
    apposition, up to the next name or ";"): "Ai là Phó Chủ tịch Thường trực ...?" picks the
    person the answer calls that."""
    i = text.find(name)
    if i < 0:
        return 0
    j = min([text.find(p, i + len(name)) for p in people if text.find(p, i + len(name)) > 0]
            + [k for k in (text.find(";", i),) if k > 0] + [len(text)])
    near = fold(text[max(0, i - 40):j])
    words = {w for t in q.content for w in fold(t).split("_") if len(w) > 1}
    return sum(re.search(rf"\b{re.escape(w)}\b", near) is not None for w in words)
