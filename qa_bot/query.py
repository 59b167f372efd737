"""Understand a question as people type it: restore missing diacritics, expand abbreviations and
synonyms, notice the year, session or "what was required" it asks about.

The result, a :class:`Query`, carries the tokens the retriever scores with and the hints the
answer composer uses. Nothing here touches the index beyond its lexicon and diacritics model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .diacritics import DiacriticRestorer, strip_diacritics
from .lexicon import Lexicon, syllables
from .normalize import nfc, normalize_word
from .tokens import query_tokens, segment_words, split_tokens, strip_question_words

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
#: "What did X require / emphasise / direct?" ("Ban Chỉ đạo" is a name, not a verb).
_DIRECTIVE = re.compile(
    r"(?<!ban )\b(yêu cầu|nhấn mạnh|chỉ đạo|đề nghị|lưu ý|đề ra|giao)\b(\s+\S+){0,4}?\s+"
    r"(gì|những gì|điều gì|nội dung gì|việc gì|nhiệm vụ gì|những (nội dung|nhiệm vụ|việc|điều) nào|"
    r"ra sao|thế nào)(?!\w)"
)
#: Share of a question's restorable syllables that must lack marks before it is treated as typed
#: without diacritics (Vietnamese prose has marks on most syllables).
UNACCENTED_SHARE = 0.5


@dataclass
class Query:
    """A question as the retriever understood it."""

    text: str  # as typed (NFC, stripped)
    search_text: str  # what was tokenized: restored diacritics, question words removed
    tokens: list[str]  # words: compounds, single syllables, numbers, ordinals, dates
    #: syllables of the question's compound words (scored at a lower weight)
    syllable_tokens: list[str] = field(default_factory=list)
    #: extra tokens from abbreviations (full weight) and synonyms (lower weight)
    variant_tokens: list[str] = field(default_factory=list)
    synonym_tokens: list[str] = field(default_factory=list)
    year: int | None = None  # hard filter (user's choice)
    doc_ids: list[str] = field(default_factory=list)  # hard filter (user's choice)
    year_hint: int | None = None  # a year the question names: preferred, not required
    directive: bool = False  # asks what was required / emphasised / directed
    restored: bool = False


def looks_unaccented(text: str) -> bool:
    """True when most syllables that could carry a mark carry none (typed without diacritics)."""
    words = [w for w in re.findall(r"[^\W\d_]+", nfc(text).lower()) if len(w) > 1]
    if not words:
        return False
    bare = sum(strip_diacritics(w) == w for w in words)
    return bare / len(words) >= UNACCENTED_SHARE


class QueryAnalyzer:
    """Turns question strings into :class:`Query` objects for one index."""

    def __init__(self, lexicon: Lexicon | None = None,  # restorer: loaded on first use
                 restorer: Callable[[], DiacriticRestorer | None] | None = None,
                 segment: Callable[[str], list[str]] = segment_words) -> None:
        self.lexicon = lexicon or Lexicon()
        self.restorer = restorer
        self.segment = segment

    def restore(self, text: str) -> tuple[str, bool]:
        """``text`` with its missing diacritics restored when it was typed without them."""
        if self.restorer is None or not looks_unaccented(text):
            return text, False  # accented questions never load the model
        restorer = self.restorer()
        return (restorer.restore_text(text), True) if restorer is not None else (text, False)

    def _phrase_tokens(self, phrase: Sequence[str]) -> list[str]:
        words, extra = split_tokens(" ".join(phrase), self.segment)
        return words + extra

    def analyze(self, question: str, year: int | None = None,
                doc_ids: Sequence[str] | None = None) -> Query:
        text = nfc(question).strip()
        restored_text, restored = self.restore(text)
        search_text = strip_question_words(restored_text)
        tokens, syllable_tokens = query_tokens(restored_text, self.segment)
        abbr, syn = self.lexicon.variants(syllables(search_text))
        variant_tokens = [t for phrase in abbr for t in self._phrase_tokens(phrase)]
        synonym_tokens = [t for phrase in syn for t in self._phrase_tokens(phrase)]
        hint = _YEAR.search(text)
        return Query(
            text=text,
            search_text=search_text,
            tokens=tokens,
            syllable_tokens=syllable_tokens,
            variant_tokens=[t for t in variant_tokens if t not in tokens],
            synonym_tokens=[t for t in synonym_tokens if t not in tokens],
            year=year,
            doc_ids=list(doc_ids or []),
            year_hint=int(hint.group(1)) if hint else None,
            directive=bool(_DIRECTIVE.search(" ".join(normalize_word(w) for w in restored_text.split()))),
            restored=restored,
        )
