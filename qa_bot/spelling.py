"""Spelling variants of one Vietnamese syllable that write the same word: a question typed "đăng
kí", "lí thuyết", "chuyên nghành" is looked up as the documents write it ("đăng ký", "lý thuyết",
"chuyên ngành").

Only variants that keep the word are made: the two accepted spellings of a final i / y after a
consonant ("kí" / "ký", "lí" / "lý", "kì" / "kỳ"), and the onset spelling rules ("ngh", "gh" and
"k" stand before i, e, ê only; "ng", "g" and "c" before the other vowels). A syllable the corpus
knows is left alone, and a variant replaces it only when the corpus knows the variant.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from .diacritics import strip_diacritics, viet74k_words
from .normalize import normalize_word

_I_Y = str.maketrans("iìíỉĩịyỳýỷỹỵ", "yỳýỷỹỵiìíỉĩị")
#: Consonant onset, then one i or y (any tone), nothing after it ("kí", "lý", "mỹ"; not "gì").
_FINAL_IY = re.compile(r"(?:b|ch|c|d|đ|h|kh|k|l|m|nh|n|ph|p|qu|r|s|th|tr|t|v|x)[iìíỉĩịyỳýỷỹỵ]")
_FRONT = "iìíỉĩịyỳýỷỹỵeèéẻẽẹêềếểễệ"
_WORD = re.compile(r"\w+")


_VOWEL = re.compile(r"[aăâeêioôơuưy]")
#: (onset as written, as it should be, True: the rule's vowels are i, e, ê / False: the others)
_ONSETS = (("ngh", "ng", False), ("gh", "g", False), ("k", "c", False), ("ng", "ngh", True),
           ("c", "k", True))


def _onset_variant(syllable: str) -> str | None:
    """The syllable with its onset spelled by the rule for the vowel after it, if it was not."""
    for wrong, right, front in _ONSETS:
        rest = syllable[len(wrong):]
        if syllable.startswith(wrong) and rest and _VOWEL.match(_base(rest[0])) and (
                (rest[0] in _FRONT) == front):
            return right + rest
    return None


def _base(char: str) -> str:
    """A letter without its tone mark (its vowel mark kept: "ệ" -> "ê")."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", char) if c not in "\u0300\u0301\u0303\u0309\u0323"))


def variants(syllable: str) -> list[str]:
    """Other spellings of one normalised syllable (see the module docstring)."""
    out = []
    if _FINAL_IY.fullmatch(syllable):
        out.append(syllable[:-1] + syllable[-1].translate(_I_Y))
    if (onset := _onset_variant(syllable)) is not None:
        out.append(onset)
    return out


def respell(text: str, known: Callable[[str], bool], acronym: Callable[[str], bool] | None = None) -> str:
    """``text`` with each syllable written as the corpus writes it when the corpus knows a variant
    (:func:`variants`) of it but not the syllable as typed, or knows a word the variant makes
    with a neighbour but not the one the syllable makes ("lí thuyết" -> "lý thuyết"). The case of
    the first letter is kept. An acronym of capitals the corpus does not know is read as the one
    ``acronym`` (spelt out by the corpus or the curated list, lower case) a letter apart."""
    found = list(_WORD.finditer(text))
    low = [normalize_word(m.group(0)) for m in found]
    parts, at = [], 0
    for i, m in enumerate(found):
        before, after = low[i - 1] if i else None, low[i + 1] if i + 1 < len(low) else None
        word = m.group(0)
        new = _known_spelling(low[i], before, after, known)
        if new == low[i] and acronym is not None and len(word) == ACRONYM_LETTERS and word.isupper():
            new = _acronym_spelling(low[i], known, acronym)
            if new != low[i]:  # "THCP" -> "TCHP", in capitals as typed
                parts += [text[at:m.start()], new.upper()]
                at = m.end()
                continue
        if new == low[i] and word[0].isupper():
            new = _name_spelling(low[i], known)
        parts += [text[at:m.start()], new[0].upper() + new[1:] if new != low[i] and word[0].isupper()
                  else new if new != low[i] else word]
        at = m.end()
    return "".join(parts) + text[at:]


def _known_spelling(word: str, before: str | None, after: str | None,
                    known: Callable[[str], bool]) -> str:
    """``word``, or the variant of it the corpus knows (alone or with its neighbour)."""
    def words(w: str) -> list[str]:  # the compounds ``w`` makes with its neighbours
        return [f"{before}_{w}"] * (before is not None) + [f"{w}_{after}"] * (after is not None)

    for v in variants(word):
        if (known(v) and not known(word)) or any(
                known(cv) and not known(cw) for cw, cv in zip(words(word), words(v), strict=True)):
            return v
    if not known(word) and words(word):  # a slipped tone mark ("tối thiều", "xứ lý"): only when the
        fits = [v for v in tone_variants(word)  # corrected syllable makes a word with a neighbour
                if any(known(c) for c in words(v))]
        if len(fits) == 1:
            return fits[0]
    return word


#: Shortest foreign name (letters) read as a slip of a name the corpus writes one letter apart.
NAME_LETTERS = 5
_ASCII_NAME = re.compile(r"[a-z]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: A foreign letter's marked forms: a name typed without its mark ("Maiziere": "Maizière").
_ACCENTED = {"a": "àáâä", "e": "èéêë", "i": "ìíîï", "o": "òóôö", "u": "ùúûü", "c": "ç", "n": "ñ"}


@functools.cache
def _unmarked_syllables() -> frozenset[str]:
    """Every syllable of the Viet74K word list without its marks ("quang", "thanh"), lower case."""
    return frozenset(strip_diacritics(s) for line in viet74k_words() for s in line.lower().split())


def load_tables() -> None:
    """Build the word tables read lazily (the unmarked syllables of the word list), so that no
    question pays for them (``QABot.warm_up``)."""
    _unmarked_syllables()


def _name_spelling(word: str, known: Callable[[str], bool]) -> str:
    """A capitalised foreign name the corpus does not know, as the corpus writes it when exactly
    one known word is one letter apart (a letter left out, added, changed or two swapped, or a
    letter's mark left out: "Bedigo" -> "Bendigo", "Shelly" -> "Shelley", "Maiziere" -> "Maizière");
    else ``word``."""
    if len(word) < NAME_LETTERS or not _ASCII_NAME.fullmatch(word) or known(word) \
            or word in _unmarked_syllables():
        return word  # "Quang Binh" typed without marks: a Vietnamese name, not a foreign one's slip
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS + _ACCENTED.get(b[0], "")}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    edits.discard(word)
    fits = [e for e in edits if known(e)]
    return fits[0] if len(fits) == 1 else word


#: Length of an acronym (all capitals) read as a slip of one the corpus writes one letter apart.
ACRONYM_LETTERS = 4


def _acronym_spelling(word: str, known: Callable[[str], bool], acronym: Callable[[str], bool]) -> str:
    """An acronym of :data:`ACRONYM_LETTERS` capitals the corpus does not know, as the one
    ``acronym`` (an acronym the documents spell out, "Tín chỉ học phí (TCHP)", or a curated one)
    with two of its letters swapped or one changed ("THCP" -> "TCHP", "TPHP" -> "TCHP") when
    exactly one fits; else ``word``. A letter added or left out is another acronym (its letters
    are initials), a word of the syllable list is no acronym, and a name the documents never spell
    out ("ARPANET và SITA") is left to the name rule."""
    if not _ASCII_NAME.fullmatch(word) or known(word) or word in _unmarked_syllables():
        return word
    splits = [(word[:i], word[i:]) for i in range(len(word))]
    edits = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits for c in _LETTERS}
    edits.discard(word)
    fits = [e for e in edits if acronym(e)]
    return fits[0] if len(fits) == 1 else word


_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def tone_variants(syllable: str) -> list[str]:
    """The syllable with each other tone mark (on the vowel that carries its mark), if it has one."""
    decomposed = unicodedata.normalize("NFD", syllable)
    marks = [i for i, c in enumerate(decomposed) if c in _TONES[1:]]
    if len(marks) != 1:
        return []
    at = marks[0]
    out = []
    for tone in _TONES:
        if tone != decomposed[at]:
            out.append(unicodedata.normalize("NFC", decomposed[:at] + tone + decomposed[at + 1:]))
    return out


__all__ = ["respell", "variants"]
