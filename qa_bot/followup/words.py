"""The Vietnamese words that mark a follow-up question, documented in one place, and their patterns.

Written with their marks; matched on folded text, and checked against the marks when the question
was typed with them ("phiên đó" refers back, "phiên họp do ai chủ trì" does not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import language as L
from ..normalize import fold

#: What a reference word can point back to (the classes of :data:`CLASS_NOUNS`, and roles).
EVENT, DOCUMENT, PLACE, BODY, PERSON, TIME, TOPIC, ROLE = (
    "event", "document", "place", "body", "person", "time", "topic", "role")

#: Class nouns a demonstrative can follow, by what they refer back to.
CLASS_NOUNS: dict[str, tuple[str, ...]] = {
    EVENT: ("phiên họp", "phiên", "cuộc họp", "buổi họp", "hội nghị", "buổi làm việc", "kỳ họp",
            "sự kiện"),
    DOCUMENT: ("văn bản", "bài viết", "bài báo", "bài", "tài liệu", "kế hoạch", "chương trình",
               "đề án", "chỉ thị", "nghị quyết", "nghị định", "quyết định", "báo cáo", "thông báo",
               "công văn"),
    PLACE: ("tỉnh", "thành phố", "địa phương", "huyện", "xã", "nơi", "điểm cầu", "địa bàn"),
    BODY: ("cơ quan", "đơn vị", "sở", "bộ", "ủy ban", "trung tâm", "ngân hàng", "tổ chức", "ban"),
    PERSON: ("ông", "bà", "đồng chí", "người", "vị", "lãnh đạo", "anh", "chị"),
    TIME: ("năm", "thời điểm", "lúc", "khi", "hồi", "dịp", "thời gian", "ngày", "hôm"),
    TOPIC: ("việc", "điều", "vấn đề", "nội dung", "con số", "số liệu", "kết quả", "tỷ lệ", "chỉ tiêu",
            "mô hình", "chủ đề"),
}
DEMONSTRATIVES = ("đó", "này", "ấy", "đấy", "kia", "nói trên", "vừa nêu", "kể trên", "trên đây")
#: "ở đó": a place, else the meeting.
LOCATIVES = ("ở đó", "tại đó", "ở đấy", "tại đấy", "nơi đó", "ở đây", "tại đây")
#: "trong đó ...": a part of what the previous question asked about.
PART_OF = ("trong đó", "trong số đó", "trong số này")
#: Words that open a follow-up ("Vậy ai ...?", "Còn ai ...?", "Sau đó ...").
CONNECTIVES = ("vậy thì", "thế thì", "vậy còn", "thế còn", "ngoài ra", "bên cạnh đó", "sau đó",
               "tiếp theo", "vậy", "thế", "còn", "rồi", "và")
#: Endings of "còn X thì sao?".
CONTRAST_ENDINGS = ("thì sao", "thì thế nào", "thì như thế nào", "thì ra sao", "thế nào", "ra sao",
                    "thì", "nữa", "nhỉ", "ạ")
#: Question words (a question that starts with one has no subject of its own).
QUESTION_STARTS = ("ai", "những ai", "bao nhiêu", "mấy", "gì", "cái gì", "điều gì", "việc gì", "nào",
                   "đâu", "ở đâu", "khi nào", "bao giờ", "lúc nào", "tại sao", "vì sao", "sao",
                   "thế nào", "như thế nào", "ra sao", "người nào", "cơ quan nào", "đơn vị nào")
#: Verbs of saying and auxiliaries: where a subject ends even when the tagger calls them nouns.
PREDICATE_WORDS = frozenset({"được", "đã", "có", "là", "do", "cần", "phải", "sẽ", "đang", "vẫn", "đều",
                             "cũng", "chưa", "không", "bị", "chủ trì", "tinh giản", "đồng chủ trì"})
#: Words that carry no content of their own (not counted when judging how much a question says).
FUNCTION_WORDS = frozenset({"những", "các", "của", "tại", "ở", "trong", "về", "cho", "với", "được", "đã",
                            "có", "là", "và", "thì", "này", "đó", "bị", "sẽ", "đang", "từ", "đến", "theo",
                            "như", "để", "mà", "cũng", "còn", "vẫn", "phải", "cần", "nên", "lại", "một"})
#: Nouns that name a quantity: "còn số TTHC ...?" asks how many.
QUANTITY_NOUNS = ("số lượng", "tổng số", "số", "tỷ lệ", "con số")
#: Head nouns of bodies the analysis does not name ("Ủy ban MTTQVN tỉnh", "cơ quan thường trực").
BODY_HEADS = ("ủy ban", "ubnd", "hội đồng", "cơ quan", "trung tâm", "văn phòng", "sở", "bộ", "ban", "cục",
              "ngân hàng", "mặt trận")
#: Subjects that are roles or the generic actors of the genre: they need the conversation's meeting
#: or year ("Thủ tướng yêu cầu gì?" is about the meeting being discussed).
ROLE_WORDS = (*L.TITLES, "ban chỉ đạo", "bcđ", "chính phủ", "ubnd tỉnh", "ủy ban nhân dân tỉnh", "tỉnh",
              "toàn tỉnh", "cả nước", "toàn quốc", "các bộ, ngành, địa phương", "bộ, ngành, địa phương",
              "tỉnh ủy", "thường trực", "cchc", "cải cách hành chính", "của", "và", "các")
#: Prepositions that join an added meeting, document, place... to a question.
JOIN = {EVENT: "tại", DOCUMENT: "trong", PLACE: "ở", BODY: "của", PERSON: "của", TOPIC: "về",
        ROLE: "của"}
#: Roman session numbers ("phiên thứ IX") and the words that write an ordinal ("thứ chín").
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
ORDINAL_WORDS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
                 10: "mười"}


def alternation(phrases: Sequence[str]) -> str:
    """A regex alternation of ``phrases`` folded, longest first."""
    folded = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in folded)


CLASS_WORDS = frozenset(n for ns in CLASS_NOUNS.values() for n in ns if " " not in n)
#: folded class noun -> its class
NOUN_CLASS = {fold(n): c for c, nouns in CLASS_NOUNS.items() for n in nouns}
#: folded reference word -> the word with its marks
MARKED = {fold(w): w for ws in (*CLASS_NOUNS.values(), DEMONSTRATIVES, LOCATIVES, PART_OF,
                                CONNECTIVES) for w in ws}
REFERENCE_RE = re.compile(rf"(?<!\w)(?P<noun>{alternation([n for ns in CLASS_NOUNS.values() for n in ns])})"
                          rf"\s+(?P<dem>{alternation(DEMONSTRATIVES)})(?!\w)")
LOCATIVE_RE = re.compile(rf"(?<!\w)(?P<loc>{alternation(LOCATIVES)})(?!\w)")
PART_OF_RE = re.compile(rf"(?<!\w)(?P<part>{alternation(PART_OF)})(?!\w)")
BARE_RE = re.compile(rf"(?<!\w)(?P<noun>{alternation(CLASS_NOUNS[EVENT] + CLASS_NOUNS[DOCUMENT])})(?!\w)")
CONNECTIVE_RE = re.compile(rf"^(?P<con>{alternation(CONNECTIVES)})(?!\w)[\s,]*")
CONTRAST_END_RE = re.compile(rf"(?:[\s,]+(?:{alternation(CONTRAST_ENDINGS)}))+\s*$")
QUESTION_WORD_RE = re.compile(rf"(?<!\w)({alternation(QUESTION_STARTS)}|bao nhieu|may)(?!\w)")
ROLE_SUBJECT_RE = re.compile(rf"^(?:(?:{alternation(ROLE_WORDS)})[\s,]*)+$")
AGENT_AFTER_DO_RE = re.compile(r"^\s*(ai|nguoi nao|co quan nao|don vi nao|dau)\b")
TITLE_BEFORE_RE = re.compile(rf"(?:{alternation(L.TITLES)})(?:\s+(?:chinh phu|thuong truc))?\s+$")
TITLE_START_RE = re.compile(rf"(?:{alternation(L.TITLES)})(?!\w)")
PREPOSITION_RE = re.compile(r"^(ve|o|tai|trong|cho|voi|doi voi|cua)\s")
EVENT_HEADS = alternation(CLASS_NOUNS[EVENT])
DOCUMENT_HEADS = alternation(CLASS_NOUNS[DOCUMENT][5:])  # kế hoạch, chương trình, đề án ...
