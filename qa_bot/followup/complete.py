"""Building the standalone question from a reference or an ellipsis.

Reference words are replaced by what the latest frame holds of their class (a person reference
also keeps the meeting). A question with no subject of its own gets the frame's subject in front;
its meeting, document, place, body, person and year are added where the question has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..normalize import fold
from .cues import Reference
from .frames import Analyze, Frame
from .phrases import lower_first, put_subject, upper_first
from .sentence import structure, tags
from .words import (
    BODY,
    CLASS_NOUNS,
    DOCUMENT,
    DOCUMENT_HEADS,
    EVENT,
    EVENT_HEADS,
    JOIN,
    PERSON,
    PLACE,
    ROLE,
    TIME,
    TITLE_START_RE,
    TOPIC,
)

#: The anchors a completed question takes, in the order they are added.
ANCHORS = (EVENT, DOCUMENT, BODY, PLACE, PERSON)


def antecedent(cls: str, noun: str, frames: list[Frame], carried: dict) -> str | None:
    """What a reference of class ``cls`` points to, from the latest frame that has one."""
    for frame in reversed(frames):
        phrase = None
        if cls == PERSON:
            phrase = _person(noun, frame)
        elif cls == PLACE:
            name = frame.answer_entity.get(PLACE) or frame.anchors.get(PLACE)
            if name:
                phrase = f"{noun} {name}" if noun in ("tỉnh", "thành phố", "điểm cầu", "huyện", "xã") \
                    else name
        elif cls == BODY:
            bodies = [b for b in (frame.answer_entity.get(BODY), frame.anchors.get(BODY)) if b]
            subject = frame.subject or ""
            if frame.subject_class == BODY and fold(subject).startswith(fold(noun)):
                bodies.insert(0, subject)
            phrase = next((b for b in bodies if fold(b).startswith(fold(noun))), None) \
                or (bodies[0] if bodies else None)
            if phrase is None and frame.subject_class == BODY:
                phrase = frame.subject
        elif cls == TIME:  # "năm đó" is a year, of whichever turn named one last
            named = [f.years or f.answer_years for f in reversed(frames) if f.years or f.answer_years]
            years = frame.years or frame.answer_years or (named[0] if named and noun == "năm" else [])
            if years:
                phrase = f"năm {years[-1]}"
                carried.setdefault("years", [years[-1]])
            elif frame.anchors.get(EVENT):
                phrase = "tại " + frame.anchors[EVENT]
        elif cls == EVENT:
            phrase = frame.anchors.get(EVENT) or frame.anchors.get(DOCUMENT)
            if phrase is None and frame.subject_class in (EVENT, DOCUMENT):
                phrase = frame.subject
            if phrase and frame.sessions and frame.anchors.get(EVENT):
                carried.setdefault("sessions", [frame.sessions[-1]])
        elif cls == DOCUMENT:
            phrase = frame.anchors.get(DOCUMENT) or frame.anchors.get(EVENT)
            if phrase is None and frame.subject_class in (EVENT, DOCUMENT):
                phrase = frame.subject
            if phrase and frame.sessions and not frame.anchors.get(DOCUMENT):
                carried.setdefault("sessions", [frame.sessions[-1]])
        if phrase:
            return phrase
    return None


def _person(noun: str, frame: Frame) -> str | None:
    """The person "ông ấy" / "bà ấy" / "người đó" points to in ``frame``: one the answer named
    when the question asked who, else one the question named, else its role. A middle name
    "Thị" is a woman's ("bà", "chị"), "Văn" a man's ("ông", "anh"); a name said without a title
    takes the pronoun's ("ông Nguyễn Văn Sơn")."""
    people = frame.answer_people or [p for p in (frame.anchors.get(PERSON),) if p]
    if noun in ("bà", "chị"):
        people = [p for p in people if re.search(r"\bThị\b", p)] or people
    elif noun in ("ông", "anh"):
        people = [p for p in people if not re.search(r"\bThị\b", p)] or people
    if not people:
        return frame.anchors.get(ROLE) or None
    person = people[0]
    if noun in ("ông", "bà", "đồng chí", "anh", "chị") and not TITLE_START_RE.match(fold(person)):
        person = f"{noun} {person}"
    return person


def substitute(s: str, refs: list[Reference], frames: list[Frame], carried: dict) -> str:
    """``s`` with the words of ``refs`` replaced by what they point to in ``frames``."""
    out, pos = [], 0
    for cls, a, b in refs:
        if cls == TOPIC:  # "mô hình đó" -> "mô hình <what the last turn was about>"
            about = frames[-1].subject or frames[-1].anchor(ANCHORS)
            if about:
                noun = s[a:b].split()[:-1]
                lead = " ".join(noun) + " "
                carried[TOPIC] = about
                out.append(s[pos:a])
                out.append(lead + (lower_first(about) if not fold(about).startswith(fold(lead))
                                   else about[len(lead):]))
                pos = b
            continue
        f = fold(s[a:b])
        noun = next((n for n in sorted(CLASS_NOUNS.get(cls, ()), key=len, reverse=True)
                     if f.startswith(fold(n) + " ")), f.split()[0])
        phrase = antecedent(cls, noun, frames, carried)
        if phrase is None and cls in (EVENT, DOCUMENT) and (
                actor := frames[-1].actor() or frames[-1].anchors.get(ROLE)):
            phrase = f"{s[a:b].split()[0]} {' '.join(s[a:b].split()[1:-1])} {JOIN[PERSON]} {actor}"
            phrase = " ".join(phrase.split())
        if phrase is None and cls in (BODY, PLACE, PERSON) and frames[-1].subject \
                and frames[-1].subject_class in (BODY, PLACE, PERSON, TOPIC):
            phrase = frames[-1].subject
        if phrase is None:
            continue
        if s[a:b].lower().startswith(("ở ", "tại ", "nơi ", "o ", "tai ")) and cls in (PLACE, EVENT):
            phrase = s[a:b].split()[0] + " " + phrase
        carried[cls] = phrase
        out.append(s[pos:a])
        out.append(upper_first(phrase) if a == 0 else lower_first(phrase))
        pos = b
    out.append(s[pos:])
    return "".join(out)


def complete(analyze: Analyze, s: str, frame: Frame, carried: dict) -> str:
    """A question without a subject or constraint of its own, completed from ``frame``."""
    start, subject, clause = structure(s)
    if start == "verb":
        lead = frame.subject
        if lead is None:
            lead = frame.anchor(ANCHORS)
            if lead is None and frame.answer_entity:
                lead = next(iter(frame.answer_entity.values()))
        if lead:
            carried["subject"] = lead
            _note_values(analyze, lead, carried)
            s = put_subject(s, lead, clause)
    elif frame.subject and frame.subject_class not in (ROLE, PERSON) and not (
            subject and fold(frame.subject) in fold(subject)):
        carried["object"] = frame.subject
        _note_values(analyze, frame.subject, carried)
        s = append(s, frame.subject, frame.subject_class or TOPIC)
    return add_anchors(analyze, s, frame, carried)


def append(s: str, phrase: str, cls: str) -> str:
    """``s`` with ``phrase`` (of class ``cls``) added at its end, joined by its preposition."""
    core = s.rstrip(" ?.")
    toks = tags(core)
    last = toks[-1] if toks else None
    join = "" if last is not None and last.tag == "V" and cls in (DOCUMENT, EVENT, TOPIC) \
        else JOIN.get(cls, "về") + " "
    return f"{core} {join}{lower_first(phrase)}" + s[len(core):]


def add_anchors(analyze: Analyze, s: str, frame: Frame, carried: dict,
                classes: Sequence[str] = ANCHORS) -> str:
    """Add the frame's meeting, document, place, body, person and year that the question lacks."""
    q = analyze(s)
    f = fold(s)
    lacks = {EVENT: not (q.sessions or q.event_years or re.search(rf"\b({EVENT_HEADS})\b", f)),
             DOCUMENT: not (q.doc_numbers or re.search(rf"\b({DOCUMENT_HEADS})\b", f)),
             BODY: not q.bodies, PLACE: not q.places, PERSON: not q.people}
    for cls in classes:
        phrase = frame.anchors.get(cls)
        if not phrase or not lacks.get(cls) or fold(phrase) in f:
            continue
        if cls == DOCUMENT and frame.anchors.get(EVENT) and fold(frame.anchors[EVENT]) in fold(s):
            continue
        carried[cls] = phrase
        _note_values(analyze, phrase, carried)
        s = append(s, phrase, cls)
        f = fold(s)
        q = analyze(s)
    if EVENT in classes and frame.query.years and not q.years and not q.event_years:
        year = frame.query.years[-1]
        if str(year) not in s:
            carried["years"] = [year]
            clause = structure(s)[2]
            s = s[:clause] + f"Năm {year}, " + lower_first(s[clause:]) if clause == 0 \
                else s[:clause] + f"năm {year}, " + s[clause:]
    return s


def _note_values(analyze: Analyze, phrase: str, carried: dict) -> None:
    """Record the session and year ``phrase`` carries over."""
    pq = analyze(phrase)
    if pq.sessions:
        carried.setdefault("sessions", pq.sessions[-1:])
    if pq.years or pq.event_years:
        carried.setdefault("years", (pq.years + pq.event_years)[-1:])


