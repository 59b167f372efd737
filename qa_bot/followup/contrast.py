"""A contrast ("còn X (thì sao)?", "X thì sao?", "thế còn X?"): the previous standalone question is
asked again with X in place of what X replaces: its year, session, province, person, body or
document number, a role for a role, otherwise the thing it asked about ("bao nhiêu X")."""

from __future__ import annotations

import re

from .. import language as L
from ..normalize import fold
from .complete import append
from .frames import Analyze, Frame
from .phrases import lower_first, place_name, session_phrase, sessions_in, surface, with_title
from .words import (
    BODY,
    DOCUMENT,
    EVENT,
    JOIN,
    PERSON,
    PLACE,
    PREPOSITION_RE,
    QUANTITY_NOUNS,
    ROLE,
    TITLE_START_RE,
    TOPIC,
    alternation,
)


def apply_contrast(analyze: Analyze, x: str, frame: Frame, carried: dict) -> str:
    """The previous standalone question with X in the place of what X replaces."""
    base = frame.question
    bq = frame.query
    xq = analyze(x)
    out = base
    done = False
    x_years = xq.years + xq.event_years
    if x_years:
        b_years = bq.years + bq.event_years
        if b_years:
            for y in b_years:
                out = re.sub(rf"(?<!\d){y}(?!\d)", str(x_years[0]), out)
        else:
            out = f"Năm {x_years[0]}, " + lower_first(out)
        done = True
    if xq.sessions:
        out = _replace_session(out, xq.sessions[0], x)
        done = True
    if xq.places:
        name = place_name(xq.places[0])
        old = [p for p in bq.places]
        if old:
            for p in old:
                i = fold(out).find(p)
                if i >= 0:
                    out = out[:i] + name + out[i + len(p):]
        else:
            out = _replace_actor(out, name, frame, PLACE)
        done = True
    role = TITLE_START_RE.match(fold(x))
    if xq.people or role:
        new = with_title(x, xq.people[0]) if xq.people else x[:role.end()]
        out = _swap(out, new, with_title(out, bq.people[-1]) if bq.people else None, frame, PERSON)
        done = True
    if xq.bodies and not done:
        old = surface(out, bq.bodies[-1]) if bq.bodies else None
        out = _swap(out, surface(x, xq.bodies[0]), old, frame, BODY)
        done = True
    if not done:
        out = _replace_asked(out, x, frame)
    for key, values in (("sessions", bq.sessions), ("years", bq.years + bq.event_years)):
        kept = [v for v in values if str(v) in out or key == "sessions"]
        if kept and not (key == "sessions" and xq.sessions) and not (key == "years" and x_years):
            carried[key] = kept[-1:]
    carried["contrast"] = x
    return out


def _swap(s: str, new: str, old: str | None, frame: Frame, cls: str) -> str:
    """``new`` in place of ``old`` (the person or body the previous question named), else of its actor."""
    return s.replace(old, new, 1) if old is not None else _replace_actor(s, new, frame, cls)


def _replace_actor(s: str, new: str, frame: Frame, cls: str) -> str:
    """``new`` (a place, person or body) in place of the subject of the previous question when
    that was who acted, else added to it."""
    if frame.subject and frame.subject in s and frame.subject_class in (PLACE, BODY, PERSON, ROLE, TOPIC):
        return s.replace(frame.subject, new, 1)
    return append(s, new, cls)


def _replace_session(s: str, n: int, x: str) -> str:
    """``s`` with the session of ``x`` (numbered ``n``) in place of its own, or added."""
    ordinal = session_phrase(x, n).split("thứ ", 1)[1]
    spans = sessions_in(s)
    if spans:
        _, _, a, b = spans[-1]
        return s[:a] + ordinal + s[b:]
    m = L.EVENT_YEAR.search(fold(s))
    if m:
        return s[:m.start()] + f"phiên họp thứ {ordinal}" + s[m.end():]
    return append(s, f"phiên họp thứ {ordinal}", EVENT)


def _replace_asked(s: str, x: str, frame: Frame) -> str:
    """X in place of what the question asked about ("bao nhiêu X", "những X gì"), or of the
    phrase it opens with the same preposition ("còn về X" replaces "về ...")."""
    f = fold(s)
    if (p := PREPOSITION_RE.match(fold(x))) and (m := re.search(rf"(?<!\w){p.group(1)}\s", f)):
        end = re.search(r"\s+(nam \d{4}|tai|o|trong|cua|la|nhu|bao nhieu|gi|nao|the nao|ra sao)\b"
                        r"|\s*[?,]?\s*$", f[m.end():])
        stop = m.end() + (end.start() if end else len(f) - m.end())
        return s[:m.start()] + x + s[stop:]
    years = [y for y in frame.query.years[-1:] if str(y) not in x]
    lead = f"Năm {years[0]}, " if years else ""
    if qn := re.match(rf"({alternation(QUANTITY_NOUNS)})\s+", fold(x)):  # "còn số TTHC ...?"
        who = frame.subject if frame.subject_class in (PLACE, BODY, PERSON, ROLE, EVENT, DOCUMENT) \
            else (frame.anchor((EVENT, DOCUMENT, PLACE, BODY)) or "")
        if lead and who and str(years[0]) in who:
            lead = ""
        asked = f"bao nhiêu {x[qn.end():]}" if qn.group(1) in ("so", "tong so", "so luong") \
            else f"{lower_first(x)} là bao nhiêu"
        return lead + (f"{lower_first(who)} có {asked}?" if who else f"{asked}?")
    m = re.search(r"\b(bao nhieu|may|nhung|cac)\s+(?P<np>.+?)(?=\s+(gi|nao|la gi|trong|tai|o|vao|theo|"
                  r"so voi|nam \d{4})\b|\s*[?,]|\s*$)", f)
    if m and m.group("np").strip():
        a, b = m.span("np")
        return s[:a] + x + s[b:]
    if frame.subject and frame.subject in s and frame.subject_class == TOPIC:
        return s.replace(frame.subject, x, 1)
    where = " ".join(f"{JOIN[c]} {frame.anchors[c]}" for c in (EVENT, PLACE) if frame.anchors.get(c))
    return f"{lead}{lower_first(x) if lead else x} {where} thế nào?".replace("  ", " ")
