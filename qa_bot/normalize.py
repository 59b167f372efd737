"""Text normalisation for matching: NFC, one tone-mark convention, case, diacritic folding.

Only tokens are normalised; the document text that is displayed and cited keeps its original
form, so offsets stay exact.
"""

from __future__ import annotations

import functools
import unicodedata

from .tones import normalize_tone, strip_diacritics


def nfc(text: str) -> str:
    """Unicode NFC (composed characters), as every document and query is stored."""
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """Lower-cased NFC word with tone marks placed one way (hoà -> hòa, thuỷ -> thủy)."""
    return normalize_tone(nfc(word).lower())


def fold(text: str) -> str:
    """Lower case without any diacritic (đ -> d): the form people type in a hurry."""
    if len(text) <= _FOLD_CACHED_CHARS:  # answering folds the same sentences again and again
        return _fold_cached(text)
    return strip_diacritics(nfc(text).lower())


_FOLD_CACHED_CHARS = 4000


@functools.lru_cache(maxsize=8192)
def _fold_cached(text: str) -> str:
    return strip_diacritics(nfc(text).lower())


def has_diacritics(text: str) -> bool:
    """True if any letter of ``text`` carries a Vietnamese mark or is đ."""
    return fold(text) != nfc(text).lower()
