"""How much of a question's content a text holds: idf-weighted coverage of its words.

A compound counts as a phrase (half when only its syllables occur apart); with a lexicon, an
abbreviation in the text also matches its full form in the question and the reverse, and a
curated synonym matches too ("tinh giản biên chế" = "cắt giảm biên chế").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lexicon import Lexicon
from .tokens import surface_tokens


@dataclass
class Evidence:
    """How well a text covers the question's content words."""

    weight: float  # idf-weighted share of content words found, 0..1
    matched: list[str]


@dataclass(frozen=True)
class Weighed:
    """A question's terms with their weights and a compound's syllables, worked out once per
    question rather than for each text it is compared with (:func:`weigh`)."""

    items: tuple[tuple[str, float, tuple[str, ...]], ...]  # term, weight, syllables of a compound


def weigh(terms: Sequence[str], idf: Callable[[str], float]) -> Weighed:
    """``terms`` with their weights (``idf``, at least 0.1) for :func:`coverage`."""
    return Weighed(tuple((t, max(idf(t), 0.1), tuple(t.split("_")) if "_" in t else ())
                         for t in terms))


def coverage(terms: Sequence[str] | Weighed, text: str | tuple[str, ...],
             idf: Callable[[str], float], variants: Lexicon | None = None) -> Evidence:
    """Idf-weighted share of ``terms`` present in ``text`` (or in several texts read as one, in
    order; a compound counts as a phrase, half if only its syllables occur apart). With a
    lexicon, an abbreviation in the text also matches its full form in the terms and the
    reverse, and a curated synonym matches too. ``terms`` compared with many texts are best
    weighed once (:func:`weigh`)."""
    plan = terms if isinstance(terms, Weighed) else weigh(terms, idf)
    hay, words = _haystack(text, variants)
    total = got = 0.0
    matched = []
    for t, w, parts in plan.items:
        total += w
        if t in words:  # every syllable of the text is one of its words
            got += w
            matched.append(t)
        elif parts:  # a phrase only where all its syllables are, else half their share
            present = 0
            for p in parts:
                present += p in words
            if present == len(parts) and _has_phrase(hay, t):
                got += w
                matched.append(t)
            else:
                got += 0.5 * w * present / len(parts)
    return Evidence(got / total if total else 0.0, matched)


#: Sino-Vietnamese prefixes that make another word, often the opposite, of the compound they
#: open: "bất động sản" is no "động sản", "bất hợp pháp" no "hợp pháp", "vô hiệu", "phi pháp".
_PREFIXES = (" bất", " vô", " phi")


def _has_phrase(hay: str, term: str) -> bool:
    """True when the compound ``term`` occurs in ``hay`` as itself, not behind a prefix that
    makes it another word."""
    phrase = f" {term.replace('_', ' ')} "
    at = hay.find(phrase)
    while at >= 0:
        if not hay.endswith(_PREFIXES, 0, at):  # no copy of the text before
            return True
        at = hay.find(phrase, at + 1)
    return False


#: The letter and digit runs of a word written with both ("internet2" -> "internet", "2").
_ALNUM_PARTS = re.compile(r"\d+|[^\W\d_]+")


def _haystack(text: str | tuple[str, ...], variants: Lexicon | None) -> tuple[str, frozenset[str]]:
    """The text's syllables as one spaced string (abbreviation and synonym variants appended)
    and the set of its tokens; for several texts read as one (a clause with its heading), the
    views of the parts joined, so that each part's view is made once (:func:`_part_view`)."""
    if isinstance(text, str):
        core, words, extra = _part_view(text, variants)
        return f" {core} {extra}", words
    views = [_part_view(t, variants) for t in text if t]
    core = " ".join(v[0] for v in views if v[0])
    return f" {core} {''.join(v[2] for v in views)}", frozenset().union(*(v[1] for v in views))


@functools.lru_cache(maxsize=8192)
def _part_view(text: str, variants: Lexicon | None) -> tuple[str, frozenset[str], str]:
    """One text's syllables spaced, its tokens, and its abbreviation and synonym variants (each
    as ``"| a b "``). Passages are immutable and the same sentences are read for many questions,
    so the view is kept for the last few thousand texts (the lexicon is part of the key: a
    rebuilt index brings a new one)."""
    syls, plain = text_view(text)
    words = set(plain)
    for syl in syls:  # "Internet2", "CO2": questions are segmented "internet" + "2", "co" + "2"
        if not syl.isalpha() and not syl.isdigit() and len(parts := _ALNUM_PARTS.findall(syl)) > 1:
            words.update(parts)
    extra = ""
    if variants is not None:
        abbreviations, synonyms = variants.variants(syls)
        for phrase in abbreviations + synonyms:
            extra += "| " + " ".join(phrase) + " "
            words.update(phrase)
    return " ".join(syls), frozenset(words), extra


@functools.lru_cache(maxsize=4096)
def text_view(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """:func:`~qa_bot.tokens.surface_tokens` of ``text``, immutable and kept for the last few
    thousand texts (answering reads the same passage sentences for many questions)."""
    syls, words = surface_tokens(text)
    return tuple(syls), frozenset(words)
