"""Understand a question once: what it asks for, under which constraints, with which words.

:func:`QueryAnalyzer.analyze` turns a question as people type it (no diacritics, abbreviations,
ordinals in words or digits) into a :class:`Query`:

- ``kind``: the kind of answer asked for (number, date, person, organisation, place, list,
  definition, yes/no), and for lists ``list_kind`` (requests, shortcomings, tasks, results,
  solutions);
- constraints the answer must agree with: ``years``, ``sessions`` (session ordinals), ``places``,
  ``bodies``, ``people``, ``doc_numbers``;
- ``temporal``: "gần đây nhất" / "mới nhất" (latest) or "đầu tiên" / "lần đầu" (earliest);
  "năm ngoái" / "năm nay" become years relative to the newest document;
- the tokens the retriever scores and ``content``, the words an answer's evidence is weighed on.

The word lists and patterns are in :mod:`qa_bot.language`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import language as L
from .diacritics import DiacriticRestorer, strip_diacritics, viet74k_words
from .lexicon import Lexicon, syllables
from .normalize import fold, nfc, normalize_word
from .spelling import respell
from .tokens import (
    number_value,
    query_tokens,
    segment_words,
    split_tokens,
    strip_question_words,
    surface_tokens,
)

#: Share of a question's restorable syllables that must lack marks before it is treated as typed
#: without diacritics (Vietnamese prose has marks on most syllables).
UNACCENTED_SHARE = 0.5
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}
_CONSTRAINT_TOKEN = re.compile(r"^(thứ_\d+|ngày_\d+_\d+|tháng_\d+_\d+|(19|20)\d\d)$")
_PROVINCES = {fold(p): p for p in L.PROVINCES}
_PROVINCE_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(p) for p in sorted({*_PROVINCES, *L.PROVINCE_ALIASES},
                                                          key=len, reverse=True)) + r")(?![\w])")
_COUNT_WORDS = {"hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi", "nhung", "cac", "may", "vai"}
_DOC_TYPE_ABBR = {"chi thi": "ct", "nghi quyet": "nq", "nghi dinh": "nd", "quyet dinh": "qd",
                  "thong tu": "tt", "ke hoach": "kh", "cong dien": "cd", "thong bao": "tb"}


_HOW_VERB = frozenset({"làm"})
_AT_WORD = frozenset({"vào"})
_FRAME_WORDS = {"dinh nghia": frozenset({"định", "nghĩa", "định_nghĩa"}),
                "khai niem": frozenset({"khái", "niệm", "khái_niệm"})}


@dataclass
class Query:
    """A question as understood: tokens for retrieval, kind, constraints and hints for answering."""

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
    restored: bool = False
    restored_text: str = ""  # the question with diacritics restored (= text when typed with them)
    kind: str = L.OTHER
    list_kind: str | None = None
    years: list[int] = field(default_factory=list)
    sessions: list[int] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # folded canonical province names
    #: the places of ``places`` named as bridge points ("tại điểm cầu Khánh Hòa"; language.BRIDGE_BEFORE)
    bridges: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)  # folded names of named bodies
    people: list[str] = field(default_factory=list)  # names as written
    doc_numbers: list[str] = field(default_factory=list)  # folded patterns ("05/ct-ttg", "de an 06")
    temporal: str | None = None
    #: the noun a "bao nhiêu X" question counts (folded word), e.g. "dia phuong", "phan tram"
    counted: str | None = None
    #: years that date a meeting ("phiên họp năm 2024"): the meeting's own date must agree
    event_years: list[int] = field(default_factory=list)
    #: (year, month) a meeting or article is dated by ("hội nghị tháng 2/2024", "bài tháng 3/2024")
    event_months: list[tuple[int, int]] = field(default_factory=list)
    #: periods the question names ("giai đoạn 2021-2030"): (first year, last year)
    periods: list[tuple[int, int]] = field(default_factory=list)
    #: parts of a year the question names ("6 thang dau nam", "quy ii"; folded, digits for "sáu")
    year_parts: list[str] = field(default_factory=list)
    #: the question asks for a change against another point ("So với năm 2023, ... tăng hay giảm
    #: bao nhiêu?"): an answer compares (language.CHANGE_ASKED)
    compares: bool = False
    #: years the question compares with ("tăng bao nhiêu lần so với năm 2020"): a sentence that
    #: compares with another year ("so với năm 2021") gives another change
    compared_years: list[int] = field(default_factory=list)
    #: role titles the question says of someone, not a deputy's ("Thủ tướng ... yêu cầu gì?"; folded,
    #: language.ROLE_SAID): a sentence giving only the deputy ("Phó Thủ tướng yêu cầu ...") is of
    #: another person (read by evidence.check, not a constraint of retrieval or of a follow-up)
    roles: list[str] = field(default_factory=list)

    @property
    def year_hint(self) -> int | None:
        """A year the question names: preferred in ranking, not required by the filter."""
        return self.years[0] if self.years else (self.event_years[0] if self.event_years else None)

    @property
    def kind_words(self) -> list[str]:
        """The (folded) words of a list question that name what is listed ("lưu ý", "hạn chế")."""
        if self.kind != L.LIST:
            return []
        f = fold(self.restored_text or self.text)
        out = [m.group(0) for n, p in L.LIST_KINDS if n == self.list_kind for m in p.finditer(f)]
        if m := L.REQUEST_QUESTION.search(f):
            out.append(m.group(1))
        return out


    @property
    def asking(self) -> frozenset[str]:
        """Words of the question that only ask: "làm" of "làm sao", "làm thế nào" (how); "định
        nghĩa", "khái niệm" opening a definition question ("Định nghĩa học kỳ?"); a third-person
        pronoun ("Ông ấy được Nixon chọn vào năm nào?": the texts name him); "Kể tên", "Hãy liệt
        kê" opening a question."""
        f = fold(self.restored_text or self.text)
        out = _HOW_VERB if L.HOW_ASKED.search(f) else frozenset()
        if L.ASKED_TIME_AT.search(f):
            out = out | _AT_WORD
        low = (self.restored_text or self.text).lower()
        if bid := L.NAME_BID.search(low):
            out = out | {w for g in bid.groups() if g for w in L.NAME_BID_TOKENS[g]}
        if pronouns := L.PRONOUNS.findall(low):
            out = out | {w for p in pronouns for w in (*p.split(), p.replace(" ", "_"))}
        if m := L.DEFINITION_FRAME.match(f):
            out = out | _FRAME_WORDS[m.group(1)]
        return out

    @property
    def told(self) -> list[str]:
        """``tokens`` less a date question's own noun ("Ngày quốc khánh là ngày nào?": the second
        "ngày" asks, language.ASKED_TIME_NOUN; its last occurrence is dropped, so a text saying
        only "mỗi ngày" meets none of what the question tells)."""
        if self.kind != L.DATE or not (m := L.ASKED_TIME_NOUN.search(fold(self.restored_text or self.text))):
            return self.tokens
        noun = L.ASKED_TIME_TOKEN[m.group(1)]
        if noun not in self.tokens:
            return self.tokens
        at = len(self.tokens) - 1 - self.tokens[::-1].index(noun)
        return self.tokens[:at] + self.tokens[at + 1:]

    @property
    def content(self) -> list[str]:
        """Words whose presence is evidence of an answer (constraint tokens are checked apart)."""
        asking = self.asking
        return [t for t in self.told if not _CONSTRAINT_TOKEN.match(t) and t not in L.CHAT_TOKENS
                and t not in asking] or self.tokens

    @property
    def constrained(self) -> bool:
        return bool(self.years or self.event_years or self.periods or self.year_parts or self.sessions
                    or self.places or self.bodies or self.people or self.doc_numbers or self.compared_years)

    def describe(self) -> dict:
        """The analysis as plain data (for ``debug`` and the API)."""
        return {"kind": self.kind, "list_kind": self.list_kind, "years": self.years,
                "sessions": self.sessions, "places": self.places, "bridges": self.bridges,
                "bodies": self.bodies,
                "people": self.people, "doc_numbers": self.doc_numbers, "temporal": self.temporal,
                "event_years": self.event_years, "event_months": [list(m) for m in self.event_months],
                "periods": [list(p) for p in self.periods],
                "year_parts": self.year_parts, "compares": self.compares,
                "compared_years": self.compared_years, "roles": self.roles,
                "tokens": self.tokens, "search_text": self.search_text}


#: Compiled once (re's cache of inline patterns is emptied by the patterns made per question).
_LETTERS = re.compile(r"[^\W\d_]+")
_MAY_MARKED = re.compile(r"\bmấy\b")
_MAY = re.compile(r"\bmay\b")
_HOW_MANY = re.compile(r"\b(bao nhieu|ty le|ti le|so luong|bao lau|con so|phan tram|so lieu)\b")
_GI_NAO = re.compile(r"\b(gi|nao)\b")
#: A blank to fill ("Điền vào ...: ... thì tiền lương được thỏa thuận ...").
_BLANK = re.compile(r"\.\.\.|…")
_LA_GI_END = re.compile(r"\bla gi\s*\??\s*$")
_WHO_IS = re.compile(r"^\s*[^?]*\b(la ai|nhung ai|gom nhung ai)\b")
_WHO_ACTS = re.compile(r"\b(chu tri|phat bieu|ky|dong chu tri|tham du|du hop)\b")


def written_out(text: str) -> str:
    """``text`` with the chat shorthand of :data:`~qa_bot.language.CHAT_SHORTHAND` written out
    ("hg co bn dvc truc tuyen" -> "hg co bao nhieu dvc truc tuyen"), with marks when the question
    has them, and a session named in English as the texts name it ("the ninth meeting")."""
    bare = looks_unaccented(text)

    def out(m: re.Match[str]) -> str:
        word = next(g for g in m.groups() if g)
        forms = L.CHAT_SHORTHAND.get(word.lower())
        return (forms[1] if bare else forms[0]) if forms else word

    text = L.ENGLISH_SESSION.sub(lambda m: f"phiên họp thứ {L.ENGLISH_ORDINALS[m.group(1).lower()]}", text)
    return L.CHAT_SHORTHAND_AT.sub(out, text)


def looks_unaccented(text: str) -> bool:
    """True when most syllables that could carry a mark carry none (typed without diacritics)."""
    words = [w for w in _LETTERS.findall(nfc(text).lower()) if len(w) > 1]
    if not words:
        return False
    bare = sum(strip_diacritics(w) == w for w in words)
    return bare / len(words) >= UNACCENTED_SHARE


# -- one function per part of the analysis ------------------------------------------------------
def question_kind(folded: str, normalised: str) -> tuple[str, str | None]:
    """The kind of answer asked for and, for lists, the kind of list."""
    kind = L.OTHER
    if _MAY_MARKED.search(normalised):
        kind = L.NUMBER
    marked = not looks_unaccented(normalised)
    for name, pattern in L.QUESTION_TYPES:
        if name == L.PERSON and not pattern.search(L.EMBEDDED_WHO.sub(" ", folded)):
            continue
        if name == L.ORGANISATION and marked and not L.ORGANISATION_MARKED.search(normalised):
            continue
        if name == L.DATE and marked and not L.DATE_MARKED.search(normalised):
            continue
        if pattern.search(folded):
            if name == L.NUMBER and _MAY.search(folded) and not _HOW_MANY.search(folded) \
                    and "mấy" not in normalised:
                continue  # "máy", "may": not "mấy"
            kind = name
            break
    if kind in (L.OTHER, L.DEFINITION) and L.WEAK_NUMBER.search(folded) and not _GI_NAO.search(
            _LA_GI_END.sub("", folded)):
        kind = L.NUMBER  # "Tỷ lệ ... năm 2024?", "Tỷ lệ ... là gì?"
    if kind == L.OTHER and L.EXTREME_NUMBER.search(folded) and not _GI_NAO.search(folded) \
            and not _BLANK.search(folded):  # "Điền vào ...: ... mức lương tối thiểu?": the blank is asked
        kind = L.NUMBER
    if kind in (L.OTHER, L.DEFINITION) and L.ROLE_ASKED.search(folded):
        kind = L.PERSON  # "Trưởng ban Tổ chức Tỉnh ủy tên là gì?": who holds the role
    if kind == L.PERSON and _WHO_IS.search(folded) \
            and not _WHO_ACTS.search(folded) and not L.ROLE_ASKED.search(folded):
        kind = L.DEFINITION  # "Người thực hành là ai?": a definition, not a name
    if kind == L.LIST and not L.LIST_WORDS.search(folded) and not L.MANY_WHICH.search(folded):
        kind = L.OTHER  # "... ở quốc gia nào?": one thing asked for, not a list
    if kind not in (L.LIST, L.YES_NO) and L.PHONE_ASKED.search(folded):
        kind = L.NUMBER  # "Số điện thoại ... là số nào?", "Đường dây nóng ... là gì?": a number to call
    if kind in (L.OTHER, L.DEFINITION, L.LIST) and L.ADDRESS_ASKED.search(folded):
        kind = L.PLACE  # "Trung tâm ... ở địa chỉ nào?", "Địa chỉ của Sở Nội vụ là gì?"
    verb = request_verb(folded, normalised)
    if kind in (L.OTHER, L.YES_NO) and verb:
        kind = L.LIST
    if kind in (L.OTHER, L.DEFINITION) and L.LIST_NOUN_QUESTION.search(folded):
        kind = L.LIST  # "Hạn chế của CCHC năm 2024 là gì?", "đưa ra giải pháp gì"
    if kind == L.LIST and L.ASKS_PENALTY.search(folded):
        kind = L.OTHER  # "Người ... cố ý báo cáo sai ... thì bị phạt như thế nào?": the penalty
    list_kind = None
    if kind == L.LIST:
        asked = L.REMOVED_SHORTCOMINGS.sub(" ", folded)  # "tháo gỡ khó khăn": not what is listed
        list_kind = next((n for n, p in L.LIST_KINDS if p.search(asked)), None)
        if list_kind == L.SOLUTIONS and L.TASK_FRAME.search(asked):
            list_kind = L.TASKS  # "Kế hoạch ... đề ra những nhiệm vụ, giải pháp gì?": the plan's tasks
        if list_kind in (L.TASKS, None) and verb in L.REQUEST_VERBS:
            list_kind = L.REQUESTS  # "yêu cầu ... những nhiệm vụ gì": what was required
    return kind, list_kind


#: Words that name an article, not what it says ("bài năm 2024", "bài tháng 3/2024").
_ARTICLE_WORDS = frozenset({"bài", "bài_viết", "bài_báo", "tin_bài"})


def counted_noun(normalised: str, tokens: Sequence[str] = ()) -> str | None:
    """The noun a "bao nhiêu X" / "mấy X" question counts: one or two syllables before a function
    word or verb ("đại biểu", "tuổi", "phần trăm"), folded. With the question's word ``tokens``,
    the second syllable goes when it begins another word ("bao nhiêu đợt xử lý" counts "đợt",
    not "đợt xử")."""
    if re.search(r"\b(?:bao nhiêu|bao nhieu|mấy)\s*%", normalised):
        return "phan tram"  # "chiếm bao nhiêu % số điểm": a share, whatever follows
    m = L.COUNTED.search(normalised) or L.COUNTED_FOLDED.search(normalised)
    if not m or fold(normalised[:m.start()]).rstrip().endswith("thu"):
        return None  # "đứng thứ mấy về dân số": a rank, no noun counted
    words = m.group(1).split()
    if len(words) == 2 and any(t.lower().startswith(words[1].lower() + "_") for t in tokens):
        words = words[:1]
    if len(words) == 2 and words[1].lower() in L.CHAT_TOKENS:  # "mất bao nhiêu ngày ạ?": "ngày"
        words = words[:1]
    return fold(" ".join(words))


def request_verb(folded: str, normalised: str) -> str | None:
    """The (folded) request verb of a "what did they require / propose" question, checked against
    the marks of the question as written ("giáo dục" is not "giao")."""
    for m in L.REQUEST_QUESTION.finditer(folded):
        verb = m.group(1)
        if normalised[m.start(1):m.end(1)] == L.REQUEST_VERBS_MARKED.get(verb, verb):
            return verb
    return None


def _ordinal(words: Sequence[str]) -> int | None:
    """The number an ordinal's words give ("chín", "9", "IX"; punctuation around them ignored)."""
    words = [w.strip("()[].,;:?!\"'“”") for w in words]
    words = [w for w in words if w]
    if not words:
        return None
    if words[0] in _ROMAN:
        return _ROMAN[words[0]]
    val = number_value([normalize_word(w) for w in words])
    return val[0] if val else None


def session_numbers(folded: str, normalised: str) -> list[int]:
    """Session ordinals named with "phiên (họp) thứ N", in words, digits or Roman numerals."""
    out = []
    for m in L.SESSION.finditer(folded):
        words = normalised[m.start(3):m.end(3)].split()
        if (n := _ordinal(words)) is not None:
            out.append(n)
    return list(dict.fromkeys(out))


def periods_named(folded: str) -> list[tuple[int, int]]:
    """Periods (first year, last year) a folded text names as ranges ("giai đoạn 2021-2030",
    "2016 - 2020"), not those it only compares with."""
    spans = ((int(m.group(1)), int(m.group(2))) for m in L.YEAR_RANGE.finditer(folded)
             if not _COMPARED_BEFORE.search(folded, 0, m.start()))
    return list(dict.fromkeys((a, b) for a, b in spans if a < b <= a + 30))


#: "so với (giai đoạn)" just before a range: the period compared with, not the one asked about.
_COMPARED_BEFORE = re.compile(r"\bso voi (?:cung ky )?(?:giai doan |thoi ky |nam )?$")


def year_parts_named(folded: str) -> list[str]:
    """Parts of a year the (folded) question asks about ("6 tháng đầu năm", "quý II")."""
    return list(dict.fromkeys(m.group(0).replace("sau thang", "6 thang")
                              for m in L.YEAR_PART.finditer(folded)))


_SPELLED_YEAR = re.compile(r"(?i)\b(năm)\s+((?:[^\W\d_]+\s+){1,7}[^\W\d_]+)")


#: A year said digit by digit ("năm hai không hai tư": 2024), each word one digit.
_DIGIT_YEAR = re.compile(r"(?i)\b(năm)\s+(\w+)\s+(\w+)\s+(\w+)\s+(\w+)\b")
_DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
           "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}


def _digit_year(m: re.Match[str]) -> str:
    digits = [_DIGITS.get(w.lower()) for w in m.groups()[1:]]
    if None in digits or not 1900 <= (year := int("".join(map(str, digits)))) <= 2099:
        return m.group(0)
    return f"{m.group(1)} {year}"


#: Words that make a round figure after them approximate ("hơn 16.000 người"; not "lớn hơn 1",
#: "hơn 1.818": a comparison, a figure quoted).
ROUND_FIGURE = 1000
_APPROXIMATE = frozenset({"hơn", "trên", "gần", "khoảng", "xấp_xỉ", "ngót", "chừng", "tầm", "gần_như"})


def without_approximations(tokens: list[str]) -> list[str]:
    """``tokens`` without the round figures said approximately ("hơn 16.000", "khoảng mười
    nghìn"): the texts give the exact figure ("16.149"), so the round one is no word to find."""
    return [t for i, t in enumerate(tokens)
            if not (i and t.isdigit() and int(t) >= ROUND_FIGURE and int(t) % 100 == 0
                    and tokens[i - 1] in _APPROXIMATE)] or tokens


#: The scale words of a number said aloud, and the words a spelled number may open with.
_SCALES = frozenset({"trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"})
_WORDS = re.compile(r"\w+")


def spelled_figures(text: str) -> str:
    """``text`` with figures said aloud in three words or more with a scale word written as the
    documents write them ("một triệu không trăm bảy mươi hai nghìn sáu trăm ba mươi chín hồ sơ" ->
    "1.072.639 hồ sơ"); ordinals ("thứ ...") and short numbers ("hai mươi") are left as said."""
    words = list(_WORDS.finditer(text))
    out, last, i = [], 0, 0
    while i < len(words):
        said = [normalize_word(m.group(0)).lower() for m in words[i:i + 24]]
        ordinal = i and words[i - 1].group(0).lower() == "thứ"
        value = None if ordinal or said[0].isdecimal() else number_value(said)
        if value is None:
            i += 1
            continue
        used, figure = value[1], f"{value[0]:,}".replace(",", ".")
        # "chín mươi sáu phẩy tám mốt phần trăm": "96,81%"
        if said[used:used + 1] == ["phẩy"] and (decimals := _decimal_digits(said[used + 1:])):
            used, figure = used + 1 + decimals[1], f"{figure},{decimals[0]}"
        elif used < 3 or not _SCALES & set(said[:used]):
            i += 1
            continue
        if said[used:used + 2] == ["phần", "trăm"]:
            used, figure = used + 2, figure + "%"
        out += [text[last:words[i].start()], figure]
        last, i = words[i + used - 1].end(), i + used
    return "".join(out) + text[last:]


#: The digits said after "phẩy", one word each ("tám mốt": 81, "không năm": 05).
_DECIMAL_DIGITS = {"không": "0", "một": "1", "mốt": "1", "hai": "2", "ba": "3", "bốn": "4", "tư": "4",
                   "năm": "5", "lăm": "5", "sáu": "6", "bảy": "7", "tám": "8", "chín": "9"}


def _decimal_digits(words: list[str]) -> tuple[str, int] | None:
    """The decimals said after "phẩy" (as a number, "tám mươi mốt", or digit by digit, "tám mốt")
    and how many words they take."""
    value = number_value(words)
    if value is not None and value[1] >= 2 and "mươi" in words[:value[1]]:
        return str(value[0]), value[1]
    digits = []
    for w in words[:4]:
        if w not in _DECIMAL_DIGITS:
            break
        digits.append(_DECIMAL_DIGITS[w])
    return ("".join(digits), len(digits)) if digits else None


def spelled_years(text: str) -> str:
    """``text`` with years said aloud written in digits ("năm hai nghìn không trăm hai mươi" ->
    "năm 2020", "năm hai nghìn lẻ năm" -> "năm 2005", "năm hai không hai tư" -> "năm 2024"), so
    that they are years like any other."""
    text = _DIGIT_YEAR.sub(_digit_year, text)
    if "nghìn" not in text and "ngàn" not in text:
        return text

    def digits(m: re.Match[str]) -> str:
        words = m.group(2).split()
        value = number_value([normalize_word(w) for w in words])
        if value is None or value[1] < 2 or not 1900 <= value[0] <= 2099:
            return m.group(0)
        return " ".join((m.group(1), str(value[0]), *words[value[1]:]))

    return _SPELLED_YEAR.sub(digits, text)


def years_named(folded: str, reference_year: int | None) -> list[int]:
    """Years the question names (not those inside a range such as "2021-2030"), and years said
    relative to the newest document ("năm ngoái" = that year - 1)."""
    folded = L.YEAR_COMPARED.sub(" ", folded)  # "so với năm 2021": compared with, not asked about
    ranges = [m.span() for m in L.YEAR_RANGE.finditer(folded)]
    years = [int(m.group(1)) for m in L.YEAR.finditer(folded)
             if not any(a <= m.start() < b for a, b in ranges)
             and L.YEAR_LEAD.search(folded[:m.start()])]  # "1971 thủ tục" is a count
    # "năm nay (2024)": the year written beside a relative one is the year meant
    said = [(m.start(), m.end(), int(m.group(1))) for m in L.RELATIVE_GIVEN.finditer(folded)]
    years += [y for _, _, y in said]
    # "(bài tháng 3/2024) ... năm nay": relative to the article the question names by its date
    if dated := L.ARTICLE_DATED.search(folded):
        reference_year = int(dated.group(1))
    if reference_year is not None:
        for pattern, offset in L.RELATIVE_YEARS:
            for m in pattern.finditer(folded):
                before = folded[:m.start()].split()[-1:]
                if before and (before[0].isdigit() or before[0] in _COUNT_WORDS):
                    continue  # "3 năm trước", "những năm qua": a span, not a year
                if any(a <= m.start() < b for a, b, _ in said):
                    continue
                years.append(reference_year + offset)
    return list(dict.fromkeys(years))


@functools.cache
def _two_syllable_words() -> frozenset[str]:
    """Two-syllable words of the Viet74K list (:func:`~qa_bot.diacritics.viet74k_words`), joined
    by ``_``."""
    pairs = (line.split(" ") for line in viet74k_words() if line.count(" ") == 1)
    return frozenset(f"{normalize_word(a)}_{normalize_word(b)}" for a, b in pairs)


@functools.cache
def _syllables() -> frozenset[str]:
    """Every syllable of the Viet74K word list, lower case."""
    return frozenset(w.lower() for line in viet74k_words() for w in line.split())


def foreign_word(word: str) -> bool:
    """True when ``word`` is no Vietnamese syllable ("Manning", "Gandhi"; not "Trong", "Hiệu");
    without the word list, never."""
    syllables = _syllables()
    return bool(syllables) and word.lower() not in syllables


@functools.cache
def _two_syllable_words_folded() -> frozenset[str]:
    return frozenset(fold(w) for w in _two_syllable_words())


def dictionary_compounds(tokens: Sequence[str], restored: bool = False, text: str | None = None,
                         ) -> list[str]:
    """``tokens`` with adjacent single syllables that make a dictionary word joined ("học", "kỳ" ->
    ``học_kỳ``). Questions are segmented against the index's vocabulary, so such a pair is a word
    the documents never use: evidence must then meet the word, not its syllables scattered in
    other words ("xã hội học", "kỳ họp"). ``restored``: the question was typed without diacritics
    and the restored marks may be wrong ("ket thuc" -> "kết thực"), so pairs are compared unmarked.
    With the question's ``text``, only syllables that stand side by side in it are joined (not
    "người" and "gửi" of "người đầu tiên gửi", once the temporal words are dropped), and a syllable
    that makes a word with the one before and with the one after goes with the one after: a head
    noun ("số", "sự", "người") comes before the word it heads, so "số thương vong" is "số" +
    "thương vong", not "số thương" + "vong"."""
    words = _two_syllable_words_folded() if restored else _two_syllable_words()
    side_by_side: set[str] | None = None
    if text is not None:
        syls = [fold(w) if restored else w for w in surface_tokens(text)[0]]
        side_by_side = {f"{a}_{b}" for a, b in zip(syls, syls[1:], strict=False)}

    def joins(i: int) -> bool:  # tokens i and i + 1 make a dictionary word said in the question
        if i + 1 >= len(tokens) or "_" in tokens[i] + tokens[i + 1]:
            return False
        pair = f"{tokens[i]}_{tokens[i + 1]}"
        pair = fold(pair) if restored else pair
        return pair in words and (side_by_side is None or pair in side_by_side)

    out: list[str] = []
    i = 0
    while i < len(tokens):
        if joins(i) and (side_by_side is None or not joins(i + 1)):
            out.append(f"{tokens[i]}_{tokens[i + 1]}")
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def cardinals_in_words(tokens: list[str]) -> list[str]:
    """Cardinal numbers the question writes in words ("bốn mươi sáu" -> ``46``, "mười hai" ->
    ``12``) as the digits documents use; single number words ("một", "năm") are left alone (they
    are also articles and the word for year), as are ordinals ("thứ chín", see ``thứ_<n>``)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        val = None if i and tokens[i - 1] == "thứ" else number_value(tokens[i : i + 16])
        if val is not None and (val[1] >= 2 or tokens[i] == "mười"):  # digits take one word
            out.append(str(val[0]))
            i += val[1]
        else:
            out.append(tokens[i])
            i += 1
    return out


def drop_ordinal_parts(tokens: list[str]) -> list[str]:
    """Without the loose "thứ" and number of an ordinal the tokens also hold as ``thứ_<n>``: "thứ 9"
    and "thứ chín" then weigh the same (the digit alone would be a rare, heavy word)."""
    ordinals = {int(t.split("_")[1]) for t in tokens if re.fullmatch(r"thứ_\d+", t)}
    if not ordinals:
        return tokens

    def part(t: str) -> bool:  # "thứ", or a single word the ordinal's number is written with
        val = number_value([t])
        return t == "thứ" or (val is not None and val[0] in ordinals)

    return [t for t in tokens if not part(t)]


def _without_countries(text: str) -> str:
    """``text`` with the countries of :data:`~qa_bot.language.COUNTRIES` blanked out (same length)."""
    return L.COUNTRIES.sub(lambda m: " " * len(m.group(0)), text)


def people_named(text: str) -> list[str]:
    """Names of people (capitalised runs starting with a family name) that are not provinces or
    countries."""
    out = []
    for m in L.PERSON_CASED.finditer(_without_countries(text)):
        name = m.group(0)
        f = fold(name)
        if f in _PROVINCES or any(f.startswith(p + " ") for p in _PROVINCES):
            continue
        out.append(name)
    return out


def _provinces_in(folded: str, people: Sequence[str]) -> list[tuple[str, str, int]]:
    """Each province the folded question names outside people's names: (canonical folded name,
    the question with those names blanked, where it starts)."""
    masked = folded
    for name in people:
        masked = masked.replace(fold(name), " " * len(name))
    return [(L.PROVINCE_ALIASES.get(m.group(1), m.group(1)), masked, m.start())
            for m in _PROVINCE_RE.finditer(masked)]


def places_named(folded: str, people: Sequence[str]) -> list[str]:
    """Provinces the question names (folded canonical names), outside people's names."""
    return list(dict.fromkeys(name for name, _, _ in _provinces_in(folded, people)))


def bridges_named(folded: str, people: Sequence[str]) -> list[str]:
    """Provinces the (folded) question names as bridge points of an online meeting ("tại điểm cầu
    Khánh Hòa", "điểm cầu tỉnh Hà Giang"), folded canonical names."""
    return list(dict.fromkeys(name for name, masked, at in _provinces_in(folded, people)
                              if L.BRIDGE_BEFORE.search(masked, 0, at)))


def bodies_named(text: str) -> list[str]:
    """Named bodies ("Bộ Nội vụ", "Sở Tư pháp"), folded, without the generic ones (nor the "Ban"
    of "Tây Ban Nha")."""
    out = []
    for m in L.BODY_CASED.finditer(_without_countries(text)):
        name = fold(" ".join(m.group(0).split())).strip(" -")
        words = name.split()
        while words and words[-1] in ("va", "-"):
            words.pop()
        name = " ".join(words)
        if len(words) >= 2 and name not in L.GENERIC_BODIES and name not in _PROVINCES \
                and not name.startswith(("bo luat", "luat ")):  # a code of law, not a body
            out.append(name)
    return list(dict.fromkeys(out))


def doc_numbers_named(text: str, folded: str) -> list[str]:
    """Document numbers ("05/CT-TTg") and documents named by type and number ("Chỉ thị 05"), as
    folded patterns to look for in texts."""
    out = [fold(m.group(1)) for m in L.DOC_NUMBER_CASED.finditer(nfc(text).upper())]
    for m in L.DOC_TYPE_NUMBER.finditer(folded):
        if any(x.startswith(f"{int(m.group(3)):02d}/") or x.startswith(f"{m.group(3)}/") for x in out):
            continue
        abbr = _DOC_TYPE_ABBR.get(m.group(1))
        out.append(f"{int(m.group(3))}/{abbr}" if abbr else f"{m.group(1)} {m.group(3)}")
    return list(dict.fromkeys(out))


def temporal_word(folded: str) -> str | None:
    """``latest`` or ``earliest`` when the question asks for the most recent or the first."""
    return next((name for name, p in L.TEMPORAL if p.search(folded)), None)


class QueryAnalyzer:
    """Turns question strings into :class:`Query` objects for one index."""

    def __init__(self, lexicon: Lexicon | None = None,  # restorer: loaded on first use
                 restorer: Callable[[], DiacriticRestorer | None] | None = None,
                 segment: Callable[[str], list[str]] = segment_words,
                 reference_year: int | None = None, known: Callable[[str], bool] | None = None,
                 cited: Callable[[str], tuple[str, list[str]]] | None = None) -> None:
        self.lexicon = lexicon or Lexicon()
        #: the documents a question cites by their source, and the question without those names
        #: (:class:`qa_bot.cited.SourceNames`)
        self.cited = cited
        self.known = known  # the index's words: "đăng kí" is looked up as the texts spell it
        self.restorer = restorer
        self.segment = segment
        self.reference_year = reference_year  # the newest document's year ("năm ngoái")

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
        """The :class:`Query` for ``question`` (``year`` and ``doc_ids``: the user's filters)."""
        text = nfc(question).strip()
        restored_text, restored = self.restore(written_out(text))
        restored_text = L.BARE_SESSION.sub(r"\1 thứ ", restored_text)  # "phiên 9": "phiên thứ 9"
        restored_text = L.MEETING_SLIP.sub("họp", restored_text)  # "phiên hợp": "phiên họp"
        restored_text = spelled_years(restored_text)  # "năm hai nghìn không trăm hai mươi": 2020
        restored_text = spelled_figures(restored_text)  # "một nghìn tám trăm mười tám": "1.818"
        if restored:  # "phien hop thu tu": "thứ tư" (fourth), not "thứ tự" (order)
            restored_text = L.SESSION_ORDINAL.sub(
                lambda m: f"{m.group(1)} thứ {L.ORDINAL_MARKED[fold(m.group(3))]}", restored_text)
        if self.known is not None:
            restored_text = respell(restored_text, self.known,  # "THCP": the "TCHP" the texts spell out
                                    lambda w: (w,) in self.lexicon.expand)
        cited: list[str] = []  # "theo bài của Báo Hà Giang": those articles, not a place Hà Giang
        if self.cited is not None:
            restored_text, cited = self.cited(restored_text)
        search_text = strip_question_words(restored_text)
        tokens, syllable_tokens = query_tokens(restored_text, self.segment)
        abbr, syn = self.lexicon.variants(syllables(search_text))
        variant_tokens = [t for phrase in abbr for t in self._phrase_tokens(phrase)]
        synonym_tokens = [t for phrase in syn for t in self._phrase_tokens(phrase)]
        folded = fold(restored_text)
        normalised = " ".join(normalize_word(w) for w in restored_text.split())
        folded_n = fold(normalised)
        kind, list_kind = question_kind(folded_n, normalised)
        people = people_named(restored_text)
        tokens = without_approximations(cardinals_in_words(drop_ordinal_parts(tokens)))
        temporal = temporal_word(folded)
        if temporal:  # ("gần đây nhất là phiên ...": the segmenter joins "nhất là")
            tokens = [t.split("_")[-1] if t == "nhất_là" else t for t in tokens
                      if t not in L.TEMPORAL_TOKENS] or tokens
        if said_in := L.SAID_IN_TEXTS.search(folded):  # "được nhắc đến trong các bài": where, not what
            frame = set(said_in.group(0).split())
            tokens = [t for t in tokens if not set(fold(t).split("_")) <= frame] or tokens
        if re.search(r"\b(bai|bai viet|bai bao|tin bai) (nam|dang nam)\b", folded):
            tokens = [t for t in tokens if t not in _ARTICLE_WORDS]
        if dated := L.ARTICLE_DATED.search(folded):  # "(bài tháng 3/2024)": which article, not content
            said = set(re.findall(r"\w+", dated.group(0)))
            tokens = [t for t in tokens if t not in _ARTICLE_WORDS and t not in ("tháng", "ngày")
                      and not (t.isdigit() and t in said)
                      and not (t.startswith(("tháng_", "ngày_")) and t.split("_")[-1] in said)] or tokens
        sessions = session_numbers(folded_n, normalised)
        # "Ở phiên họp thứ ba, năm nay ...": "năm nay" of that session's article, which the session
        # names; the newest document's year would contradict it
        years = years_named(folded, None if len(sessions) == 1 else self.reference_year)
        events = list(L.EVENT_YEAR.finditer(folded))
        event_years = [int(m.group("year") or m.group("year2") or m.group("year3")) for m in events]
        event_months = [(int(m.group("year3")), int(m.group("month"))) for m in events if m.group("month")]
        return Query(
            text=text,
            search_text=search_text,
            tokens=tokens,
            syllable_tokens=syllable_tokens,
            variant_tokens=[t for t in variant_tokens if t not in tokens],
            synonym_tokens=[t for t in synonym_tokens if t not in tokens],
            year=year,
            doc_ids=[d for d in doc_ids or [] if not cited or d in cited] or (cited if not doc_ids else []),
            restored=restored,
            restored_text=restored_text,
            kind=kind,
            list_kind=list_kind,
            years=[y for y in years if y not in event_years],
            event_years=event_years,
            event_months=event_months,
            periods=periods_named(folded),
            year_parts=year_parts_named(folded),
            sessions=sessions,
            places=places_named(folded, people),
            bridges=bridges_named(folded, people),
            bodies=bodies_named(restored_text),
            people=[] if kind == L.YES_NO else people,
            doc_numbers=doc_numbers_named(restored_text, folded),
            temporal=temporal,
            counted=counted_noun(normalised, tokens) if kind == L.NUMBER else None,
            compares=bool(L.CHANGE_ASKED.search(folded)),
            roles=[] if kind == L.YES_NO else list(dict.fromkeys(  # "Có phải Thủ tướng ...?": the
                m.group(0) for m in L.ROLE_SAID.finditer(folded)  # deputy's sentence says no
                if not m.group(0).startswith("pho "))),
            compared_years=list(dict.fromkeys(int(m.group(1)) for m in L.YEAR_COMPARED.finditer(folded))),
        )
