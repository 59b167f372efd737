"""Point-by-point answers to "what did they require / which shortcomings / which tasks" questions.

In a document, a *region* of points starts at a sentence that announces them (a cue of the asked
kind: "yêu cầu", "nhấn mạnh", "tồn tại, hạn chế", "nhiệm vụ"...) and runs to the end of its
paragraph; following paragraphs continue it while they open with a directive verb ("Tăng
cường...", "Đẩy mạnh..."), as plans and directives are written. A region is split into points at
enumerations (";", the colon after the announcing words, "(1)", sentence ends); praise and
setting sentences ("đánh giá cao", "tham dự") are left out. Every point is a verbatim span of the
document, kept in document order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import language as L
from .normalize import fold

#: Points listed at most; more get a "Xem thêm" pointer to the source.
MAX_POINTS = 10
_MIN_POINT = 12
#: A paragraph that opens with a directive verb continues a list of tasks or requests.
DIRECTIVE_OPENING = re.compile(
    r"^(day manh|tang cuong|phat huy|huy dong|nang cao|tiep tuc|hoan thien|tap trung|thuc hien|"
    r"trien khai|ra soat|xay dung|doi moi|chu trong|quan tam|bao dam|dam bao|uu tien|khan truong|"
    r"nhan rong|de cao|phoi hop|kien toan|song song do|dong thoi|ngoai ra|can|phai|thu truong|"
    r"nguoi dung dau)\b")
_LEAD_IN = re.compile(r"^(do đó|đồng thời|trong đó|theo đó|ngoài ra|bên cạnh đó|tuy nhiên|và)\s*,?\s*",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    """One point of a list answer: ``text == doc_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Region:
    """A run of sentences (absolute offsets) that states points of one kind."""

    sentences: list[tuple[int, int]]
    cue_start: int  # offset of the announcing sentence

    @property
    def start(self) -> int:
        return self.sentences[0][0]


def _cue(kind: str | None) -> re.Pattern[str]:
    if kind in L.LIST_CUES:
        return L.LIST_CUES[kind]
    return L.LIST_CUES[L.REQUESTS]


def announces(kind: str | None, folded: str) -> bool:
    """True when a (folded) sentence announces points of ``kind``: a cue word not governed by a
    verb that removes it ("tháo gỡ khó khăn", "xử lý vướng mắc, bất cập")."""
    for m in _cue(kind).finditer(folded):
        if not L.CUE_NEGATED.search(folded[max(0, m.start() - 30):m.start()]):
            return True
    return False


def split_at_paragraphs(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut where a line break falls inside them (a paragraph ending in "…")."""
    out = []
    for a, b in sentences:
        pos = a
        for m in re.finditer(r"\s*\n\s*", text[a:b]):
            if a + m.start() > pos:
                out.append((pos, a + m.start()))
            pos = a + m.end()
        if b > pos:
            out.append((pos, b))
    return out


def regions(text: str, sentences: Sequence[tuple[int, int]], paragraphs: Sequence[tuple[int, int]],
            kind: str | None) -> list[Region]:
    """The regions of ``kind`` in a document, in text order: from each announcing sentence to
    the end of its paragraph; for requests and tasks, also each paragraph that opens with a
    directive verb (plans and directives are written so)."""
    cue = _cue(kind)
    sentences = split_at_paragraphs(text, sentences)
    by_para: dict[int, list[tuple[int, int]]] = {}
    for s in sentences:
        p = next((i for i, (a, b) in enumerate(paragraphs) if a <= s[0] < b), -1)
        by_para.setdefault(p, []).append(s)
    out: list[Region] = []
    for p in sorted(by_para):
        para = by_para[p]
        start = next((i for i, s in enumerate(para) if announces(kind, fold(text[s[0]:s[1]]))), None)
        if start is None and kind in (L.REQUESTS, L.TASKS, L.SOLUTIONS) and DIRECTIVE_OPENING.match(
                fold(text[para[0][0]:para[0][1]]).lstrip()):
            start = 0
        if start is None:
            continue
        run = []
        for x in para[start:]:
            f = fold(text[x[0]:x[1]])
            if run and not cue.search(f) and any(
                    k != kind and announces(k, f) for k in (L.REQUESTS, L.SHORTCOMINGS)):
                break  # "Phó Thủ tướng nhấn mạnh: ..." after the shortcomings: another list
            run.append(x)
        out.append(Region(run, para[start][0]))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces, lead-in words and trailing punctuation."""
    piece = text[start:end]
    m = _LEAD_IN.match(piece)
    if m and len(piece) - m.end() >= _MIN_POINT:
        start += m.end()
    while start < end and text[start] in " \t\n,;:-–…":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:….":
        end -= 1
    return start, end


def points(text: str, region: Region, kind: str | None) -> list[Point]:
    """The points of a region, split at enumerations, without praise or setting sentences."""
    cue = _cue(kind)
    out: list[Point] = []
    for a, b in region.sentences:
        sentence = text[a:b]
        f = fold(sentence)
        if kind != L.RESULTS and L.PRAISE.search(f) and not cue.search(f):
            continue
        pieces: list[tuple[int, int]] = []
        pos = a
        colon = sentence.find(":")
        if 0 <= colon < len(sentence) - _MIN_POINT and cue.search(fold(sentence[max(0, colon - 60):colon])):
            pos = a + colon + 1  # the announcing words before the colon are not a point
        base = pos
        for m in re.finditer(r";\s+|\s\(\d{1,2}\)\s", text[base:b]):
            pieces.append((pos, base + m.start()))
            pos = base + m.end()
        pieces.append((pos, b))
        for s, e in pieces:
            s, e = _trim(text, s, e)
            if e - s < _MIN_POINT:
                continue
            out.append(Point(s, e, text[s:e]))
    return out


def score_region(text: str, region: Region, terms: dict[str, float], kind: str | None = None,
                 kind_words: Sequence[str] = ()) -> float:
    """How well a region answers: the idf-weighted share of the question's (folded) content words
    ``terms`` in its paragraph (with the words before it), plus a little for each sentence that states a point
    of the kind (a region that lists beats a passing mention)."""
    a, b = region.sentences[0][0], region.sentences[-1][1]
    hay = fold(text[max(0, a - 200):b])
    total = sum(terms.values())
    share = sum(w for t, w in terms.items() if t in hay) / total if total else 0.0
    cue = _cue(kind)
    stated = sum(bool(cue.search(fold(text[s:e]))) for s, e in region.sentences)
    first = fold(text[a:region.sentences[0][1]])
    named = any(w in first for w in kind_words)  # announced with the question's own word
    return share + 0.08 * min(stated, 5) + (0.25 if named else 0.0)
