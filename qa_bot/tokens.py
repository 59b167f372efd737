"""Vietnamese word tokens for the index and for queries.

underthesea joins the syllables of a compound word ("cải cách" -> ``cải_cách``); each token is
lower-cased and tone-normalised. A compound word also contributes its syllables, so that a query
written with a different word split still meets the passage; queries weigh those syllables at
half the weight of whole words (measured on the three public sets, see README). Numbers are
written one way (``1.818`` -> ``1818``), and so are ordinals and dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence

from . import language as L
from .normalize import nfc, normalize_word
from .tones import normalize_tone

_SYLLABLE = re.compile(r"[^\W_]+")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_DECIMAL = re.compile(r"^\d+[.,]\d+$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

#: Interrogatives and fillers of questions: frequent in questions, rare in documents, so left in
#: they would get a high idf and pull the ranking towards the wrong passages ("nhiêu": "bao nhiêu"
#: as typed in chat).
QUESTION_WORDS = frozenset(
    """bao_nhiêu_phần_trăm bao_nhiêu bao_giờ mấy gì nào ai đâu sao vì_sao tại_sao thế_nào như_thế_nào là_gì
    bao_lâu nhiêu khi_nào lúc_nào ở_đâu những_gì cái_gì điều_gì việc_gì hả không ạ nhỉ vậy thế nhé
    hãy cho_biết cho_hỏi xin_hỏi em_hỏi tôi_muốn muốn_biết được_không có_phải có_không""".split()
)


_UNITS = {"một": 1, "mốt": 1, "nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
          "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}


def figure_digits(figure: str) -> str:
    """A figure as its digits, without separators or a percent sign ("1.818" -> "1818", "96,81%"
    -> "9681"): how figures written differently are compared."""
    return figure.rstrip("%").replace(".", "").replace(",", "")


def number_value(words: Sequence[str]) -> tuple[int, int] | None:
    """Value of a Vietnamese number written in words or digits at the start of ``words``, millions
    included ("một triệu không trăm bảy mươi hai nghìn sáu trăm ba mươi chín" -> 1072639; see
    :func:`_below_million`), with how many words it took; None if ``words`` does not start with a
    number."""
    head = _below_million(words)
    if head is None or head[1] >= len(words) or words[head[1]] != _MILLION or head[0] == 0 \
            or words[0].isdecimal():
        return head
    value, used = head[0] * 1_000_000, head[1] + 1  # "một triệu"
    skip = 2 if tuple(words[used:used + 2]) == ("không", _HUNDRED) else 0  # "... không trăm bảy mươi"
    if used + skip < len(words) and not words[used + skip].isdecimal() and (
            rest := _below_million(words[used + skip:])) is not None:
        return value + rest[0], used + skip + rest[1]
    return head  # "hai triệu" alone: texts write "2 triệu", the word stays


_MILLION = "triệu"


def _below_million(words: Sequence[str]) -> tuple[int, int] | None:
    """Value of a Vietnamese number written in words or digits at the start of ``words``
    ("chín" -> 9, "mười một" -> 11, "hai mươi lăm" -> 25, "hai trăm lẻ năm" -> 205, "một nghìn
    tám trăm mười tám" -> 1818, "hai nghìn không trăm hai mươi" -> 2020, "hai nghìn lẻ năm" -> 2005,
    "07" -> 7), with how many words it took; None if ``words`` does
    not start with a number."""
    if not words:
        return None
    if words[0].isdecimal():  # not "²": isdigit() is true of it, int() refuses it
        return int(words[0]), 1
    head = _below_thousand(words)
    if head is None:
        return None
    value, used = head
    if used < len(words) and words[used] in _THOUSAND and head[0] > 0:  # "một nghìn ..."
        value, used = value * 1000, used + 1
        zero_hundreds = tuple(words[used:used + 2]) == ("không", _HUNDRED)  # "hai nghìn không trăm ..."
        used += 2 if zero_hundreds else 0
        if (unit := _odd_unit(words, used)) is not None:
            return value + unit, used + 2  # "hai nghìn lẻ năm", "... không trăm linh năm"
        if zero_hundreds:
            rest = _below_hundred(words[used:])  # "hai nghìn không trăm hai mươi"
            return (value + rest[0], used + rest[1]) if rest is not None else (value, used)
        if used < len(words) and words[used] not in _UNITS_ONLY_ORDINAL and (
                rest := _below_thousand(words[used:])) is not None:
            value, used = value + rest[0], used + rest[1]
    return value, used


def _odd_unit(words: Sequence[str], at: int) -> int | None:
    """The unit of "lẻ năm" / "linh năm" (no tens) at ``at`` in ``words``, else None."""
    if at + 1 < len(words) and words[at] in _ZERO_TENS and words[at + 1] in _UNITS:
        return _UNITS[words[at + 1]]
    return None


_THOUSAND = ("nghìn", "ngàn")
_HUNDRED = "trăm"
_ZERO_TENS = ("lẻ", "linh")
_UNITS_ONLY_ORDINAL = ("nhất", "nhì")


def _below_thousand(words: Sequence[str]) -> tuple[int, int] | None:
    """A number under 1000 in words at the start of ``words`` ("tám trăm mười tám", "ba trăm lẻ
    năm", "bốn mươi sáu", "chín"), with how many words it took."""
    head = _below_hundred(words)
    if head is None or head[1] != 1 or len(words) < 2 or words[1] != _HUNDRED or head[0] >= 10:
        return head
    value, used = head[0] * 100, 2  # "tám trăm"
    if (unit := _odd_unit(words, used)) is not None:
        return value + unit, used + 2  # "lẻ năm"
    if used < len(words) and (rest := _below_hundred(words[used:])) is not None \
            and words[used] not in _UNITS_ONLY_ORDINAL:
        return value + rest[0], used + rest[1]
    return value, used


def _below_hundred(words: Sequence[str]) -> tuple[int, int] | None:
    """A number under 100 in words at the start of ``words`` ("mười một", "hai mươi lăm")."""
    if not words:
        return None
    first = words[0]
    if first == "mười":
        if len(words) > 1 and words[1] in _UNITS and words[1] not in ("nhất", "nhì", "tư"):
            return 10 + _UNITS[words[1]], 2
        return 10, 1
    if first in _UNITS:
        if len(words) > 1 and words[1] == "mươi":
            tens = _UNITS[first] * 10
            if len(words) > 2 and words[2] in _UNITS and words[2] not in ("nhất", "nhì"):
                return tens + _UNITS[words[2]], 3
            return tens, 2
        return _UNITS[first], 1
    return None


def ordinal_tokens(syllables: Sequence[str]) -> list[str]:
    """``thứ_<n>`` for every ordinal ("thứ chín", "thứ 9", "thứ IX" excluded) so that words and
    digits match each other."""
    out = []
    for i, syl in enumerate(syllables):
        if syl == "thứ" and (val := number_value(syllables[i + 1 : i + 4])):
            out.append(f"thứ_{val[0]}")
    return out


_MONTH_WORDS = {"giêng": 1, "chạp": 12}
_DIGIT = re.compile(r"\d")
_DMY = re.compile(r"(?<![\d.,/])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\2(\d{4}))?(?!\d|[.,]\d)")
_DATE_LEAD = re.compile(r"(ngày|chiều|sáng|trưa|tối|đêm|hôm|từ|đến|vào)\s*$")
_DAY_MONTH = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")
_MONTH_YEAR = re.compile(r"\btháng\s+(\d{1,2}|[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*(?:năm\s+|/)(\d{4})\b")


def _month(word: str) -> int | None:
    if word.isdecimal():
        return int(word)
    if word in _MONTH_WORDS:
        return _MONTH_WORDS[word]
    val = number_value(word.split())
    return val[0] if val and val[1] == len(word.split()) else None


def date_tokens(text: str) -> list[str]:
    """Dates in one form whatever way they are written: ``ngày_<d>_<m>`` and ``tháng_<m>_<y>``.

    "15/1/2025", "15-01-2025", "ngày 15 tháng 1 năm 2025" -> ngày_15_1, tháng_1_2025;
    "Chiều 2.2" / "chiều 3-2" (a day word before it) -> ngày_2_2 / ngày_3_2;
    "tháng 2 năm 2024", "tháng hai năm 2024", "tháng 2/2024" -> tháng_2_2024.
    """
    low = text.lower()
    out: list[str] = []

    def add(day: int | None, month: int | None, year: int | None) -> None:
        if month is None or not 1 <= month <= 12:
            return
        if day is not None and 1 <= day <= 31:
            out.append(f"ngày_{day}_{month}")
        if year is not None:
            out.append(f"tháng_{month}_{year}")

    if not _DIGIT.search(low):  # every pattern holds a digit; most sentences have none
        return out
    for m in _DMY.finditer(low):
        year = m.group(4)
        if year or _DATE_LEAD.search(low[max(0, m.start() - 8) : m.start()]):
            add(int(m.group(1)), int(m.group(3)), int(year) if year else None)
    if "ngày" in low:
        for m in _DAY_MONTH.finditer(low):
            add(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    if "tháng" in low:
        for m in _MONTH_YEAR.finditer(low):
            add(None, _month(m.group(1)), int(m.group(2)))
    return list(dict.fromkeys(out))


def _number_token(word: str) -> str | None:
    if _THOUSANDS.match(word):
        return word.replace(".", "")
    if _DECIMAL.match(word):  # 96,81 (Vietnamese) and 96.81 are one token
        return word.replace(".", ",")
    return None


def relative_year_tokens(text: str, year: int | None) -> list[str]:
    """The years ``text`` says relative to its document's ``year``, as tokens: "năm nay" is that
    year, "năm ngoái" the one before, "năm tới" the one after (not "3 năm tới", a span). An
    article's "Năm nay, Ban Chỉ đạo thống nhất ..." then meets a question about that year."""
    if year is None:
        return []
    low = nfc(text).lower()
    return [str(year + offset) for pattern, offset in L.TEXT_RELATIVE_YEARS for m in pattern.finditer(low)
            if not L.YEAR_SPAN_BEFORE.search(low[max(0, m.start() - 12) : m.start()])]


def segment_words(text: str) -> list[str]:
    """underthesea's word segmentation (:mod:`qa_bot.segment`: its model, decoded faster; imported
    on first use: underthesea is slow to import)."""
    from .segment import segmenter

    return segmenter()(text)


_RAW = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")


def vocabulary_segmenter(vocab: Container[str], longest: int = 4) -> Callable[[str], list[str]]:
    """A fast segmenter for questions: greedy longest match of syllables against the compound words
    an index knows, so that answering needs no segmentation model (see README for its measured
    cost in quality and gain in start-up time)."""

    def segment(text: str) -> list[str]:
        raw = _RAW.findall(text)
        out: list[str] = []
        i = 0
        while i < len(raw):
            for n in range(min(longest, len(raw) - i), 1, -1):
                piece = raw[i : i + n]
                if all(p.isalpha() for p in piece) and "_".join(map(normalize_word, piece)) in vocab:
                    out.append(" ".join(piece))
                    i += n
                    break
            else:
                out.append(raw[i])
                i += 1
        return out

    return segment


def split_tokens(text: str, segment: Callable[[str], list[str]] = segment_words,
                 ) -> tuple[list[str], list[str]]:
    """Tokens of ``text`` in two lists: words (compounds joined by ``_``, single syllables, numbers,
    ordinals, dates) and the syllables of its compound words."""
    words: list[str] = []
    extra: list[str] = []
    stream: list[str] = []
    known = _WORDS
    for word in segment(text):
        entry = known.get(word)
        if entry is None:
            if len(known) >= _WORDS_KEPT:
                known.clear()
            entry = known[word] = _word_entry(word)
        words.extend(entry[0])
        extra.extend(entry[1])
        stream.extend(entry[2])
    return words + ordinal_tokens(stream) + date_tokens(text), extra


#: What :func:`split_tokens` makes of each segmenter word, remembered (a corpus repeats its words).
_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
_WORDS_KEPT = 200_000


def _word_entry(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The tokens of one segmenter word: its words, the syllables of its compounds, and all
    its syllables in order (for ordinals)."""
    words: list[str] = []
    extra: list[str] = []
    stream: list[str] = []
    for piece in _pieces([word]):
        parts = _SYLLABLE.findall(piece)
        stream.extend(parts)
        if (number := _number_token(piece)) is not None:
            words.append(number)
        elif len(parts) == 1:
            words.append(parts[0])
        elif parts:
            words.append("_".join(parts))
            extra.extend(parts)
    return tuple(words), tuple(extra), tuple(stream)


def _pieces(words: Iterable[str]) -> Iterable[str]:
    """Normalised words; a "word" the segmenter glued to a number ("1.818 dịch vụ") is split so
    that the number stands alone."""
    for word in words:
        word = normalize_word(word)
        pieces = word.split()
        if len(pieces) > 1 and any(_NUMBER.fullmatch(p) for p in pieces):
            run: list[str] = []
            for p in pieces:
                if _NUMBER.fullmatch(p):
                    if run:
                        yield " ".join(run)
                        run = []
                    yield p
                else:
                    run.append(p)
            if run:
                yield " ".join(run)
        else:
            yield word


def surface_tokens(text: str) -> tuple[list[str], set[str]]:
    """Cheap token view of a text without the word segmenter: its normalised syllables in order,
    and the set of those syllables plus its number, ordinal and date tokens."""
    syls = list(map(normalize_tone, _SYLLABLE.findall(nfc(text).lower())))  # normalize_word, at once
    words = set(syls)
    if _DIGIT.search(text):  # numbers and dates hold digits; most sentences have none
        words.update(t for m in _NUMBER.findall(text) if (t := _number_token(m)))
        words.update(date_tokens(text))
    if "thứ" in words:
        words.update(ordinal_tokens(syls))
    return syls, words


def word_tokens(text: str) -> list[str]:
    """Index tokens of ``text``: words, then the syllables of its compound words."""
    words, extra = split_tokens(text)
    return words + extra


_QUESTION_RE = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(w.replace("_", " ")) for w in sorted(QUESTION_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)


def strip_question_words(text: str) -> str:
    """The question, normalised, without interrogatives ("bao nhiêu", "là gì", "khi nào" ...)."""
    low = " ".join(normalize_word(w) for w in text.split())
    return " ".join(_QUESTION_RE.sub(" ", low).split()) or low


def query_tokens(text: str, segment: Callable[[str], list[str]] = segment_words,
                 ) -> tuple[list[str], list[str]]:
    """Words and compound syllables of a question (as :func:`split_tokens`), without question
    words."""
    words, extra = split_tokens(strip_question_words(text), segment)
    return (words, extra) if words else split_tokens(text, segment)
