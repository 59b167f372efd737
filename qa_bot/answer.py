"""Compose an answer from the best passages: pick the sentences that answer, cite each one.

Every answer sentence is a sentence of a retrieved passage, verbatim, followed by ``[n]`` where
``n`` numbers the citation (the passages in rank order). ``found`` is false when the best passage
holds too small a share of the question's content words (idf-weighted): the product then says in
Vietnamese that the documents do not answer, instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .models import Answer, Citation, Hit
from .normalize import normalize_word
from .tokens import ordinal_tokens

NOT_FOUND = (
    "Xin lỗi, các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này. "
    "Bạn có thể diễn đạt lại câu hỏi hoặc bổ sung tài liệu liên quan."
)

_WORD = re.compile(r"\w+")
_NUMBER_Q = re.compile(r"\b(bao nhiêu|phần trăm|mấy|tỷ lệ|tỉ lệ|số lượng|bao lâu|con số)\b")
_DATE_Q = re.compile(r"\b(khi nào|bao giờ|ngày nào|ngày bao nhiêu|năm nào|thời gian nào|lúc nào|"
                     r"thời điểm nào|hôm nào|tháng nào)\b")
_WHO_Q = re.compile(r"\b(ai|người nào|đồng chí nào|vị nào)\b")
_WHERE_Q = re.compile(r"\b(ở đâu|tại đâu|nơi nào|địa phương nào|tỉnh nào|điểm cầu nào)\b")
_DIGIT = re.compile(r"\d")
_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}([/.-]\d{2,4})?\b|\bngày\s+\d|\btháng\s+\d|"
                   r"\bnăm\s+\d{4}\b|\bchiều\b|\bsáng\b")
#: Common Vietnamese family names: a capitalised run starting with one is a person's name.
_SURNAMES = ("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trương|"
             "Đinh|Đào|Mai|Lương|Trịnh|Đoàn|Lâm|Tạ|Hà|Cao|Chu|Tô|Lưu|Thái|Văn|Quách|Kiều")
_CAP = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
_NAME = re.compile(rf"\b(?:{_SURNAMES})(?:\s+{_CAP}){{1,3}}\b|"
                   rf"\b(?:ông|bà|đồng chí|anh|chị)\s+{_CAP}(?:\s+{_CAP}){{0,3}}")


@dataclass
class Evidence:
    """How well a text covers the question's content words."""

    weight: float  # idf-weighted share of content words found, 0..1
    matched: list[str]


def syllables(text: str) -> str:
    """Normalised syllables of a text joined by single spaces, padded for phrase lookups."""
    return " " + " ".join(normalize_word(w) for w in _WORD.findall(text)) + " "


def content_terms(tokens: Sequence[str]) -> list[str]:
    """The question's words (compounds and single words), without the extra syllables that
    the index adds for compounds; order kept, duplicates dropped."""
    terms: list[str] = []
    covered: set[str] = set()
    for t in tokens:
        if "_" in t:
            covered.update(t.split("_"))
    pending_syllables: list[str] = []
    for t in tokens:
        if "_" in t:
            pending_syllables = t.split("_")
            if t not in terms:
                terms.append(t)
        elif pending_syllables and t == pending_syllables[0]:
            pending_syllables = pending_syllables[1:]
        elif t not in terms:
            terms.append(t)
    return terms


def coverage(terms: Sequence[str], text: str, idf: Callable[[str], float]) -> Evidence:
    """Idf-weighted share of ``terms`` present in ``text`` (a compound counts as a phrase,
    half if only its syllables occur apart)."""
    hay = syllables(text)
    words = set(hay.split())
    words.update(ordinal_tokens(hay.split()))
    total = got = 0.0
    matched = []
    for t in terms:
        w = max(idf(t), 0.1)
        total += w
        phrase = t.replace("_", " ")
        if f" {phrase} " in hay or t in words:
            got += w
            matched.append(t)
        elif "_" in t:
            parts = t.split("_")
            share = sum(p in words for p in parts) / len(parts)
            got += 0.5 * w * share
    return Evidence(got / total if total else 0.0, matched)


def _type_bonus(question: str, sentence: str) -> float:
    q = " ".join(normalize_word(w) for w in question.split())
    bonus = 0.0
    if _NUMBER_Q.search(q) and _DIGIT.search(sentence):
        bonus += 0.25
    if _DATE_Q.search(q) and _DATE.search(sentence.lower()):
        bonus += 0.25
    if _WHO_Q.search(q) and _NAME.search(sentence):
        bonus += 0.4
    if _WHERE_Q.search(q) and _NAME.search(sentence):
        bonus += 0.1
    return bonus


def _context(hit: Hit) -> str:
    """What a passage says, with the title and publisher of its document."""
    d = hit.document
    return " . ".join(x for x in (d.title, d.source or "", hit.text) if x)


def _dedupe_key(sentence: str) -> str:
    return " ".join(normalize_word(w) for w in _WORD.findall(sentence))


def compose(
    question: str,
    terms: Sequence[str],
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    threshold: float,
    passages: int = 3,
    max_sentences: int = 2,
) -> Answer:
    """The answer object for ``question`` from ranked ``hits``."""
    if not hits or not terms:
        return Answer(question, NOT_FOUND, False, [], {"evidence": 0.0})
    best = max(coverage(terms, _context(h), idf).weight for h in hits[:passages])
    if best < threshold:
        return Answer(question, NOT_FOUND, False, [], {"evidence": round(best, 3)})
    scored: list[tuple[float, int, int, str]] = []
    for rank, hit in enumerate(hits[:passages]):
        context = coverage(terms, _context(hit), idf).weight
        for order, (_, _, sentence) in enumerate(hit.sentences):
            ev = coverage(terms, sentence, idf)
            if ev.weight <= 0:
                continue
            score = 0.6 * ev.weight + 0.4 * context + _type_bonus(question, sentence)
            score /= 1 + 0.1 * rank
            scored.append((score, rank, order, sentence))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    chosen: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    covered: set[str] = set()
    top = scored[0][0] if scored else 0.0
    for score, rank, order, sentence in scored:
        key = _dedupe_key(sentence)
        if key in seen or score < 0.75 * top:
            continue
        matched = set(coverage(terms, sentence, idf).matched)
        if chosen and matched <= covered:  # adds nothing the answer does not already say
            continue
        seen.add(key)
        covered |= matched
        chosen.append((rank, order, sentence))
        if len(chosen) >= max_sentences:
            break
    chosen.sort()
    text = " ".join(f"{s.strip()} [{rank + 1}]" for rank, _, s in chosen)
    citations = [Citation(i + 1, h) for i, h in enumerate(hits)]
    return Answer(question, text or NOT_FOUND, bool(text), citations,
                  {"evidence": round(best, 3)})
