"""The cues that a question refers back: reference words, a contrast, a connective, ellipsis.

- a *reference*: a class noun and a demonstrative ("phiên đó", "văn bản này", "tỉnh đó", "năm đó",
  "ông ấy", "sở đó"), a locative ("ở đó", "tại đó"), or a bare meeting or document noun ("tại cuộc
  họp", "kế hoạch yêu cầu gì") in a question with no constraint of its own;
- a *contrast*: "còn X (thì sao)?", "X thì sao?", "thế còn X?";
- *ellipsis*: a leading connective ("vậy", "thế", "còn", "rồi"), or no constraint and no subject of
  its own (a question word or a verb first), or only a role as subject ("Thủ tướng yêu cầu gì?").
"""

from __future__ import annotations

import re

from .. import language as L
from ..normalize import fold, normalize_word
from ..query import Query
from .frames import Frame
from .sentence import structure, tags
from .words import (
    AGENT_AFTER_DO_RE,
    BARE_RE,
    CONNECTIVE_RE,
    CONTRAST_END_RE,
    DOCUMENT,
    EVENT,
    FUNCTION_WORDS,
    LOCATIVE_RE,
    MARKED,
    NOUN_CLASS,
    PLACE,
    QUESTION_WORD_RE,
    REFERENCE_RE,
    ROLE_SUBJECT_RE,
)

#: A word that refers back: (class, start, end) in the question.
Reference = tuple[str, int, int]


def marks_ok(text: str, span: tuple[int, int], marked: bool) -> bool:
    """True when the words at ``span`` are the reference words as written with their marks (or
    the question was typed without marks)."""
    if not marked:
        return True
    got = " ".join(normalize_word(w) for w in text[span[0]:span[1]].split())
    want = MARKED.get(fold(got))
    return want is None or got == normalize_word(want) or got == " ".join(
        normalize_word(w) for w in want.split())


def contrast_of(s: str, marked: bool) -> str | None:
    """X of "còn X (thì sao)?", "X thì sao?", "thế còn X?", or None."""
    core = s.strip().rstrip("?.!… ").strip()
    f = fold(core)
    m = re.match(r"^(?:(?:vay|the|nhung|va)\s+)?(?P<con>con)\s+", f)
    x_start = None
    if m and (not marked or normalize_word(core[m.start("con"):m.end("con")]) == "còn"):
        x_start = m.end()  # "còn X", not "con số ..."
    end = CONTRAST_END_RE.search(f)
    if x_start is None:
        if not (end and re.search(r"thi (sao|the nao|nhu the nao|ra sao)", f[end.start():])):
            return None
        x_start = 0
    x = core[x_start:end.start() if end and end.start() > x_start else len(core)].strip(" ,")
    if not x or len(x.split()) > 12 or QUESTION_WORD_RE.search(fold(x)):
        return None
    return x


def strip_connective(s: str, marked: bool) -> tuple[str, bool]:
    """``s`` without a leading connective ("Vậy ...", "Còn ..."), and whether it had one."""
    m = CONNECTIVE_RE.match(fold(s))
    if not m or not marks_ok(s, m.span("con"), marked):
        return s, False
    rest = s[m.end():].strip()
    if len(rest.split()) < 2:
        return s, False
    return rest, True


def references(s: str, marked: bool, q: Query, frame: Frame) -> list[Reference]:
    """(class, start, end) of the words that refer back."""
    f = fold(s)
    out = []
    for m in REFERENCE_RE.finditer(f):
        noun, dem = m.group("noun"), m.group("dem")
        if not marks_ok(s, m.span("noun"), marked) or not marks_ok(s, m.span("dem"), marked):
            continue
        if not marked and dem == "do" and (AGENT_AFTER_DO_RE.match(f[m.end():])
                                           or re.match(r"\s*[A-ZĐ]", s[m.end():])):
            continue  # "phien hop do ai chu tri": "do" is "by", not "đó"
        if not marked and noun == "nam" and dem == "nay":
            continue  # "nam nay": this year (the analysis reads it), not "năm này"
        out.append((NOUN_CLASS[noun], m.start(), m.end()))
    for m in LOCATIVE_RE.finditer(f):
        if marks_ok(s, m.span("loc"), marked) and not any(a <= m.start() < b for _, a, b in out):
            out.append((PLACE if frame.anchors.get(PLACE) or frame.answer_entity.get(PLACE) else EVENT,
                        m.start(), m.end()))
    if not out and not q.constrained:
        out = _bare_references(s, frame)
    return sorted(out, key=lambda r: r[1])


def _bare_references(s: str, frame: Frame) -> list[Reference]:
    """A meeting or document noun with no modifier ("tại cuộc họp?", "Kế hoạch yêu cầu gì?"),
    when the conversation is about one."""
    out = []
    toks = tags(s)
    for m in BARE_RE.finditer(fold(s)):
        cls = NOUN_CLASS[m.group("noun")]
        if not frame.anchors.get(cls) and not (cls == DOCUMENT and frame.anchors.get(EVENT)):
            continue
        nxt = next((t for t in toks if t.start >= m.end()), None)
        if nxt is None or nxt.tag in ("V", "R", "P", "CH") or fold(nxt.word) in (
                "duoc", "da", "co", "la", "do", "nay"):
            out.append((cls, m.start(), m.end()))
            break
    return out


def elliptical(s: str, q: Query) -> bool:
    """No constraint and no subject of its own (or only a role as subject), and short."""
    if q.constrained:
        return False
    start, subject, _ = structure(s)
    content = sum(t.replace("_", " ") not in FUNCTION_WORDS for t in q.content)
    if start == "question":
        return content <= 4
    if start == "verb":
        return content <= 5
    if subject and ROLE_SUBJECT_RE.match(fold(subject)):
        return content <= 5
    return content <= 2 and q.kind != L.DEFINITION
