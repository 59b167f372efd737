"""Sentence structure: part-of-speech tags corrected by the question analysis, where a question's
subject ends and its main clause starts, and the noun phrase a meeting or document noun heads.

Tags come from underthesea's tagger (it ships in its wheel, nothing is downloaded); named bodies,
people, provinces and meeting nouns are nouns whatever it says, capitalised words inside a question
are names.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass

from ..normalize import fold, normalize_word
from ..query import bodies_named, people_named, places_named
from .phrases import sessions_in
from .words import DOCUMENT_HEADS, EVENT_HEADS, PREDICATE_WORDS, QUESTION_WORD_RE


@dataclass
class Tok:
    """A tagged word and its offsets in the question."""

    word: str
    tag: str
    start: int
    end: int


_POS_LOCK = threading.Lock()


@functools.lru_cache(maxsize=4096)
def _pos(text: str) -> tuple[tuple[str, str], ...]:
    """underthesea's part-of-speech tags (its model is in the wheel; loaded on the first follow-up)."""
    from underthesea import pos_tag

    with _POS_LOCK:  # one tagger shared by the server's threads
        return tuple(pos_tag(text))


def tags(s: str) -> list[Tok]:
    """Part-of-speech tags with offsets, corrected by the question analysis."""
    f = fold(s)
    fixed: list[tuple[int, int]] = []  # spans that are nouns whatever the tagger says
    for m in re.finditer(rf"(?<!\w)({EVENT_HEADS}|{DOCUMENT_HEADS})(?!\w)", f):
        fixed.append(m.span())
    for _, a, _, b in sessions_in(s):
        fixed.append((a, b))
    for name in bodies_named(s) + [fold(p) for p in people_named(s)] + places_named(f, people_named(s)):
        i = f.find(name)
        if i >= 0:
            fixed.append((i, i + len(name)))
    toks, pos = [], 0
    first = s.split()[0] if s.split() else ""
    tagged = s if first.isupper() and len(first) > 1 else s[:1].lower() + s[1:]
    for word, tag in _pos(tagged):
        i = tagged.find(word, pos)
        if i < 0:
            continue
        word = s[i:i + len(word)]
        tok = Tok(word, tag, i, i + len(word))
        pos = tok.end
        if any(a <= tok.start and tok.end <= b for a, b in fixed) or (
                i > 0 and word[:1].isupper() and tag != "CH"):
            tok.tag = "N"
        if normalize_word(word) in PREDICATE_WORDS and not any(a <= tok.start < b for a, b in fixed):
            tok.tag = "V"
        toks.append(tok)
    return toks


def structure(s: str) -> tuple[str, str | None, int]:
    """How the question starts ("question", "verb" or "noun"), its subject, and the offset of
    its main clause (after a fronted "Năm 2023," or "Tại phiên họp đó,")."""
    toks = tags(s)
    i = 0
    if toks and toks[0].tag == "E":  # a fronted phrase: up to its comma, else up to the verb
        comma = next((k for k, t in enumerate(toks) if t.word == ","), None)
        if comma is not None:
            i = comma + 1
        else:
            while i < len(toks) and toks[i].tag not in ("V", "R", "P"):
                i += 1
    elif len(toks) > 1 and fold(toks[0].word) == "nam" and toks[1].word.isdigit():
        i = 2 + (len(toks) > 2 and toks[2].word == ",")
    while i < len(toks) and toks[i].tag == "CH":
        i += 1
    if i >= len(toks):
        return "verb", None, len(s)
    clause = toks[i].start
    rest = fold(s[clause:])
    if QUESTION_WORD_RE.match(rest):
        return "question", None, clause
    if toks[i].tag == "L" and re.match(r"^(nhung|cac)\s+(\S+\s+){1,4}?(nao|gi)\b", rest):
        return "question", None, clause
    if toks[i].tag in ("V", "R", "A", "P"):
        return "verb", None, clause
    j = i
    while j < len(toks):
        t = toks[j]
        if t.tag in ("V", "R", "P") or (t.tag == "CH" and t.word != ","):
            break
        if t.word == "," and (j + 1 >= len(toks) or toks[j + 1].tag not in ("N", "Np", "Nc", "Ny")):
            break
        j += 1
    if j == i:
        return "verb", None, clause
    subject = s[toks[i].start:toks[j - 1].end].strip(" ,")
    return "noun", subject, clause


def head_phrase(s: str, heads: str) -> str | None:
    """The noun phrase a meeting or document noun heads, with its modifiers ("kế hoạch CCHC
    năm 2024 của UBND tỉnh", "buổi làm việc của Bí thư Tỉnh ủy Vũ Đại Thắng về CCHC")."""
    m = re.search(rf"(?<!\w)({heads})(?!\w)", fold(s))
    if not m:
        return None
    toks = [t for t in tags(s) if t.start >= m.end()]
    end = m.end()
    for k, t in enumerate(toks):
        if t.tag in ("V", "R", "P") or (t.tag == "CH" and t.word != ",") or fold(t.word) in (
                "tai", "o", "trong", "theo", "nao"):
            break
        if t.word == "," and (k + 1 >= len(toks) or toks[k + 1].tag not in ("N", "Np", "Ny")):
            break
        end = t.end
    phrase = s[m.start():end].strip(" ,")
    if end == m.end() or QUESTION_WORD_RE.search(fold(phrase)):
        return None  # a bare noun names nothing in particular; "phiên họp thứ mấy" asks
    return phrase
