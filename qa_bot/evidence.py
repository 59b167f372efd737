"""What a passage says about the constraints of a question (the kind of answer a sentence
carries: :mod:`qa_bot.answer_type`; the facts of a document: :mod:`qa_bot.facts`).

For every sentence this module decides, from its own text, its paragraph and its document
(title, lead sentence, metadata):

- the years it is about: years it names (not "so với năm 2021" comparisons, nor the period in a
  programme's name, "Chương trình tổng thể ... giai đoạn 2021-2030"; "2021-2030" and
  "từ năm 2015 đến nay" as ranges), else those of the nearest earlier sentence of its paragraph
  that names one, else its document's: the years its title and lead name, else the publication
  year plus, for a document published in January-March, the year before (a review session early
  in year X+1 is about year X);
- the session ordinals it is about (its paragraph's, else its document's title and lead);
- the provinces, bodies, people and document numbers it or its context names.

:func:`check` compares them with a :class:`~qa_bot.query.Query` and gives a :class:`Verdict`:
which constraints the sentence supports, contradicts (another year, session or province) or
leaves unmet (nothing in the text says so).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import language as L
from .answer_type import ALONE, alone_part, counted_unit, gives_role, named_bodies, spelled_out
from .facts import DocFacts, document_facts, places_in, sessions_in, years_in
from .models import Document
from .normalize import fold
from .query import (
    Query,
    people_named,
    periods_named,
    year_parts_named,
)
from .tokens import figure_digits, number_value

#: Where a paragraph's sentences end (the nearest earlier sentence that names a year).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")


# -- checking a sentence against a question ------------------------------------------------------
@dataclass
class Verdict:
    """How a sentence stands to a question's constraints."""

    supported: list[str] = field(default_factory=list)
    #: (constraint, what the text is about instead), e.g. ("năm 2022", "năm 2023")
    contradicted: list[tuple[str, str]] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.contradicted and not self.unmet

    def describe(self) -> tuple[str, str]:
        """What was asked that the texts lack, and what they hold instead, in words."""
        asked = ", ".join(c for c, _ in self.contradicted)
        instead = "; ".join(dict.fromkeys(x for _, x in self.contradicted))
        return asked, instead


def part_label(part: str) -> str:
    """A folded part of a year in words ("6 thang dau nam" -> "6 tháng đầu năm")."""
    words = {"thang": "tháng", "dau": "đầu", "cuoi": "cuối", "nam": "năm", "nua": "nửa", "quy": "quý"}
    return " ".join(words.get(w, w.upper() if w in ("i", "ii", "iii", "iv") else w) for w in part.split())


def _period_figure(f_sentence: str, years: list[int]) -> str | None:
    """"giai đoạn A-B" when the folded sentence speaks of a period holding an asked year and names
    none of the asked years apart from it: its figures are the period's, not that year's; likewise
    "từ năm X đến nay" with X before an asked year ("từ năm 2015 đến nay đã tinh giản 172 biên
    chế" is no figure of 2021)."""
    ranges = [(int(m.group(1)), int(m.group(2))) for m in L.YEAR_RANGE.finditer(f_sentence)]
    since = [int(m.group(1)) for m in L.YEAR_SINCE.finditer(f_sentence)]
    rest = L.YEAR_SINCE.sub(" ", L.YEAR_RANGE.sub(" ", f_sentence))
    if not (ranges or since) or years_in(rest) & set(years):
        return None
    held = [f"giai đoạn {a}-{b}" for a, b in ranges if a < b and any(a <= y <= b for y in years)]
    held += [f"từ năm {a} đến nay" for a in since if any(a < y for y in years)]
    return ", ".join(held) or None


#: A sentence saying it speaks of a province's own bodies ("Ban Chỉ đạo ... của tỉnh").
_PROVINCE_OWN = re.compile(r"\b(?:cua tinh|ubnd tinh|uy ban nhan dan tinh|toan tinh)\b")
_YEAR_DIGITS = re.compile(r"\b(?:19|20)\d\d\b")
#: A body named without its level ("Ban Chỉ đạo thống nhất"; not "Ban Chỉ đạo tỉnh"): the one
#: the article is about.
_UNQUALIFIED_BODY = re.compile(r"\b(?:ban chi dao|hoi dong|uy ban)\b(?! (?:cai cach hanh chinh |cchc )?"
                               r"(?:tinh|thanh pho|huyen|quan|xa|phuong|nhan dan)\b)")


def role_label(role: str) -> str:
    """A folded role title as written ("thu tuong" -> "Thủ tướng"), from language.TITLES."""
    title = next((t for t in L.TITLES if fold(t) == role), role)
    return title[:1].upper() + title[1:]


def _fmt_years(years: set[int]) -> str:
    ys = sorted(years)
    if len(ys) > 3 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"giai đoạn {ys[0]}-{ys[-1]}"
    return "năm " + ", ".join(map(str, ys))


def _province_name(folded_name: str) -> str:
    return next((p for p in L.PROVINCES if fold(p) == folded_name), folded_name.title())


#: The two bodies of a province, district or commune a question may mix up: the council that
#: resolves (HĐND) and the committee that acts (UBND); folded patterns.
_COUNCILS = {"HĐND": re.compile(r"\b(?:hdnd|hoi dong nhan dan)\b"),
             "UBND": re.compile(r"\b(?:ubnd|uy ban nhan dan)\b")}
#: A council named as part of someone's title ("Chủ tịch HĐND tỉnh"): the person, not the body.
_COUNCIL_TITLE = re.compile(r"\b(?:chu tich|pho chu tich|dai bieu|thuong truc|truong ban|van phong)\s+$")
#: Head words of named bodies of one kind: "Sở Tư pháp" is another "Sở" than "Sở Nội vụ".
_BODY_HEADS = ("tong cuc", "so", "bo", "cuc")
#: A share a text states ("50%", "30 phần trăm"; folded): group 1 its number; not a bound ("trên 90%").
_SHARE_SAID = re.compile(r"(?<!\btren )(?<!\bduoi )(?<!\bhon )(?<!\bgan )(?<!\bkhoang )(?<!\bvuot )"
                         r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:%|phan tram\b)")


#: The level of government a text speaks of ("cấp huyện"; "toàn tỉnh": the whole province's figure).
_LEVELS = {"cấp tỉnh": re.compile(r"\b(?:cap tinh|toan tinh)\b"), "cấp huyện": re.compile(r"\bcap huyen\b"),
           "cấp xã": re.compile(r"\bcap xa\b")}
#: Changes a yes/no question may claim and the opposite a text may state (folded pairs).
_OPPOSITES = (("tut hang", "thang hang"), ("thang hang", "tut hang"), ("giam hang", "tang hang"),
              ("tang hang", "giam hang"), ("thap hon", "cao hon"), ("cao hon", "thap hon"))
#: The direction of a change a text states: "tăng" (not "tăng cường"), "giảm" (not "giám sát").
_DIRECTIONS = {"tăng": re.compile(r"\btang(?! cuong)\b"), "giảm": re.compile(r"\bgiam(?! sat| doc| dinh)\b")}


def _said_instead(kinds: dict[str, re.Pattern[str]], asked: str, f_sentence: str) -> list[str]:
    """The other names of ``kinds`` (councils, levels, directions) the folded sentence says when it
    does not say the ``asked`` one; [] when it says that one or none of them."""
    if kinds[asked].search(f_sentence):
        return []
    return [n for n, p in kinds.items() if n != asked and p.search(f_sentence)]


@functools.lru_cache(maxsize=256)
def _given(folded_question: str) -> tuple[str | None, str | None]:
    """The one level of government and the one direction of change a folded question names (None
    when it names none or several)."""
    levels = [n for n, p in _LEVELS.items() if p.search(folded_question)]
    directions = [n for n, p in _DIRECTIONS.items() if p.search(folded_question)]
    return levels[0] if len(levels) == 1 else None, directions[0] if len(directions) == 1 else None


def _other_given(query: Query, f_question: str, f_sentence: str) -> list[tuple[str, str]]:
    """(given, said) where the sentence speaks of another level of government than the one the
    question names ("cấp huyện" asked, only "toàn tỉnh" said), or a number question's change is the
    opposite one ("tăng thêm bao nhiêu thôn?" met by "giảm 124 thôn"), and not of the one asked."""
    level, direction = _given(f_question)
    out = []
    if level is not None and (other := _said_instead(_LEVELS, level, f_sentence)):
        out.append((level, ", ".join(other)))
    elif level in ("cấp huyện", "cấp xã") and query.counted and ";" in f_sentence:
        # a list of figures ("toàn tỉnh đã giảm 13 phòng, ban thuộc sở, ...; giảm 163 đơn vị ...
        # thuộc UBND cấp huyện; ..."): the items that count the asked noun must be of the level
        # (a district's or commune's; "toàn tỉnh" opening the list is said of every item)
        unit = re.compile(rf"\b(?:{counted_unit(query.counted, f_sentence)})\b")
        items = [c for c in f_sentence.split(";") if unit.search(c)]
        if items and not any(_LEVELS[level].search(c) for c in items):
            other = [n for n, p in _LEVELS.items() if any(p.search(c) for c in items)]
            out.append((level, ", ".join(other) or "mục khác của danh sách"))
    if direction is not None and query.kind == L.NUMBER and (
            other := _said_instead(_DIRECTIONS, direction, f_sentence)):
        out.append((direction, ", ".join(other)))
    return out


@functools.lru_cache(maxsize=256)
def _council_asked(folded_question: str) -> str | None:
    """The one council (HĐND or UBND) a folded question names as a body, if any."""
    named = [name for name, p in _COUNCILS.items()
             if any(not _COUNCIL_TITLE.search(folded_question[:m.start()])
                    for m in p.finditer(folded_question))]
    return named[0] if len(named) == 1 else None


@functools.lru_cache(maxsize=256)
def _shares_given(folded_question: str) -> frozenset[str]:
    """The shares a folded question states as given ("rút ngắn 50% thời gian ... bao nhiêu TTHC")."""
    return frozenset(m.group(1).replace(",", ".") for m in _SHARE_SAID.finditer(folded_question))


def _other_bodies(query: Query, f_question: str, sentence: str, f_sentence: str) -> list[tuple[str, str]]:
    """(body asked, body said) where the sentence speaks of another body of the same kind than the
    one the question names, and not of that one: "UBND tỉnh ban hành 50 văn bản" is no answer on
    what HĐND tỉnh issued, "Sở Tư pháp đã thẩm định 604 dự thảo" none on Sở Nội vụ's work.
    Questions asking for a body or a person ("cơ quan nào", "ai") are answered by another one."""
    if query.kind in (L.ORGANISATION, L.PERSON):
        return []
    out = []
    if (council := _council_asked(f_question)) and (said := _said_instead(_COUNCILS, council, f_sentence)):
        out.append((council, said[0]))
    for body in query.bodies:
        head = next((h for h in _BODY_HEADS if body.startswith(h + " ")), None)
        if head is None or body in f_sentence or spelled_out(body) in f_sentence:
            continue
        others = [b for b in named_bodies(sentence) if fold(b).startswith(head + " ")]
        if others:
            out.append((_as_written(body, query.restored_text or query.text), others[0]))
    return out


@functools.lru_cache(maxsize=256)
def _doc_number_pattern(number: str) -> re.Pattern[str]:
    """Where a folded text names the document ``number``: "05/ct-ttg" with or without its year
    ("05/2023/CT-TTg"), leading zeros aside; "de an 6" as "Đề án 06" or "Đề án số 6"."""
    if m := re.fullmatch(r"([a-z ]+?) (\d+)", number):
        return re.compile(rf"\b{re.escape(m.group(1))}\s+(?:so\s+)?0*{int(m.group(2))}(?!\d)")
    return re.compile(r"(?<![\w/])0*" + re.escape(number).replace("/", r"(?:/\d{4})?/"))


def _as_written(folded: str, text: str) -> str:
    """The words of ``text`` whose folded form is ``folded`` ("so noi vu" -> "Sở Nội vụ"), first
    letter capitalised; ``folded`` itself when ``text`` does not hold it."""
    f = fold(text)
    i = f.find(folded)
    said = text[i:i + len(folded)] if i >= 0 and len(f) == len(text) else folded
    return said[:1].upper() + said[1:]


#: A day and month in digits, with the year if written ("15/1/2025", "3-2"; with a dot only after
#: a time word, "chiều 2.2": "IELTS 5.5" is a score).
_DAY_MONTH = re.compile(r"\b(?:(\d{1,2})\s*[/-]\s*(\d{1,2})(?:[/-](?:19|20)\d\d)?|"
                        r"(?:(?<=ngay )|(?<=sang )|(?<=trua )|(?<=toi )|(?<=dem )|(?<=chieu ))"
                        r"(\d{1,2})\.(\d{1,2})(?:\.(?:19|20)\d\d)?)\b")


def _person_item(f_person: str, f_para: str) -> tuple[str, str] | None:
    """What the folded paragraph says with the folded person name: the words before it back to a
    comma or semicolon ("thủ tướng chính phủ phạm minh chính") and after it up to the next
    semicolon or full stop (an attendee list's item: "phan mạnh hùng, tỉnh ủy viên, phó chủ tịch
    ubnd tỉnh; ..."); None when the paragraph does not name them."""
    i = f_para.find(f_person)
    if i < 0:
        return None
    # ("Thủ tướng ..., Trưởng BCĐ ... và đồng chí Phạm Thị Thanh Trà, ...": the title before "và
    # đồng chí" is the other person's)
    return _ITEM_BEFORE.split(f_para[:i])[-1], re.split(r";|\.(?=\s|$)", f_para[i + len(f_person):])[0]


_ITEM_BEFORE = re.compile(r"[,;:.()]|\bva (?:dong chi|ong|ba)\b")


#: A figure and the word after it ("1.720 biên chế", "gấp 10 lần", "75 nhóm"), a rank ("xếp thứ 3").
_FIGURE_UNIT = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)*)\s+(%|\w+)")
_RANK_CLAIM = re.compile(r"\b(?:xep|dung|xep hang|hang) (?:thu )?(\d+)\b(?![/.,]\d)")


def _figures_by_unit(text: str) -> dict[str, list[tuple[str, str]]]:
    """The figures of ``text`` (digits, or spelled in two words or more: "mười hai lần") under the
    folded word after them, each as (digits, as written with its word); ranks under "thu"."""
    out: dict[str, list[tuple[str, str]]] = {}
    f = fold(text)
    same = len(f) == len(text)
    for m in _FIGURE_UNIT.finditer(f):
        value = figure_digits(m.group(1))
        if _YEAR_WORD.search(f, max(0, m.start() - 5), m.start()) or value in ("0",):
            continue  # "năm 2024": a year
        end = m.end() if m.group(2) in _SHOWN_UNITS else m.end(1)  # "10 lần", "1.720" (not "1.720 biên")
        out.setdefault(m.group(2), []).append((value, text[m.start():end] if same else f[m.start():end]))
    words = list(re.finditer(r"\w+", text))
    i = 0
    while i < len(words):
        said = [w.group(0).lower() for w in words[i:i + 12]]
        value = None if said[0].isdecimal() else number_value(said)
        if value is not None and value[1] >= 2 and i + value[1] < len(words):
            unit = words[i + value[1]]
            end = unit.end() if fold(unit.group(0)) in _SHOWN_UNITS else words[i + value[1] - 1].end()
            out.setdefault(fold(unit.group(0)), []).append((str(value[0]), text[words[i].start():end]))
            i += value[1]
        else:
            i += 1
    for m in _RANK_CLAIM.finditer(f):
        out.setdefault("thu", []).append((m.group(1), text[m.start():m.end()] if same else m.group(0)))
    return out


_YEAR_WORD = re.compile(r"\bnam\s*$")
#: A figure claimed as a bound, not as the figure ("vượt quá 24 tín chỉ", "hơn 12 lần", "ít nhất 3").
_BOUND_FIGURE = re.compile(r"\b(?:vuot qua|qua|hon|tren|duoi|toi da|toi thieu|it nhat|nhieu nhat|khoang|gan|"
                           r"xap xi|den|tu)\s+(\d+(?:[.,]\d+)*)")
#: Units shown with their figure in a correction ("gần 4 lần"); others would be cut mid-word ("biên").
_SHOWN_UNITS = frozenset({"lan", "%", "nguoi", "ty", "trieu"})


def _figure_differs(asked: str, para: str, sentence: str) -> list[tuple[str, str]]:
    """Figures a yes/no question claims ("tinh giản 1.720 biên chế", "gấp 10 lần", "xếp thứ 3")
    that the paragraph of the answer does not say, while the sentence (or the paragraph) says
    another of the same word ("172 biên chế", "gần 4 lần", "xếp thứ 8"): (claimed, said)."""
    claimed = _figures_by_unit(asked)
    if not claimed:
        return []
    in_para, in_sentence = _figures_by_unit(para), _figures_by_unit(sentence)
    out = []
    bounds = {fold(x.group(1)) for x in _BOUND_FIGURE.finditer(fold(asked))}  # "vượt quá 24": a bound
    for unit, figures in claimed.items():
        said = in_sentence.get(unit) or in_para.get(unit)
        for value, written in figures:
            if not said or any(figure_digits(b) == value for b in bounds):
                continue
            if value not in {v for v, _ in in_para.get(unit, [])}:
                out.append((written, said[0][1]))
            elif (own := _figure_of_subject(asked, sentence, in_sentence.get(unit, []))) and own[0] != value:
                # "lượt giao dịch ... tăng 12 lần?": the text's 12 is of the payments, its
                # transactions rose "gần 4 lần"
                out.append((written, own[1]))
    return out


_CLAUSE_BREAK = re.compile(r"[,;:]|\bva\b|\bcon\b")


def _figure_of_subject(asked: str, sentence: str, figures: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Of the sentence's ``figures`` of one unit (:func:`_figures_by_unit`), the one said in the
    clause that shares most of the question's words (its words before the figure, up to a comma or
    "và"), when one clause shares clearly more than the others."""
    words = set(_WORD.findall(fold(asked)))
    f = fold(sentence)
    best: list[tuple[int, tuple[str, str]]] = []
    for value, written in figures:
        at = f.find(fold(written))
        if at < 0:
            continue
        clause = _CLAUSE_BREAK.split(f[:at])[-1]
        best.append((len(words & set(_WORD.findall(clause))), (value, written)))
    best.sort(key=lambda x: -x[0])
    return best[0][1] if len(best) > 1 and best[0][0] > best[1][0] else None


_WORD = re.compile(r"\w+")


def _provinces_spoken_of(sentence: str, para: str, f_para: str) -> set[str]:
    """The provinces a sentence names, or the one its paragraph opens on ("Đối với tỉnh Hà Giang,
    ...")."""
    return places_in(sentence) or (places_in(para[:60]) if L.PROVINCE_OPENING.match(f_para) else set())


def _role_differs(asked: str, fq: str, f_para: str, sentence: str, f_sentence: str) -> list[tuple[str, str]]:
    """A role a yes/no question claims of no one by name ("Chủ tịch UBND tỉnh trực tiếp dự ...")
    that the paragraph never gives while the sentence names another ("ông X - Phó Chủ tịch UBND
    tỉnh tham dự"): (the role claimed, the role said)."""
    for m in L.ROLE_SAID.finditer(fq):
        role = m.group(0)
        deputy = "" if fq[max(0, m.start() - 4):m.start()] == "pho " else r"(?<!pho )"
        if re.search(rf"{deputy}\b{re.escape(role)}\b", f_para):
            continue
        said = next((r.group(0) for r in L.ROLE_SAID.finditer(f_sentence) if r.group(0) not in fq), None)
        if said:
            return [(_as_written(role, asked), _as_written(said, sentence))]
    return []


def _said_with(f_person: str, f_para: str) -> str | None:
    """The person's item (:func:`_person_item`) as one text, name included."""
    item = _person_item(f_person, f_para)
    return f"{item[0]} {f_person} {item[1]}" if item else None


def _role_of(f_person: str, f_para: str) -> str | None:
    """The role title the paragraph gives the person after their name, with "phó" (within 120
    characters of their item)."""
    item = _person_item(f_person, f_para)
    m = re.search(rf"(?:pho\s+)?(?:{L.ROLE_SAID.pattern})", item[1][:120]) if item else None
    return m.group(0) if m else None


#: The part of the day a date is given with ("sáng 15/1/2025", "chiều ngày 3-2"), folded.
_PART_OF_DAY = re.compile(r"\b(sang|chieu|trua|toi|dem)\s+(?:ngay\s+|hom\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}"
                          r"(?:[/.-](?:19|20)\d\d)?")


def _span_as_written(m: re.Match[str], text: str, folded: str) -> str:
    """What ``m`` (a match in ``folded``, the folded ``text``) spans, as ``text`` writes it, in
    lower case ("sáng 15/1/2025")."""
    said = text[m.start():m.end()] if len(text) == len(folded) else m.group(0)
    return said.lower()


def _days(folded: str) -> set[tuple[int, int]]:
    """The (day, month) pairs a folded text names ("15/1/2025", "chiều 3-2", "ngày 3-3")."""
    out = set()
    for m in _DAY_MONTH.finditer(folded):
        day, month = (int(g) for g in m.groups() if g is not None)
        if 1 <= day <= 31 and 1 <= month <= 12:
            out.add((day, month))
    return out


class Checker:
    """Checks sentences of one index's documents against questions (document facts cached)."""

    def __init__(self, doc_text: Callable[[str], str | None]) -> None:
        self._doc_text = doc_text
        self._facts = functools.lru_cache(maxsize=256)(self._compute)

    def _compute(self, doc: Document) -> tuple[str, DocFacts]:
        text = self._doc_text(doc.doc_id) or ""
        return text, document_facts(doc, text)

    def facts(self, doc: Document) -> tuple[str, DocFacts]:
        """The document's text and facts."""
        return self._facts(doc)

    def paragraph(self, doc: Document, start: int, end: int) -> tuple[int, int]:
        """The (start, end) of the paragraph holding ``start:end``."""
        _, facts = self.facts(doc)
        for a, b in facts.paragraphs:
            if a <= start < b or (a < end <= b):
                return a, b
        return start, end

    def sentence_years(self, doc: Document, start: int, end: int, figures: bool = False) -> set[int]:
        """Years the sentence at ``start:end`` is about (see module docstring). ``figures``: for a
        figure, a document that reviews one year and plans the next is about the year reviewed."""
        text, facts = self.facts(doc)
        own = years_in(fold(text[start:end]), doc.year)
        if own:
            return own
        a, _ = self.paragraph(doc, start, end)
        before = _SENTENCE_BREAK.split(text[a:start])
        for sentence in reversed(before):
            if ys := years_in(fold(sentence), doc.year):
                return ys
        if figures and facts.years - facts.plan_years:  # a review's figures: of the year reviewed
            return facts.years - facts.plan_years
        return facts.years

    def claim_differs(self, query: Query, doc: Document, start: int, end: int) -> list[tuple[str, str]]:
        """For a yes/no question, the details it claims that the paragraph of the sentence at
        ``start:end`` does not say, each with what the sentence says instead: a person ("Có phải
        Thủ tướng Phạm Minh Chính chủ trì phiên họp thứ chín?": the deputy chaired it), a day
        ("diễn ra chiều 16/1/2025": the text says 15/1) and, said of a person, a role title ("với
        tư cách Phó Bí thư Tỉnh ủy"). A sentence that corrects the claim answers it only in part."""
        asked = query.restored_text or query.text
        fq = fold(asked)
        text, _ = self.facts(doc)
        a, b = self.paragraph(doc, start, end)
        f_para = fold(text[a:b])
        sentence = text[start:end]
        f_sentence = fold(sentence)
        out: list[tuple[str, str]] = []
        people = people_named(asked)
        for person in people:
            if fold(person) not in f_para:
                others = [n for n in people_named(sentence) if fold(n) not in fq]
                out.append((person, others[0] if others else "người khác"))
        if people and not out:
            for m in L.ROLE_SAID.finditer(fq):
                role = m.group(0)
                # "với tư cách Chủ tịch UBND tỉnh": not met by "Phó Chủ tịch UBND tỉnh"
                deputy = "" if fq[max(0, m.start() - 4):m.start()] == "pho " else r"(?<!pho )"
                # the person's own titles where the paragraph names them ("Hoàng Gia Long, Ủy viên
                # BTV Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh;"), else the whole paragraph
                own = _said_with(fold(people[0]), f_para) or f_para
                if not re.search(rf"{deputy}\b{re.escape(role)}\b", own):
                    # the same title as the person holds it ("Phó trưởng BCĐ" for "Trưởng BCĐ")
                    like = re.search(rf"\b(?:pho\s+)?{re.escape(role)}\b", own) if deputy else None
                    said = (like and like.group(0)) or _role_of(fold(people[0]), f_para) or next(
                        (r.group(0) for r in L.ROLE_SAID.finditer(f_sentence) if r.group(0) not in fq), None)
                    out.append((_as_written(role, asked), _as_written(said, text[a:b]) if said
                                else "chức danh khác"))
        if not people:  # "do Chủ tịch UBND tỉnh chủ trì, đúng không?": said of whoever holds it
            out.extend(_role_differs(asked, fq, f_para, sentence, f_sentence))
        # "tinh giản 1.720 biên chế ... có chính xác không?": the text's "172 biên chế"
        out.extend(_figure_differs(asked, text[a:b], sentence))
        # "có phải ... bị tụt hạng ...?": the text's "có sự thăng hạng"
        out.extend((_as_written(claimed, asked).lower(), _as_written(said, sentence).lower())
                   for claimed, said in _OPPOSITES
                   if re.search(rf"\b{claimed}\b", fq) and not re.search(rf"\b{claimed}\b", f_para)
                   and re.search(rf"\b{said}\b", f_sentence))
        # "có đúng là HĐND tỉnh đã ban hành ...?": a council the paragraph never names did nothing
        # there ("UBND tỉnh đã ban hành ..." where it names the other one)
        if (council := _council_asked(fq)) and not _COUNCILS[council].search(f_para):
            said = _said_instead(_COUNCILS, council, f_para)
            out.append((council, said[0] if said else "cơ quan khác"))
        days = _days(fq)
        if days and not days & _days(f_para) and (said := _DAY_MONTH.search(f_sentence)):
            claimed = _DAY_MONTH.search(fq)
            out.append((_as_written(claimed.group(0), asked) if claimed else "ngày hỏi",
                        _as_written(said.group(0), sentence)))
        # "họp sáng 15/1/2025": the text's "Chiều ngày 15/1/2025" is another part of the day
        if days and days & _days(f_sentence) and (claimed := _PART_OF_DAY.search(fq)) and \
                (said := _PART_OF_DAY.search(f_sentence)) and said.group(1) != claimed.group(1):
            out.append((_span_as_written(claimed, asked, fq), _span_as_written(said, sentence, f_sentence)))
        return out

    def check(self, query: Query, doc: Document, start: int, end: int) -> Verdict:
        """The :class:`Verdict` of the sentence ``doc.text[start:end]`` for ``query``."""
        v = Verdict()
        f_question = fold(query.restored_text or query.text)
        shares = _shares_given(f_question)
        if not query.constrained and not query.roles and not shares and not _council_asked(f_question) \
                and not any(_given(f_question)):
            return v
        text, facts = self.facts(doc)
        a, b = self.paragraph(doc, start, end)
        sentence, para = text[start:end], text[a:b]
        f_sentence, f_para, f_title = fold(sentence), fold(para), fold(doc.title)
        v.contradicted.extend(_other_bodies(query, f_question, sentence, f_sentence))
        v.contradicted.extend(_other_given(query, f_question, f_sentence))
        said = {m.group(1).replace(",", "."): m.group(1) for m in _SHARE_SAID.finditer(f_sentence)} \
            if shares else {}
        if said and not said.keys() & shares:  # "rút ngắn 50% ..." asked, "rút ngắn 30% ..." said
            instead = ", ".join(f"{x}%" for x in said.values())
            v.contradicted.extend((f"{n.replace('.', ',')}%", instead) for n in sorted(shares))
        about = self.sentence_years(doc, start, end, query.kind == L.NUMBER) if query.years else set()
        period = L.PERIOD.search(f_sentence) if query.years else None
        whole = _period_figure(f_sentence, query.years) if query.kind == L.NUMBER else None
        if period:  # "trong 3 năm qua": several years at once, not the one asked for
            v.contradicted.extend((f"năm {y}", f"nhiều năm: \"{sentence[period.start():period.end()]}\"")
                                  for y in query.years)
        elif whole:  # "Giai đoạn 2016-2021, ... 604 dự thảo": the period's figure, not one year's
            v.contradicted.extend((f"năm {y}", whole) for y in query.years)
        elif about:  # a text that says nothing of its year neither meets nor contradicts one
            for y in query.years:
                if y in about:
                    v.supported.append(f"năm {y}")
                else:
                    v.contradicted.append((f"năm {y}", _fmt_years(about)))
        # "họp đánh giá kết quả CCHC năm 2024": the meeting that reviews 2024, not the one that
        # reviewed 2023 and set the tasks of 2024 (the year its title and lead plan)
        review = L.REVIEW_ASKED.search(f_question)
        if review and (y := int(review.group(1))) in facts.plan_years and (
                reviewed := facts.years - facts.plan_years) and y not in reviewed:
            v.contradicted.append((f"kết quả năm {y}", "kết quả " + _fmt_years(reviewed)))
        # "cả nước cắt giảm bao nhiêu ...?": not a province's figure ("Đối với tỉnh Hà Giang, ...")
        if L.NATIONAL_ASKED.search(f_question) and not L.NATIONAL_SCOPE.search(f_sentence) and (
                (local := _provinces_spoken_of(sentence, para, f_para)) or L.LOCAL_SCOPE.search(f_sentence)):
            v.contradicted.append(("cả nước", ", ".join(map(_province_name, sorted(local))) or "một tỉnh"))
        for y, month in query.event_months:  # "bài tháng 3/2024": that month's article (or the next)
            if doc.date and doc.year == y and int(doc.date[5:7]) not in (month, month + 1):
                v.contradicted.append((f"tháng {month}/{y}", f"tháng {int(doc.date[5:7])}/{y}"))
        for y in query.event_years:
            if doc.year == y:
                v.supported.append(f"năm {y}")
            else:
                v.contradicted.append((f"cuộc họp năm {y}", f"cuộc họp năm {doc.year}" if doc.year
                                       else "không rõ năm"))
        if query.periods:
            self._check_periods(v, query.periods, f_para, f_title, facts, f_sentence)
        said_parts = set(year_parts_named(f"{f_title}\n{f_para}")) if query.year_parts else set()
        for part in query.year_parts:  # "6 tháng đầu năm": a half-year review, not the year's
            (v.supported if part in said_parts else v.unmet).append(part_label(part))
        if query.compared_years and (said := {int(m.group(1)) for m in L.YEAR_COMPARED.finditer(f_sentence)}):
            for y in query.compared_years:  # "so với năm 2020" asked, "so với năm 2021" said: another change
                if y in said:
                    v.supported.append(f"so với năm {y}")
                else:
                    v.contradicted.append((f"so với năm {y}", "so với " + _fmt_years(said)))
        for role in query.roles:  # "Thủ tướng ... yêu cầu gì?": not "Phó Thủ tướng yêu cầu ..."
            if re.search(rf"\bpho {re.escape(role)}\b", f_sentence) and not gives_role(role, f_sentence):
                v.contradicted.append((role_label(role), "phó " + role_label(role).lower()))
            elif query.kind == L.LIST and not re.search(rf"(?<!pho )\b{re.escape(role)}\b", f_para) and (
                    other := next((m.group(0) for m in L.ROLE_SAID.finditer(f_sentence)), None)):
                # "Chủ tịch UBND tỉnh đã phát biểu những nội dung gì?": not what "Phó Thủ tướng
                # yêu cầu ..." in a paragraph that never names the role
                v.contradicted.append((role_label(role), role_label(other).lower()))
        if query.sessions:
            named = sessions_in(f_para, para) or facts.sessions
            for n in query.sessions:
                if n in named:
                    v.supported.append(f"phiên họp thứ {n}")
                elif named:
                    other = ", ".join(f"thứ {x}" for x in sorted(named))
                    v.contradicted.append((f"phiên họp thứ {n}", f"phiên họp {other}"))
                else:
                    v.unmet.append(f"phiên họp thứ {n}")
        for place in query.places:
            self._check_place(v, place, sentence, para, doc, facts, place in query.bridges)
        alone = ALONE.search(fold(query.text))  # "Riêng Trung tâm ...": that body, not the province's
        for body in query.bodies:
            full = spelled_out(body)  # "trung tam hcc" -> "trung tam hanh chinh cong"
            label = _as_written(body, query.restored_text or query.text)  # "Sở Nội vụ", not "so noi vu"
            if alone:
                if not any(b in f_sentence for b in {body, full}):
                    v.unmet.append(label)
                    continue
            if any(b in f_para or b in f_title or b in facts.folded for b in {body, full}):
                v.supported.append(label)
            else:
                v.unmet.append(label)
        for person in query.people:
            self._check_person(v, person, f_para, text, facts)
        if alone and not (query.bodies or query.places) and (
                part := alone_part(query.restored_text or query.text)):
            said, words = part  # "riêng khối cấp huyện": the sentence itself speaks of "cấp huyện"
            if not all(re.search(rf"\b{w}\b", f_sentence) for w in words):
                v.unmet.append(said)
        for number in query.doc_numbers:
            pattern = _doc_number_pattern(number)
            if pattern.search(f_para) or pattern.search(facts.folded) or pattern.search(f_title):
                v.supported.append(_as_written(number, query.text))
            else:
                v.unmet.append(_as_written(number, query.text))
        return v

    @staticmethod
    def _check_periods(v: Verdict, periods: list[tuple[int, int]], f_para: str, f_title: str,
                       facts: DocFacts, f_sentence: str = "") -> None:
        """A period asked for ("giai đoạn 2031-2040") is met where the paragraph, the title or
        the document names it, or the paragraph names its first and last years ("từ 2000 đến
        2005"); a paragraph naming only other periods is about them instead; one naming none meets
        it with a year inside it (its own or its document's). A sentence that names its own
        periods speaks of them ("Năm học 2016-2017: 790.000 đ/ tháng." is no answer for 2018-2019,
        whatever the lines after it say)."""
        named = periods_named(f_para)
        own = periods_named(f_sentence)
        years = {int(y) for y in _YEAR_DIGITS.findall(f_para)}
        for a, b in periods:
            label = f"giai đoạn {a}-{b}"
            if own and (a, b) not in own:
                v.contradicted.append((label, ", ".join(f"giai đoạn {x}-{y}" for x, y in own)))
            elif ((a, b) in named or {a, b} <= years or (a, b) in periods_named(f_title)
                    or (a, b) in periods_named(facts.folded)):
                v.supported.append(label)
            elif named:
                v.contradicted.append((label, ", ".join(f"giai đoạn {x}-{y}" for x, y in named)))
            elif (years | facts.years) & set(range(a, b + 1)):  # "năm 2024" of "2021-2025"
                v.supported.append(label)
            else:
                v.unmet.append(label)

    @staticmethod
    def _check_place(v: Verdict, place: str, sentence: str, para: str, doc: Document,
                     facts: DocFacts, bridge: bool = False) -> None:
        """A province asked is met where the sentence names it, or its paragraph does and the
        sentence is not national in scope, or the article is the province's and the sentence
        local; another province named instead contradicts it. A province asked as a bridge point
        (``bridge``: "tại điểm cầu Khánh Hòa") is met only where the text speaks of it as one: its
        paragraph says "điểm cầu" with it, the article names its bridge point, or the article is
        the province's and the paragraph says the province's own ("điểm cầu của tỉnh"); a province
        listed among examples ("như: Hà Nội, Khánh Hòa, ...") leaves it unmet."""
        name = _province_name(place)
        in_sentence, in_para = places_in(sentence), places_in(para)
        f_sentence = fold(sentence)
        if bridge:
            f_para = fold(para)
            said = place in facts.bridges or ("diem cau" in f_para and place in in_para) or (
                place in facts.places and L.OWN_BRIDGE.search(f_para))
            if not said:
                probe = Verdict()
                Checker._check_place(probe, place, sentence, para, doc, facts)
                v.contradicted.extend(probe.contradicted)
                if not probe.contradicted:
                    v.unmet.append(f"điểm cầu {name}")
                return
        # "Ban Chỉ đạo thống nhất ..." in an article on the Government's Steering Committee: that
        # committee, not the province an earlier sentence of the paragraph gave as an example
        national = bool(L.NATIONAL_SCOPE.search(f_sentence) or (
            _UNQUALIFIED_BODY.search(f_sentence) and L.NATIONAL_SCOPE.search(fold(doc.title))
            and not _PROVINCE_OWN.search(f_sentence)))
        if place in in_sentence or (place in in_para and not national):
            v.supported.append(name)
        elif in_sentence - {place}:
            v.contradicted.append((name, ", ".join(_province_name(p) for p in sorted(in_sentence))))
        elif in_para - {place} and not national:
            v.contradicted.append((name, ", ".join(_province_name(p) for p in sorted(in_para))))
        elif place in facts.places and not national and L.LOCAL_SCOPE.search(f_sentence):
            v.supported.append(name)
        else:
            v.unmet.append(name)

    @staticmethod
    def _check_person(v: Verdict, person: str, f_para: str, text: str, facts: DocFacts) -> None:
        f_person = fold(person)
        if f_person in f_para or f_person in fold(facts.lead):
            v.supported.append(person)  # named here, or the subject of the whole article
            return
        # the paragraph refers back to the person by the title named with them earlier
        if any(re.search(rf"\b{re.escape(t)}\b", f_para) for t in person_titles(f_person, facts.folded)):
            v.supported.append(person)
            return
        v.unmet.append(person)


def person_titles(f_person: str, folded_doc: str) -> list[str]:
    """The office titles (folded, language.TITLES; not "đồng chí", "ông", "bà", said of anyone) a
    folded document gives the folded person name at its first mention, before it ("Bí thư Tỉnh
    ủy Vũ Đại Thắng") or after it in the same sentence ("đồng chí Vũ Đại Thắng, Ủy viên Ban Chấp
    hành Trung ương Đảng, Bí thư Tỉnh ủy"): what its later paragraphs call them by."""
    i = folded_doc.find(f_person)
    if i < 0:
        return []
    end = i + len(f_person)
    near = folded_doc[max(0, i - 40):i] + " | " + folded_doc[end:end + 80].split(".")[0]
    found = [fold(t) for t in L.TITLES if t not in L.HONORIFICS and fold(t) in near]
    return [t for t in found if f"pho {t}" not in found]  # a deputy's title holds the head's
