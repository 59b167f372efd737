"""Vietnamese syllables: folding (diacritics removed, đ -> d), one tone-mark convention
(hoà = hòa, thuỷ = thủy) and tokenizing into normalised syllables.

Pure string functions with no model; :mod:`qa_bot.diacritics` restores diacritics on top of them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD_RE = re.compile(r"\w+")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = "aăâeêioôơuưy"
_MODIFIED_VOWELS = frozenset("ăâêôơư")
_SYLLABLE_RE = re.compile(rf"([^\W\d_{_VOWELS}]*)([{_VOWELS}]+)([^\W\d_{_VOWELS}]*)")


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character on first use."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐ":
            folded = "d" if char == "đ" else "D"
        else:
            marks = unicodedata.normalize("NFD", char)
            folded = unicodedata.normalize(
                "NFC", "".join(c for c in marks if not unicodedata.combining(c))
            )
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def strip_diacritics(text: str) -> str:
    """Remove tone and vowel marks and map đ/Đ to d/D; NFC in, NFC out.

    Each precomposed letter maps to exactly one letter, so for NFC Vietnamese text the output has
    the input's length and offsets carry over. Stray combining marks that NFC could not compose
    onto a base letter are dropped.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLD)


@lru_cache(maxsize=4096)
def _split_tone(char: str) -> tuple[str, str]:
    """Split one NFC character into (the character without tone mark, the tone mark or "")."""
    marks = unicodedata.normalize("NFD", char)
    tones = [c for c in marks if c in _TONE_MARKS]
    if not tones:
        return char, ""
    rest = "".join(c for c in marks if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", rest), tones[0]


@lru_cache(maxsize=65536)
def normalize_tone(word: str) -> str:
    """Put the tone mark of one NFC syllable in the "old style" place (hòa, thủy, khỏe, quả).

    In the vowel nucleus (after the onsets "qu" and "gi" when another vowel follows), the tone
    goes on the last vowel with a vowel mark (ă â ê ô ơ ư: thuyền, người); else on the last vowel
    when a final consonant follows (hoàn, toán); else on the middle of three vowels (hoài, khuỷu)
    or the first of two (hòa, thủy, mùa). Case and length are preserved. Words that are not one
    Vietnamese-looking syllable, or carry no or several tone marks, are returned unchanged.
    """
    if word.isascii():
        return word
    parts = [_split_tone(c) for c in word]
    toned = [i for i, (_, tone) in enumerate(parts) if tone]
    if len(toned) != 1:
        return word
    bare = "".join(base for base, _ in parts)
    lower = bare.lower()
    match = _SYLLABLE_RE.fullmatch(lower)
    if match is None or len(lower) != len(word):
        return word
    onset, start, end = match.group(1), match.start(2), match.end(2)
    if end - start > 1 and (onset, lower[start]) in {("q", "u"), ("g", "i")}:
        start += 1  # the u of "qu" and the i of "gi" belong to the onset
    nucleus = lower[start:end]
    marked = [i for i, vowel in enumerate(nucleus) if vowel in _MODIFIED_VOWELS]
    if marked:
        position = marked[-1]
    elif len(nucleus) == 1 or end < len(lower):
        position = len(nucleus) - 1
    else:
        position = 1 if len(nucleus) == 3 else 0
    source, target = toned[0], start + position
    if source == target:
        return word
    moved = unicodedata.normalize("NFC", bare[target] + parts[source][1])
    if len(moved) != 1:
        return word
    return bare[:target] + moved + bare[target + 1 :]


def tokenize(text: str) -> list[str]:
    """Lowercase, tone-normalised syllables (``\\w+`` runs) of a text, as :meth:`fit` expects."""
    text = unicodedata.normalize("NFC", text).lower()
    return [normalize_tone(word) for word in _WORD_RE.findall(text)]


__all__ = ["normalize_tone", "strip_diacritics", "tokenize"]
