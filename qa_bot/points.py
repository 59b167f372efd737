"""Points of list answers: verbatim spans of a document (:class:`Point`), the items of a list
announced with its count ("trên cả 6 lĩnh vực về A, B, C..." for "trên 6 lĩnh vực nào?"), and a
directive's own numbered points, read from its structure ("Chỉ thị 03 yêu cầu gì?", "... yêu cầu
Bộ Nội vụ làm gì?", "... nhiệm vụ 0-2b?"). :mod:`qa_bot.lists` composes the answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Hit
from .normalize import fold
from .tokens import number_value

#: Shortest point worth listing (characters).
MIN_POINT = 12

_LEAD_IN = re.compile(r"^(do đó|đồng thời|trong đó|theo đó|ngoài ra|bên cạnh đó|tuy nhiên|và)\s*,?\s*",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    """One point of a list answer: ``text == doc_text[start:end]``."""

    start: int
    end: int
    text: str


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces, lead-in words and trailing punctuation."""
    piece = text[start:end]
    m = _LEAD_IN.match(piece)
    if m and len(piece) - m.end() >= MIN_POINT:
        start += m.end()
    while start < end and text[start] in " \t\n,;:-–…":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:….":
        end -= 1
    return start, end


#: Words that name a list or its kind, and function words: not what a list is about (folded).
CUE_WORDS = re.compile(r"\b(yeu cau|nhan manh|chi dao|de nghi|luu y|nhiem vu|han che|ton tai|"
                        r"giai phap|ket qua|nhung|gi|nao|cac|cua|nam|la|va|cho|ve|trong|tai|voi|do|"
                        r"da|duoc|co|theo|nay|thi|ma|de|tu|den)\b")


# -- lists announced with their count ("trên cả 6 lĩnh vực về A, B, C...") --------------------------
#: A count and the noun it counts in a question ("6 lĩnh vực", "sáu kết quả"), lower-cased.
#: ("năm" is left out: "năm 2024" is a year far more often than five of something.)
_COUNTED_ITEMS = re.compile(r"\b(\d{1,2}|hai|ba|bốn|sáu|bảy|tám|chín|mười)\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)")
#: Where the items start after the counted noun: "về", "gồm", "là", "như", or a colon.
_ITEMS_START = re.compile(r"[^.;:]{0,40}?(?:\s(?:về|gồm|bao gồm|là|như|trên các nội dung)\s*:?\s|:\s*)")


def count_asked(question: str) -> tuple[int, str] | None:
    """The count and (folded) noun of "trên 6 lĩnh vực nào", "sáu kết quả nào"."""
    for m in _COUNTED_ITEMS.finditer(question.lower()):
        value = number_value(m.group(1).split())
        noun = fold(m.group(2))
        if value and 2 <= value[0] <= 20 and not CUE_WORDS.fullmatch(noun.split()[0]):
            return value[0], noun
    return None


def counted_points(question: str, text: str, sentences: Sequence[tuple[int, int]]) -> list[Point]:
    """The items of the sentence that announces as many of the question's counted noun as it
    asks for ("CCHC phải thực hiện trên cả 6 lĩnh vực về A, B, ..." for "trên 6 lĩnh vực nào"),
    split at commas and semicolons; [] when no sentence does, or its items do not add up."""
    counted = count_asked(question)
    if counted is None:
        return []
    n, noun = counted
    for a, b in sentences:
        sentence = text[a:b]
        for m in _COUNTED_ITEMS.finditer(sentence.lower()):
            value = number_value(m.group(1).split())
            if not value or value[0] != n or not fold(m.group(2)).startswith(noun.split()[0]):
                continue
            head = _ITEMS_START.match(sentence, m.end())
            if head is None:
                continue
            pos, out = a + head.end(), []
            for piece in re.finditer(r"[^,;]+", text[pos:b]):
                s, e = trim(text, pos + piece.start(), pos + piece.end())
                if e - s >= 3:
                    out.append(Point(s, e, text[s:e]))
            if n - 1 <= len(out) <= n + 2:
                return out
    return []


# -- a directive's own points ("Chỉ thị 03 yêu cầu gì?", "... giao Bộ Nội vụ nhiệm vụ gì?") -------
#: A point's code in a question ("0-2b", "3.2"): compared with the points without separators.
_CODE = re.compile(r"(?<![\w/])\d+(?:[-–.]\d+)+[a-zđ]?(?![\w/])")
#: Where the points of a directive end: the recipients, a table, the signature block.
_BODY_END = re.compile(r"^(Nơi nhận|STT\b)|\|")


def asked_codes(question: str) -> list[str]:
    """The point codes a question names ("nhiệm vụ 0-2b", "mục 3.2"), lower-cased."""
    return _CODE.findall(question.lower())


def _share(terms: dict[str, float], sentence: str) -> float:
    """Weight of the (folded) ``terms`` in ``sentence``; a term with digits ("0 2 b", a task's
    code) is compared without its separators ("0-2b")."""
    f = fold(sentence)
    squeezed = re.sub(r"[\W_]+", "", f)
    return sum(w for t, w in terms.items()
               if t in f or (re.search(r"\d", t) and re.sub(r"[\W_]+", "", t) in squeezed))


def directive_points(text: str, doc_hits: Sequence[Hit], terms: dict[str, float]) -> list[Point]:
    """The numbered points of an administrative document, from its structure (passage paths):
    those of the unit whose heading ("3. Bộ Nội vụ:") holds most of the question's (folded)
    ``terms``, or all of them when no heading holds any; [] for a text without structure."""
    units: dict[str, list[Hit]] = {}
    for h in doc_hits:
        if h.passage.path:
            units.setdefault(h.passage.path.split(", ")[0], []).append(h)
    if not units:
        return []
    total = sum(terms.values()) or 1.0

    def heading_share(key: str) -> float:
        head = fold(" ".join(t for h in units[key] if h.passage.path == key for _, _, t in h.sentences))
        return sum(w for t, w in terms.items() if t in head) / total

    points = [(h, a, b, t) for hs in units.values() for h in hs if h.passage.path and ", " in h.passage.path
              for a, b, t in h.sentences]
    by_point = sorted(((_share(terms, t_) / total, a, b) for _, a, b, t_ in points), reverse=True)
    if by_point and by_point[0][0] >= 0.5 and (len(by_point) == 1 or by_point[0][0] > by_point[1][0]):
        _, a, b = by_point[0]  # one point holds the question's own words ("nhiệm vụ 0-2b"): that one
        s, e = trim(text, a, b)
        return [Point(s, e, text[s:e])]
    shares = {key: heading_share(key) for key in units}
    best = max(shares.values())
    keys = [k for k in units if shares[k] == best] if best > 0 else list(units)
    out: list[Point] = []
    for key in keys:
        for h in units[key]:
            if h.passage.path == key:
                continue  # the heading ("3. Bộ Nội vụ:") names the unit; its points follow
            for a, b, sentence in h.sentences:
                if _BODY_END.search(sentence.strip()) or sentence.strip().isupper():
                    return out
                s, e = trim(text, a, b)
                if e - s >= MIN_POINT:
                    out.append(Point(s, e, text[s:e]))
    return out
