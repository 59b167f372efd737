"""Compose the answer to an analysed question from the best passages: :func:`respond`.

Every answer line is made of verbatim text of a retrieved passage followed by ``[n]``. Three
outcomes, said plainly (``Answer.status``):

- ``answered``: sentences that hold the question's content words, carry the kind of answer asked
  for (a number for "bao nhiêu", a date for "khi nào", a person for "ai"...) and agree with its
  constraints (year, session, province, body, person, document number);
- ``partial``: the documents hold the asked-for fact only for another year, session or province;
  the answer says so first, then cites what they do hold;
- ``not_found``: too few of the question's words in the best passages (idf-weighted share under
  the threshold), or no sentence of the right kind, or a constraint nothing in them meets.

List questions ("yêu cầu những gì", "những hạn chế nào") get the points of the paragraph(s) that
state them (:mod:`qa_bot.lists`). Citations are numbered in the order the answer first uses them;
the other retrieved passages follow as related (``used=False``), ``top_k`` in all at most.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from . import language as L
from . import lists
from .answer_type import ABBREVIATION_MEANING, asked_numbers, carries, names_new, spelled_out
from .citations import Citations
from .coverage import Evidence, coverage, text_view, weigh
from .evidence import Verdict
from .lexicon import syllables
from .models import ANSWERED, NOT_FOUND, PARTIAL, Answer, Hit
from .normalize import fold
from .particulars import particular_answer
from .query import Query, dictionary_compounds
from .sources import Sources
from .tokens import figure_digits, surface_tokens

NOT_FOUND_TEXT = (
    "Xin lỗi, các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này. "
    "Bạn có thể diễn đạt lại câu hỏi hoặc bổ sung tài liệu liên quan."
)
_KIND_NAMES = {L.NUMBER: "số liệu", L.DATE: "thời gian", L.PERSON: "người", L.ORGANISATION: "cơ quan",
               L.PLACE: "địa điểm"}
_TYPED = frozenset(_KIND_NAMES)
#: Kinds whose answer may sit in an earlier sentence of the same paragraph ("Đối với tỉnh Hà
#: Giang, ..." then the figures): that sentence is then quoted too.
_CONTEXT_TYPED = frozenset({L.PLACE, L.PERSON, L.ORGANISATION})
#: Least share of the question's words a sentence must hold itself to answer a typed question.
MIN_SENTENCE_EVIDENCE = 0.2
#: ... and when the counted noun of "bao nhiêu X" appears in none of the passages (a typo, another
#: word for it), the share a sentence must hold for any quantity in it to answer.
LOOSE_SENTENCE_EVIDENCE = 0.5
#: The score a sentence gains for saying what a definition question's term is ("Học kỳ là ...").
DEFINES_BONUS = 0.25
#: The share of what the sentence before adds to a sentence's evidence (it often names the subject
#: the sentence goes on to say something of).
NEIGHBOUR_SHARE = 0.15
#: ... and when the sentence opens with a word that refers back to it ("Nó", "Ông", "Công ty").
ANAPHOR_SHARE = 0.3
#: ... of which the words the sentence before opens with (its subject, within this many syllables)
#: count at this share.
SUBJECT_REACH = 8
SUBJECT_SHARE = 1.0
#: Longest noun phrase before "nào" that names what a "which" question asks for (syllables).
WHICH_NOUN_SYLLABLES = 4
#: When the answer passages fall short of the evidence floor, a passage retrieved just below them is
#: read with them if it holds a question word none of them holds and this much more of the
#: question's words (idf-weighted share) than the best of them.
WIDER_MARGIN = 0.3
#: A sentence of the passage ranked r weighs 1 / (1 + RANK_PENALTY * r).
RANK_PENALTY = 0.1
#: How much the share of the question's word pairs an item holds adds to its evidence.
ITEM_PAIRS = 0.1
#: Least share of the question's words (idf-weighted) an item or a clause about the offence must
#: say beyond its announcer and the article's first clause to be read with them ("a) Có tổ
#: chức;" adds "tổ chức"; "quy định" alone is no addition).
ITEM_ADDS = 0.05
#: A further answer sentence must hold the question's words within this share of the best one's,
WEAKER_SHARE = 0.3
#: ... and score at least this share of the best one's score.
FURTHER_SCORE = 0.76
#: A short answer (characters, without markers) takes further good sentences of its document while
#: the whole stays this short (about a short paragraph) ...
ANSWER_ROOM = 200
#: ... at most this many sentences in all, each scoring at least this share of the best one's.
ROOM_SENTENCES = 3
ROOM_SCORE = 0.5


@dataclass
class _Candidate:
    score: float
    rank: int
    order: int
    hit: Hit
    start: int
    end: int
    sentence: str
    matched: list[str]
    typed: bool
    verdict: Verdict | None  # read once the sentence fits (_sentence_answer)
    weight: float = 0.0  # the sentence's own coverage of the question's words the index knows
    lead_in: tuple[Hit, str] | None = None  # earlier sentence that carries the answer type
    topic: float = 0.0  # of the score, what opening with the question's topic adds (orders only)


#: What a definition question asks about: the words before "là gì" after the last comma ("Theo
#: Bộ luật Dân sự, quyền nhân thân là gì?" -> "quyen nhan than"), folded.
_DEFINED = re.compile(r"(?:^|[,:;]\s*)(?:theo [^,]*,\s*)?([^,:;?]+?)\s+(?:la gi|la ai|nghia la gi|"
                      r"co nghia la gi|duoc (?:hieu|dinh nghia) (?:la|nhu the nao)|la sao|the nao la)\b")


#: What names a thing in a sentence: "gọi là", "tên là", "được biết đến với", "thuật ngữ", and the
#: encyclopedic "X đề cập (đến) ...", "X dùng để chỉ ...", "X ám chỉ ..." (X is the name of what
#: follows: "Chủ nghĩa đế quốc văn hóa đề cập việc sự ảnh hưởng của một quốc gia ...") (folded).
#: Compiled once (re's cache of inline patterns is emptied by the patterns made per question).
_NAMES = re.compile(r"\b(?:goi la|ten la|ten goi la|mang ten|co ten|cai ten|duoc biet den (?:voi|la|nhu)|"
                    r"thuat ngu|biet danh|con goi|hay con|de cap|dung de chi|am chi)\b")
#: A sentence opening that refers back to what the sentence before names.
_ANAPHOR = re.compile(r"\s*(?:Nó|Ông(?: ấy)?|Bà(?: ấy)?|Anh ấy|Cô ấy|Họ|Chúng|Đây|Điều này|Việc này|"
                      r"Công ty|Tổ chức)\b")
#: A year ("năm 1901", "1530"), not part of a larger figure.
_YEAR = re.compile(r"(?<![\d.,])(?:1\d{3}|20\d\d)(?![\d.,]\d)")
_CLOSED = re.compile(r"[.;!?…)\"”]$")


#: A question about what a thing is for ("Mục đích của ĐTBHK?", "Điểm M dùng để làm gì?", "Mục
#: tiêu của X khi ...?"), and a sentence that says it ("với ý định thành lập ...") (folded).
_ASKS_PURPOSE = re.compile(r"\b(?:muc dich|muc tieu|y nghia|tac dung|cong dung|de lam gi|nham muc dich gi)\b")
_PURPOSE = re.compile(r"\b(?:dung de|nham|voi (?:muc dich|muc tieu|y dinh)|co muc dich|"
                      r"muc (?:dich|tieu) (?:la|nham))\b")


def _definition_subject(question: str) -> str | None:
    """The folded term a definition question asks about, if it can be read off the question."""
    f = fold(question)
    if m := re.match(r"\s*(?:the nao la|(?:dinh nghia|khai niem)(?: cua| ve)?)\s+[\"“']?([^?,.\"”']+)", f):
        return m.group(1).strip()  # "Thế nào là X?", "Định nghĩa của "X"?"
    if m := _RULES_ON.search(f):  # "Bộ luật Dân sự quy định thế nào về chi nhánh, văn phòng ...?"
        return m.group(1).strip()
    m = _DEFINED.search(f)
    return _LAW_SAYS.sub("", m.group(1)).strip() if m else None


#: "... quy định (như) thế nào về X" asks what the law says X is (folded).
_RULES_ON = re.compile(r"\bquy dinh (?:nhu )?the nao ve (?:viec )?([^?.]+)")
#: "Bộ luật Dân sự 2015 quy định pháp nhân thương mại là gì": the law that says it is no part of
#: the term (folded).
_LAW_SAYS = re.compile(r"^\S.*?\s+quy dinh (?:ve )?")


#: A definition question asking for another name ("Tên khác của X là gì?", "Từ đồng nghĩa với X",
#: "Biệt danh của X", "Một thuật ngữ khác cho X").
_NAMING_HEAD = re.compile(r"(?:mot )?(?:ten khac|ten goi khac|tu dong nghia|biet danh|thuat ngu khac|"
                          r"cach goi khac|cach khac de (?:de cap|goi|chi|noi)(?: den| toi| ve)?)\b")
#: What a naming question names: the words after "của", "cho", "với", "đến" ("Tên khác của Phía Tây
#: Fresno" -> "phia tay fresno") (folded).
_NAMED_THING = re.compile(r"^(?:mot )?(?:ten khac|ten goi khac|tu dong nghia|biet danh|thuat ngu khac|"
                          r"cach goi khac|cach khac de (?:de cap|goi|chi|noi))\s+"
                          r"(?:cua|cho|voi|den|toi|ve)\s+(.+)$")
_NAMING = re.compile(r"\b(?:duoc goi|goi|ten|co ten|mang ten|ten goi)$")


def _defines(subject: str, sentence: str) -> bool:
    """True when ``sentence`` says what ``subject`` is ("Học kỳ là thời gian ..."), or, for "...
    được gọi là gì" and "Biệt danh / Tên khác của X là gì", what it is called ("Ngày nay, điều này
    được gọi là lý thuyết Miasma", "Nó cũng được biết đến với cái tên plastome")."""
    if _NAMING.search(subject) or _NAMING_HEAD.match(subject):
        f = fold(sentence)
        thing = _NAMED_THING.match(subject)
        if thing is None:
            return bool(_NAMES.search(f))
        # "Tên khác của X": a sentence naming something that says a word of X or refers back to it
        # ("Nó cũng được biết đến với cái tên plastome"), or a gloss in brackets after X ("các
        # xtato (đĩa tĩnh)"); "... được gọi là "Dogg Pound" để đề cập đến ..." names something else
        words = re.findall(r"\w+", thing.group(1))
        if _NAMES.search(f) and (_ANAPHOR.match(sentence) or re.search(r"\bnay\b", f) or any(
                re.search(rf"\b{re.escape(w)}\b", f) for w in words if len(w) > 1)):
            return True
        return bool(words) and re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\s*\(", f) is not None
    f = _one_iy(fold(sentence).strip())  # "Học phí học kì" is the "học phí học kỳ" of the text
    subject = _one_iy(subject)
    # "Mật khẩu của email SV là gì?": in the passage about the email, "Mật khẩu: ..." says it
    head = subject.split(" cua ")[0] if " cua " in subject else subject
    if head not in f:  # every form below says the term (the subject holds its head): most
        return False  # sentences do not, and they need no pattern built for this question
    term = rf"(?:{re.escape(subject)}|{re.escape(head)}){L.TERM_QUALIFIER}(?:\s*\([^)]*\))?"
    # "Lớp học phần: Những sinh viên ...", "Học phí học kỳ (HPHK): là khoản tiền ...": a
    # regulation's term opening the sentence as its label
    return bool(re.search(rf"(?:^|[,:;]\s+|\b[a-z]\)\s+|\d\.\s+){term}\s+"
                          r"(?:la|duoc hieu la|duoc goi la)\b", f)
                or re.match(rf"(?:[a-z]\)\s+|\d\.\s+)?{term}\s*:\s*\S", f)
                # "Điểm cuối cùng để đánh giá một học phần được gọi là điểm học phần."
                # "... (gọi là học phí học kỳ)."
                or re.search(rf"\b(?:duoc goi|goi) la {re.escape(subject)}\s*[.;)]*$", f))


#: A folded syllable ending in y after a consonant: the other spelling of its final i ("ky" / "ki").
_FINAL_Y = re.compile(r"\b(ch|kh|nh|ph|qu|th|tr|[bcdhklmnprstvx])y\b")


def _one_iy(folded: str) -> str:
    """Folded text with a final y after a consonant written i: "học kỳ" and "học kì", "quy định"
    and "qui định" are one word each (the two accepted spellings; see :mod:`qa_bot.spelling`)."""
    return _FINAL_Y.sub(r"\1i", folded)


def _defines_back(subject: str, sentence: str, before: str) -> bool:
    """True when ``sentence`` opens "Đây là ..." (:data:`language.THIS_IS`) and the sentence
    ``before`` it opens with ``subject`` (within :data:`SUBJECT_REACH` words): "Tài khoản Dreamspark
    và Office365: Mức độ quan trọng 6/10. Đây là hệ thống phần mềm có bản quyền của Microsoft"
    says what the account is."""
    if not before or not L.THIS_IS.match(fold(sentence)):
        return False
    head = subject.split(" cua ")[0]
    return head in " ".join(fold(before).split()[:SUBJECT_REACH])


def _type_bonus(kind: str, sentence: str, typed: bool, question: str) -> float:
    """What carrying the asked-for kind adds to a sentence's score (more for a day, or a name the
    question does not already say)."""
    if not typed or kind not in _TYPED:
        return 0.0
    if kind == L.DATE:  # a day beats a year the question does not name, which beats a condition
        if L.DAY_EXPR.search(fold(sentence)):
            return 0.4
        return 0.25 if set(_YEAR.findall(sentence)) - set(_YEAR.findall(question)) else 0.15
    if kind == L.PERSON:  # a name beats a role ("người đứng đầu"); so does whom a rule is for, asked
        # who may ("Ai được nhận học bổng loại giỏi?" -> "... áp dụng đối với SV đạt ...")
        return 0.4 if names_new(sentence, question) or (
            L.APPLIES_TO.search(fold(sentence)) and L.WHO_MAY.search(fold(question))) else 0.15
    return 0.25


def _context(hit: Hit, lead: str) -> str:
    """What a passage says, with the title, publisher and lead sentence of its document: the
    title and lead state what the whole article is about."""
    d = hit.document
    return " . ".join(x for x in (d.title, d.source or "", lead, hit.text) if x)


def _not_found(query: Query, reason: str = "", related: Sequence[Hit] = (), limit: int = 0,
               debug: dict | None = None) -> Answer:
    text = NOT_FOUND_TEXT + (f"\n{reason}" if reason else "")
    cites = Citations(limit).citations(related) if related and limit else []
    return Answer(query.text, text, False, cites, debug or {}, status=NOT_FOUND)


#: How many passages a definition question reads for the sentence that defines its term
#: ("Định nghĩa của "Người lao động"?": "Người lao động là người làm việc ..." in the law's
#: glossary article, which passages that only use the term outrank). 40: on alqac2022, 100 found
#: 3 more definitions but the second reading cost 17 ms instead of 10.5 at 1M passages.
DEFINITION_DEPTH = 40
_NAME_ASKED = re.compile(r"(?:mot )?(?:ten|ten goi|biet danh|thuat ngu|tu dong nghia)\b")


def _term_asked(query: Query) -> str | None:
    """The term a definition question asks to define (folded), or None; a name asked ("Tên (khác)
    của X là gì?", "biệt danh") is no term: any sentence naming things gives one."""
    if query.kind in _TYPED:
        return None
    term = _definition_subject(query.restored_text or query.text)
    return None if not term or _NAMING.search(term) or _NAME_ASKED.match(term) else term


def reading_depth(query: Query, depth: int, answer: Answer) -> int:
    """How many passages to read again for ``query`` when its ``answer`` (from ``depth`` passages,
    of a law or regulation) does not open with the definition a definition question asks for:
    more (a law's glossary article is outranked by passages that only use the term); ``depth``
    when no second reading is needed."""
    if answer.status == ANSWERED and answer.debug.get("defined") or _term_asked(query) is None:
        return depth
    if not _structured([c.hit for c in answer.citations]):
        return depth  # a glossary article is a law's or a regulation's (numbered clauses, items)
    return max(depth, DEFINITION_DEPTH)


def respond(query: Query, hits: Sequence[Hit], sources: Sources, top_k: int = 5) -> Answer:
    """The answer object for an analysed ``query`` from its ranked ``hits``."""
    if not hits or not query.tokens:
        return _not_found(query)
    # "học kỳ": a word the documents never use; "em", "ạ": the asker's words, not the texts'; the
    # asking words go first, so none joins a told one ("diễn ra vào ngày nào": not "ra_vào")
    asking = query.asking
    told = [t for t in query.told if t not in asking]
    words = [t for t in dictionary_compounds(told, query.restored, query.restored_text or query.text)
             if t not in L.CHAT_TOKENS and t not in asking
             and (t not in L.FRAME_WORDS or sources.known(t))]
    weights = {t: max(sources.idf(t), 0.1) for t in (*query.tokens, *words)}  # idf once per question
    weight = weights.__getitem__
    depth = sources.passages + (3 if query.constrained else 0)
    cands = list(hits if query.temporal else hits[:depth])
    # "diễn ra khi nào / ở đâu": the event verb says what is asked, not what a passage must say
    evidence = _without_event_verbs(words) if query.kind in (L.DATE, L.PLACE) else words
    if query.kind == L.DATE:  # "buổi sáng hay buổi chiều?": the text says one of them
        evidence = [t for t in evidence if t not in L.TIME_OF_DAY] or evidence
    plan = weigh(evidence, weight)  # compared with every passage
    read = [coverage(plan, _context(h, sources.lead(h.document.doc_id)), weight, sources.lexicon)
            for h in cands]
    contexts = [c.weight for c in read]
    best = max(contexts)
    if best < sources.threshold and not query.temporal and len(hits) > len(cands):
        # the top passages say too little of the question: the next ones retrieved that say clearly
        # more of it, words none of them says among it, are read with them ("Đan Mạch gia nhập Liên
        # minh châu Âu khi nào?": the top three are about the Union's courts and laws, the sixth
        # lists who joined when); the floor still holds
        said = {t for c in read for t in c.matched}
        more = [(h, coverage(plan, _context(h, sources.lead(h.document.doc_id)), weight, sources.lexicon))
                for h in hits[len(cands):len(cands) + sources.passages]]
        if wider := [(h, c.weight) for h, c in more
                     if c.weight > best + WIDER_MARGIN and not set(c.matched) <= said]:
            cands += [h for h, _ in wider]
            contexts += [c for _, c in wider]
            best = max(contexts)
    if best < sources.threshold and query.kind not in (L.DATE, L.NUMBER):
        # "Nữ diễn viên nào ...?": the texts name her ("Marlee Matlin") without the noun asked with
        which = _which_noun(query.restored_text or query.text)
        if rest := [t for t in evidence if not set(t.split("_")) <= which]:
            if len(rest) < len(evidence):
                best = max(coverage(rest, _context(h, sources.lead(h.document.doc_id)), weight,
                                    sources.lexicon).weight for h in cands)
    debug = {"evidence": round(best, 3), "query": query.describe()}
    if query.doc_numbers and (particular := particular_answer(query, cands, sources, top_k, debug)):
        return particular  # "Ai ký Chỉ thị 05?": the document named answers, whatever the words
    if best < sources.threshold:
        return _not_found(query, debug=debug)
    if query.temporal:
        cands, contexts = _by_time(query.temporal, cands, contexts, sources.threshold)
    if not query.doc_numbers and (particular := particular_answer(query, cands, sources, top_k, debug)):
        return particular
    if query.kind == L.LIST:
        docs = [h.document for h, c in zip(cands, contexts, strict=True) if c >= sources.threshold]
        listed = lists.list_answer(query, list(dict.fromkeys(docs)), cands, sources, top_k, debug,
                                   weight)
        if listed is not None:
            return listed
    answer = _sentence_answer(query, cands, contexts, sources, top_k, weight, debug, hits)
    if answer.status == NOT_FOUND and debug.pop("kind_missing", False) and not query.temporal \
            and len(hits) > len(cands):
        # "Khóa luận tốt nghiệp có bao nhiêu tín chỉ?": no figure in the best passages; the other
        # passages retrieved that say as much of the question may give it
        more = list(hits)
        more_contexts = contexts + [coverage(plan, _context(h, sources.lead(h.document.doc_id)), weight,
                                             sources.lexicon).weight for h in hits[len(cands):]]
        further = _sentence_answer(query, more, more_contexts, sources, top_k, weight, dict(debug), hits)
        if further.status == ANSWERED:
            return further
    return answer


def _counted_as_written(counted: str, cands: Sequence[Hit], sources: Sources) -> str:
    """The counted noun of "bao nhiêu X" (folded) as the passages write it: X itself when one of
    them says it, else a curated synonym of X one of them says ("bao nhiêu tử thi": "25 thi thể
    được khai quật"), else X."""
    texts = [fold(h.text) for h in cands]
    if any(re.search(rf"\b{re.escape(counted)}\b", t) for t in texts):
        return counted
    for phrase, others in sources.lexicon.synonyms.items():
        if fold(" ".join(phrase)) == counted:
            for other in map(" ".join, others):
                if any(re.search(rf"\b{re.escape(fold(other))}\b", t) for t in texts):
                    return fold(other)
    return counted


def _which_noun(text: str) -> set[str]:
    """The syllables of the noun phrase a "which" question asks about ("Nữ diễn viên nào đã ...?",
    "thuộc môn thể thao nào?"): up to :data:`WHICH_NOUN_SYLLABLES` syllables before "nào", back
    to a function word; not "thế nào", "bất kỳ ... nào", and not a noun the question says
    elsewhere too ("Núi cao nhất Việt Nam là núi nào?" is about a mountain)."""
    syls = surface_tokens(text)[0]
    out: set[str] = set()
    for i, w in enumerate(syls):
        if w != "nào" or i == 0 or syls[i - 1] == "thế":
            continue
        j = i - 1
        while j >= 0 and i - j <= WHICH_NOUN_SYLLABLES and syls[j] not in L.WHICH_NOUN_STOP:
            j -= 1
        phrase = syls[j + 1:i]
        anyone = any(a == "bất" and b in ("kỳ", "kì") for a, b in zip(syls[:i], syls[1:i], strict=False))
        if not phrase or anyone:  # "không có bất kỳ sự hỗ trợ nào": none, not which
            continue
        out |= set(phrase) - set(syls[:j + 1]) - set(syls[i + 1:])
    return out


#: What a sentence gains for naming a thing of the kind a "which" question asks for: its noun
#: followed by a name the question does not say ("Con sông nào chạy dọc theo Jacksonville?": "bờ
#: sông St. Johns"; "Pháo đài được xây dựng có tên là gì?" is no "which" question).
WHICH_NAMED_BONUS = 0.1


def _which_named(text: str) -> Callable[[str], bool] | None:
    """For a "N nào" question, a test of whether a sentence says N followed by a capitalised name
    the question does not say (a classifier such as "con" is no N); None for other questions."""
    if L.SEVERAL_WHICH.search(fold(text)):  # "Những quận nào ...?": several, each named its own way
        return None
    heads = {w.lower() for w in _which_noun(text)
             if fold(w) not in L.CLASSIFIERS and w.lower() not in L.WHEN_WORDS}
    if not heads:
        return None
    asked = fold(text)
    head = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(heads)))})\s+", re.IGNORECASE)
    said: dict[str, bool] = {}

    def told(name: str) -> bool:  # the question says the name
        if name not in said:
            said[name] = bool(re.search(rf"\b{re.escape(fold(name))}\b", asked))
        return said[name]

    def named(sentence: str) -> bool:
        return any(name[0].isupper() and not told(name) for name in _names_after(head, sentence))
    return named


#: A name after a "which" noun (:func:`_which_named`): a letter, either case (the test of a
#: capital is made on the match), and what may follow it in a name. Compiled once: a character
#: class this large costs ~10 ms to compile case-insensitively, which a pattern made for each
#: question would pay every time.
_NAME_AFTER = re.compile(rf"[{L.UPPER}][\w.&'-]*", re.IGNORECASE)


def _names_after(head: re.Pattern[str], sentence: str) -> Iterator[str]:
    """What ``head`` followed by :data:`_NAME_AFTER` finds in ``sentence`` (the name), match after
    match as ``finditer`` does over the two as one pattern (``head``: words, each without a space,
    then ``\\s+``: at most one way to match at a position, and a name never starts with a space)."""
    pos = 0
    while (m := head.search(sentence, pos)) is not None:
        if (name := _NAME_AFTER.match(sentence, m.end())) is not None:
            yield name.group(0)
            pos = name.end()
        else:
            pos = m.start() + 1


def _without_event_verbs(tokens: list[str]) -> list[str]:
    """``tokens`` without "diễn ra", "xảy ra"... (as one word or as its two syllables)."""
    out: list[str] = []
    skip = False
    for i, t in enumerate(tokens):
        if skip:
            skip = False
            continue
        if t in L.EVENT_VERBS:
            continue
        if i + 1 < len(tokens) and f"{t}_{tokens[i + 1]}" in L.EVENT_VERBS:
            skip = True
            continue
        out.append(t)
    return out or tokens


def _by_time(temporal: str, cands: list[Hit], contexts: list[float],
             threshold: float) -> tuple[list[Hit], list[float]]:
    """Passages of the newest (or oldest) relevant document first."""
    dated = [h.document.date for h, c in zip(cands, contexts, strict=True) if c >= threshold
             and h.document.date]
    if not dated:
        return cands, contexts
    target = max(dated) if temporal == L.LATEST else min(dated)
    order = sorted(range(len(cands)), key=lambda i: cands[i].document.date != target)
    return [cands[i] for i in order], [contexts[i] for i in order]


#: Kinds that ask which body or place ("Cơ quan nào ...", "Tỉnh nào ...") is first or last by a
#: measure; not "Ai": "Ai lãnh đạo sự mở rộng nhanh nhất ...?" asks who led the fastest one.
_WHICH_ONE = frozenset({L.ORGANISATION, L.PLACE})


def _states_rank(sentence: str) -> bool:
    """True when ``sentence`` states a rank or a superlative ("dẫn đầu", "xếp thứ 8", "cao nhất")."""
    low, f = sentence.lower(), fold(sentence)
    return bool(L.RANK_SAID.search(f) or L.SUPERLATIVE_MARK.search(low)
                or (low == f and L.SUPERLATIVE_ASKED.search(low)))  # a text without marks


#: Words before "bao nhiêu" that say nothing of what is counted ("có bao nhiêu", "đạt bao nhiêu").
#: (syllables: a word with one of them, "tối_đa", "tăng_thêm", "bao_gồm", is a plain one too)
_PLAIN_COUNTING = frozenset({"có", "là", "đạt", "được", "đã", "gồm", "tổng", "khoảng", "chiếm", "còn",
                             "lên", "xuống", "tăng", "giảm", "thêm", "mất", "cần", "phải", "nhận", "hết",
                             "bớt", "gần", "hơn", "trên", "dưới", "tất", "cả", "tối", "đa", "thiểu", "ít",
                             "nhiều", "nhất", "lần", "trong"})


#: A choice between two ("cơ quan thường trực ... là Sở Nội vụ hay Văn phòng UBND tỉnh?"), folded:
#: what is asked about, and the options.
#: (not the "hay" that praises: "mô hình hay về ...", "cách làm hay, điển hình")
_CHOICE = re.compile(r"^(.+?)\s+la\s+(.+?)(?<!\bhinh)(?<!\blam)(?<!\bnghiem)(?<!\bhoc)(?<!\bkien)\s+hay\s+"
                     r"(?!khong\b|chua\b|ko\b|sao\b|gi\b|ai\b|ve\b|va\b|dien hinh\b)(.+?)\s*\??\s*$")


def _choice_subject(query: Query, asked_text: str, terms: AbstractSet[str],
                    weight: Callable[[str], float]) -> _Choice | None:
    """For a question choosing between two ("X là A hay B?"), the words of X the documents know
    (of ``terms``; X is read after its last comma: "Theo kế hoạch ..., cơ quan thường trực ... là")
    with their weights, and the two options, folded with abbreviations spelled out."""
    f = fold(asked_text)
    if query.kind == L.OTHER and (m := _CHOICE.match(f)):
        options = (spelled_out(m.group(2)), spelled_out(m.group(3)))
    elif query.kind == L.YES_NO and (m := _CLAIMED_IS.match(f)):  # "X là Y phải không?": one option
        options = (spelled_out(m.group(2)),)
    else:
        return None
    said = set(m.group(1).split(",")[-1].split())
    subject = {spelled_out(fold(t).replace("_", " ")): weight(t) for t in terms
               if set(fold(t).split("_")) <= said}
    return _Choice(subject, options) if subject else None


#: A yes/no claim that X is a named body ("cơ quan thường trực ... là Văn phòng UBND tỉnh phải
#: không?"), folded: answered by a sentence about X that names it (X is, or is not, that body).
_CLAIMED_IS = re.compile(r"^(?:co phai\s+)?(.+?)\s+la\s+((?:so|van phong|ban|bo|uy ban|ubnd|hdnd|trung tam|"
                         r"phong|cuc|vien)\b.+?)\s+(?:phai|dung)\s+(?:khong|ko|k)\b")


@dataclass(frozen=True)
class _Choice:
    """What a choice question asks about (folded words and weights) and its two options."""

    subject: dict[str, float]
    options: tuple[str, ...]

    def made_by(self, sentence: str) -> bool:
        """True when ``sentence`` says most of what is asked about (CHOICE_SHARE of its weight)
        and one of the options: one naming an option among others ("Tham dự có ... Văn phòng UBND
        tỉnh ...") or the subject without an option chooses nothing."""
        f = spelled_out(fold(sentence))
        said = sum(w for t, w in self.subject.items() if re.search(rf"\b{re.escape(t)}\b", f))
        return said >= CHOICE_SHARE * sum(self.subject.values()) and any(
            re.search(rf"\b{re.escape(option)}\b", f) for option in self.options)


#: Least share of a choice question's subject a sentence must say.
CHOICE_SHARE = 0.5


def _counting_verb(query: Query) -> str | None:
    """The word of two syllables or more right before "bao nhiêu" in the question's tokens ("kiến
    nghị bãi bỏ bao nhiêu văn bản": "bãi_bỏ"), or None when it is a plain one ("có", "tăng"). A
    count of an act no document ever names (neither the word nor any of its syllables) is not in
    the documents."""
    tokens = query.tokens
    text = fold(query.restored_text or query.text)
    m = re.search(r"(\w+)\s+(\w+)\s+bao nhieu\b", text)
    if not m:
        return None
    pair = f"{m.group(1)} {m.group(2)}"
    word = next((t for t in tokens if "_" in t and fold(t.replace("_", " ")) == pair), None)
    if word is None:  # two words of one syllable ("bãi bỏ" typed apart): as one
        ones = [t for t in tokens if "_" not in t and fold(t) in pair.split()]
        word = "_".join(ones[-2:]) if len(ones) >= 2 else None
    if word is None or any(w in _PLAIN_COUNTING for w in word.split("_")):
        return None  # "tăng thêm", "tối đa": how much, not what was done
    return word


#: A figure as a text writes it ("4.142", "1.818", "16.149", "267", "30%"): two digits or more.
_FIGURE = re.compile(r"(?<![\d.,])(?:\d{2,}|\d(?=[.,]\d))(?:[.,]\d+)*%?(?![\d])")


#: A part asked of a total the question quotes ("Trong 4.142 nhiệm vụ được giao, còn bao nhiêu ...",
#: "trong số 16.149 người ..., bao nhiêu người là công chức"), folded: a figure of two digits or more.
_PART_OF_TOTAL = re.compile(r"\btrong (?:so |tong so )?(\d{1,3}(?:[.,]\d{3})+|\d{2,})\s+\w+[^?]*"
                            r"\bbao nhieu\b")


#: Least share of what a "who said it" question quotes that the answer sentence must say.
QUOTED_SHARE = 0.5
_LEVEL_ASKED = re.compile(r"\bcap (?:tinh|huyen|xa)\b")


def _part_of_total(total: re.Match[str], level: re.Match[str] | None, sentence: str) -> bool:
    """True when ``sentence`` says the total a question quotes (``total``: _PART_OF_TOTAL) and the
    level the part is asked of, if any ("Trong 16.149 người ..., cấp xã chiếm bao nhiêu?": a
    sentence splitting it by bộ, ngành and địa phương gives no commune's part)."""
    return _says_figures(sentence, {figure_digits(total.group(1))}) and (
        level is None or level.group(0) in fold(sentence))


def _quoted_figures(question: str) -> frozenset[str]:
    """The figures a question quotes, as digits: written ("1.818", not a year "2023") or spelled
    ("một nghìn tám trăm mười tám" -> "1818")."""
    written = _FIGURE.findall(question)
    spelled = asked_numbers(question) - {figure_digits(x) for x in written}
    return frozenset({figure_digits(x) for x in written if not _YEAR.fullmatch(x)}
                     | {x for x in spelled if len(x) >= 2})


def _says_figures(sentence: str, figures: AbstractSet[str]) -> bool:
    """True when ``sentence`` says one of ``figures`` (digits without separators: "1818" is
    said as "1.818")."""
    return any(figure_digits(x) in figures for x in _FIGURE.findall(sentence))


#: A question about a topic it opens with ("Dự luật tư nhân thường về vấn đề gì?"): a sentence that
#: opens with the same words, and says at least half of the question, speaks of that topic ("Dự luật
#: tư nhân thường liên quan đến ..."); one that names it further on speaks of something else ("Một
#: loại ủy ban khác ... giám sát các dự luật tư nhân"). Its score rises by a share.
TOPIC_SHARE = 0.12
TOPIC_EVIDENCE = 0.5
TOPIC_SYLLABLES = 3
#: Where the topic ends: an auxiliary or copula before the predicate ("Sinh viên | được tạm dừng").
_PREDICATE = frozenset("được bị có là đã đang sẽ phải cần còn thường không chưa từng vẫn cũng".split())
_DETERMINERS = frozenset("các những một mọi".split())
#: A question opening with its wh-word has no topic of its own ("Ai ...", "Có bao nhiêu ...").
_WH_OPENING = frozenset("ai gì nào đâu bao mấy tại vì sao khi làm điều cái có ở trong theo".split())


def _opening(syls: Sequence[str]) -> Sequence[str]:
    """The syllables ``syls`` without the determiners they open with ("các", "những", "một")."""
    i = 0
    while i < len(syls) and syls[i] in _DETERMINERS:
        i += 1
    return syls[i:]


def _topic_shared(topic: Sequence[str], sentence: str) -> bool:
    """True when ``sentence`` opens with at least :data:`TOPIC_SYLLABLES` of the question's
    topic syllables ``topic`` (determiners aside)."""
    said = _opening(text_view(sentence)[0])
    n = 0
    while n < min(len(topic), len(said)) and topic[n] == said[n]:
        n += 1
    return n >= TOPIC_SYLLABLES


def _sentence_answer(query: Query, cands: list[Hit], contexts: list[float], sources: Sources,
                     top_k: int, weight: Callable[[str], float], debug: dict,
                     hits: Sequence[Hit]) -> Answer:
    if query.kind == L.NUMBER and (verb := _counting_verb(query)) and not any(
            sources.known(w) for w in (verb, *verb.split("_"))):
        # "Sở Tư pháp phát hiện bao nhiêu văn bản trái pháp luật?": no document ever says the act
        debug["reason"] = "Các tài liệu không nói đến việc được hỏi."
        return _not_found(query, debug["reason"], hits, top_k, debug)
    terms = query.content
    plan = weigh(terms, weight)  # compared with every sentence
    known = {t for t in terms if sources.known(t)} or set(terms)
    known_total = sum(weight(t) for t in known) or 1.0
    doc_cache: dict[str, list[Hit]] = {}
    flats: dict[str, list[tuple[Hit, str]]] = {}  # a document's sentences, in text order
    asked_text = query.restored_text or query.text
    asked_syls = surface_tokens(asked_text)[0]
    # "... có được cấp bằng không?": the closing "không" asks, so "... không được cấp bằng ..."
    # says something new
    asked = set(surface_tokens(_YES_NO_TAIL.sub("", asked_text))[0]) if query.kind == L.YES_NO \
        else set(asked_syls)
    asked_pairs = set(zip(asked_syls, asked_syls[1:], strict=False))
    topic = _opening(asked_syls)  # what the question is about: its words before the predicate
    topic = topic[:next((i for i, x in enumerate(topic) if x in _PREDICATE), len(topic))] \
        if topic and asked_syls[0] not in _WH_OPENING else ()
    counted = query.counted
    counted = ABBREVIATION_MEANING.get(counted, counted) if counted else None  # "bao nhiêu DVC"
    if counted and counted not in L.UNIT_FORMS:
        counted = _counted_as_written(counted, cands, sources)  # "tử thi": the texts' "thi thể"
    loose = False  # the texts never use the counted noun: any quantity, in a sentence that says
    if counted and counted not in L.UNIT_FORMS and not any(  # much of the question
            re.search(rf"\b{re.escape(counted.split()[0])}\b", fold(h.text)) for h in cands):
        counted, loose = None, True
    how_long = query.kind == L.NUMBER and bool(_HOW_LONG.search(fold(asked_text)))
    # "4.142 nhiệm vụ ... là số liệu của năm nào?": the year of the figures the question quotes,
    # which the sentence that says them may leave to an earlier one of its paragraph
    figures = _quoted_figures(asked_text) if query.kind == L.DATE and L.YEAR_OF_FIGURE.search(
        fold(asked_text)) else frozenset()
    scored: list[_Candidate] = []
    terms_total = sum(weight(t) for t in terms) or 1.0
    # the term as the texts spell it ("Chuyên nghành là gì?": "chuyên ngành")
    subject = _definition_subject(asked_text) if query.kind not in _TYPED else None
    # "Ai là Chủ tịch ...?": the sentence itself must give the role (answer_type.carries)
    role_asked = query.kind == L.PERSON and bool(L.ROLE_ASKED.search(fold(asked_text)))
    purpose = query.kind not in _TYPED and bool(_ASKS_PURPOSE.search(fold(query.text)))
    article = bool(L.ARTICLE_ASKED.search(fold(asked_text)))  # where a matter is ruled
    which_named = _which_named(asked_text)  # "Con sông nào ...?": "sông St. Johns"
    which = bool(_ASKS_WHICH.search(fold(asked_text)))  # "loại điểm nào", "dựa vào đâu", "là gì"
    chosen_of = _choice_subject(query, asked_text, known, weight)  # "X là A hay B?": a sentence about X
    # "Trong 4.142 nhiệm vụ ..., còn bao nhiêu ...?": a part of a total quoted is said with it
    total = _PART_OF_TOTAL.search(fold(asked_text)) if query.kind == L.NUMBER else None
    level_asked = _LEVEL_ASKED.search(fold(asked_text))
    # "Ai nói CCHC phải lấy người dân ... là trung tâm?": a sentence saying most of what was said
    quoted = weigh([t for t in terms if set(fold(t).split("_")) <= set(said.group(1).split())], weight) \
        if query.kind == L.PERSON and (said := L.SAID_ASKED.search(fold(asked_text))) else None
    # "Ai trình bày báo cáo ...?", "do đơn vị nào xây dựng?": a sentence saying the act
    agent_act = (m.group(1) or m.group(2)) if query.kind in (L.PERSON, L.ORGANISATION) and (
        m := L.AGENT_ACT.search(fold(asked_text))) else None
    pool = [(rank, hit, context) for rank, (hit, context) in enumerate(zip(cands, contexts, strict=True))
            if rank < sources.passages or context >= sources.threshold]
    first = len(pool)
    pool += _article_rest(pool[:sources.passages], sources, doc_cache)
    best_of: dict[str, tuple[int, float]] = {}  # the rank and context of a document's best passage
    for rank, hit, context in pool[:first]:
        best_of.setdefault(hit.document.doc_id, (rank, context))
    second = len(pool)
    if subject and not _NAMING.search(subject):  # "Phạm tội có tổ chức là gì?": the sentence that
        # defines it in any passage retrieved, weighed as the best passage's
        taken = {(h.document.doc_id, h.passage.start) for _, h, _ in pool}
        pool += [(0, h, contexts[0]) for h in hits if (h.document.doc_id, h.passage.start) not in taken]
    for at, (rank, hit, context) in enumerate(pool):
        before: Evidence | None = None
        before_text = ""
        for order, (start, end, sentence) in enumerate(hit.sentences):
            clausal = _ITEM.match(sentence) is not None or bool(_REFERS_BACK.search(fold(sentence)))
            if at >= second and not _defines(subject, sentence):
                continue
            if first <= at < second and not clausal:
                continue  # of the rest of an article: its items and the clauses about its offence
            own_ev = ev = coverage(plan, sentence, weight, sources.lexicon)
            before_matched: set[str] = set()
            subject_matched: set[str] = set()  # of it, what "Nó", "Ông" stands for
            if before is not None:  # the sentence before may name what this one speaks of ("Nó")
                before_matched = set(before.matched) - set(ev.matched)
                extra = sum(weight(t) for t in before_matched) / terms_total
                if _ANAPHOR.match(sentence):
                    # "Nó", "Ông" stands for the subject of the sentence before: the words of its opening
                    opening = set(text_view(before_text)[0][:SUBJECT_REACH])
                    subject_matched = {t for t in before_matched if set(t.split("_")) <= opening}
                    subject_words = sum(weight(t) for t in subject_matched) / terms_total
                    ev = Evidence(ev.weight + SUBJECT_SHARE * subject_words
                                  + ANAPHOR_SHARE * (extra - subject_words), ev.matched)
                else:
                    ev = Evidence(ev.weight + NEIGHBOUR_SHARE * extra, ev.matched)
            named_before = before_text  # "Đây là ..." says what it names
            before, before_text = own_ev, sentence
            # what a sentence must be whatever else it holds (cheap; the item reading below only
            # raises ev): some of the question, something new, the list's kind; a yes/no
            # question's claim stated whole ("Việc hòa giải ... được khuyến khích.") affirms it
            # (as does one choosing an option: "Sở Nội vụ là cơ quan thường trực ...")
            affirms = (query.kind == L.YES_NO or chosen_of is not None) and _CLOSED.search(
                sentence.rstrip()) is not None
            if ev.weight <= 0 or not (affirms or _says_more(sentence, asked)):
                continue
            if query.kind == L.LIST and query.list_kind and not lists.announces(
                    query.list_kind, fold(sentence)):
                continue
            typed = carries(query.kind, sentence, query.text, counted)
            lead_in = None
            item = _ITEM.match(sentence) is not None
            place = (rank, context)  # an item or a clause about the offence ranks as its article
            if own_ev.weight > 0 and clausal:
                # an item means what its heading (the offence) and its announcer say with it; "Phạm
                # tội ..." / "Người phạm tội còn ..." means the offence its article's first clause states
                doc_id = hit.document.doc_id
                if doc_id not in flats:
                    flats[doc_id] = _doc_sentences(doc_id, sources, doc_cache)
                flat = flats[doc_id]
                announcer = _item_announcer(flat, start) if item else None
                offence, clause = _offence(flat, announcer or sentence)
                said = tuple(x for x in (sources.lead(doc_id), offence, announcer and announcer[1]) if x)
                # the item (clause) must add something of the question that its lead-in and the
                # first clause (with its penalty) do not say (read as one text, part by part)
                before_it = coverage(plan, (*said, clause), weight, sources.lexicon)
                added = sum(weight(t) for t in set(own_ev.matched) - set(before_it.matched)) / terms_total
                joint = coverage(plan, (*said, sentence), weight, sources.lexicon)
                if (announcer is not None or not item) and added >= ITEM_ADDS and joint.weight > ev.weight:
                    # quoted with it: "thì bị phạt tù từ 03 năm đến 10 năm:"; items differ by a word
                    # ("tội phạm ít nghiêm trọng"): the one that says the question's words in its order wins
                    ev = Evidence(joint.weight + ITEM_PAIRS * _pair_share(sentence, asked_pairs),
                                  joint.matched)
                    place = best_of.get(doc_id, place)
                    if announcer is not None:
                        lead_in = announcer
                        typed = typed or carries(query.kind, announcer[1], query.text, counted)
            if not typed and ev.weight > 0 and (query.kind in _CONTEXT_TYPED or (
                    figures and _says_figures(sentence, figures))) and not role_asked:
                lead_in = _earlier_typed(query, hit, start, sources, doc_cache)
                typed = lead_in is not None  # "Đối với tỉnh Hà Giang, ..." then the figures
            if lead_in is None and ev.weight > 0 and which and (m := _OPENING_ACRONYM.match(sentence)) \
                    and not re.search(rf"\b{re.escape(m.group(1))}\b", query.text):
                doc_id = hit.document.doc_id  # "ĐTBCTL được dùng để xét ...": which score that is
                if doc_id not in flats:
                    flats[doc_id] = _doc_sentences(doc_id, sources, doc_cache)
                lead_in = _spelled_out(m.group(1), flats[doc_id], fold(asked_text))
            score = 0.6 * ev.weight + 0.4 * place[1] + _type_bonus(query.kind, sentence, typed, asked_text)
            lasting = how_long and typed and any(_DURATION.search(fold(x)) for x in (
                sentence, *((lead_in[1],) if lead_in is not None else ())))
            if lasting:
                score += DURATION_BONUS  # "bao lâu": "sau sáu năm", "cho đến khi ...", not a date
            if subject and (_defines(subject, sentence) or _defines_back(subject, sentence, named_before)):
                score += DEFINES_BONUS
            elif article and L.ARTICLE_CITED.search(fold(sentence)):
                score += DEFINES_BONUS  # "Quy định nào nói về việc cấp bằng?": "... tại Điều 14"
            elif purpose and _PURPOSE.search(fold(sentence)):
                score += DEFINES_BONUS  # "ĐTBCTL được dùng để xét ...": what it is for
            if which_named is not None and which_named(sentence):
                score += WHICH_NAMED_BONUS
            score /= 1 + RANK_PENALTY * place[0]
            own = sum(weight(t) for t in ev.matched if t in known) / known_total
            if before_matched:  # what the sentence before names counts in part here too, its
                # subject whole when "Nó", "Ông" stands for it
                own += sum((SUBJECT_SHARE if t in subject_matched else NEIGHBOUR_SHARE) * weight(t)
                           for t in before_matched if t in known) / known_total
            # a sentence that opens with the question's topic (or "Nó", "Ông" right after one that
            # does) speaks of it: its score rises by a share; for a length of time asked ("bao
            # lâu"), only among the sentences that say one
            opens = score * TOPIC_SHARE if topic and own >= TOPIC_EVIDENCE and (lasting or not how_long) and (
                _topic_shared(topic, sentence) or _ANAPHOR.match(sentence) and named_before
                and _topic_shared(topic, named_before)) else 0.0
            score += opens
            scored.append(_Candidate(score, rank, order, hit, start, end, sentence, ev.matched,
                                     typed, None, own, lead_in, opens))
    # equal scores in a law or regulation: the rule that says the question's words side by side
    scored.sort(key=lambda c: (-round(c.score, 6), -_pair_share(c.sentence, asked_pairs)
                               if _structured([c.hit]) else 0.0, c.rank, c.order))
    needs_type = query.kind in _TYPED
    least = LOOSE_SENTENCE_EVIDENCE if loose else MIN_SENTENCE_EVIDENCE
    # a yes/no answer states the claim asked about: as much of the question as a typed answer holds
    needs_share = needs_type or query.kind == L.YES_NO
    # "Tại sao ...?": a sentence that gives no reason, purpose or condition only restates the fact,
    # and one whose reason explains something else says nothing of why
    why = _why_premise(query, asked_text, weight)
    # "Chủ đề điều hành năm 2025 là gì?", "Bí thư ... đã chọn chủ đề CCHC của năm 2021 là gì?"
    motto = bool(subject and (L.MOTTO_ASKED.match(subject) or L.MOTTO_CHOSEN.search(subject)))
    rank_claimed = query.kind == L.YES_NO and bool(L.RANK_CLAIM.search(fold(asked_text)))
    superlative = query.kind in _WHICH_ONE and bool(L.SUPERLATIVE_ASKED.search(fold(asked_text)))
    first = query.kind in _WHICH_ONE and bool(L.FIRST_ASKED.search(fold(asked_text)))  # "làm đầu tiên"
    fitting = [c for c in scored if (c.typed or not needs_type)
               and (not motto or L.MOTTO_STATED.search(fold(c.sentence)))
               and (not (needs_share or why) or c.weight >= least)
               and (why is None or _gives_reason(c.sentence, *why))
               # "So với năm 2023, ... năm 2024 tăng hay giảm bao nhiêu?": one side's figure is no change
               and (not query.compares or L.CHANGE_STATED.search(c.sentence.lower()))
               # "Có phải ... đứng đầu cả nước ... không?": a sentence that states a rank
               and (not rank_claimed or L.RANK_SAID.search(fold(c.sentence)))
               and (not superlative or _states_rank(c.sentence))
               and (not first or L.FIRST_SAID.search(fold(c.sentence)))
               and (chosen_of is None or chosen_of.made_by(c.sentence))
               and (total is None or _part_of_total(total, level_asked, c.sentence))
               and (not quoted or coverage(quoted, c.sentence, weight, sources.lexicon).weight
                    >= QUOTED_SHARE)
               and (agent_act is None or _says_act(agent_act, c.sentence) or (
                   c.lead_in is not None and _says_act(agent_act, c.lead_in[1])))]
    if figures and any(_says_figures(c.sentence, figures) for c in scored):
        # the year of the figures quoted: a sentence that says them (dated by itself or its lead-in)
        fitting = [c for c in fitting if _says_figures(c.sentence, figures)]
    origin = _origin_asked(query, asked_text)  # "được thành lập năm nào?": a sentence saying so
    act = _act_asked(query, asked_text) if origin is None else None  # "kiện toàn vào ngày nào?"
    if origin is not None or act is not None:
        said = len(fitting)
        says = functools.partial(_says_origin, origin) if origin is not None else functools.partial(
            _says_act, act[1])
        fitting = [c for c in fitting if _tells_origin(c, says, sources)]
        if said and not fitting:
            debug["origin_missing"] = origin.verb if origin is not None else act[0]
    for c in fitting:  # the constraints, read only for the sentences that could answer
        c.verdict = sources.checker.check(query, c.hit.document, c.start, c.end)
    good = [c for c in fitting if c.verdict.ok]
    if good and query.kind == L.YES_NO and (differs := sources.checker.claim_differs(
            query, good[0].hit.document, good[0].start, good[0].end)):
        good[0].verdict = Verdict(contradicted=differs)  # "Có phải ... 16/1/2025?": "15/1/2025"
        return _partial(query, good[0], top_k, debug, hits)
    if good:
        return _answered(query, good, sources, top_k, debug, hits)
    near = [c for c in fitting if c.verdict.contradicted and not c.verdict.unmet]
    if near:
        return _partial(query, near[0], top_k, debug, hits)
    unmet = next((c.verdict.unmet for c in fitting if c.verdict.unmet), None)
    if unmet:
        reason = "Không tìm thấy đoạn nào về " + ", ".join(dict.fromkeys(unmet)) + " trả lời câu hỏi này."
    elif "origin_missing" in debug:  # dates near the subject, none of it coming into being
        reason = f"Các đoạn liên quan nhất không nêu thời điểm {debug['origin_missing']}."
        debug["kind_missing"] = True
    elif needs_type:
        reason = f"Các đoạn liên quan nhất không nêu {_KIND_NAMES[query.kind]} được hỏi."
        debug["kind_missing"] = True
    else:
        reason = ""
    debug["reason"] = reason
    return _not_found(query, reason, hits, top_k, debug)


@dataclass(frozen=True)
class _Origin:
    """What a date question about a thing coming into being asks (language.ORIGIN_ASKED)."""

    verb: str  # as the question writes it ("thành lập", "thanh lap")
    action: str | None  # the verb its subject is named by ("sự hợp tác": "hop tac"), folded
    head: str | None = None  # the head noun of its subject ("trung tam"), folded
    #: the syllables naming it after the head, abbreviations spelled out, folded
    name: tuple[str, ...] = ()


#: Where a clause begins or ends (folded text).
_CLAUSE_EDGE = re.compile(r"[,;:()\[\]…]|\s-\s")
#: Most syllables read as a body's name after its head noun.
NAME_SYLLABLES = 10


def _name_after(f: str, at: int) -> tuple[str, ...]:
    """The syllables naming a body after its head noun ending at ``at`` in the folded text ``f``,
    up to a function word or a clause's edge (at most :data:`NAME_SYLLABLES`), abbreviations
    spelled out, without the words of its level ("tỉnh")."""
    rest = _CLAUSE_EDGE.split(f[at:], maxsplit=1)[0]
    if m := L.ORIGIN_NAME_END.search(rest):
        rest = rest[:m.start()]
    words = spelled_out(" ".join(_WORD_RE.findall(rest)[:NAME_SYLLABLES])).split()
    return tuple(w for w in words if w not in L.ORIGIN_NAME_LEVEL)


_WORD_RE = re.compile(r"\w+")


def _same_name(asked: tuple[str, ...], said: tuple[str, ...]) -> bool:
    """True when two names share a pair of adjacent syllables ("hanh chinh" of "hành chính công"; not
    the "hành" of "điều hành thông tin"), or the one-syllable name the other holds; a name not said
    is taken as the same."""
    if not said or not asked:
        return True
    if len(asked) == 1 or len(said) == 1:
        return bool(set(asked) & set(said))
    return bool(set(zip(asked, asked[1:], strict=False)) & set(zip(said, said[1:], strict=False)))


def _origin_asked(query: Query, asked_text: str) -> _Origin | None:
    """For a date question about when something was founded, set up, launched or came into being
    ("Ban Chỉ đạo CCHC của Chính phủ được thành lập năm nào?"), the event asked; None otherwise.
    A question typed with its marks must say the verb with them ("gây ra mất điện" is no "ra mắt")."""
    if query.kind != L.DATE:
        return None
    f = fold(asked_text)
    low = asked_text.lower()
    marked = len(low) == len(f) and not query.restored
    m = next((x for x in L.ORIGIN_ASKED.finditer(f)
              if not marked or low[x.start():x.end()] in L.ORIGIN_MARKED),
             None)
    if m is None:
        return None
    verb = asked_text[m.start():m.end()] if len(f) == len(asked_text) else m.group(0)
    action = L.ORIGIN_ACTION.search(f, 0, m.start())
    act = action.group(1) if action and not L.ORIGIN_SAID.fullmatch(action.group(1)) else None
    head = L.ORIGIN_HEADS.search(f, 0, m.start())
    name = _name_after(f[:m.start()], head.end()) if head else ()
    return _Origin(verb, act, head.group(1) if head and name else None, name)


def _of_subject(origin: _Origin, f: str, m: re.Match[str]) -> bool:
    """True unless the event said at ``m`` in the folded sentence ``f`` is of another body with
    the subject's head noun: the one before it in its clause ("Trung tâm điều hành thông tin được
    khởi động") or right after it ("thành lập Trung tâm ..."), named otherwise (:func:`_same_name`)."""
    if origin.head is None:
        return True
    heads = re.compile(rf"\b{re.escape(origin.head)}\b")
    clause = _CLAUSE_EDGE.split(f[:m.start()])[-1]
    found = [x.end() + m.start() - len(clause) for x in heads.finditer(clause)][-1:]
    if (after := re.match(rf"\s*(?:\w+\s+){{0,2}}?({re.escape(origin.head)})\b", f[m.end():])):
        found.append(m.end() + after.end(1))
    if not found:
        return True  # said of the subject without its name ("Trung tâm được thành lập ...")
    return any(_same_name(origin.name, _name_after(f, at)) for at in found)


def _says_origin(origin: _Origin, sentence: str) -> bool:
    """True when ``sentence`` says the subject came into being (language.ORIGIN_SAID, not of
    another body of its kind), or does the action the question's subject is named by."""
    f = fold(sentence)
    if any(_of_subject(origin, f, m) for m in L.ORIGIN_SAID.finditer(f)):
        return True
    return bool(origin.action and re.search(rf"\b{re.escape(origin.action)}\b", f))


def _act_asked(query: Query, asked_text: str) -> tuple[str, str] | None:
    """For a question asking the day of an act of a directive or a body ("kiện toàn Ban Chỉ đạo
    vào ngày nào?", "ban hành ngày nào?", language.ACT_ASKED), the act as asked and folded."""
    f = fold(asked_text)
    if query.kind != L.DATE or not L.DAY_ASKED.search(f) or not (m := L.ACT_ASKED.search(f)):
        return None  # a year is often said beside the thing's name ("Đạo luật ... năm 1986")
    return (asked_text[m.start():m.end()] if len(asked_text) == len(fold(asked_text)) else m.group(0),
            m.group(0))


def _says_act(act: str, sentence: str) -> bool:
    """True when ``sentence`` says the folded ``act``."""
    return re.search(rf"\b{re.escape(act)}\b", fold(sentence)) is not None


def _tells_origin(c: _Candidate, says: Callable[[str], bool], sources: Sources) -> bool:
    """True when the sentence of ``c`` says the event asked (``says``: :func:`_says_origin`,
    "được thành lập", "ra đời", "đi vào hoạt động"..., or :func:`_says_act`), or the sentence
    before it in its paragraph does (then quoted with it): a date near the subject that says no
    such event ("Chiều 2.2, Ban Chỉ đạo ... tổ chức Hội nghị ...") does not tell when it happened."""
    if says(c.sentence) or (c.lead_in is not None and says(c.lead_in[1])):
        return True
    doc = c.hit.document
    a, _ = sources.checker.paragraph(doc, c.start, c.end)
    before = [(h, s, t) for h in sources.doc_hits(doc.doc_id) for s, _, t in h.sentences if a <= s < c.start]
    if before and says(before[-1][2]):
        if c.lead_in is None:
            c.lead_in = (before[-1][0], before[-1][2])
        return True
    return False


#: Least share of the weight (idf) of a why-question's rarest word that a word of its premise has.
PREMISE_WEIGHT = 0.5
#: Words of a why-question's premise too common to tie a reason to it (normalised syllables).
_PREMISE_STOP = frozenset("cho vào lại còn vẫn việc của và với đã được có là thì mà các những một rất "
                          "cũng đang sẽ bị ra này đó em".split())


_Premise = dict[str, list[tuple[str, ...]]]
_Links = dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]


def _why_premise(query: Query, asked_text: str, weight: Callable[[str], float],
                 ) -> tuple[_Premise, _Links] | None:
    """For a why-question ("Vì sao / Tại sao ...?"), the premise it asks about (its telling content
    words, weighing at least :data:`PREMISE_WEIGHT` of the rarest one's: not "người" of "Tại sao
    một người chọn bất tuân dân sự ...?", as syllable runs, listed under their first syllable)
    and the reason links that can explain it (:data:`~qa_bot.language.REASON_LINKS`, with the
    negations and obligations when the question itself is negated or obliged), likewise listed;
    None for any other question."""
    if not L.ASKS_WHY.search(asked_text.lower()):
        return None
    premise: _Premise = {}
    words = [t for t in query.content if t not in _PREMISE_STOP]
    least = PREMISE_WEIGHT * max((weight(t) for t in words), default=0.0)
    for t in words:
        run = tuple(t.split("_"))
        if run[0] and weight(t) >= least and run not in premise.get(run[0], ()):
            premise.setdefault(run[0], []).append(run)
    said = set(surface_tokens(L.ASKS_WHY.sub(" ", asked_text.lower()))[0])
    links = dict(L.REASON_LINKS)
    if said & L.NEGATED:
        links.update(dict.fromkeys(L.NEGATION_LINKS, frozenset()))
    if said & L.OBLIGED:
        links.update(dict.fromkeys(L.OBLIGATION_LINKS, frozenset()))
    by_first: _Links = {}
    for link, not_after in links.items():
        by_first.setdefault(link[0], []).append((link, not_after))
    return premise, by_first


def _gives_reason(sentence: str, premise: _Premise, links: _Links) -> bool:
    """True when a clause of ``sentence`` (the parts between ";") holds a reason link with a word of
    the why-question's premise on the side it explains: before it ("... vào năm 2013 vì tình hình
    tài chính ...", "X bao gồm ..., nhằm ..."), after it when it opens the clause ("Do cơ thể mềm
    mại, hóa thạch sứa lược cực kỳ hiếm") or says a consequence ("vì ... nên Costa không có quyền
    ..."). Not the premise's own words, nor a speaker before a verb of speech ("Phó Thủ tướng nhấn
    mạnh: ... nhằm ..." gives the reason of what is said), nor a link in another clause ("...;
    tháo gỡ rào cản ... để nâng cao ...")."""
    for clause in (sentence.split(";") if ";" in sentence else (sentence,)):
        if _clause_gives_reason(text_view(clause)[0], premise, links):
            return True
    return False


def _clause_gives_reason(syls: tuple[str, ...], premise: _Premise, links: _Links) -> bool:
    spots: list[tuple[int, int]] = []
    speech: list[int] = []  # where each verb of speech ends
    found: list[tuple[int, int]] = []
    for i, syl in enumerate(syls):
        for run in premise.get(syl, ()):
            if syls[i:i + len(run)] == run:
                spots.append((i, i + len(run)))
        if syls[i:i + 2] in L.SPEECH_VERBS:
            speech.append(i + 2)
        for link, not_after in links.get(syl, ()):
            if syls[i:i + len(link)] == link and not (i and syls[i - 1] in not_after):
                found.append((i, i + len(link)))
    for i, end in found:
        if any(a < end and i < b for a, b in spots):
            continue  # the premise's own words ("tạo điều kiện cho ...")
        link = syls[i:end]
        # "... nên P", "Do X, P"; a negation or obligation is said of what follows it ("không được
        # xem xét miễn học")
        if (link in L.FORWARD_LINKS or i <= L.LINK_OPENS or link in L.NEGATION_LINKS
                or link in L.OBLIGATION_LINKS) and any(a >= end for a, _ in spots):
            return True
        if link not in L.FORWARD_LINKS:  # "P vì X", "P để X": after what a speaker says, its own
            said = max((e for e in speech if e <= i), default=0)
            if any(a >= said and b <= i for a, b in spots):
                return True
    return False


#: "bao lâu" asks for a length of time: a number of time units ("sáu năm", "3 tháng"; not the "2 năm"
#: of "tháng 2 năm 2008", nor "năm 1279"), or a span "cho đến khi ...", "trong suốt ..." (folded);
#: a sentence saying one gains this over one with another figure.
_HOW_LONG = re.compile(r"\bbao lau\b")
_DURATION = re.compile(r"(?<!\bthang )(?<!\bngay )\b(?:\d+(?:[.,]\d+)?|mot|hai|ba|bon|nam|sau|bay|tam|chin|"
                       r"muoi|vai|nhieu|it)\s+(?:nam|thang|tuan|ngay|gio|phut|giay|the ky|thap ky|"
                       r"thap nien)\b(?!\s+\d)|\b(?:cho den khi|trong suot)\b")
DURATION_BONUS = 0.1


#: Least number of words an answer sentence says beyond the question's own ("Phạm tội chưa đạt", a
#: heading that repeats the question, answers nothing).
MIN_NEW_WORDS = 1


def _says_more(sentence: str, asked: set[str]) -> bool:
    """True when ``sentence`` holds at least :data:`MIN_NEW_WORDS` words the question does not."""
    new = 0
    for word in text_view(sentence)[0]:
        new += word not in asked
        if new >= MIN_NEW_WORDS:
            return True
    return False


#: A lettered item of a law's list ("a) Thu lợi bất chính ...;") and a bare clause number ("2.").
_ITEM = re.compile(r"\s*[a-zđ]\)\s")
_CLAUSE_MARK = re.compile(r"\s*\d{1,3}\.\s*$")


def _pair_share(sentence: str, pairs: set[tuple[str, str]]) -> float:
    """Share of the question's adjacent word pairs that ``sentence`` holds too."""
    syls = text_view(sentence)[0]
    return len(pairs & set(zip(syls, syls[1:], strict=False))) / (len(pairs) or 1)


#: Most passages of one article read as a whole (a longer document is no article).
ARTICLE_PASSAGES = 16


def _structured(hits: list[Hit]) -> bool:
    """True when a document is a legal text: it has numbered clauses or lettered items."""
    return any(_ITEM.match(s) or _CLAUSE_MARK.match(s) for h in hits for _, _, s in h.sentences)


def _article_rest(pool: list[tuple[int, Hit, float]], sources: Sources,
                  cache: dict[str, list[Hit]]) -> list[tuple[int, Hit, float]]:
    """The other passages of the legal articles the best passages belong to, each with the rank
    and context of its article's best passage: an article's clauses qualify one another (the
    case of clause 2 and the fine of clause 3 read with the offence of clause 1)."""
    seen = {(h.document.doc_id, h.passage.start) for _, h, _ in pool}
    out = []
    for rank, hit, context in pool:
        doc_id = hit.document.doc_id
        if not _structured([hit]):  # read on: the passage itself has numbered clauses or items
            continue
        if doc_id not in cache:
            cache[doc_id] = sources.doc_hits(doc_id)
        rest = cache[doc_id]
        if len(rest) > ARTICLE_PASSAGES or not _structured(rest):
            continue
        for h in rest:
            if (doc_id, h.passage.start) not in seen:
                seen.add((doc_id, h.passage.start))
                out.append((rank, h, context))
    return out


def _doc_sentences(doc_id: str, sources: Sources, cache: dict[str, list[Hit]]) -> list[tuple[Hit, str]]:
    """Every sentence of a document in text order, with its passage."""
    if doc_id not in cache:
        cache[doc_id] = sources.doc_hits(doc_id)
    return [(h, s) for h in cache[doc_id] for _, _, s in h.sentences]


def _item_announcer(flat: list[tuple[Hit, str]], start: int) -> tuple[Hit, str] | None:
    """The sentence that announces the item starting at ``start`` ("Phạm tội thuộc một trong
    các trường hợp sau đây, thì bị phạt tù từ 03 năm đến 10 năm:"), with its passage; it may
    lie in the passage before."""
    at = next((i for i, (h, _) in enumerate(flat) if h.passage.start <= start < h.passage.end), None)
    if at is None:
        return None
    at += [s for s, _, _ in flat[at][0].sentences].index(start)
    for h, sentence in reversed(flat[:at]):
        if not (_ITEM.match(sentence) or _CLAUSE_MARK.match(sentence)):
            return (h, sentence) if sentence.rstrip().endswith(":") else None
    return None


#: A clause that speaks of the article's offence without stating it: "Phạm tội thuộc một trong
#: các trường hợp sau đây", "Người phạm tội còn có thể bị phạt tiền", "Người chuẩn bị phạm tội
#: này" (folded).
_REFERS_BACK = re.compile(r"^\s*(?:[a-z]\)\s*)?(?:nguoi (?:nao )?)?pham toi\b|\bpham toi nay\b")


def _offence(flat: list[tuple[Hit, str]], said: str | tuple[Hit, str]) -> tuple[str, str]:
    """The offence a penal article's first clause states ("Người nào trồng cây thuốc phiện ...")
    without its penalty (", thì bị phạt tù ..."), and that whole first clause, when ``said`` (a
    clause or an item's announcer) refers back to it; else two empty strings."""
    text = said[1] if isinstance(said, tuple) else said
    if not _REFERS_BACK.search(fold(text)) or not flat or not fold(flat[0][1]).startswith("toi "):
        return "", ""  # an offence is stated under a heading "Tội ..."
    for _, sentence in flat[1:]:
        if not (_ITEM.match(sentence) or _CLAUSE_MARK.match(sentence)):
            if sentence == text:
                return "", ""
            m = _THEN.search(sentence)
            return (sentence[:m.start()] if m else sentence), sentence
    return "", ""


#: A sentence that opens with an acronym ("ĐTBCTL được dùng để xét ..."): the reader who asked
#: "which" needs the words it stands for, which the document defines ("... (ĐTBCTL) là ...").
_ASKS_WHICH = re.compile(r"\b(?:nao|gi|dau)\b")
_OPENING_ACRONYM = re.compile(r"\s*([A-ZĐ]{2,}[A-ZĐ0-9]*)\b(?![-/.&])")


def _spelled_out(acronym: str, flat: list[tuple[Hit, str]], asked: str) -> tuple[Hit, str] | None:
    """The words ``acronym`` stands for as its document writes them ("Điểm trung bình chung tích
    lũy (ĐTBCTL)": the words before it whose initials spell it), with their passage; None when
    the document does not spell it out or the (folded) question already says it."""
    letters = fold(acronym).replace(" ", "")
    for h, t in flat:
        at = t.find(f"({acronym})")
        if at < 0:
            continue
        words = t[:at].split()[-len(letters):]
        if len(words) == len(letters) and "".join(fold(w)[0] for w in words) == letters:
            term = " ".join(words)
            return None if fold(term) in asked else (h, f"{term} ({acronym})")
    return None


#: The particle that closes a yes/no question ("... không?", "... hay không?", "... chưa?").
_YES_NO_TAIL = re.compile(r"(?:\s+hay)?\s+(?:không|chưa|khong|chua)\s*[?.!]*\s*$", re.IGNORECASE)


#: Where a rule's condition ends and what follows from it begins: ", thì", " thì ".
_THEN = re.compile(r",?\s+thì\s")


def _earlier_typed(query: Query, hit: Hit, start: int, sources: Sources,
                   cache: dict[str, list[Hit]]) -> tuple[Hit, str] | None:
    """The nearest earlier sentence of the same paragraph that carries the asked-for kind (it
    may lie in the passage before), with its passage."""
    doc = hit.document
    a, _ = sources.checker.paragraph(doc, start, start + 1)
    if a >= start:
        return None
    if doc.doc_id not in cache:
        cache[doc.doc_id] = sources.doc_hits(doc.doc_id)
    for h in reversed(cache[doc.doc_id]):
        if h.passage.end <= a or h.passage.start >= start:
            continue
        for s, _, sentence in reversed(h.sentences):
            if a <= s < start and carries(query.kind, sentence, query.text, query.counted):
                return h, sentence
    return None


#: A sentence that fills the slot a question asks about with a demonstrative ("Thiết bị nào được
#: dùng ...?": "... được điều trị sử dụng các thiết bị này."; "Điều gì đã tạo tiền đề cho ...?":
#: "Tất cả những điều này tạo tiền đề ...") names the answer in the sentence before it.
_WH_NOUN = re.compile(r"(?<!\w)(\w+\s+)?(\w+)\s+(?:nào|gì)(?!\w)")
#: Words before "nào" / "gì" that are no noun of the slot ("thế nào", "làm gì", "là gì", "bất kỳ").
_NOT_SLOT = frozenset("thế làm là có của được cho với và từ đến ở tại trong về bất kỳ kì ra".split())


def _asked_slot(text: str) -> re.Pattern[str] | None:
    """The demonstrative that stands for what ``text`` asks ("các thiết bị này" for "Thiết bị
    nào ...?", "những điều này" for "Điều gì ...?", "loại mạng này" or "mạng này" for "... loại
    mạng nào?"): the one or two words before "nào" / "gì" followed by "này" / "đó" / "ấy"."""
    heads: list[str] = []
    for m in _WH_NOUN.finditer(text.lower()):
        one, two = m.group(2), (m.group(1) or "").strip()
        if one in _NOT_SLOT or (m.group(0).endswith("gì") and one not in ("điều", "việc")):
            continue
        if two and two not in _NOT_SLOT:
            heads.append(rf"{re.escape(two)}\s+{re.escape(one)}")
        heads.append(re.escape(one))
    if not heads:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(heads)})\s+(?:này|đó|ấy)(?!\w)", re.IGNORECASE)


#: Most words before a demonstrative that opens its sentence ("Tất cả những điều này ...").
SLOT_OPENING = 3
#: Words beside a slot that say nothing of its role: quantifiers, tense and voice words.
_SLOT_FILLER = frozenset("các những tất cả mọi đã đang sẽ được bị là thì có".split())
#: How many words either side of a slot tell its role ("tạo tiền đề", "sử dụng").
SLOT_REACH = 2


def _beside(words: list[str], start: int, end: int) -> set[str]:
    """The words within :data:`SLOT_REACH` either side of ``words[start:end]``, fillers skipped."""
    left = [w for w in words[:start] if w not in _SLOT_FILLER][-SLOT_REACH:]
    right = [w for w in words[end:] if w not in _SLOT_FILLER][:SLOT_REACH]
    return set(left) | set(right)


def _in_slot(slot: re.Pattern[str], sentence: str, question: str) -> bool:
    """True when the demonstrative ``slot`` (:func:`_asked_slot`) stands where the question's
    wh-word stands: beside a word the wh-word stands beside ("Điều gì đã tạo tiền đề ...?": "Tất
    cả những điều này tạo tiền đề ..."; "Thiết bị nào được sử dụng ...?": "... sử dụng các thiết
    bị này"), as its subject (among its first words) or at its end; not in another role ("Một dự
    án phải tuân thủ điều gì?": "Điều này được chỉ định là ...") nor in its middle, where it may
    stand for a name or clause of its own sentence ("Greenland đã ký ... giúp quốc gia này ...",
    "... tăng trưởng là cần thiết, điều đó không đủ cho ...")."""
    q = re.findall(r"\w+", question.lower())
    asked: set[str] = set()
    for i, w in enumerate(q):
        if w in ("nào", "gì") and i > 0:
            asked |= _beside(q, i - 1, i + 1)
    for m in slot.finditer(sentence):
        words = re.findall(r"\w+", sentence[:m.start()].lower())
        s = words + ["#"] + re.findall(r"\w+", sentence[m.end():].lower())
        edge = len(words) <= SLOT_OPENING or not sentence[m.end():].strip(" .!?;…\"”)'")
        own = set(re.findall(r"\w+", m.group(0).lower()))
        if edge and (_beside(s, len(words), len(words) + 1) & asked) - own:
            return True
    return False


#: Words that with "này" / "đó" make an adverb, not a thing named ("sau này", "do đó", "khi đó").
_NOT_NAMED = frozenset("sau trước khi lúc từ do vì như bởi ngoài nhờ theo tại ở đến cho hơn".split())
#: A noun phrase with a demonstrative: "sự thay đổi này", "quy định đó".
_DEMONSTRATED = re.compile(r"(?<!\w)(\w+)\s+(\w+)\s+(?:này|đó|ấy)(?!\w)", re.IGNORECASE)


def _names_back(sentence: str, asked: set[str]) -> bool:
    """True when the sentence speaks of a thing of the question with a demonstrative ("Lý do
    chính cho sự thay đổi này là ..." asked "... sự thay đổi quan điểm rằng ...?"): what it
    stands for, the sentence before says."""
    for m in _DEMONSTRATED.finditer(sentence):
        if m.group(2).lower() in _NOT_NAMED:
            continue  # "sau này", "do đó": an adverb of time or cause
        words = [w.lower() for w in m.groups() if w.lower() not in _SLOT_FILLER | _NOT_SLOT]
        if words and all(w in asked for w in words):
            return True
    return False


def _goes_on_from(c: _Candidate, chosen: list[_Candidate], asked: set[str]) -> bool:
    """True when ``c`` comes right after a chosen sentence of its passage and speaks of what that
    one says: it opens with a pronoun ("Nó có lẽ là tuyên bố đầu tiên của nguyên tắc ...") or
    names a thing of the question with a demonstrative ("Lý do chính cho sự thay đổi này là
    ..."); its share of the question is what the two say together."""
    return any(o.hit is c.hit and o.order + 1 == c.order for o in chosen) and (
        _ANAPHOR.match(c.sentence) is not None or _names_back(c.sentence, asked))


#: A sentence that opens by pointing back to its cause ("Chính vì vậy", "Do đó", "Nhờ đó", "Chính vì
#: 02 mục tiêu như vậy mà ..."): a why-question's reason is the sentence before it.
_CAUSE_BACK = re.compile(r"\s*(?:chinh |cung )?(?:vi|do|nho|boi|tu)\s+(?:(?:the|vay|do|day)\b|"
                         r"[^.;:]{1,60}?\b(?:nhu|the|vay) (?:ma|nen)\b)")


def _antecedent(c: _Candidate, sources: Sources) -> tuple[Hit, str] | None:
    """The sentence right before ``c`` in its document, with its passage; None when that one
    refers back in turn ("Điều này giúp ...": what it stands for lies further back)."""
    if c.order > 0:
        found: tuple[Hit, str] | None = (c.hit, c.hit.sentences[c.order - 1][2])
    else:
        flat = sources.doc_hits(c.hit.document.doc_id)
        prior = [(h, t) for h in flat for s, _, t in h.sentences if s < c.start]
        found = prior[-1] if prior else None
    return None if found is None or _ANAPHOR.match(found[1]) else found


#: What a term's definition goes on with: the sentence after it that opens with the term, or with
#: a part of it, and says what that is or holds ("Quan hệ lao động bao gồm ...", "Nơi làm việc là
#: bất kỳ nơi nào ..." after the definition of "quấy rối tình dục tại nơi làm việc") (folded).
_TERM_OPENING = re.compile(r"\s*(.+?)\s+(?:la|bao gom|gom)\b")


def _term_goes_on(term: str, c: _Candidate, sources: Sources) -> tuple[Hit, str] | None:
    """The sentence right after ``c`` in its document when it goes on about the term ``term``
    (folded) that ``c`` defines (:data:`_TERM_OPENING`); None otherwise."""
    if c.order + 1 < len(c.hit.sentences):
        hit, after = c.hit, c.hit.sentences[c.order + 1][2]
    else:  # the passage ends with the definition: the next one's first sentence
        nxt = next(((h, t) for h in sources.doc_hits(c.hit.document.doc_id)
                    for st, _, t in h.sentences if st >= c.end), None)
        if nxt is None:
            return None
        hit, after = nxt
    m = _TERM_OPENING.match(_one_iy(fold(after)))
    if m is None:
        return None
    opening, term = m.group(1), _one_iy(term)
    if opening == term or len(opening.split()) >= 2 and re.search(rf"\b{re.escape(opening)}$", term):
        return hit, after
    return None


def _answered(query: Query, good: list[_Candidate], sources: Sources, top_k: int, debug: dict,
              hits: Sequence[Hit]) -> Answer:
    chosen: list[_Candidate] = []
    seen: set[tuple[str, ...]] = set()
    covered: set[str] = set()
    top = good[0].score - good[0].topic  # how far the others fall short: of what they say
    asked = set(surface_tokens(query.restored_text or query.text)[0])
    for c in good:
        key = syllables(c.sentence)
        if key in seen or c.score - c.topic < FURTHER_SCORE * top:
            continue
        if chosen and set(c.matched) <= covered:  # adds nothing the answer does not already say
            continue
        if chosen and c.weight < chosen[0].weight - WEAKER_SHARE and c.lead_in is None \
                and (query.kind in _TYPED or not _goes_on_from(c, chosen, asked)):
            continue  # holds much less of the question than the best (an item: with its lead-in)
        seen.add(key)
        covered.update(c.matched)
        chosen.append(c)
        if len(chosen) >= sources.max_sentences:
            break
    whole = _announces(chosen[0], sources) or (
        chosen[0].lead_in is not None and bool(_ITEM.match(chosen[0].sentence)))
    if whole:
        chosen = chosen[:1]  # with what it announces, or the item with its own: two sentences already
    asked = query.restored_text or query.text
    slot = _asked_slot(asked) if query.kind not in _TYPED else None  # a typed answer names itself
    if slot is not None and chosen[0].lead_in is None and _in_slot(slot, chosen[0].sentence, asked):
        chosen[0].lead_in = _antecedent(chosen[0], sources)  # what "các thiết bị này" stands for
    if chosen[0].lead_in is None and L.ASKS_WHY.search(asked.lower()) and _CAUSE_BACK.match(
            fold(chosen[0].sentence)):  # "Chính vì 02 mục tiêu như vậy mà ...": the reason said before
        chosen[0].lead_in = _antecedent(chosen[0], sources)
    chosen.sort(key=lambda c: (c.rank, c.order))
    if not whole:  # room left in a short answer: the next good sentences of its document, after it
        chosen += sorted(_room_fill(chosen, good, seen, top, sources), key=lambda c: (c.rank, c.order))
    term = _term_asked(query)
    defined = term is not None and _defines(term, chosen[0].sentence)
    if defined:
        debug["defined"] = True  # the answer opens with the term's definition: no need to read deeper
    cites = Citations(top_k)
    parts = []
    for c in chosen:
        n = cites.number(c.hit)
        if n is None:
            continue
        if c.lead_in is not None and all(c.lead_in[1] != o.sentence for o in chosen):
            m = cites.number(c.lead_in[0])
            if m is not None:
                parts.append(f"{c.lead_in[1].strip()} [{m}]")
        parts.append(f"{c.sentence.strip()} [{n}]")
        follow = _announced(query, c, sources) if _announces(c, sources) else None
        if follow is None and c is chosen[0] and _ASKS_HOW.search(fold(query.text)):
            follow = _goes_on(c)  # "Để thực hiện công việc này sinh viên phải đăng ký ..."
        if follow is None and c is chosen[0] and defined:
            follow = _term_goes_on(term, c, sources)  # "Quan hệ lao động là ... . Quan hệ lao động gồm ..."
        if follow is not None and all(follow[1] != o.sentence for o in chosen):
            m = cites.number(follow[0])
            if m is not None:
                parts.append(f"{follow[1].strip()} [{m}]")
    return Answer(query.text, " ".join(parts), True, cites.citations(hits), debug, status=ANSWERED)


def _room_fill(chosen: list[_Candidate], good: list[_Candidate], seen: set[tuple[str, ...]], top: float,
               sources: Sources) -> list[_Candidate]:
    """A short answer takes the next good sentences of the same document while the whole stays
    within :data:`ANSWER_ROOM` characters (at most :data:`ROOM_SENTENCES` sentences, each scoring at
    least :data:`ROOM_SCORE` of the best): "Khu vực này có hai vùng đô thị ..." then "Đó là Vùng đại
    Los Angeles ... và San Diego-Tijuana ...". Not another document's fact, nor a bare clause
    number ("3."), a heading or an item needing its lead-in."""
    if any(_announces(c, sources) for c in chosen):
        return []  # what it announces follows it
    used = sum(len(c.sentence.strip()) + 1 for c in chosen) + sum(
        len(c.lead_in[1].strip()) + 1 for c in chosen if c.lead_in is not None)
    doc = chosen[0].hit.document.doc_id
    more: list[_Candidate] = []
    for c in good:
        if len(chosen) + len(more) >= ROOM_SENTENCES or c.score - c.topic < ROOM_SCORE * top:
            break
        key = syllables(c.sentence)
        if (key in seen or len(key) < 3 or c.hit.document.doc_id != doc or c.lead_in is not None
                or _announces(c, sources)):
            continue
        if used + len(c.sentence.strip()) <= ANSWER_ROOM:
            more.append(c)
            seen.add(key)
            used += len(c.sentence.strip()) + 1
    return more


#: Longest heading (in words): a line of its own without final punctuation ("Bồi thường thiệt hại
#: trong trường hợp vượt quá giới hạn phòng vệ chính đáng").
HEADING_WORDS = 20


def _announces(c: _Candidate, sources: Sources) -> bool:
    """True when the sentence introduces what follows: it ends with ":", or it is a heading."""
    text = c.sentence.rstrip()
    if text.endswith(":"):
        return True
    after = sources.checker.facts(c.hit.document)[0][c.end:c.end + 2]
    return (not _CLOSED.search(text) and len(text.split()) <= HEADING_WORDS
            and (not after.strip() or after.lstrip(" ").startswith("\n")))


#: A question about how a thing is done ("Làm thế nào để ...", "phải làm những thủ tục gì",
#: "bằng cách nào") (folded).
_ASKS_HOW = re.compile(r"\b(?:lam (?:the nao|sao|gi)|thu tuc (?:gi|nao)|(?:bang )?cach nao|nhu the nao|"
                       r"ra sao)\b")
#: A sentence that goes on about what the sentence before says: a demonstrative in its first
#: words ("Để thực hiện công việc này ...", "Email này có giá trị lâu dài", "Điều đó ...").
_GOES_ON = re.compile(r"\s*(?:\w+[ ,]+){0,5}?(?:này|đó)\b")


def _goes_on(c: _Candidate) -> tuple[Hit, str] | None:
    """The sentence right after ``c`` in its passage when it goes on about what ``c`` says."""
    if c.order + 1 < len(c.hit.sentences):
        nxt = c.hit.sentences[c.order + 1][2]
        if _GOES_ON.match(nxt):
            return c.hit, nxt
    return None


#: How many sentences after one that ends with ":" may hold what it announces.
ANNOUNCED_REACH = 8


def _announced(query: Query, c: _Candidate, sources: Sources) -> tuple[Hit, str] | None:
    """What a sentence ending with ":" announces ("thì thời hạn được tính như sau:"): of the next
    sentences of its document (the items it introduces), the one holding most of the question's
    words (then most of its word pairs), with its passage."""
    after = [(h, s, t) for h in sources.doc_hits(c.hit.document.doc_id) for s, _, t in h.sentences
             if s >= c.end][:ANNOUNCED_REACH]
    asked = surface_tokens(query.restored_text or query.text)[0]
    pairs = set(zip(asked, asked[1:], strict=False))
    best, found = 0.0, None
    for h, _, text in after:
        syls = text_view(text)[0]
        shared = len(pairs & set(zip(syls, syls[1:], strict=False))) / (len(pairs) or 1)  # "một giờ" itself
        ev = coverage(query.content, text, sources.idf, sources.lexicon).weight + 0.1 * shared
        if ev > best:
            best, found = ev, (h, text)
    return found or ((after[0][0], after[0][2]) if after else None)


def _partial(query: Query, c: _Candidate, top_k: int, debug: dict, hits: Sequence[Hit]) -> Answer:
    asked, instead = c.verdict.describe()
    cites = Citations(top_k)
    n = cites.number(c.hit)
    lead = (f"Không tìm thấy thông tin về {asked} như câu hỏi; "
            f"thông tin gần nhất ({instead}) là:")
    debug["partial"] = {"asked": asked, "instead": instead}
    return Answer(query.text, f"{lead}\n{c.sentence.strip()} [{n}]", False, cites.citations(hits),
                  debug, status=PARTIAL)



