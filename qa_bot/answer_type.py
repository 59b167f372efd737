"""Whether a sentence carries the kind of answer a question asks for (:func:`carries`): a number
for "bao nhiêu" (one that counts the asked noun, not a year, a date or the figure the question
gives), a date for "khi nào" (a day for "ngày nào", a month for "tháng mấy"), a person for "ai", a
body for "cơ quan nào", a place for "ở đâu" — beyond what the question itself already says.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet

from . import language as L
from .facts import places_in
from .lexicon import ABBREVIATIONS
from .normalize import fold
from .query import (
    _two_syllable_words_folded,
    foreign_word,
)
from .tokens import number_value

#: Patterns of the answer checks, compiled once (inline patterns live in re's small cache, which
#: the patterns made per question keep emptying: a recompiled pattern cost up to 2.5 ms).
_NEXT_WORD = re.compile(r"\s*(\w+)")
_BODY_WORDS = re.compile(r"\b(UBND|HĐND|BCĐ|Chính phủ|Tỉnh ủy|Ủy ban[^,.;]*|Quốc hội|Tòa án|"
                         r"Viện kiểm sát|Hội đồng|Nhà nước|Trường|Khoa)\b")
#: A rank asked: "xếp thứ mấy", "đứng hạng mấy", "xếp hạng bao nhiêu" (folded).
_THU_MAY = re.compile(r"\b(?:thu|hang) (?:may|bao nhieu)\b")
#: An ordinal: "thứ hai", "thứ 3", and the first said without "thứ" ("lần đầu", "đầu tiên").
_ORDINAL = re.compile(r"\bthứ\s+\w+|\b(?:lần|đợt|lượt) đầu\b|\bđầu tiên\b")
#: A share said in words ("một nửa", "hai phần ba"), and the counted nouns that ask for a share.
_FRACTION = re.compile(r"\b(?:một nửa|phân nửa|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín) phần "
                       r"(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\b")
_SHARES = frozenset({"phan tram", "phan"})
#: What a share asked is a share of ("tỷ lệ hồ sơ ...", "tỷ lệ giải ngân ..."): its first two
#: syllables, folded ("giải ngân", not the "giải" of "giải quyết").
_RATE_OF = re.compile(r"\bty le (?!(?:la|dat|cua|bao|nay|do|nao|gi|phan|tren|so voi)\b)([a-z]+ [a-z]+)")
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
#: Where an event a question asks about was held ("được tổ chức ở đâu?", "diễn ra tại đâu", "tại
#: trụ sở nào"), folded; a building of the kind asked must be named.
_VENUE_ASKED = re.compile(r"\b(?:to chuc|dien ra|hop|lam viec|khai mac)\s+(?:o|tai)\s+"
                          r"(?:dau|noi nao|dia diem nao|tru so nao|hoi truong nao|phong hop nao)\b")
_HALL_ASKED = re.compile(r"\b(tru so|hoi truong|phong hop) nao\b")
#: A venue said: "tại / ở / điểm cầu" and what follows, read with marks where the sentence has
#: them ("trọng tâm" is no "trong"), then folded for the checks below.
_AT_MARKED = re.compile(r"\b(?:tại|ở|điểm cầu)\s+(?:các\s+)?\w+")
_AT = re.compile(r"\b(?:tai|o|diem cau)\s+(?:cac\s+)?\w+")
#: What "tại / ở" leads to that is no venue (folded): a connective ("ở đó"), a time ("tại thời
#: điểm"), a text cited ("tại Nghị quyết số 01/NQ-CP", "tại Điều 5"), the event itself ("tại buổi
#: làm việc", "tại hội nghị"), bodies in general ("tại cơ quan, tổ chức", "ở một số nơi").
_NO_VENUE = re.compile(r"(?:tai|o|diem cau)\s+(?:cac\s+)?(?:do|day|khi|nay|nhung|viec|luc|dip|nam|thang|ngay|"
                       r"tuan|thoi|giai doan|qua trinh|nghi quyet|nghi dinh|quyet dinh|thong tu|chi thi|"
                       r"ke hoach|cong van|thong bao|van ban|dieu|khoan|muc|chuong|buoi|cuoc|hoi nghi|phien|"
                       r"ky hop|le|co quan|don vi|to chuc|dia phuong|nhieu|mot so|noi)\b")



# -- the kind of answer a sentence carries --------------------------------------------------------
_QUESTION_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=256)
def asked_numbers(question: str) -> frozenset[str]:
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
    asked = asked_numbers(question)
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
ALONE = re.compile(r"\b(rieng|chi rieng|doi voi rieng)\b")
#: ... and the words of X: up to four words after it, up to a function word ("là", "thì", "đã").
_ALONE_PART = re.compile(r"\brieng\s+((?:(?!(?:la|thi|da|co|duoc|dat|bao|nam|tai|trong|cua|ve|"
                         r"nhu|va|se|may|gi|nao|ai)\b)\w+\s*){1,4})")  # ... or a question word
#: Words that only group X ("khối cấp huyện", "các sở"): not what the sentence must say.
_GROUPING = frozenset({"khoi", "nhom", "cac", "nhung", "moi", "tung"})


def alone_part(question: str) -> tuple[str, list[str]] | None:
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
#: How many times, said without a figure ("thường là nhiều lần", "vài lần"), folded.
_VAGUE_TIMES = re.compile(r"\b(?:nhieu|vai|mot vai|mot so|it) lan\b")
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
#: A question asking a deadline, and the words a text dates an act with before its date ("trước",
#: "chậm nhất", "hoàn thành trong", "triển khai từ / vào"), folded: not a noun's year ("sự hài lòng
#: quốc gia năm 2024").
_ASKS_DEADLINE = re.compile(r"\b(?:han chot|han cuoi|thoi han nao|"
                            r"cham nhat (?:la )?(?:khi nao|ngay nao|bao gio))\b")
_DEADLINE_SAID = re.compile(r"\b(?:truoc|cham nhat|han|hoan thanh|xong|den het|den|trong|ket thuc|cuoi|"
                            r"tu|vao)\b")
_FREQUENCY = re.compile(r"(?:hang|moi) (?:nam|thang|tuan|ngay|quy)")
_BARE_YEAR = re.compile(r"(nam\s+)?(1[0-9]{3}|20\d\d)")


def spelled_out(folded: str) -> str:
    """A folded text with each known abbreviation of one meaning written out ("trung tam hcc" ->
    "trung tam hanh chinh cong")."""
    return _WORD.sub(lambda m: ABBREVIATION_MEANING.get(m.group(0), m.group(0)), folded)


#: What a number counts, up to the end of its list item ("163 đơn vị sự nghiệp công lập thuộc UBND
#: cấp huyện; giảm 8 ..."), folded.
_COUNTED_PHRASE = re.compile(r"[^;.:()]{0,100}")
#: A number that counts people ("16.149 người"), and the counted nouns that are people (folded):
#: a class named before such a number ("các Nghị định ... tổng số là 16.149 người", "bộ, ngành là
#: 217 người") is where the people are, not what is counted.
_COUNTS_PEOPLE = re.compile(r"\s*nguoi\b")
_PEOPLE_COUNTED = re.compile(r"\b(?:nguoi|can bo|cong chuc|vien chuc|bien che|lao dong|dai bieu|thanh vien|"
                             r"nhan vien|nhan su|ca nhan|cong dan|ho|hoc sinh|sinh vien|hoc vien|giao vien|"
                             r"dang vien|doan vien|tre em|benh nhan|nan nhan|cu dan|dan|thi the|tu thi)\b")


def _other_class(fq: str, phrase: str) -> bool:
    """True when the counted ``phrase`` puts what it counts in another class of one of the
    classifications of administrative writing (:data:`~qa_bot.language.COUNTED_CLASSES`: the
    level, "cấp huyện" / "cấp xã"; the kind of unit, "hành chính" / "sự nghiệp") than the
    question: "bao nhiêu đơn vị hành chính cấp huyện" is not counted by "163 đơn vị sự nghiệp ...
    thuộc UBND cấp huyện" nor by "8 đơn vị cấp xã". A phrase or question naming no class of one
    classification never clashes on it, except for a part (:data:`~qa_bot.language.SUBSET_CLASSES`:
    "bao nhiêu DVC trực tuyến toàn trình" is not counted by "1.818 dịch vụ công trực tuyến")."""
    for classes in L.COUNTED_CLASSES:
        asked = {c for c in classes if re.search(rf"\b{c}\b(?! tram)", fq)}  # "tám mốt phần trăm": a share
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
        if any(gives_role(t, f" {f_head} ") or gives_role(t, f_tail) for t in titles):
            a, b = m.start() - len(head), m.end() + len(tail)
            out = out[:a] + " " * (b - a) + out[b:]
    return out


def gives_role(role: str, folded: str) -> bool:
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


def named_bodies(sentence: str) -> list[str]:
    """Named bodies of a sentence ("Bộ Nội vụ", "UBND tỉnh", "Chính phủ", "Tòa án")."""
    bodies = [m.group(0) for m in L.BODY_CASED.finditer(sentence)]
    return bodies + _BODY_WORDS.findall(sentence)


def counted_unit(counted: str, f: str) -> str:
    """The pattern of the words that name the counted noun ``counted`` in the folded sentence ``f``:
    the noun, its unit forms, its initials ("thủ tục": "TTHC"; "văn bản QPPL"), and for two words,
    the first alone when the sentence has the second, or when it is a unit ("tấn carbon"), or the
    second alone after a classifier ("cú húc")."""
    words = counted.split()
    unit = L.UNIT_FORMS.get(counted, re.escape(counted))
    if len(words) > 1 and counted not in L.UNIT_FORMS:  # "thủ tục" is also written "TTHC"
        unit += "|" + "".join(w[0] for w in words) + "[a-z]{0,2}"
        # ... and its head with the rest as initials ("văn bản quy phạm pháp luật": "văn bản QPPL")
        unit += "".join(f"|{re.escape(' '.join(words[:k]))} {''.join(w[0] for w in words[k:])}"
                        for k in range(1, len(words) - 1))
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
_INDEX_NAMED = re.compile(r"\bchi so ((?:(?!(?:cua|nam|xep|dung|dat|la|o|tai|trong|tinh|nay|cap|duoc|hang|co|"
                          r"va|so|ca|khac|thu\s+(?:\d|may|bao|nhat|hai|ba|tu|sau|bay|tam|chin|muoi))\b)"
                          r"\w+\s*){1,6})")
#: ("thứ 8" ends a name, the "thủ" of "cải cách thủ tục hành chính" does not)


#: A document asked for by its number ("nằm ở nghị quyết số mấy?", "Quyết định số bao nhiêu"),
#: folded: the answer is a document number ("01/NQ-CP"), not a count.
_DOC_NUMBER_ASKED = re.compile(r"\b(?:nghi quyet|quyet dinh|chi thi|cong dien|nghi dinh|thong tu|ke hoach|"
                               r"de an|van ban|luat|thong bao|ket luan|nq|qd|ct|nd|tt|kh|tb)\s+so\s+"
                               r"(?:may|bao nhieu)\b")  # "NQ số mấy" as "Nghị quyết số mấy"
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
    ("chỉ số CCHC", "PAR INDEX" -> "cai cach hanh chinh"), or None. A sentence that ranks it says
    its words, in any order ("chỉ số công tác chỉ đạo, điều hành CCHC" for "chỉ số chỉ đạo điều
    hành CCHC")."""
    if _PAR_INDEX.search(fq):
        return "cai cach hanh chinh"
    named = list(_INDEX_NAMED.finditer(fq))  # the last one, the one ranked ("chỉ số A dẫn đầu, vậy
    # chỉ số B đứng thứ mấy?"), unless one is a part of another ("chỉ số A (của tỉnh) trong Chỉ số B")
    part = next((m for m in named if _PART_OF_INDEX.match(fq, m.end())), None)
    chosen = part or (named[-1] if named else None)
    return spelled_out(chosen.group(1).strip()) if chosen else None


#: A position said in words ("dẫn đầu", "1 trong 2 đơn vị dẫn đầu", "nhóm đầu"), not a level
#: ("duy trì xếp hạng ở mức trung bình khá" answers no "xếp thứ mấy"), folded.
_RANK_WORDS = re.compile(r"\b(?:dung dau|dan dau|cao nhat|thap nhat|nhom dau|top \d+|"
                         r"\d+ trong (?:so )?\d+)\b")
_PART_OF_INDEX = re.compile(r"\s*(?:cua (?:tinh|tp|thanh pho)\s+)?trong\s+(?:bo\s+)?(?:chi so|par ?index)\b")
_PAR_INDEX = re.compile(r"\bpar ?index\b")
#: Words an index's name may carry beside the asked ones ("chỉ số công tác chỉ đạo, điều hành").
_INDEX_FILLER = frozenset({"cong", "tac", "cap", "tinh", "cua", "ve"})


def _ranks_index(name: str, before: str, said: bool = False) -> bool:
    """True when the index named last before a rank (in the folded text ``before`` it) is the one
    asked, ``name``: "chỉ số cải cách thủ tục hành chính (TTHC) xếp thứ 8" ranks another index than
    "chỉ số CCHC" (its name says more); a rank with no index named before it is the asked one's,
    unless ``said`` (a rank in words, "đứng trong nhóm đầu", must follow the index it ranks)."""
    named = list(_INDEX_NAMED.finditer(before))
    if not named:
        return not said
    words = set(_WORD.findall(spelled_out(named[-1].group(1)))) - _INDEX_FILLER
    return words <= set(name.split())


#: Units of money whose folded form is also another word ("hoạt động", "công ty", "triều đại"):
#: the text must write them with their marks.
_MONEY_MARKED = {"dong": ("đồng",), "ty": ("tỷ", "tỉ"), "trieu": ("triệu",)}
#: Counted nouns that ask for money ("bao nhiêu tiền", "bao nhiêu tỷ đồng"); "bao nhiêu dòng" is
#: no money, though it folds like "đồng".
_MONEY_ASKED = frozenset({"tien", "ty dong", "trieu dong"})


#: A place question that asks which province (folded; not "vệ tinh", "hành tinh", "thủy tinh", "chính
#: quyền địa phương nào"; not "thành phố nào", which may be a city abroad).
_PROVINCE_ASKED = re.compile(r"(?<!\bve )(?<!\bhanh )(?<!\bthuy )(?<!\bquyen )"
                             r"\b(?:tinh|tinh thanh|dia phuong) nao\b")


def _unit_said(low: str, f: str, start: int, end: int) -> bool:
    """True unless the unit found at ``f[start:end]`` (the folded sentence) is a money word that
    the lower-cased sentence ``low`` writes as another word ("hoạt động" is no "đồng")."""
    marked = _MONEY_MARKED.get(f[start:end])
    if marked is None:
        return True
    if f[start:end] == "ty" and f[end:end + 3] == " le":  # "tỷ lệ 96,81%": a rate, no billion
        return False
    if len(low) != len(f) or low == f:  # no marks to read: the folded word stands
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
    if kind == L.NUMBER and _THU_MAY.search(fq):  # "phiên thứ mấy", "lần thứ bao nhiêu": an ordinal
        if (start := _range_start(question)) is not None:
            # "xếp hạng từ thứ bốn mươi đến thứ mấy?": the range that starts at 40 ("từ 40 đến 61/63")
            return bool(re.search(rf"\btu (?:thu )?{start} den (?:thu )?\d+", f))
        if (name := _index_named(fq)) and not set(name.split()) <= set(_WORD.findall(spelled_out(f))):
            return False  # "Chỉ số hiện đại hóa hành chính xếp thứ mấy?": not the rank of another index
        if any(fold(m.group(0)) not in fq and (name is None or _ranks_index(name, f[:m.start()]))
               for m in _ORDINAL.finditer(sentence.lower())):
            return True
        # "chỉ số công tác chỉ đạo, điều hành CCHC, là 1 trong 2 đơn vị dẫn đầu": a rank in words
        return name is not None and any(m.group(0) not in fq and _ranks_index(name, f[:m.start()], said=True)
                                        for m in _RANK_WORDS.finditer(f))
    if kind == L.NUMBER and _BAO_LAU.search(fq) and (
            L.VAGUE_DURATION.search(f) or _UNTIL.search(f)):
        return True  # "vài năm", "cho đến khi kết thúc Quốc hội hiện tại"
    if kind == L.NUMBER and counted in _SHARES and _FRACTION.search(sentence.lower()):
        return True  # "bao nhiêu phần trăm": "hơn một nửa", "hai phần ba"
    if kind == L.NUMBER and (not counted and _ASKS_GROWTH.search(fq) or counted == "lan") and (
            _MULTIPLIER.search(f)):
        return True  # "tăng bao nhiêu so với năm 2021?", "tăng mấy lần?": "tăng gần 4 lần"
    if kind == L.NUMBER and counted == "lan" and not _ASKS_GROWTH.search(fq) and _VAGUE_TIMES.search(f):
        return True  # "tái sinh bao nhiêu lần?": "thường là nhiều lần", how often said without a figure
    if kind == L.NUMBER and _ASKS_GROWTH.search(fq) and not _CHANGE.search(f):
        return False  # "tăng bao nhiêu?": a change, not "ban hành 50 văn bản"
    if kind == L.NUMBER:
        spans = _quantities(sentence, question)
        if counted in _SHARES and (rate := _RATE_OF.search(spelled_out(fq))):  # "tỷ lệ DVC": "dịch vụ"
            # "tỷ lệ hồ sơ nộp trực tuyến đạt bao nhiêu %": a share said in a clause about "hồ sơ",
            # not "cung cấp dịch vụ công trực tuyến ..., đạt tỷ lệ 96,81%"
            spans = [(a, b) for a, b in spans if re.search(
                rf"\b{rate.group(1)}\b", f[f.rfind(";", 0, a) + 1:(f.find(";", b) + 1 or len(f) + 1) - 1])]
        if not counted:  # "Chỉ số SIPAS là bao nhiêu?": not "02 mục tiêu", a count of another thing
            asked = _asked_words(fq)  # with "thủ tục" for "TTHC": "1.971 thủ tục"
            return any(_measures(f, b, asked) for _, b in spans)
        unit = counted_unit(counted, f)
        if re.search(rf"\bnăm\s+(?:{unit})\b", fold_keep_nam(sentence)) or re.search(
                rf"\bkhong\s+(?:co\s+)?(?:{unit})\b[^.;:]{{0,40}}?\bnao\b", f):
            return True  # "trong năm giai đoạn" (five, not a year); "không có hiệp ước nào": none
        if re.search(rf"\b(?:toan bo|mot nua|phan nua)\s+(?:so\s+)?(?:{unit}|{re.escape(counted)})\b", f):
            return True  # "bao nhiêu tiền học bổng": "hoàn trả lại toàn bộ số tiền học bổng"
        if not _THU_MAY.search(fq):  # "bao nhiêu dòng": not "dòng thứ hai", a rank
            ranks = [m.span() for m in L.ORDINAL_WORDS.finditer(sentence.lower())]
            spans = [(a, b) for a, b in spans if not any(x <= a < y for x, y in ranks)]
        # the noun after the number, a few words on in the same list item ("200 hồ sơ, ngày cao
        # điểm" counts no days), or before it in the clause, not as a rate ("mỗi ngày ... 200 hồ sơ")
        low = sentence.lower() if counted in _MONEY_ASKED else f  # f: no marks to check
        for a, b in spans:
            after = _COUNTED_PHRASE.match(f, b).group(0)
            m = re.match(rf"[\s,.]*([^\s,;]+\s+){{0,3}}?({unit})(?!\w)", f[b:])
            if m and _unit_said(low, f, b + m.start(2), b + m.end(2)) and not _other_class(fq, after):
                return True
            # the noun before the number, in its clause: the class may stand on either side of it
            # ("cung cấp dịch vụ công trực tuyến 1.818 dịch vụ công")
            before = re.search(rf"\b{_NOT_A_RATE}({unit})\b[^.;:]{{0,120}}$", f[:a])
            if before and _unit_said(low, f, before.start(1), before.end(1)) and not _other_class(
                    fq, f"{f[before.start():a]} {after}") and not (
                    _COUNTS_PEOPLE.match(f, b) and not _PEOPLE_COUNTED.search(counted)
                    and not L.PERSON_NOUNS.search(counted)):
                return True
        return False
    if kind == L.DATE:
        found = _dates_not_asked(f, fq)
        # "tăng ... so với năm 2021": a year compared with dates nothing
        if not _ASKS_COMPARED.search(fq):  # ... unless the year compared with is what is asked
            compared = [m.span() for m in L.YEAR_COMPARED.finditer(f)]
            found = [m for m in found if not any(a <= m.start() < b for a, b in compared)]
        if _ASKS_CALENDAR.search(fq):  # "hạn chót ... là khi nào?", "năm nào?": not "hằng năm"
            found = [m for m in found if not _FREQUENCY.fullmatch(m.group(0))]
        if _ASKS_DEADLINE.search(fq):  # a deadline is said as one: "trước ngày", "chậm nhất", "hoàn
            # thành trong năm", not the year a survey is of ("sự hài lòng quốc gia năm 2024")
            found = [m for m in found if _DEADLINE_SAID.search(f, max(0, m.start() - 30), m.start())]
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
    if kind == L.PERSON and (role := L.ROLE_ASKED.search(fq)) and not gives_role(
            next(g for g in role.groups() if g), f):
        return False  # "Ai là Chủ tịch UBND tỉnh?": not "ông X - Phó Chủ tịch UBND tỉnh"
    if kind == L.PERSON:  # "Tham dự ... với Bí thư Tỉnh ủy có những ai?": not "đồng chí X, Bí thư Tỉnh ủy"
        sentence = _without_given_people(sentence, fq)
        f = fold(sentence)
    if kind == L.PERSON and any(fold(b) not in fq for b in named_bodies(sentence)):
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
        bodies = named_bodies(sentence)
        bodies += _GENERIC_BODY.findall(sentence.lower())
        bodies += _UNIT_NAMED.findall(sentence)  # bộ phận “Chữ và Ảnh”, phòng Đào tạo
        bodies += _ORG_NAMED.findall(sentence)
        bodies += [m.group(0) for m in L.PROPER_CASED.finditer(sentence)]
        bodies += _ACRONYM_BODY.findall(sentence)  # "P. ĐTĐH", "NUT"
        return any(fold(b) not in fq for b in bodies)
    if kind == L.PLACE and L.ADDRESS_ASKED.search(fq):
        return bool(L.ADDRESS.search(f))  # "ở địa chỉ nào?": not "tại tỉnh Bến Tre"
    if kind == L.PLACE:
        # where an event was held: a place it was held at ("tại ...", "điểm cầu ..."), not one the
        # sentence names otherwise ("mô hình hay ... như: Hà Nội, Khánh Hòa")
        venue = bool(_VENUE_ASKED.search(fq))
        places = places_in(sentence)
        if not venue and any(p not in fq for p in places):
            return True
        if _PROVINCE_ASKED.search(fq):  # "tỉnh nào ...?": a province by name, not "nhiều địa phương"
            return False
        if venue:
            return _venue_said(sentence, f, fq)
        return any(m.group(0) not in fq for m in _PLACE_WORD.finditer(f))
    return True


def _venue_said(sentence: str, f: str, fq: str) -> bool:
    """True when ``sentence`` (folded ``f``) says where an event the question ``fq`` asks about
    was held: online, or at a place led by "tại / ở / điểm cầu" (read with marks where the
    sentence has them: "trọng tâm" is no "trong"), not the event itself, bodies in general, a
    connective, a time or a text cited."""
    if (hall := _HALL_ASKED.search(fq)) and hall.group(1) not in f:
        return False  # "tại trụ sở nào?": a building of that kind, not "tại điểm cầu UBND tỉnh"
    if "truc tuyen" in f and "truc tuyen" not in fq:
        return True  # "tổ chức Hội nghị trực tuyến toàn quốc": held online
    low = sentence.lower()
    for m in (_AT_MARKED if low != f else _AT).finditer(low):
        said = fold(low[m.start():m.start() + 40])
        if fold(m.group(0)) not in fq and not _NO_VENUE.match(said):
            return True
    return False


def names_new(sentence: str, question: str) -> bool:
    """True when ``sentence`` names a person or other capitalised name the question does not."""
    fq = fold(question)
    names = [m.group(0) for m in L.PERSON_CASED.finditer(sentence)]
    names += [m.group(0) for m in L.PROPER_CASED.finditer(sentence)]
    names += [m.group(0) for m in L.SINGLE_NAME_CASED.finditer(sentence)  # a lone foreign name: "của
              if foreign_word(m.group(0))]  # Manning", not "Hiệu trưởng", ", Trong trường hợp"
    return any(fold(n) not in fq for n in names)
