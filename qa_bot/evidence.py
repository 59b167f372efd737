"""What a passage says about the constraints of a question, and whether a sentence carries the
kind of answer asked for.

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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from . import language as L
from .lexicon import ABBREVIATIONS
from .models import Document
from .normalize import fold
from .query import (
    Query,
    _ordinal,
    _two_syllable_words_folded,
    bridges_named,
    foreign_word,
    people_named,
    periods_named,
    places_named,
    year_parts_named,
)
from .tokens import number_value

# -- the years, sessions and places a text names -------------------------------------------------


def years_in(folded: str, pub_year: int | None = None) -> set[int]:
    """Years a (folded) text is about: named years, ranges and "từ năm X đến nay"; not years
    that are only compared with, nor a programme's span when the text names years of its own."""
    text = L.YEAR_COMPARED.sub(" ", folded)
    if (own := L.PROGRAMME_PERIOD.sub(" ", text)) != text and _years_named(own, pub_year):
        text = own  # a programme's span yields to the years the sentence names of its own
    return _years_named(text, pub_year)


def _years_named(text: str, pub_year: int | None) -> set[int]:
    years: set[int] = set()
    for m in L.YEAR_RANGE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 30:
            years.update(range(a, b + 1))
    text = L.YEAR_RANGE.sub(" ", text)
    for m in L.YEAR_SINCE.finditer(text):
        start = int(m.group(1))
        years.update(range(start, (pub_year or start) + 1))
    text = L.YEAR_SINCE.sub(" ", text)
    years.update(int(m.group(1)) for m in L.DATE_YEAR.finditer(text))
    text = L.DATE_YEAR.sub(" ", text)
    years.update(int(m.group(1)) for m in L.YEAR.finditer(text))
    return years


def sessions_in(folded: str, original: str) -> set[int]:
    """Session ordinals a text names ("phiên họp thứ chín", "(phiên thứ 7)")."""
    out = set()
    low = original.lower()
    for m in L.SESSION.finditer(folded):
        words = [w.strip("().,;:") for w in low[m.start(3):m.end(3)].split()]
        if (n := _ordinal([w for w in words if w])) is not None:
            out.add(n)
    return out


def places_in(text: str) -> set[str]:
    """Provinces a text names (folded canonical names), not counting people's names."""
    return set(places_named(fold(text), people_named(text)))


@dataclass
class DocFacts:
    """What a document says about itself (title, lead sentence, metadata)."""

    years: set[int]
    sessions: set[int]
    places: set[str]
    text: str
    paragraphs: list[tuple[int, int]]  # (start, end) of each paragraph
    lead: str  # the first sentence
    #: years the title and lead name as what is planned ("phương hướng, nhiệm vụ công tác năm 2025")
    plan_years: set[int] = field(default_factory=set)

    @functools.cached_property
    def folded(self) -> str:
        """The whole text, folded (computed when a check needs it)."""
        return fold(self.text)

    @functools.cached_property
    def bridges(self) -> set[str]:
        """Provinces the text names as bridge points ("Tại điểm cầu Khánh Hòa, ..."), folded
        (read when a question asks for one)."""
        return bridges_in(self.text, self.folded)


#: Patterns of the answer checks, compiled once (inline patterns live in re's small cache, which
#: the patterns made per question keep emptying: a recompiled pattern cost up to 2.5 ms).
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_FIRST_BREAK = re.compile(r"(?<=[.!?])\s")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
_NEXT_WORD = re.compile(r"\s*(\w+)")
_BODY_WORDS = re.compile(r"\b(UBND|HĐND|BCĐ|Chính phủ|Tỉnh ủy|Ủy ban[^,.;]*|Quốc hội|Tòa án|"
                         r"Viện kiểm sát|Hội đồng|Nhà nước|Trường|Khoa)\b")
_THU_MAY = re.compile(r"\bthu (?:may|bao nhieu)\b")
#: An ordinal: "thứ hai", "thứ 3", and the first said without "thứ" ("lần đầu", "đầu tiên").
_ORDINAL = re.compile(r"\bthứ\s+\w+|\b(?:lần|đợt|lượt) đầu\b|\bđầu tiên\b")
_ASKS_RANK = re.compile(r"\bthu (?:bao nhieu|may)\b")
#: A share said in words ("một nửa", "hai phần ba"), and the counted nouns that ask for a share.
_FRACTION = re.compile(r"\b(?:một nửa|phân nửa|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín) phần "
                       r"(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\b")
_SHARES = frozenset({"phan tram", "phan"})
_BAO_LAU = re.compile(r"\bbao lau\b")
#: What follows from a condition in a rule: "... thì được / phải / bị / sẽ / không ...".
_THEN_RULE = re.compile(r"\w\s*,?\s+thì\s+(?:được|phải|bị|sẽ|không|chỉ)\b")
_UNTIL = re.compile(r"\b(cho den|den khi|trong suot|suot)\b")
_WORD = re.compile(r"\w+")
_NGUOI = re.compile(r"\bnguoi (?!dan\b)\w+")
#: A body by its kind ("cơ quan chức năng", "chính phủ liên hiệp", "ủy ban đặc biệt", a school's
#: "văn phòng khoa", "bộ môn quản lý ngành", a field of study "ngành đào tạo kỹ sư"), lower case.
_GENERIC_BODY = re.compile(r"\b(?:cơ quan|tổ chức|doanh nghiệp|công ty|đơn vị|chính phủ|chính quyền|"
                           r"nghị viện|ủy ban|văn phòng|bộ môn|ngành)\s+\w+")
_UNIT_NAMED = re.compile(rf"\b(?:bộ phận|phòng|ban|trung tâm|viện|khoa|hội|nhóm|tổ)\s+[“\"]?[{L.UPPER}]\w*")
#: A front, party, union, company... by name ("Mặt trận Hồi giáo Quốc gia", "Đảng Lao động").
_ORG_NAMED = re.compile(rf"\b(?:[Mm]ặt trận|[Đđ]ảng|[Ll]iên minh|[Ll]iên đoàn|[Hh]iệp hội|[Cc]ông ty|"
                        rf"[Tt]ập đoàn|[Tt]ổ chức|[Qq]uỹ)\s+[“\"]?[{L.UPPER}]\w*")
_ACRONYM_BODY = re.compile(r"\b(?:P\.|Phòng)\s*[A-ZĐ]{2,}\b|\b[A-ZĐ]{3,}\b")
#: A place said with a locative word: "tại", "ở", "trên", "qua" (through), "giữa" (between), "gần"...
_PLACE_WORD = re.compile(r"\b(tai|o|diem cau|tinh|thanh pho|huyen|tren dia ban|tren|trong|qua|giua|gan|quanh)"
                         r"\s+(cac\s+)?\w+")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]


#: A year named as what is planned ("phương hướng, nhiệm vụ công tác năm 2025").
_PLAN_YEAR = re.compile(r"\b(?:phuong huong|nhiem vu|ke hoach|dinh huong|muc tieu)(?:[ ,]+[a-z]+){0,4}"
                        r" nam ((?:19|20)\d\d)\b")


def document_facts(doc: Document, text: str) -> DocFacts:
    """The years, sessions and places of a document, from its title, lead and metadata."""
    paragraphs = _paragraphs(text)
    lead = text[paragraphs[0][0]:paragraphs[0][1]]
    first = _FIRST_BREAK.split(lead, maxsplit=1)[0]
    head = f"{doc.title}\n{first}"
    years = years_in(fold(head), doc.year)
    if not years and doc.year is not None:
        years = {doc.year}
        if doc.date and int(doc.date[5:7]) <= 3:
            years.add(doc.year - 1)  # a review early in the year is about the year before
    sessions = sessions_in(fold(f"{doc.title}\n{lead}"), f"{doc.title}\n{lead}")
    places = places_in(f"{doc.title}\n{doc.source or ''}\n{lead}")
    plans = {int(m.group(1)) for m in _PLAN_YEAR.finditer(fold(head))}
    return DocFacts(years, sessions, places, text, paragraphs, first, plans & years)


def bridges_in(text: str, folded: str | None = None) -> set[str]:
    """Provinces a text names as bridge points ("Tại điểm cầu Khánh Hòa", "điểm cầu tỉnh Hà
    Giang"), folded canonical names (``folded``: the text folded, when already at hand)."""
    f = fold(text) if folded is None else folded
    if "diem cau" not in f:
        return set()
    return {p for m in L.BRIDGE_SAID.finditer(f) for p in bridges_named(m.group(0), people_named(
        text[m.start():m.end()]))}


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
        unit = re.compile(rf"\b(?:{_counted_unit(query.counted, f_sentence)})\b")
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
        others = [b for b in _named_bodies(sentence) if fold(b).startswith(head + " ")]
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


def _role_of(f_person: str, f_para: str) -> str | None:
    """The role title the folded paragraph gives the folded person name, read after the name up
    to the next person ("Phan Mạnh Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh; ..."), with "phó"."""
    i = f_para.find(f_person)
    if i < 0:
        return None
    after = re.split(r"[;.]", f_para[i + len(f_person):i + len(f_person) + 120])[0]
    m = re.search(rf"(?:pho\s+)?(?:{L.ROLE_SAID.pattern})", after)
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
                if not re.search(rf"{deputy}\b{re.escape(role)}\b", f_para):
                    said = _role_of(fold(people[0]), f_para) or next(
                        (r.group(0) for r in L.ROLE_SAID.finditer(f_sentence) if r.group(0) not in fq), None)
                    out.append((_as_written(role, asked), _as_written(said, text[a:b]) if said
                                else "chức danh khác"))
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
            if re.search(rf"\bpho {re.escape(role)}\b", f_sentence) and not _gives_role(role, f_sentence):
                v.contradicted.append((role_label(role), "phó " + role_label(role).lower()))
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
        alone = _ALONE.search(fold(query.text))  # "Riêng Trung tâm ...": that body, not the province's
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
                part := _alone_part(query.restored_text or query.text)):
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


# -- the kind of answer a sentence carries --------------------------------------------------------
_QUESTION_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=256)
def _asked_numbers(question: str) -> frozenset[str]:
    """The numbers a question says, without their separators, and those it spells in two words or
    more ("Ngoài năm mươi bảy nhóm nhiệm vụ, ... bao nhiêu nhiệm vụ?" gives 57: a sentence's "57"
    repeats it; one word, "ba" or "năm", may be an ordinal or a year)."""
    said = {n.replace(".", "").replace(",", "") for n in _QUESTION_NUMBERS.findall(question)}
    words = _WORD.findall(question.lower())
    i = 0
    while i < len(words):
        spelled = number_value(words[i:]) if not words[i].isdecimal() else None
        if spelled is not None and spelled[1] >= 2:
            said.add(str(spelled[0]))
        i += spelled[1] if spelled is not None else 1
    return frozenset(said)


@functools.lru_cache(maxsize=256)
def _asked_words(folded_question: str) -> frozenset[str]:
    """The words of a folded question, with the first word of each meaning of the abbreviations
    among them (a question that writes "TTHC" asks about what a text may count in words: "1.971
    thủ tục"); read once per question, not once per sentence."""
    asked = set(_WORD.findall(folded_question))
    asked |= {h for w in asked for h in _ABBREVIATION_HEADS.get(w, ())}
    return frozenset(asked)


def _quantities(sentence: str, question: str) -> list[tuple[int, int]]:
    """Spans of the numbers of a sentence that are quantities (not dates, years, ordinals or
    document numbers) and that the question does not already say."""
    asked = _asked_numbers(question)
    masked = L.NOT_QUANTITY.sub(lambda m: " " * len(m.group(0)), sentence)
    spans = [m.span() for m in L.DIGITS.finditer(masked)
             if m.group(0).replace(".", "").replace(",", "") not in asked]
    spans += [m.span() for m in L.NUMBER_WORDS_MARKED.finditer(masked.lower())]
    return spans


#: A known abbreviation of one meaning (folded) -> that meaning, folded ("dvc" -> "dich vu cong");
#: not one that folds into a word ("TƯ" folds to the "tu" of "đầu tư").
ABBREVIATION_MEANING: dict[str, str] = {
    fold(abbr): fold(meanings[0]) for abbr, meanings in ABBREVIATIONS.items() if len(meanings) == 1
    and (fold(abbr) == abbr.lower() or not re.search(r"[aeiouy]", fold(abbr)))}
#: A known abbreviation (folded) -> the first word of each of its meanings: a question that writes
#: "TTHC" asks about what a text may count in words ("1.971 thủ tục").
_ABBREVIATION_HEADS: dict[str, tuple[str, ...]] = {
    fold(abbr): tuple(dict.fromkeys(fold(m).split()[0] for m in meanings))
    for abbr, meanings in ABBREVIATIONS.items()}


#: "riêng X" (X alone): the answer must be said of X itself, not of the whole it belongs to.
_ALONE = re.compile(r"\b(rieng|chi rieng|doi voi rieng)\b")
#: ... and the words of X: up to four words after it, up to a function word ("là", "thì", "đã").
_ALONE_PART = re.compile(r"\brieng\s+((?:(?!(?:la|thi|da|co|duoc|dat|bao|nam|tai|trong|cua|ve|"
                         r"nhu|va|se|may|gi|nao|ai)\b)\w+\s*){1,4})")  # ... or a question word
#: Words that only group X ("khối cấp huyện", "các sở"): not what the sentence must say.
_GROUPING = frozenset({"khoi", "nhom", "cac", "nhung", "moi", "tung"})


def _alone_part(question: str) -> tuple[str, list[str]] | None:
    """X of "riêng X" as written (without grouping words) and its folded words, when X is not a
    year, a place or a body (checked as such)."""
    f = fold(question)
    m = _ALONE_PART.search(f)
    if m is None:
        return None
    words = m.group(1).split()
    start = m.start(1)
    while words and words[0] in _GROUPING:
        start = f.index(words[0], start) + len(words[0]) + 1
        words = words[1:]
    if not words or places_in(question[start:m.end(1)]) or _BODY_WORDS.match(question[start:]):
        return None
    return question[start:m.end(1)].strip(), words
#: "tăng/giảm bao nhiêu" (how much it grew), and a multiplier that says it ("tăng gần 4 lần").
_CHANGE = re.compile(r"\b(tang(?! cuong)|giam(?! sat| doc)|gap|nhieu hon|it hon|cao hon|thap hon|"
                     r"so voi (?:nam|cung ky|ky|giai doan|truoc|\d)|len|xuong|rut ngan|cat giam|tinh gian|"
                     r"chenh lech)\b")
_ASKS_GROWTH = re.compile(r"\b(tang|giam|gap) (len |xuong )?(?:bao nhieu|may lan)\b")
_MULTIPLIER = re.compile(r"\b(tang|giam|gap)\b[^.;]{0,20}?\b\d+(?:[.,]\d+)?\s+lan\b")
#: A date question that asks for a day, and a date that is only a year.
_ASKS_DAY = re.compile(r"\b(ngay nao|ngay may|hom nao|ngay bao nhieu)\b|"
                       r"\b(phien hop|phien|cuoc hop|buoi hop|hoi nghi|buoi lam viec|ky hop)\b[^?]*"
                       r"\b(dien ra|hop|to chuc|duoc to chuc)\b[^?]*\b(khi nao|bao gio|luc nao)\b")
#: (a meeting is held on a day: "Phiên họp ... diễn ra khi nào?" is not met by "Năm 2024, ...")
#: "... tăng gần 4 lần so với năm nào?": the year compared with is asked (folded).
_ASKS_COMPARED = re.compile(r"\bso voi\b[^?]{0,20}?\b(?:nao|may)\b")
#: A date question that asks for a month, and a time expression that gives one (folded).
_ASKS_MONTH = re.compile(r"\bthang (?:nao|may|bao nhieu)\b")
_MONTH_SAID = re.compile(r"\bthang\s+(?:\d|gieng|chap|mot|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|"
                         r"\d{1,2}\s*[/.-]\s*\d{1,4}")
#: A date question that names the unit of the calendar it asks for (a day, month, year, deadline).
_ASKS_CALENDAR = re.compile(r"\b(?:ngay|thang|nam|hom|quy) (?:nao|may|bao nhieu)\b|\bthoi han nao\b|"
                            r"\bhan chot\b")
_FREQUENCY = re.compile(r"(?:hang|moi) (?:nam|thang|tuan|ngay|quy)")
_BARE_YEAR = re.compile(r"(nam\s+)?(1[0-9]{3}|20\d\d)")


def spelled_out(folded: str) -> str:
    """A folded text with each known abbreviation of one meaning written out ("trung tam hcc" ->
    "trung tam hanh chinh cong")."""
    return _WORD.sub(lambda m: ABBREVIATION_MEANING.get(m.group(0), m.group(0)), folded)


#: What a number counts, up to the end of its list item ("163 đơn vị sự nghiệp công lập thuộc UBND
#: cấp huyện; giảm 8 ..."), folded.
_COUNTED_PHRASE = re.compile(r"[^;.:()]{0,100}")


def _other_class(fq: str, phrase: str) -> bool:
    """True when the counted ``phrase`` puts what it counts in another class of one of the
    classifications of administrative writing (:data:`~qa_bot.language.COUNTED_CLASSES`: the
    level, "cấp huyện" / "cấp xã"; the kind of unit, "hành chính" / "sự nghiệp") than the
    question: "bao nhiêu đơn vị hành chính cấp huyện" is not counted by "163 đơn vị sự nghiệp ...
    thuộc UBND cấp huyện" nor by "8 đơn vị cấp xã". A phrase or question naming no class of one
    classification never clashes on it, except for a part (:data:`~qa_bot.language.SUBSET_CLASSES`:
    "bao nhiêu DVC trực tuyến toàn trình" is not counted by "1.818 dịch vụ công trực tuyến")."""
    for classes in L.COUNTED_CLASSES:
        asked = {c for c in classes if re.search(rf"\b{c}\b", fq)}
        if not asked:
            continue
        said = {c for c in classes if re.search(rf"\b{c}\b", phrase)}
        if (said and not asked & said) or (not said and asked & L.SUBSET_CLASSES):
            return True
    return False


def _without_given_people(sentence: str, fq: str) -> str:
    """``sentence`` with the people the question names by a role title ("với Bí thư Tỉnh ủy")
    blanked out, name and apposition ("đồng chí Vũ Đại Thắng, Ủy viên ..., Bí thư Tỉnh ủy"): the
    title stands right before the name or after it in the same clause. What is left says who else
    the sentence names. A question asking who holds a role (:data:`~qa_bot.language.ROLE_ASKED`)
    names no one by it."""
    if L.ROLE_ASKED.search(fq):
        return sentence
    titles = {m.group(0) for m in L.ROLE_SAID.finditer(fq)}
    if not titles:
        return sentence
    out = sentence
    for m in L.PERSON_CASED.finditer(sentence):
        if fold(m.group(0)) in fq:
            continue  # named by name: the question says it anyway
        head = re.split(r"[,;:.()]", sentence[max(0, m.start() - 40):m.start()])[-1]
        tail = re.split(r"[;.()]|\s-\s", sentence[m.end():m.end() + 100])[0]
        f_head, f_tail = fold(head), fold(tail)
        if any(_gives_role(t, f" {f_head} ") or _gives_role(t, f_tail) for t in titles):
            a, b = m.start() - len(head), m.end() + len(tail)
            out = out[:a] + " " * (b - a) + out[b:]
    return out


def _gives_role(role: str, folded: str) -> bool:
    """Whether the folded sentence names the ``role`` itself (abbreviations spelled out: "Trưởng
    BCĐ"), not only as part of its deputy's ("phó chủ tịch" is no "chủ tịch")."""
    full, role = spelled_out(folded), spelled_out(role)
    deputy = "" if role.startswith("pho ") else r"(?<!pho )"
    return bool(re.search(rf"{deputy}\b{re.escape(role)}\b", full))


def _measures(folded: str, end: int, asked: AbstractSet[str]) -> bool:
    """True unless the number ending at ``end`` counts a thing the question does not name: the
    word after it is a measure (:data:`~qa_bot.language.MEASURES`), a word of the question, or
    there is no word (end of clause, "%")."""
    m = _NEXT_WORD.match(folded[end:])
    if m is None or m.group(1).isdigit():
        return True
    word = m.group(1)
    return word in L.MEASURES or word in asked


def _named_bodies(sentence: str) -> list[str]:
    """Named bodies of a sentence ("Bộ Nội vụ", "UBND tỉnh", "Chính phủ", "Tòa án")."""
    bodies = [m.group(0) for m in L.BODY_CASED.finditer(sentence)]
    return bodies + _BODY_WORDS.findall(sentence)


def _counted_unit(counted: str, f: str) -> str:
    """The pattern of the words that name the counted noun ``counted`` in the folded sentence ``f``:
    the noun, its unit forms, its initials ("thủ tục": "TTHC"), and for two words, the first alone
    when the sentence has the second, or when it is a unit ("tấn carbon"), or the second alone
    after a classifier ("cú húc")."""
    words = counted.split()
    unit = L.UNIT_FORMS.get(counted, re.escape(counted))
    if len(words) > 1 and counted not in L.UNIT_FORMS:  # "thủ tục" is also written "TTHC"
        unit += "|" + "".join(w[0] for w in words) + "[a-z]{0,2}"
        if re.search(rf"\b{re.escape(words[-1])}\b", f):  # "40.000 người đã chết" counts "người chết"
            unit += "|" + _not_in_compound(words[0], f) + re.escape(words[0])
    if len(words) == 2:
        if words[0] in L.PHYSICAL_UNITS:  # "bao nhiêu tấn carbon": "1,5 tỷ tấn cacbon dioxit"
            unit += "|" + re.escape(words[0])
        elif words[0] in L.CLASSIFIERS:  # "bao nhiêu cú húc": "số lần húc (118 lần)"
            unit += "|" + re.escape(words[1])
    return unit


#: Lookbehinds: a noun after "mỗi", "hằng", "hàng", "trên" or "/" is the unit of a rate ("mỗi ngày
#: tiếp nhận 200 hồ sơ"), not what the number counts.
_NOT_A_RATE = r"(?<!\bmoi )(?<!\bhang )(?<!\btren )(?<!/)"


def _not_in_compound(word: str, f: str) -> str:
    """Lookbehinds that keep ``word`` from matching as the second syllable of another dictionary
    word in the folded text ``f`` ("dịch" of "giao dịch" does not count "dịch vụ")."""
    words = _two_syllable_words_folded()
    before = {m.group(1) for m in re.finditer(rf"(\w+) {re.escape(word)}\b", f)
              if f"{m.group(1)}_{word}" in words}
    return "".join(rf"(?<!\b{re.escape(b)} )" for b in sorted(before))


def fold_keep_nam(text: str) -> str:
    """``text`` folded, but "năm" (five, year) kept apart from "nam", "nằm", "Nam"."""
    return fold(text.lower().replace("năm", "\x00")).replace("\x00", "năm")


def phone_numbers(sentence: str) -> list[str]:
    """The telephone numbers ``sentence`` writes: runs of 8 to 12 digits (separators aside) that
    start as Vietnamese numbers do ("0...", "+84...", "1800...", "1900..."), and short lines named
    as such ("đường dây nóng 1022")."""
    out = [m.group(0) for m in L.PHONE_SHORT.finditer(sentence)]
    for m in L.PHONE_RUN.finditer(sentence):
        digits = "".join(c for c in m.group(0) if c.isdigit())
        if 8 <= len(digits) <= 12 and digits.startswith(("0", "84", "1800", "1900")):
            out.append(m.group(0))
    return out


#: The name of an index a question asks about ("chỉ số hiện đại hóa hành chính của tỉnh ..."):
#: the words after "chỉ số" up to a word that is no part of it (folded).
_INDEX_NAMED = re.compile(r"\bchi so ((?:(?!(?:cua|nam|xep|dung|dat|la|o|tai|trong|tinh|nay|cap|duoc|thu|"
                          r"hang|co|va|so|ca)\b)\w+\s*){1,6})")


#: A document asked for by its number ("nằm ở nghị quyết số mấy?", "Quyết định số bao nhiêu"),
#: folded: the answer is a document number ("01/NQ-CP"), not a count.
_DOC_NUMBER_ASKED = re.compile(r"\b(?:nghi quyet|quyet dinh|chi thi|cong dien|nghi dinh|thong tu|ke hoach|"
                               r"de an|van ban|luat|thong bao|ket luan)\s+so\s+(?:may|bao nhieu)\b")
#: "từ thứ N đến thứ mấy": a range asked by its start (with its marks: numbers in words).
_RANGE_START = re.compile(r"\btừ thứ (\w+(?:\s+\w+){0,2}?)\s+đến thứ (?:mấy|bao nhiêu)")


def _range_start(question: str) -> int | None:
    """The start of a range of ranks the question gives ("từ thứ bốn mươi đến thứ mấy" -> 40)."""
    m = _RANGE_START.search(question.lower())
    if not m:
        return None
    value = number_value(m.group(1).split())
    return value[0] if value is not None else None


def _index_named(fq: str) -> str | None:
    """The name of the index the folded question ``fq`` asks about, abbreviations written out
    ("chỉ số CCHC" -> "cai cach hanh chinh"), or None. A sentence that ranks it says its words, in
    any order ("chỉ số công tác chỉ đạo, điều hành CCHC" for "chỉ số chỉ đạo điều hành CCHC")."""
    m = _INDEX_NAMED.search(fq)
    return spelled_out(m.group(1).strip()) if m else None


#: Units of money whose folded form is also another word ("hoạt động", "công ty", "triều đại"):
#: the text must write them with their marks.
_MONEY_MARKED = {"dong": ("đồng",), "ty": ("tỷ", "tỉ"), "trieu": ("triệu",)}


def _unit_said(low: str, f: str, start: int, end: int) -> bool:
    """True unless the unit found at ``f[start:end]`` (the folded sentence) is a money word that
    the lower-cased sentence ``low`` writes as another word ("hoạt động" is no "đồng")."""
    marked = _MONEY_MARKED.get(f[start:end])
    if marked is None or len(low) != len(f) or low == f:  # no marks to read: the folded word stands
        return True
    return low[start:end] in marked


def _dates_not_asked(f: str, fq: str) -> list[re.Match[str]]:
    """The time expressions of the folded sentence ``f`` that the folded question ``fq`` does not
    say; one the question says is read again one character on ("tính từ ngày tiếp theo": "từ
    ngày" is asked, "ngày tiếp theo" is new)."""
    out, pos = [], 0
    while m := L.DATE_EXPR.search(f, pos):
        if m.group(0) in fq:
            pos = m.start() + 1
        else:
            out.append(m)
            pos = m.end()
    return out


def carries(kind: str, sentence: str, question: str, counted: str | None = None) -> bool:
    """True when ``sentence`` holds the kind of thing a ``kind`` question asks for, beyond what
    the question itself already says (a number for "bao nhiêu", a date for "khi nào", ...).
    ``counted``: the noun a "bao nhiêu X" question counts; the number must then count it (stand
    a few words before it, or after it in the same clause)."""
    f = fold(sentence)
    fq = fold(question)
    if kind == L.NUMBER and L.PHONE_ASKED.search(fq):  # "Số điện thoại ... là số nào?": not "năm 2020"
        return bool(phone_numbers(sentence))
    if kind == L.NUMBER and _DOC_NUMBER_ASKED.search(fq):  # "nghị quyết số mấy?": "01/NQ-CP"
        return any(fold(m.group(1)) not in fq for m in L.DOC_NUMBER_CASED.finditer(sentence))
    if kind == L.NUMBER and _THU_MAY.search(fq) and (start := _range_start(question)) is not None:
        # "xếp hạng từ thứ bốn mươi đến thứ mấy?": the range that starts at 40 ("từ 40 đến 61/63")
        return bool(re.search(rf"\btu (?:thu )?{start} den (?:thu )?\d+", f))
    if kind == L.NUMBER and _THU_MAY.search(fq) and (name := _index_named(fq)) and \
            not set(name.split()) <= set(_WORD.findall(spelled_out(f))):
        return False  # "Chỉ số hiện đại hóa hành chính xếp thứ mấy?": not the rank of another index
    if kind == L.NUMBER and _THU_MAY.search(fq):  # "phiên thứ mấy", "lần thứ bao nhiêu": an ordinal
        return any(fold(m.group(0)) not in fq for m in _ORDINAL.finditer(sentence.lower()))
    if kind == L.NUMBER and _BAO_LAU.search(fq) and (
            L.VAGUE_DURATION.search(f) or _UNTIL.search(f)):
        return True  # "vài năm", "cho đến khi kết thúc Quốc hội hiện tại"
    if kind == L.NUMBER and counted in _SHARES and _FRACTION.search(sentence.lower()):
        return True  # "bao nhiêu phần trăm": "hơn một nửa", "hai phần ba"
    if kind == L.NUMBER and (not counted and _ASKS_GROWTH.search(fq) or counted == "lan") and (
            _MULTIPLIER.search(f)):
        return True  # "tăng bao nhiêu so với năm 2021?", "tăng mấy lần?": "tăng gần 4 lần"
    if kind == L.NUMBER and _ASKS_GROWTH.search(fq) and not _CHANGE.search(f):
        return False  # "tăng bao nhiêu?": a change, not "ban hành 50 văn bản"
    if kind == L.NUMBER:
        spans = _quantities(sentence, question)
        if not counted:  # "Chỉ số SIPAS là bao nhiêu?": not "02 mục tiêu", a count of another thing
            asked = _asked_words(fq)  # with "thủ tục" for "TTHC": "1.971 thủ tục"
            return any(_measures(f, b, asked) for _, b in spans)
        unit = _counted_unit(counted, f)
        if re.search(rf"\bnăm\s+(?:{unit})\b", fold_keep_nam(sentence)) or re.search(
                rf"\bkhong\s+(?:co\s+)?(?:{unit})\b[^.;:]{{0,40}}?\bnao\b", f):
            return True  # "trong năm giai đoạn" (five, not a year); "không có hiệp ước nào": none
        if re.search(rf"\b(?:toan bo|mot nua|phan nua)\s+(?:so\s+)?(?:{unit}|{re.escape(counted)})\b", f):
            return True  # "bao nhiêu tiền học bổng": "hoàn trả lại toàn bộ số tiền học bổng"
        if not _ASKS_RANK.search(fq):  # "bao nhiêu dòng": not "dòng thứ hai", a rank
            ranks = [m.span() for m in L.ORDINAL_WORDS.finditer(sentence.lower())]
            spans = [(a, b) for a, b in spans if not any(x <= a < y for x, y in ranks)]
        # the noun after the number, a few words on in the same list item ("200 hồ sơ, ngày cao
        # điểm" counts no days), or before it in the clause, not as a rate ("mỗi ngày ... 200 hồ sơ")
        low = sentence.lower()
        for a, b in spans:
            after = _COUNTED_PHRASE.match(f, b).group(0)
            m = re.match(rf"[\s,.]*([^\s,;]+\s+){{0,3}}?({unit})(?!\w)", f[b:])
            if m and _unit_said(low, f, b + m.start(2), b + m.end(2)) and not _other_class(fq, after):
                return True
            # the noun before the number, in its clause: the class may stand on either side of it
            # ("cung cấp dịch vụ công trực tuyến 1.818 dịch vụ công")
            before = re.search(rf"\b{_NOT_A_RATE}({unit})\b[^.;:]{{0,120}}$", f[:a])
            if before and _unit_said(low, f, before.start(1), before.end(1)) and not _other_class(
                    fq, f"{f[before.start():a]} {after}"):
                return True
        return False
    if kind == L.DATE:
        found = _dates_not_asked(f, fq)
        # "tăng ... so với năm 2021": a year compared with dates nothing
        if not _ASKS_COMPARED.search(fq):  # ... unless the year compared with is what is asked
            compared = [m.span() for m in L.YEAR_COMPARED.finditer(f)]
            found = [m for m in found if not any(a <= m.start() < b for a, b in compared)]
        if _ASKS_MONTH.search(fq):  # "từ tháng mấy năm 2024?": a month, not the year alone
            found = [m for m in found if _MONTH_SAID.search(f, m.start(), m.end() + 8)]  # "chiều 3-2"
        if _ASKS_DAY.search(fq):  # "ban hành ngày nào?": a day, not the year the sentence speaks
            # of, nor a length of time ("trong 3 năm qua", "15 ngày")
            found = [m for m in found if not _BARE_YEAR.fullmatch(m.group(0)) and not (
                (d := L.DURATION_SPAN.match(f, m.start())) and d.end() == m.end())
                and not _FREQUENCY.fullmatch(m.group(0))]  # "hằng năm" says how often, not which day
        dates = [m.group(0) for m in found]
        if dates:
            return True
        # "Sinh viên có chứng chỉ ... thì được xét miễn": a rule's condition stated before "thì";
        # never for a day, month or year asked ("ban hành vào ngày nào?", "từ năm nào?")
        if L.CONDITION.search(fq) or _ASKS_CALENDAR.search(fq):
            return False
        low = sentence.lower()
        stated = L.CONDITION_MARKED if low != f else L.CONDITION_STATED  # a text without marks
        return bool(stated.search(low) or _THEN_RULE.search(low))
    if kind == L.PERSON and (role := L.ROLE_ASKED.search(fq)) and not _gives_role(
            next(g for g in role.groups() if g), f):
        return False  # "Ai là Chủ tịch UBND tỉnh?": not "ông X - Phó Chủ tịch UBND tỉnh"
    if kind == L.PERSON:  # "Tham dự ... với Bí thư Tỉnh ủy có những ai?": not "đồng chí X, Bí thư Tỉnh ủy"
        sentence = _without_given_people(sentence, fq)
        f = fold(sentence)
    if kind == L.PERSON and any(fold(b) not in fq for b in _named_bodies(sentence)):
        return True  # "quy định bởi ai?" -> "Chính phủ quy định"
    if kind == L.PERSON:
        names = [m.group(0) for m in L.PERSON_CASED.finditer(sentence)]
        names += [m.group(0) for m in L.PROPER_CASED.finditer(sentence)]
        names += [m.group(0) for m in L.ROLES.finditer(f)]  # "người đứng đầu", "Thủ trưởng"
        names += [m.group(0) for m in L.PERSON_NOUNS.finditer(f)]  # "luật sư", "cha, mẹ"
        names += [m.group(0) for m in _NGUOI.finditer(f)]  # "người thực hành"
        names += [m.group(0) for m in L.SINGLE_NAME_CASED.finditer(sentence)]  # "Manning"
        return any(fold(n) not in fq for n in names)
    if kind == L.ORGANISATION:
        bodies = _named_bodies(sentence)
        bodies += _GENERIC_BODY.findall(sentence.lower())
        bodies += _UNIT_NAMED.findall(sentence)  # bộ phận “Chữ và Ảnh”, phòng Đào tạo
        bodies += _ORG_NAMED.findall(sentence)
        bodies += [m.group(0) for m in L.PROPER_CASED.finditer(sentence)]
        bodies += _ACRONYM_BODY.findall(sentence)  # "P. ĐTĐH", "NUT"
        return any(fold(b) not in fq for b in bodies)
    if kind == L.PLACE and L.ADDRESS_ASKED.search(fq):
        return bool(L.ADDRESS.search(f))  # "ở địa chỉ nào?": not "tại tỉnh Bến Tre"
    if kind == L.PLACE:
        places = places_in(sentence)
        if any(p not in fq for p in places):
            return True
        return any(m.group(0) not in fq for m in _PLACE_WORD.finditer(f))
    return True


def names_new(sentence: str, question: str) -> bool:
    """True when ``sentence`` names a person or other capitalised name the question does not."""
    fq = fold(question)
    names = [m.group(0) for m in L.PERSON_CASED.finditer(sentence)]
    names += [m.group(0) for m in L.PROPER_CASED.finditer(sentence)]
    names += [m.group(0) for m in L.SINGLE_NAME_CASED.finditer(sentence)  # a lone foreign name: "của
              if foreign_word(m.group(0))]  # Manning", not "Hiệu trưởng", ", Trong trường hợp"
    return any(fold(n) not in fq for n in names)
