"""Compose an answer from the best passages: pick the sentences that answer, cite each one.

Every answer sentence is a sentence of a retrieved passage, verbatim, followed by ``[n]`` where
``n`` numbers the citation (the passages in rank order). ``found`` is false when the best passage
holds too small a share of the question's content words (idf-weighted): the product then says in
Vietnamese that the documents do not answer, instead of guessing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lexicon import Lexicon, syllables
from .models import Answer, Citation, Hit
from .normalize import fold
from .tokens import surface_tokens

NOT_FOUND = (
    "Xin lỗi, các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này. "
    "Bạn có thể diễn đạt lại câu hỏi hoặc bổ sung tài liệu liên quan."
)

# Question types, matched on the question folded to no diacritics (as helpdesk staff type it).
_NUMBER_Q = re.compile(r"\b(bao nhieu|may|ty le|ti le|so luong|bao lau|con so|phan tram)\b")
_DATE_Q = re.compile(r"\b(khi nao|bao gio|ngay nao|nam nao|thoi gian nao|luc nao|thoi diem nao|"
                     r"hom nao|thang nao)\b")
_WHO_Q = re.compile(r"\b(ai|nguoi nao|dong chi nao|vi nao)\b")
_WHERE_Q = re.compile(r"\b(o dau|tai dau|noi nao|dia phuong nao|tinh nao|diem cau nao)\b")
_DIGIT = re.compile(r"\d")
_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}([/.-]\d{2,4})?\b|\bngày\s+\d|\btháng\s+\d|"
                   r"\bnăm\s+\d{4}\b|\bchiều\b|\bsáng\b")
#: Common Vietnamese family names: a capitalised run starting with one is a person's name.
_SURNAMES = ("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trương|"
             "Đinh|Đào|Mai|Lương|Trịnh|Đoàn|Lâm|Tạ|Hà|Cao|Chu|Tô|Lưu|Thái|Văn|Quách|Kiều")
_CAP = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
_NAME = re.compile(rf"\b(?:{_SURNAMES})(?:\s+{_CAP}){{1,3}}\b|"
                   rf"\b(?:ông|bà|đồng chí|anh|chị)\s+{_CAP}(?:\s+{_CAP}){{0,3}}")


#: A sentence that states what was required, emphasised or directed ("yêu cầu của" is a noun).
_DIRECTIVE_VERB = re.compile(
    r"\b(yêu cầu(?! của)|nhấn mạnh|đề nghị|lưu ý|phát biểu chỉ đạo|chỉ đạo:|giao nhiệm vụ)"
)
MAX_POINTS = 12


@dataclass
class Evidence:
    """How well a text covers the question's content words."""

    weight: float  # idf-weighted share of content words found, 0..1
    matched: list[str]


def coverage(terms: Sequence[str], text: str, idf: Callable[[str], float],
             variants: Lexicon | None = None) -> Evidence:
    """Idf-weighted share of ``terms`` present in ``text`` (a compound counts as a phrase,
    half if only its syllables occur apart). With a lexicon, an abbreviation in the text also
    matches its full form in the terms and the reverse, and a curated synonym matches too."""
    syls, words = surface_tokens(text)
    hay = " " + " ".join(syls) + " "
    if variants is not None:
        abbreviations, synonyms = variants.variants(syls)
        for phrase in abbreviations + synonyms:
            hay += "| " + " ".join(phrase) + " "
            words.update(phrase)
    total = got = 0.0
    matched = []
    for t in terms:
        w = max(idf(t), 0.1)
        total += w
        if t in words or f" {t.replace('_', ' ')} " in hay:
            got += w
            matched.append(t)
        elif "_" in t:
            parts = t.split("_")
            got += 0.5 * w * sum(p in words for p in parts) / len(parts)
    return Evidence(got / total if total else 0.0, matched)


@functools.lru_cache(maxsize=4096)
def _question_types(question: str) -> tuple[bool, bool, bool, bool]:
    q = fold(question)
    return (bool(_NUMBER_Q.search(q)), bool(_DATE_Q.search(q)), bool(_WHO_Q.search(q)),
            bool(_WHERE_Q.search(q)))


def _type_bonus(question: str, sentence: str) -> float:
    number, date, who, where = _question_types(question)
    bonus = 0.0
    if number and _DIGIT.search(sentence):
        bonus += 0.25
    if date and _DATE.search(sentence.lower()):
        bonus += 0.25
    if (who or where) and _NAME.search(sentence):
        bonus += 0.4 if who else 0.1
    return bonus


def _context(hit: Hit) -> str:
    """What a passage says, with the title and publisher of its document."""
    d = hit.document
    return " . ".join(x for x in (d.title, d.source or "", hit.text) if x)


def compose(
    question: str,
    terms: Sequence[str],
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    threshold: float,
    passages: int = 3,
    max_sentences: int = 2,
    lexicon: Lexicon | None = None,
) -> Answer:
    """The answer object for ``question`` from ranked ``hits``."""
    if not hits or not terms:
        return Answer(question, NOT_FOUND, False, [], {"evidence": 0.0})
    weights = {t: max(idf(t), 0.1) for t in terms}  # idf once per question, not per sentence
    weight = weights.__getitem__
    contexts = [coverage(terms, _context(h), weight, lexicon).weight for h in hits[:passages]]
    best = max(contexts)
    if best < threshold:
        return Answer(question, NOT_FOUND, False, [], {"evidence": round(best, 3)})
    scored: list[tuple[float, int, int, str, list[str]]] = []
    for rank, (hit, context) in enumerate(zip(hits[:passages], contexts, strict=False)):
        for order, (_, _, sentence) in enumerate(hit.sentences):
            ev = coverage(terms, sentence, weight, lexicon)
            if ev.weight <= 0:
                continue
            score = 0.6 * ev.weight + 0.4 * context + _type_bonus(question, sentence)
            score /= 1 + 0.1 * rank
            scored.append((score, rank, order, sentence, ev.matched))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    chosen: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    covered: set[str] = set()
    top = scored[0][0] if scored else 0.0
    for score, rank, order, sentence, matched in scored:
        key = syllables(sentence)
        if key in seen or score < 0.75 * top:
            continue
        if chosen and set(matched) <= covered:  # adds nothing the answer does not already say
            continue
        seen.add(key)
        covered.update(matched)
        chosen.append((rank, order, sentence))
        if len(chosen) >= max_sentences:
            break
    chosen.sort()
    text = " ".join(f"{s.strip()} [{rank + 1}]" for rank, _, s in chosen)
    citations = [Citation(i + 1, h) for i, h in enumerate(hits)]
    return Answer(question, text or NOT_FOUND, bool(text), citations,
                  {"evidence": round(best, 3)})


def directive_points(doc_hits: Sequence[Hit], doc_text: str) -> list[tuple[int, str]]:
    """The directive sentences of one document: each sentence that states a requirement or an
    emphasis, followed by the rest of its paragraph (the items it lists), as
    ``(index into doc_hits, sentence)`` in text order."""
    flat = [(i, a, b, text) for i, h in enumerate(doc_hits) for a, b, text in h.sentences]
    points: list[tuple[int, str]] = []
    active = False
    prev_end = None
    for i, a, b, text in flat:
        if prev_end is not None and "\n" in doc_text[prev_end:a]:
            active = False  # a new paragraph
        prev_end = b
        if _DIRECTIVE_VERB.search(text.lower()):
            active = True
        if active:
            points.append((i, text.strip()))
        if len(points) >= MAX_POINTS:
            break
    return points


def compose_directives(question: str, hits: Sequence[Hit], doc_hits: Sequence[Hit],
                       doc_text: str, evidence: float) -> Answer | None:
    """A point-by-point answer listing what the best-matching source required, or None when
    that source states no requirement."""
    points = directive_points(doc_hits, doc_text)
    if not points:
        return None
    order = [(h.document.doc_id, h.passage.start) for h in hits]
    cited = list(hits)
    numbers: dict[tuple[str, int], int] = {key: n + 1 for n, key in enumerate(order)}
    lines = []
    for i, sentence in points:
        hit = doc_hits[i]
        key = (hit.document.doc_id, hit.passage.start)
        if key not in numbers:
            cited.append(hit)
            numbers[key] = len(cited)
        lines.append(f"- {sentence} [{numbers[key]}]")
    citations = [Citation(n + 1, h) for n, h in enumerate(cited)]
    return Answer(question, "\n".join(lines), True, citations,
                  {"evidence": round(evidence, 3), "directive": True})
