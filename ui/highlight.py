"""Which words of a question to highlight in a passage, and the highlighting itself (escaped HTML)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qa_bot.normalize import fold, has_diacritics, normalize_word

from .text import esc

#: Function words and question words: not worth highlighting in a passage.
_STOP = frozenset(
    """của và các là có được cho với những tới đến trong này đã do thì mà ở tại về từ theo như một
    khi nào ai gì bao nhiêu mấy đâu sao không hay hoặc nhé ạ hả vậy thế ra vào lên bị bởi để đó
    nay năm cũng sẽ đang rằng nên vì hãy xin hỏi biết cái việc điều người""".split()
)
_STOP_FOLDED = frozenset(fold(w) for w in _STOP)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Terms:
    """What to highlight: ``phrases`` are tuples of normalised syllables (one syllable for a single
    word); ``folded``: compare without diacritics (a question typed without any, when the bot's
    own reading of it is not available)."""

    phrases: tuple[tuple[str, ...], ...]
    folded: bool = False

    def key(self, word: str) -> str:
        return fold(word) if self.folded else normalize_word(word)


def _keep(word: str, folded: bool) -> bool:
    n = normalize_word(word)
    if n in _STOP or (folded and fold(word) in _STOP_FOLDED):
        return False
    return len(n) >= 2 or n.isdigit()


def highlight_terms(question: str, tokens: Sequence[str] | None = None) -> Terms:
    """The question's words worth highlighting. ``tokens``: the question as the bot understood it
    (``QABot.query(q).tokens``: compounds joined by ``_``, diacritics restored); else the words of
    the question itself."""
    if tokens:
        phrases = []
        for t in tokens:
            parts = tuple(normalize_word(p) for p in str(t).split("_") if p)
            if not parts or (len(parts) == 1 and not _keep(parts[0], False)):
                continue
            if parts not in phrases:
                phrases.append(parts)
        return Terms(tuple(phrases), folded=False)
    folded = not has_diacritics(question)
    words = []
    for w in _WORD.findall(question):
        k = fold(w) if folded else normalize_word(w)
        if _keep(w, folded) and (k,) not in words:
            words.append((k,))
    return Terms(tuple(words), folded)


def highlight(text: str, terms: Terms | None) -> str:
    """``text`` escaped, with the question's words and phrases in ``<mark>`` (adjacent ones merged)."""
    if not terms or not terms.phrases:
        return esc(text)
    words = list(_WORD.finditer(text))
    keys = [terms.key(m.group()) for m in words]
    phrases = sorted(terms.phrases, key=len, reverse=True)
    spans: list[list[int]] = []
    i = 0
    while i < len(words):
        size = next((len(p) for p in phrases if tuple(keys[i:i + len(p)]) == p
                     and all(text[words[j].end():words[j + 1].start()] in (" ", "-")
                             for j in range(i, i + len(p) - 1))), 0)
        if not size:
            i += 1
            continue
        s, e = words[i].start(), words[i + size - 1].end()
        if spans and text[spans[-1][1]:s] == " ":
            spans[-1][1] = e
        else:
            spans.append([s, e])
        i += size
    out, pos = [], 0
    for s, e in spans:
        out.append(esc(text[pos:s]))
        out.append(f"<mark>{esc(text[s:e])}</mark>")
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)


def terms_of(turn: dict) -> Terms:
    """The highlight terms stored with a conversation turn (else the question's own words)."""
    t = turn.get("terms")
    if isinstance(t, Terms):
        return t
    if isinstance(t, dict):
        return Terms(tuple(tuple(p) for p in t.get("phrases", [])), bool(t.get("folded")))
    return highlight_terms(turn.get("question", ""))


__all__ = ["Terms", "highlight", "highlight_terms", "terms_of"]
