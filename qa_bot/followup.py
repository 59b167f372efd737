"""Follow-up questions: a question that refers back to earlier turns, made standalone.

People ask in conversations. "Phiên họp thứ chín do ai chủ trì?" is followed by "Phiên đó đánh giá
những hạn chế gì?", "Còn phiên họp thứ ba thì sao?", "Ai chịu trách nhiệm thực hiện?".
:meth:`FollowUp.rewrite` takes a question and the earlier turns of its conversation (oldest first,
each ``{"question": str, "answer": str}``: the JSON of an answer fits) and returns the standalone
question to answer, what it carried over, and a note when the history was ambiguous.

How, with rules for Vietnamese reference words and ellipsis (no model):

1. Every earlier turn is resolved the same way, oldest first, so each has a standalone question and
   a :class:`Frame`: what it was about, from the single question analysis of :mod:`qa_bot.query`
   (session, year, province, body, person, document number), the meeting or document it names,
   its subject (the noun phrase before the verb), and the entity its answer gave when it asked for
   one ("Ai chủ trì ...?" -> the person the answer names).
2. The question refers back when it has
   - a *reference*: a class noun and a demonstrative ("phiên đó", "văn bản này", "tỉnh đó",
     "năm đó", "ông ấy", "sở đó"), a locative ("ở đó", "tại đó"), or a bare meeting or document noun
     ("tại cuộc họp", "kế hoạch yêu cầu gì") in a question with no constraint of its own. The words
     are replaced by what the latest frame holds of that class (a person reference also keeps the
     meeting);
   - a *contrast*: "còn X (thì sao)?", "X thì sao?", "thế còn X?". The previous standalone question
     is asked again with X in place of what X replaces: its year, session, province, person, body or
     document number, a role for a role, otherwise the thing it asked about ("bao nhiêu X");
   - *ellipsis*: a leading connective ("vậy", "thế", "còn", "rồi"), or no constraint of its own and
     no subject of its own (a question word or a verb first: "Ai chủ trì?", "Diễn ra khi nào?"), or
     only a role as subject ("Thủ tướng yêu cầu gì?"). The frame's subject goes in front of a
     subject-less question; its meeting, document, place, body, person and year are added where the
     question has none.
3. Anything else is a complete question: it names its own subject or constraints, and the history
   is ignored, so a change of topic is not polluted by the previous turn.

When the history holds two sessions or two years and one is carried over, the most recent one is
taken and :attr:`Rewrite.note` says which (in Vietnamese, for the answer).

Where the subject ends is read from underthesea's part-of-speech tagger (it ships in its wheel,
nothing is downloaded), corrected by what the question analysis already knows: named bodies, people,
provinces and meeting nouns are nouns, capitalised words inside a question are names.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from . import language as L
from .errors import InputError
from .models import Answer
from .normalize import fold, nfc, normalize_word
from .query import Query, bodies_named, looks_unaccented, people_named, places_named
from .tokens import number_value

#: Limits of a conversation's history (``POST /api/ask`` answers 422 beyond them).
MAX_TURNS = 10
MAX_ANSWER_CHARS = 5_000

# -- reference words ----------------------------------------------------------------------------
# Written with their marks; matched on folded text, and checked against the marks when the question
# was typed with them ("phiên đó" refers back, "phiên họp do ai chủ trì" does not).
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
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ORDINAL_WORDS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
                  10: "mười"}


def _alternation(phrases: Sequence[str]) -> str:
    folded = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in folded)


_CLASS_WORDS = frozenset(n for ns in CLASS_NOUNS.values() for n in ns if " " not in n)
_NOUN_CLASS = {fold(n): c for c, nouns in CLASS_NOUNS.items() for n in nouns}
_MARKED = {fold(w): w for ws in (*CLASS_NOUNS.values(), DEMONSTRATIVES, LOCATIVES, PART_OF,
                                 CONNECTIVES) for w in ws}
_REFERENCE = re.compile(rf"(?<!\w)(?P<noun>{_alternation([n for ns in CLASS_NOUNS.values() for n in ns])})"
                        rf"\s+(?P<dem>{_alternation(DEMONSTRATIVES)})(?!\w)")
_LOCATIVE = re.compile(rf"(?<!\w)(?P<loc>{_alternation(LOCATIVES)})(?!\w)")
_PART_OF = re.compile(rf"(?<!\w)(?P<part>{_alternation(PART_OF)})(?!\w)")
_BARE = re.compile(rf"(?<!\w)(?P<noun>{_alternation(CLASS_NOUNS[EVENT] + CLASS_NOUNS[DOCUMENT])})(?!\w)")
_CONNECTIVE = re.compile(rf"^(?P<con>{_alternation(CONNECTIVES)})(?!\w)[\s,]*")
_CONTRAST_END = re.compile(rf"(?:[\s,]+(?:{_alternation(CONTRAST_ENDINGS)}))+\s*$")
_QUESTION_WORD = re.compile(rf"(?<!\w)({_alternation(QUESTION_STARTS)}|bao nhieu|may)(?!\w)")
_ROLE_SUBJECT = re.compile(rf"^(?:(?:{_alternation(ROLE_WORDS)})[\s,]*)+$")
_AGENT_AFTER_DO = re.compile(r"^\s*(ai|nguoi nao|co quan nao|don vi nao|dau)\b")
_TITLE_BEFORE = re.compile(rf"(?:{_alternation(L.TITLES)})(?:\s+(?:chinh phu|thuong truc))?\s+$")
_TITLE_START = re.compile(rf"(?:{_alternation(L.TITLES)})(?!\w)")
_PREPOSITION = re.compile(r"^(ve|o|tai|trong|cho|voi|doi voi|cua)\s")
_EVENT_HEADS = _alternation(CLASS_NOUNS[EVENT])
_DOCUMENT_HEADS = _alternation(CLASS_NOUNS[DOCUMENT][5:])  # kế hoạch, chương trình, đề án ...


# -- history ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Turn:
    """One earlier turn of a conversation."""

    question: str
    answer: str


def validate_history(history: object, max_turns: int = MAX_TURNS,
                     max_answer_chars: int = MAX_ANSWER_CHARS,
                     max_question_chars: int = 2000) -> list[Turn]:
    """The earlier turns as :class:`Turn` objects, or :class:`InputError` with a Vietnamese message.

    ``history`` is a list (oldest first) of mappings with a ``question`` and an ``answer`` string
    (other keys, such as the rest of an answer's JSON, are ignored) or of objects with those
    attributes (an :class:`qa_bot.models.Answer`). ``None`` is no history.
    """
    if history is None:
        return []
    if isinstance(history, (str, bytes, Mapping)) or not isinstance(history, Sequence):
        raise InputError("Lịch sử hội thoại (history) phải là một danh sách các lượt hỏi đáp "
                         '{"question": ..., "answer": ...}, lượt cũ nhất trước.')
    if len(history) > max_turns:
        raise InputError(f"Lịch sử hội thoại quá dài ({len(history)} lượt); tối đa {max_turns} lượt "
                         "gần nhất.")
    turns = []
    for i, item in enumerate(history, 1):
        if isinstance(item, Mapping):
            question, answer = item.get("question"), item.get("answer")
        else:
            question, answer = getattr(item, "question", None), getattr(item, "answer", None)
        if not isinstance(question, str) or not isinstance(answer, str):
            raise InputError(f'Lượt {i} của lịch sử hội thoại phải có dạng {{"question": "...", '
                             f'"answer": "..."}} (hai chuỗi ký tự).')
        if not question.strip():
            raise InputError(f"Lượt {i} của lịch sử hội thoại có câu hỏi trống.")
        if len(question) > max_question_chars:
            raise InputError(f"Câu hỏi ở lượt {i} của lịch sử hội thoại quá dài ({len(question)} ký tự); "
                             f"tối đa {max_question_chars} ký tự.")
        if len(answer) > max_answer_chars:
            raise InputError(f"Câu trả lời ở lượt {i} của lịch sử hội thoại quá dài ({len(answer)} ký tự); "
                             f"tối đa {max_answer_chars} ký tự.")
        turns.append(Turn(question, answer))
    return turns


# -- what a turn is about -----------------------------------------------------------------------
@dataclass
class Frame:
    """What one turn was about: its standalone question, analysis, subject and anchors."""

    question: str
    query: Query
    subject: str | None = None
    subject_class: str | None = None
    #: anchor class -> phrase to add to a question ("phiên họp thứ chín", "Hà Giang", ...)
    anchors: dict[str, str] = field(default_factory=dict)
    #: the person / place / body the answer gave when the question asked for one
    answer_entity: dict[str, str] = field(default_factory=dict)
    answer_people: list[str] = field(default_factory=list)
    answer_years: list[int] = field(default_factory=list)

    @property
    def sessions(self) -> list[int]:
        return self.query.sessions

    @property
    def years(self) -> list[int]:
        return list(dict.fromkeys(self.query.years + self.query.event_years))


@dataclass
class Rewrite:
    """A question made standalone. ``standalone`` is ``question`` when no earlier turn was used."""

    question: str
    standalone: str
    used_history: bool = False
    #: "reference", "contrast", "ellipsis" or None (a complete question)
    reason: str | None = None
    #: what was carried over: class -> phrase, plus "sessions" / "years" values
    carried: dict = field(default_factory=dict)
    #: Vietnamese note when the history was ambiguous (two sessions or years in play)
    note: str | None = None

    def describe(self) -> dict:
        return {"standalone": self.standalone, "used_history": self.used_history, "reason": self.reason,
                "carried": self.carried, "note": self.note}


@dataclass
class _Tok:
    word: str
    tag: str
    start: int
    end: int


_POS_LOCK = threading.Lock()


@functools.lru_cache(maxsize=4096)
def _pos(text: str) -> tuple[tuple[str, str], ...]:
    """underthesea's part-of-speech tags (its model is in the wheel; loaded on the first follow-up)."""
    from underthesea import pos_tag

    with _POS_LOCK:  # one tagger shared by the server's threads
        return tuple(pos_tag(text))


def _lower_first(text: str) -> str:
    """``text`` with a lower-case first letter, unless it starts a name ("Hà Giang", "Sở Tư pháp")
    or an abbreviation ("UBND")."""
    words = text.split()
    if not words or (len(words[0]) > 1 and words[0].isupper()) or L.BODY_CASED.match(text) or (
            len(words) > 1 and words[1][:1].isupper() and normalize_word(words[0]) not in _CLASS_WORDS):
        return text
    return text[:1].lower() + text[1:]


def _lower_verb(text: str) -> str:
    """``text`` (starting with a verb) with a lower-case first letter, unless an abbreviation."""
    first = text.split()[0] if text.split() else ""
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sessions_in(s: str) -> list[tuple[int, int, int, int]]:
    """(ordinal, start of the phrase, start of the ordinal, end of the ordinal) of every session
    ordinal in ``s`` ("phiên họp thứ chín", "phiên thứ 7")."""
    out = []
    for m in L.SESSION.finditer(fold(s)):
        words = list(re.finditer(r"\w+", s[m.start(3):m.end(3)]))
        val = number_value([normalize_word(w.group(0)) for w in words])
        if val is None and words and fold(words[0].group(0)) in _ROMAN:
            val = (_ROMAN[fold(words[0].group(0))], 1)
        if val:
            out.append((val[0], m.start(), m.start(3), m.start(3) + words[val[1] - 1].end()))
    return out


class FollowUp:
    """Rewrites follow-up questions for one question analyser (``analyze(text) -> Query``)."""

    def __init__(self, analyze: Callable[[str], Query]) -> None:
        self.analyze = analyze

    def _analyze(self, text: str) -> Query:
        """The question analysis, with the session ordinals of :func:`_sessions_in` (which also
        reads "thứ chín?" with the question mark attached)."""
        q = self.analyze(text)
        if not q.sessions:
            found = list(dict.fromkeys(n for n, *_ in _sessions_in(q.restored_text or q.text)))
            if found:
                q = replace(q, sessions=found)
        return q

    # -- entry point ----------------------------------------------------------------------------
    def rewrite(self, question: str, history: Sequence[Turn] | Sequence[Mapping] | None) -> Rewrite:
        """The standalone form of ``question`` given the earlier turns (validated first)."""
        turns = history if history and all(isinstance(t, Turn) for t in history) \
            else validate_history(history)
        frames: list[Frame] = []
        for turn in turns:
            r = self._resolve(turn.question, frames)
            frames.append(self._frame(r.standalone, turn.answer))
        return self._resolve(question, frames)

    # -- one question against the frames of the turns before it ---------------------------------
    def _resolve(self, question: str, frames: list[Frame]) -> Rewrite:
        text = " ".join(nfc(question).split())
        if not frames or not text:
            return Rewrite(question, question)
        q = self._analyze(text)
        s = " ".join((q.restored_text or text).split()) if q.restored else text
        marked = not looks_unaccented(text)  # restored marks are guesses: read it folded
        last = frames[-1]
        carried: dict = {}
        reason = None

        contrast = self._contrast(s, marked)
        if contrast is not None:
            out = self._apply_contrast(contrast, last, carried)
            return self._finish(question, out, "contrast", carried, frames)

        body, connective = self._strip_connective(s, marked)
        out = body
        refs = self._references(out, marked, self._analyze(out) if out != s else q, last)
        if refs:
            out = self._substitute(out, refs, frames, carried)
            reason = "reference"
            if any(c in (PERSON, ROLE) for c, _, _ in refs):
                out = self._add_anchors(out, last, carried, classes=(EVENT,))
            return self._finish(question, out, reason, carried, frames)
        oq = self._analyze(out) if out != s else q
        part = _PART_OF.search(fold(out))
        if part and self._marks_ok(out, part.span("part"), marked):
            out = last.question.rstrip(" ?.") + ", " + _lower_first(out)
            return self._finish(question, out, "reference", {"statement": last.question}, frames)
        if oq.constrained:  # its own year, session, place...: at most the actor is missing
            start, _, clause = self._structure(out)
            actor = self._actor(last)
            if start == "verb" and actor and len(oq.content) <= 5:
                carried["subject"] = actor
                out = out[:clause] + _lower_first(actor) + " " + _lower_verb(out[clause:]) if clause \
                    else _upper_first(actor) + " " + _lower_verb(out)
                return self._finish(question, out, "ellipsis", carried, frames)
            return Rewrite(question, question)
        if connective or self._elliptical(out, oq):
            out = self._complete(out, last, carried)
            return self._finish(question, out, "ellipsis", carried, frames)
        return Rewrite(question, question)

    @staticmethod
    def _actor(frame: Frame) -> str | None:
        """Who acted in ``frame``: its subject when that is a place, body, person or role, else the
        place, body or person it names."""
        if frame.subject and frame.subject_class in (PLACE, BODY, PERSON, ROLE):
            return frame.subject
        return next((frame.anchors[c] for c in (PLACE, BODY, PERSON) if frame.anchors.get(c)), None)

    def _finish(self, question: str, out: str, reason: str | None, carried: dict,
                frames: list[Frame]) -> Rewrite:
        out = " ".join(out.split()).replace(" ,", ",").replace(" ?", "?")
        if not carried and reason != "contrast":
            return Rewrite(question, question)
        if question.rstrip().endswith("?") and not out.endswith("?"):
            out = out.rstrip(" .") + "?"
        out = _upper_first(out)
        return Rewrite(question, out, used_history=True, reason=reason, carried=carried,
                       note=self._note(carried, frames))

    # -- the cues ---------------------------------------------------------------------------------
    @staticmethod
    def _marks_ok(text: str, span: tuple[int, int], marked: bool) -> bool:
        """True when the words at ``span`` are the reference words as written with their marks (or
        the question was typed without marks)."""
        if not marked:
            return True
        got = " ".join(normalize_word(w) for w in text[span[0]:span[1]].split())
        want = _MARKED.get(fold(got))
        return want is None or got == normalize_word(want) or got == " ".join(
            normalize_word(w) for w in want.split())

    def _contrast(self, s: str, marked: bool) -> str | None:
        """X of "còn X (thì sao)?", "X thì sao?", "thế còn X?", or None."""
        core = s.strip().rstrip("?.!… ").strip()
        f = fold(core)
        m = re.match(r"^(?:(?:vay|the|nhung|va)\s+)?(?P<con>con)\s+", f)
        x_start = None
        if m and (not marked or normalize_word(core[m.start("con"):m.end("con")]) == "còn"):
            x_start = m.end()  # "còn X", not "con số ..."
        end = _CONTRAST_END.search(f)
        if x_start is None:
            if not (end and re.search(r"thi (sao|the nao|nhu the nao|ra sao)", f[end.start():])):
                return None
            x_start = 0
        x = core[x_start:end.start() if end and end.start() > x_start else len(core)].strip(" ,")
        if not x or len(x.split()) > 12 or _QUESTION_WORD.search(fold(x)):
            return None
        return x

    def _strip_connective(self, s: str, marked: bool) -> tuple[str, bool]:
        m = _CONNECTIVE.match(fold(s))
        if not m or not self._marks_ok(s, m.span("con"), marked):
            return s, False
        rest = s[m.end():].strip()
        if len(rest.split()) < 2:
            return s, False
        return rest, True

    def _references(self, s: str, marked: bool, q: Query, frame: Frame) -> list[tuple[str, int, int]]:
        """(class, start, end) of the words that refer back."""
        f = fold(s)
        out = []
        for m in _REFERENCE.finditer(f):
            noun, dem = m.group("noun"), m.group("dem")
            if not self._marks_ok(s, m.span("noun"), marked) or not self._marks_ok(s, m.span("dem"), marked):
                continue
            if not marked and dem == "do" and (_AGENT_AFTER_DO.match(f[m.end():])
                                               or re.match(r"\s*[A-ZĐ]", s[m.end():])):
                continue  # "phien hop do ai chu tri": "do" is "by", not "đó"
            if not marked and noun == "nam" and dem == "nay":
                continue  # "nam nay": this year (the analysis reads it), not "năm này"
            out.append((_NOUN_CLASS[noun], m.start(), m.end()))
        for m in _LOCATIVE.finditer(f):
            if self._marks_ok(s, m.span("loc"), marked) and not any(a <= m.start() < b for _, a, b in out):
                out.append((PLACE if frame.anchors.get(PLACE) or frame.answer_entity.get(PLACE) else EVENT,
                            m.start(), m.end()))
        if not out and not q.constrained:
            out = self._bare_references(s, frame)
        return sorted(out, key=lambda r: r[1])

    def _bare_references(self, s: str, frame: Frame) -> list[tuple[str, int, int]]:
        """A meeting or document noun with no modifier ("tại cuộc họp?", "Kế hoạch yêu cầu gì?"),
        when the conversation is about one."""
        out = []
        toks = self._tags(s)
        for m in _BARE.finditer(fold(s)):
            cls = _NOUN_CLASS[m.group("noun")]
            if not frame.anchors.get(cls) and not (cls == DOCUMENT and frame.anchors.get(EVENT)):
                continue
            nxt = next((t for t in toks if t.start >= m.end()), None)
            if nxt is None or nxt.tag in ("V", "R", "P", "CH") or fold(nxt.word) in (
                    "duoc", "da", "co", "la", "do", "nay"):
                out.append((cls, m.start(), m.end()))
                break
        return out

    def _elliptical(self, s: str, q: Query) -> bool:
        """No constraint and no subject of its own (or only a role as subject), and short."""
        if q.constrained:
            return False
        start, subject, _ = self._structure(s)
        content = sum(t.replace("_", " ") not in FUNCTION_WORDS for t in q.content)
        if start == "question":
            return content <= 4
        if start == "verb":
            return content <= 5
        if subject and _ROLE_SUBJECT.match(fold(subject)):
            return content <= 5
        return content <= 2 and q.kind != L.DEFINITION

    # -- sentence structure -----------------------------------------------------------------------
    def _tags(self, s: str) -> list[_Tok]:
        """Part-of-speech tags with offsets, corrected by the question analysis."""
        f = fold(s)
        fixed: list[tuple[int, int]] = []  # spans that are nouns whatever the tagger says
        for m in re.finditer(rf"(?<!\w)({_EVENT_HEADS}|{_DOCUMENT_HEADS})(?!\w)", f):
            fixed.append(m.span())
        for _, a, _, b in _sessions_in(s):
            fixed.append((a, b))
        for name in bodies_named(s) + [fold(p) for p in people_named(s)] + places_named(f, people_named(s)):
            i = f.find(name)
            if i >= 0:
                fixed.append((i, i + len(name)))
        toks, pos = [], 0
        first = s.split()[0] if s.split() else ""
        tagged = s if first.isupper() and len(first) > 1 else s[:1].lower() + s[1:]
        for word, tag in _pos(tagged):
            i = tagged.find(word, pos)
            if i < 0:
                continue
            word = s[i:i + len(word)]
            tok = _Tok(word, tag, i, i + len(word))
            pos = tok.end
            if any(a <= tok.start and tok.end <= b for a, b in fixed) or (
                    i > 0 and word[:1].isupper() and tag != "CH"):
                tok.tag = "N"
            if normalize_word(word) in PREDICATE_WORDS and not any(a <= tok.start < b for a, b in fixed):
                tok.tag = "V"
            toks.append(tok)
        return toks

    def _structure(self, s: str) -> tuple[str, str | None, int]:
        """How the question starts ("question", "verb" or "noun"), its subject, and the offset of
        its main clause (after a fronted "Năm 2023," or "Tại phiên họp đó,")."""
        toks = self._tags(s)
        i = 0
        if toks and toks[0].tag == "E":  # a fronted phrase: up to its comma, else up to the verb
            comma = next((k for k, t in enumerate(toks) if t.word == ","), None)
            if comma is not None:
                i = comma + 1
            else:
                while i < len(toks) and toks[i].tag not in ("V", "R", "P"):
                    i += 1
        elif len(toks) > 1 and fold(toks[0].word) == "nam" and toks[1].word.isdigit():
            i = 2 + (len(toks) > 2 and toks[2].word == ",")
        while i < len(toks) and toks[i].tag == "CH":
            i += 1
        if i >= len(toks):
            return "verb", None, len(s)
        clause = toks[i].start
        rest = fold(s[clause:])
        if _QUESTION_WORD.match(rest):
            return "question", None, clause
        if toks[i].tag == "L" and re.match(r"^(nhung|cac)\s+(\S+\s+){1,4}?(nao|gi)\b", rest):
            return "question", None, clause
        if toks[i].tag in ("V", "R", "A", "P"):
            return "verb", None, clause
        j = i
        while j < len(toks):
            t = toks[j]
            if t.tag in ("V", "R", "P") or (t.tag == "CH" and t.word != ","):
                break
            if t.word == "," and (j + 1 >= len(toks) or toks[j + 1].tag not in ("N", "Np", "Nc", "Ny")):
                break
            j += 1
        if j == i:
            return "verb", None, clause
        subject = s[toks[i].start:toks[j - 1].end].strip(" ,")
        return "noun", subject, clause

    # -- frames ---------------------------------------------------------------------------------
    def _frame(self, question: str, answer: str) -> Frame:
        q = self._analyze(question)
        s = " ".join((q.restored_text or question).split())
        frame = Frame(question=s, query=q)
        start, subject, _ = self._structure(s)
        if start == "noun" and subject:
            frame.subject = subject
            frame.subject_class = self._class_of(subject)
        f = fold(s)
        if q.sessions:
            frame.anchors[EVENT] = self._session_phrase(s, q.sessions[-1])
        elif q.event_years and (m := L.EVENT_YEAR.search(f)):
            frame.anchors[EVENT] = s[m.start():m.end()]
        elif phrase := self._head_phrase(s, _EVENT_HEADS):
            frame.anchors[EVENT] = phrase
        if phrase := self._head_phrase(s, _DOCUMENT_HEADS):
            frame.anchors[DOCUMENT] = phrase
        if q.places:
            frame.anchors[PLACE] = self._place_name(q.places[-1])
        if q.bodies:
            frame.anchors[BODY] = self._surface(s, q.bodies[-1])
        if q.people:
            frame.anchors[PERSON] = self._with_title(s, q.people[-1])
        elif frame.subject_class == ROLE:
            frame.anchors[ROLE] = frame.subject or ""
        self._answer_entity(frame, answer)
        if frame.subject_class in (EVENT, DOCUMENT) and (anchor := frame.anchors.get(frame.subject_class)) \
                and fold(anchor) in fold(frame.subject or ""):
            frame.subject = anchor  # "Phiên họp thứ chín" rather than all the words before the verb
        return frame

    def _class_of(self, phrase: str) -> str:
        f = fold(phrase)
        pq = self._analyze(phrase)
        if pq.sessions or pq.event_years or re.match(rf"^({_EVENT_HEADS})\b", f):
            return EVENT
        if re.match(rf"^({_DOCUMENT_HEADS})\b", f) or pq.doc_numbers:
            return DOCUMENT
        if pq.people:
            return PERSON
        if _ROLE_SUBJECT.match(f):
            return ROLE
        if pq.places:
            return PLACE
        if pq.bodies or re.match(rf"({_alternation(BODY_HEADS)})(?!\w)", f):
            return BODY
        return TOPIC

    def _answer_entity(self, frame: Frame, answer: str) -> None:
        """The person, place or body the answer gave when the question asked for one."""
        lines = [ln.strip(" -") for ln in (answer or "").splitlines() if ln.strip()]
        skip = ("Xin lỗi", "Ghi chú", "Xem thêm", "Tài liệu không")  # not-found, notes, what is missing
        lines = [ln for ln in lines if not ln.startswith(skip)]
        if not lines:
            return
        first = re.sub(r"\s*\[\d+\]", "", lines[0])
        first = re.split(r"(?<=[.!?])\s+", first)[0]
        kind = frame.query.kind
        if not frame.sessions and re.search(r"\bthu (may|bao nhieu)\b", fold(frame.question)) \
                and (found := _sessions_in(first)):
            frame.anchors[EVENT] = self._session_phrase(first, found[0][0])
            frame.query = replace(frame.query, sessions=[found[0][0]])
        if kind == L.PERSON and (people := people_named(first)):
            asked = {fold(p) for p in frame.query.people}
            people = [p for p in people if fold(p) not in asked] or people
            people.sort(key=lambda p: -self._described(first, p, people, frame.query))
            frame.answer_people = [self._with_title(first, p) for p in people]
            frame.answer_entity[PERSON] = frame.answer_people[0]
        elif kind == L.PLACE and (places := places_named(fold(first), people_named(first))):
            frame.answer_entity[PLACE] = self._place_name(places[0])
        elif kind == L.ORGANISATION and (bodies := bodies_named(first)):
            frame.answer_entity[BODY] = self._surface(first, bodies[0])
        elif kind == L.DATE and not frame.years:
            frame.answer_years = [int(m.group(1)) for m in L.YEAR.finditer(first)][:1]

    @staticmethod
    def _described(text: str, name: str, people: list[str], q: Query) -> int:
        """How many of the question's words the answer writes next to ``name`` (its title and
        apposition, up to the next name or ";"): "Ai là Phó Chủ tịch Thường trực ...?" picks the
        person the answer calls that."""
        i = text.find(name)
        if i < 0:
            return 0
        j = min([text.find(p, i + len(name)) for p in people if text.find(p, i + len(name)) > 0]
                + [k for k in (text.find(";", i),) if k > 0] + [len(text)])
        near = fold(text[max(0, i - 40):j])
        words = {w for t in q.content for w in fold(t).split("_") if len(w) > 1}
        return sum(re.search(rf"\b{re.escape(w)}\b", near) is not None for w in words)

    # -- phrases ----------------------------------------------------------------------------------
    @staticmethod
    def _surface(s: str, folded_name: str) -> str:
        i = fold(s).find(folded_name)
        return s[i:i + len(folded_name)] if i >= 0 else folded_name

    @staticmethod
    def _place_name(folded: str) -> str:
        return next((p for p in L.PROVINCES if fold(p) == folded), folded.title())

    @staticmethod
    def _with_title(s: str, name: str) -> str:
        """A person's name with the title written just before it ("Bí thư Tỉnh ủy Vũ Đại Thắng")."""
        i = s.find(name)
        if i < 0:
            return name
        m = _TITLE_BEFORE.search(fold(s[:i]))
        return (s[m.start():i] + name) if m else name

    @staticmethod
    def _session_phrase(s: str, n: int) -> str:
        """The session as the question named it ("phiên họp thứ chín", "hội nghị phiên thứ 7"):
        the meeting's own words retrieve best."""
        for val, start, _, end in _sessions_in(s):
            if val == n:
                phrase = s[start:end]
                head = re.search(rf"(?<!\w)({_alternation(CLASS_NOUNS[EVENT][2:])})(?!\w)", fold(s[:start]))
                if fold(phrase).startswith("phien thu") and head:
                    phrase = s[head.start():head.end()] + " " + phrase
                return _lower_first(phrase)
        return f"phiên họp thứ {_ORDINAL_WORDS.get(n, n)}"

    def _head_phrase(self, s: str, heads: str) -> str | None:
        """The noun phrase a meeting or document noun heads, with its modifiers ("kế hoạch CCHC
        năm 2024 của UBND tỉnh", "buổi làm việc của Bí thư Tỉnh ủy Vũ Đại Thắng về CCHC")."""
        m = re.search(rf"(?<!\w)({heads})(?!\w)", fold(s))
        if not m:
            return None
        toks = [t for t in self._tags(s) if t.start >= m.end()]
        end = m.end()
        for k, t in enumerate(toks):
            if t.tag in ("V", "R", "P") or (t.tag == "CH" and t.word != ",") or fold(t.word) in (
                    "tai", "o", "trong", "theo", "nao"):
                break
            if t.word == "," and (k + 1 >= len(toks) or toks[k + 1].tag not in ("N", "Np", "Ny")):
                break
            end = t.end
        phrase = s[m.start():end].strip(" ,")
        if end == m.end() or _QUESTION_WORD.search(fold(phrase)):
            return None  # a bare noun names nothing in particular; "phiên họp thứ mấy" asks
        return phrase

    # -- building the standalone question ---------------------------------------------------------
    def _antecedent(self, cls: str, noun: str, frames: list[Frame], carried: dict) -> str | None:
        """What a reference of class ``cls`` points to, from the latest frame that has one."""
        for frame in reversed(frames):
            phrase = None
            if cls == PERSON:
                phrase = self._person(noun, frame)
            elif cls == PLACE:
                name = frame.answer_entity.get(PLACE) or frame.anchors.get(PLACE)
                if name:
                    phrase = f"{noun} {name}" if noun in ("tỉnh", "thành phố", "điểm cầu", "huyện", "xã") \
                        else name
            elif cls == BODY:
                bodies = [b for b in (frame.answer_entity.get(BODY), frame.anchors.get(BODY)) if b]
                subject = frame.subject or ""
                if frame.subject_class == BODY and fold(subject).startswith(fold(noun)):
                    bodies.insert(0, subject)
                phrase = next((b for b in bodies if fold(b).startswith(fold(noun))), None) \
                    or (bodies[0] if bodies else None)
                if phrase is None and frame.subject_class == BODY:
                    phrase = frame.subject
            elif cls == TIME:  # "năm đó" is a year, of whichever turn named one last
                named = [f.years or f.answer_years for f in reversed(frames) if f.years or f.answer_years]
                years = frame.years or frame.answer_years or (named[0] if named and noun == "năm" else [])
                if years:
                    phrase = f"năm {years[-1]}"
                    carried.setdefault("years", [years[-1]])
                elif frame.anchors.get(EVENT):
                    phrase = "tại " + frame.anchors[EVENT]
            elif cls == EVENT:
                phrase = frame.anchors.get(EVENT) or frame.anchors.get(DOCUMENT)
                if phrase is None and frame.subject_class in (EVENT, DOCUMENT):
                    phrase = frame.subject
                if phrase and frame.sessions and frame.anchors.get(EVENT):
                    carried.setdefault("sessions", [frame.sessions[-1]])
            elif cls == DOCUMENT:
                phrase = frame.anchors.get(DOCUMENT) or frame.anchors.get(EVENT)
                if phrase is None and frame.subject_class in (EVENT, DOCUMENT):
                    phrase = frame.subject
                if phrase and frame.sessions and not frame.anchors.get(DOCUMENT):
                    carried.setdefault("sessions", [frame.sessions[-1]])
            if phrase:
                return phrase
        return None

    @staticmethod
    def _person(noun: str, frame: Frame) -> str | None:
        """The person "ông ấy" / "bà ấy" / "người đó" points to in ``frame``: one the answer named
        when the question asked who, else one the question named, else its role. A middle name
        "Thị" is a woman's ("bà", "chị"), "Văn" a man's ("ông", "anh"); a name said without a title
        takes the pronoun's ("ông Nguyễn Văn Sơn")."""
        people = frame.answer_people or [p for p in (frame.anchors.get(PERSON),) if p]
        if noun in ("bà", "chị"):
            people = [p for p in people if re.search(r"\bThị\b", p)] or people
        elif noun in ("ông", "anh"):
            people = [p for p in people if not re.search(r"\bThị\b", p)] or people
        if not people:
            return frame.anchors.get(ROLE) or None
        person = people[0]
        if noun in ("ông", "bà", "đồng chí", "anh", "chị") and not _TITLE_START.match(fold(person)):
            person = f"{noun} {person}"
        return person

    def _substitute(self, s: str, refs: list[tuple[str, int, int]], frames: list[Frame],
                    carried: dict) -> str:
        out, pos = [], 0
        for cls, a, b in refs:
            if cls == TOPIC:  # "mô hình đó" -> "mô hình <what the last turn was about>"
                about = frames[-1].subject or next(
                    (frames[-1].anchors[c] for c in (EVENT, DOCUMENT, BODY, PLACE, PERSON)
                     if frames[-1].anchors.get(c)), None)
                if about:
                    noun = s[a:b].split()[:-1]
                    lead = " ".join(noun) + " "
                    carried[TOPIC] = about
                    out.append(s[pos:a])
                    out.append(lead + (_lower_first(about) if not fold(about).startswith(fold(lead))
                                       else about[len(lead):]))
                    pos = b
                continue
            f = fold(s[a:b])
            noun = next((n for n in sorted(CLASS_NOUNS.get(cls, ()), key=len, reverse=True)
                         if f.startswith(fold(n) + " ")), f.split()[0])
            phrase = self._antecedent(cls, noun, frames, carried)
            if phrase is None and cls in (EVENT, DOCUMENT) and (actor := self._actor(frames[-1])
                                                                 or frames[-1].anchors.get(ROLE)):
                phrase = f"{s[a:b].split()[0]} {' '.join(s[a:b].split()[1:-1])} {JOIN[PERSON]} {actor}"
                phrase = " ".join(phrase.split())
            if phrase is None and cls in (BODY, PLACE, PERSON) and frames[-1].subject \
                    and frames[-1].subject_class in (BODY, PLACE, PERSON, TOPIC):
                phrase = frames[-1].subject
            if phrase is None:
                continue
            if s[a:b].lower().startswith(("ở ", "tại ", "nơi ", "o ", "tai ")) and cls in (PLACE, EVENT):
                phrase = s[a:b].split()[0] + " " + phrase
            carried[cls] = phrase
            out.append(s[pos:a])
            out.append(_upper_first(phrase) if a == 0 else _lower_first(phrase))
            pos = b
        out.append(s[pos:])
        return "".join(out)

    def _complete(self, s: str, frame: Frame, carried: dict) -> str:
        """A question without a subject or constraint of its own, completed from ``frame``."""
        start, subject, clause = self._structure(s)
        if start == "verb":
            lead = frame.subject
            if lead is None:
                lead = next((frame.anchors[c] for c in (EVENT, DOCUMENT, BODY, PLACE, PERSON)
                             if frame.anchors.get(c)), None)
                if lead is None and frame.answer_entity:
                    lead = next(iter(frame.answer_entity.values()))
            if lead:
                carried["subject"] = lead
                self._note_values(lead, carried)
                s = s[:clause] + (_upper_first(lead) if clause == 0 else _lower_first(lead)) + " " + \
                    _lower_verb(s[clause:])
        elif frame.subject and frame.subject_class not in (ROLE, PERSON) and not (
                subject and fold(frame.subject) in fold(subject)):
            carried["object"] = frame.subject
            self._note_values(frame.subject, carried)
            s = self._append(s, frame.subject, frame.subject_class or TOPIC)
        return self._add_anchors(s, frame, carried)

    def _append(self, s: str, phrase: str, cls: str) -> str:
        core = s.rstrip(" ?.")
        toks = self._tags(core)
        last = toks[-1] if toks else None
        join = "" if last is not None and last.tag == "V" and cls in (DOCUMENT, EVENT, TOPIC) \
            else JOIN.get(cls, "về") + " "
        return f"{core} {join}{_lower_first(phrase)}" + s[len(core):]

    def _add_anchors(self, s: str, frame: Frame, carried: dict,
                     classes: Sequence[str] = (EVENT, DOCUMENT, BODY, PLACE, PERSON)) -> str:
        """Add the frame's meeting, document, place, body, person and year that the question lacks."""
        q = self._analyze(s)
        f = fold(s)
        lacks = {EVENT: not (q.sessions or q.event_years or re.search(rf"\b({_EVENT_HEADS})\b", f)),
                 DOCUMENT: not (q.doc_numbers or re.search(rf"\b({_DOCUMENT_HEADS})\b", f)),
                 BODY: not q.bodies, PLACE: not q.places, PERSON: not q.people}
        for cls in classes:
            phrase = frame.anchors.get(cls)
            if not phrase or not lacks.get(cls) or fold(phrase) in f:
                continue
            if cls == DOCUMENT and frame.anchors.get(EVENT) and fold(frame.anchors[EVENT]) in fold(s):
                continue
            carried[cls] = phrase
            self._note_values(phrase, carried)
            s = self._append(s, phrase, cls)
            f = fold(s)
            q = self._analyze(s)
        if EVENT in classes and frame.query.years and not q.years and not q.event_years:
            year = frame.query.years[-1]
            if str(year) not in s:
                carried["years"] = [year]
                clause = self._structure(s)[2]
                s = s[:clause] + f"Năm {year}, " + _lower_first(s[clause:]) if clause == 0 \
                    else s[:clause] + f"năm {year}, " + s[clause:]
        return s

    def _note_values(self, phrase: str, carried: dict) -> None:
        pq = self._analyze(phrase)
        if pq.sessions:
            carried.setdefault("sessions", pq.sessions[-1:])
        if pq.years or pq.event_years:
            carried.setdefault("years", (pq.years + pq.event_years)[-1:])

    # -- contrast ---------------------------------------------------------------------------------
    def _apply_contrast(self, x: str, frame: Frame, carried: dict) -> str:
        """The previous standalone question with X in the place of what X replaces."""
        base = frame.question
        bq = frame.query
        xq = self._analyze(x)
        out = base
        done = False
        x_years = xq.years + xq.event_years
        if x_years:
            b_years = bq.years + bq.event_years
            if b_years:
                for y in b_years:
                    out = re.sub(rf"(?<!\d){y}(?!\d)", str(x_years[0]), out)
            else:
                out = f"Năm {x_years[0]}, " + _lower_first(out)
            done = True
        if xq.sessions:
            out = self._replace_session(out, xq.sessions[0], x)
            done = True
        if xq.places:
            name = self._place_name(xq.places[0])
            old = [p for p in bq.places]
            if old:
                for p in old:
                    i = fold(out).find(p)
                    if i >= 0:
                        out = out[:i] + name + out[i + len(p):]
            else:
                out = self._replace_actor(out, name, frame, PLACE)
            done = True
        role = _TITLE_START.match(fold(x))
        if xq.people or role:
            new = self._with_title(x, xq.people[0]) if xq.people else x[:role.end()]
            if bq.people:
                old = self._with_title(out, bq.people[-1])
                out = out.replace(old, new, 1)
            else:
                out = self._replace_actor(out, new, frame, PERSON)
            done = True
        if xq.bodies and not done:
            new = self._surface(x, xq.bodies[0])
            if bq.bodies:
                old = self._surface(out, bq.bodies[-1])
                out = out.replace(old, new, 1)
            else:
                out = self._replace_actor(out, new, frame, BODY)
            done = True
        if not done:
            out = self._replace_asked(out, x, frame)
        for key, values in (("sessions", bq.sessions), ("years", bq.years + bq.event_years)):
            kept = [v for v in values if str(v) in out or key == "sessions"]
            if kept and not (key == "sessions" and xq.sessions) and not (key == "years" and x_years):
                carried[key] = kept[-1:]
        carried["contrast"] = x
        return out

    def _replace_actor(self, s: str, new: str, frame: Frame, cls: str) -> str:
        """``new`` (a place, person or body) in place of the subject of the previous question when
        that was who acted, else added to it."""
        if frame.subject and frame.subject in s and frame.subject_class in (PLACE, BODY, PERSON, ROLE, TOPIC):
            return s.replace(frame.subject, new, 1)
        return self._append(s, new, cls)

    def _replace_session(self, s: str, n: int, x: str) -> str:
        ordinal = self._session_phrase(x, n).split("thứ ", 1)[1]
        spans = _sessions_in(s)
        if spans:
            _, _, a, b = spans[-1]
            return s[:a] + ordinal + s[b:]
        m = L.EVENT_YEAR.search(fold(s))
        if m:
            return s[:m.start()] + f"phiên họp thứ {ordinal}" + s[m.end():]
        return self._append(s, f"phiên họp thứ {ordinal}", EVENT)

    def _replace_asked(self, s: str, x: str, frame: Frame) -> str:
        """X in place of what the question asked about ("bao nhiêu X", "những X gì"), or of the
        phrase it opens with the same preposition ("còn về X" replaces "về ...")."""
        f = fold(s)
        if (p := _PREPOSITION.match(fold(x))) and (m := re.search(rf"(?<!\w){p.group(1)}\s", f)):
            end = re.search(r"\s+(nam \d{4}|tai|o|trong|cua|la|nhu|bao nhieu|gi|nao|the nao|ra sao)\b"
                            r"|\s*[?,]?\s*$", f[m.end():])
            stop = m.end() + (end.start() if end else len(f) - m.end())
            return s[:m.start()] + x + s[stop:]
        years = [y for y in frame.query.years[-1:] if str(y) not in x]
        lead = f"Năm {years[0]}, " if years else ""
        if qn := re.match(rf"({_alternation(QUANTITY_NOUNS)})\s+", fold(x)):  # "còn số TTHC ...?"
            who = frame.subject if frame.subject_class in (PLACE, BODY, PERSON, ROLE, EVENT, DOCUMENT) \
                else next((frame.anchors[c] for c in (EVENT, DOCUMENT, PLACE, BODY)
                           if frame.anchors.get(c)), "")
            if lead and who and str(years[0]) in who:
                lead = ""
            asked = f"bao nhiêu {x[qn.end():]}" if qn.group(1) in ("so", "tong so", "so luong") \
                else f"{_lower_first(x)} là bao nhiêu"
            return lead + (f"{_lower_first(who)} có {asked}?" if who else f"{asked}?")
        m = re.search(r"\b(bao nhieu|may|nhung|cac)\s+(?P<np>.+?)(?=\s+(gi|nao|la gi|trong|tai|o|vao|theo|"
                      r"so voi|nam \d{4})\b|\s*[?,]|\s*$)", f)
        if m and m.group("np").strip():
            a, b = m.span("np")
            return s[:a] + x + s[b:]
        if frame.subject and frame.subject in s and frame.subject_class == TOPIC:
            return s.replace(frame.subject, x, 1)
        where = " ".join(f"{JOIN[c]} {frame.anchors[c]}" for c in (EVENT, PLACE) if frame.anchors.get(c))
        return f"{lead}{_lower_first(x) if lead else x} {where} thế nào?".replace("  ", " ")

    # -- ambiguity ------------------------------------------------------------------------------
    @staticmethod
    def _note(carried: dict, frames: list[Frame]) -> str | None:
        for key, label, of in (("sessions", "phiên họp thứ", lambda fr: fr.sessions),
                               ("years", "năm", lambda fr: fr.years)):
            taken = carried.get(key)
            if not taken:
                continue
            seen = list(dict.fromkeys(v for fr in frames for v in of(fr)))
            if len(seen) > 1:
                listed = ", ".join(f"{label} {v}" for v in seen[:-1]) + f" và {label} {seen[-1]}"
                kind = "phiên" if key == "sessions" else "năm"
                return (f"Ghi chú: cuộc trò chuyện đã nhắc tới {listed}; câu hỏi được hiểu là về "
                        f"{label} {taken[-1]}, {kind} được nhắc tới gần nhất.")
        return None


def rewrite_question(analyze: Callable[[str], Query], question: str, history: object,
                     max_question_chars: int = 2000) -> Rewrite:
    """``question`` made standalone against ``history`` (validated: :class:`InputError` with a
    Vietnamese message when it is not a list of at most :data:`MAX_TURNS` turns ``{"question": str,
    "answer": str}`` with answers of at most :data:`MAX_ANSWER_CHARS` characters)."""
    turns = validate_history(history, max_question_chars=max_question_chars)
    if not turns:
        return Rewrite(question, question)
    return FollowUp(analyze).rewrite(question, turns)


def annotate(answer: Answer, rewrite: Rewrite) -> Answer:
    """The answer to ``rewrite.standalone`` presented as the answer to the question as typed:
    ``question`` as typed, ``interpreted_as`` the standalone question, the ambiguity note as the
    answer's last line, and the rewrite under ``debug["followup"]``."""
    if rewrite.used_history:
        answer.question = nfc(rewrite.question).strip()
        answer.interpreted_as = rewrite.standalone
        answer.debug["followup"] = rewrite.describe()
        if rewrite.note:
            answer.answer = answer.answer.rstrip() + "\n" + rewrite.note
    return answer


__all__ = ["MAX_ANSWER_CHARS", "MAX_TURNS", "FollowUp", "Frame", "Rewrite", "Turn", "annotate",
           "rewrite_question", "validate_history"]
