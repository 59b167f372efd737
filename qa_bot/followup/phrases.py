"""Text helpers of the rewrite: capitals, session ordinals, and names as a question writes them."""

from __future__ import annotations

import re

from .. import language as L
from ..normalize import fold, normalize_word
from ..tokens import number_value
from .words import CLASS_NOUNS, CLASS_WORDS, EVENT, ORDINAL_WORDS, ROMAN, TITLE_BEFORE_RE, alternation


def lower_first(text: str) -> str:
    """``text`` with a lower-case first letter, unless it starts a name ("Hà Giang", "Sở Tư pháp")
    or an abbreviation ("UBND")."""
    words = text.split()
    if not words or (len(words[0]) > 1 and words[0].isupper()) or L.BODY_CASED.match(text) or (
            len(words) > 1 and words[1][:1].isupper() and normalize_word(words[0]) not in CLASS_WORDS):
        return text
    return text[:1].lower() + text[1:]


def lower_verb(text: str) -> str:
    """``text`` (starting with a verb) with a lower-case first letter, unless an abbreviation."""
    first = text.split()[0] if text.split() else ""
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """``text`` with an upper-case first letter."""
    return text[:1].upper() + text[1:]


def put_subject(s: str, subject: str, clause: int) -> str:
    """``subject`` put in front of the verb that starts the main clause of ``s`` (at ``clause``)."""
    return s[:clause] + (upper_first(subject) if clause == 0 else lower_first(subject)) + " " + \
        lower_verb(s[clause:])


def sessions_in(s: str) -> list[tuple[int, int, int, int]]:
    """(ordinal, start of the phrase, start of the ordinal, end of the ordinal) of every session
    ordinal in ``s`` ("phiên họp thứ chín", "phiên thứ 7")."""
    out = []
    for m in L.SESSION.finditer(fold(s)):
        words = list(re.finditer(r"\w+", s[m.start(3):m.end(3)]))
        val = number_value([normalize_word(w.group(0)) for w in words])
        if val is None and words and fold(words[0].group(0)) in ROMAN:
            val = (ROMAN[fold(words[0].group(0))], 1)
        if val:
            out.append((val[0], m.start(), m.start(3), m.start(3) + words[val[1] - 1].end()))
    return out


def surface(s: str, folded_name: str) -> str:
    """``folded_name`` as ``s`` writes it (with its marks), or itself when ``s`` does not hold it."""
    i = fold(s).find(folded_name)
    return s[i:i + len(folded_name)] if i >= 0 else folded_name


def place_name(folded: str) -> str:
    """A province's name with its marks, from its folded form."""
    return next((p for p in L.PROVINCES if fold(p) == folded), folded.title())


def with_title(s: str, name: str) -> str:
    """A person's name with the title written just before it ("Bí thư Tỉnh ủy Vũ Đại Thắng")."""
    i = s.find(name)
    if i < 0:
        return name
    m = TITLE_BEFORE_RE.search(fold(s[:i]))
    return (s[m.start():i] + name) if m else name


def session_phrase(s: str, n: int) -> str:
    """The session as the question named it ("phiên họp thứ chín", "hội nghị phiên thứ 7"):
    the meeting's own words retrieve best."""
    for val, start, _, end in sessions_in(s):
        if val == n:
            phrase = s[start:end]
            head = re.search(rf"(?<!\w)({alternation(CLASS_NOUNS[EVENT][2:])})(?!\w)", fold(s[:start]))
            if fold(phrase).startswith("phien thu") and head:
                phrase = s[head.start():head.end()] + " " + phrase
            return lower_first(phrase)
    return f"phiên họp thứ {ORDINAL_WORDS.get(n, n)}"
