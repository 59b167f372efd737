"""The structure of a Vietnamese legal or administrative text: Phần / Chương / Mục / Điều / khoản /
điểm and numbered items, found at the start of lines.

:func:`outline` lists the structural markers of a text with their offsets; :func:`path_at` says
where an offset is ("Mục II.1, điểm b"); :func:`breaks` gives the offsets where a new unit starts
(passages never run across one, see :mod:`qa_bot.passages`). Dash items (``-``, ``+``, ``•``) are
parts of the unit above them: they neither start a unit nor appear in a path.

    >>> path_at(outline("1. Các bộ:\\na) Rà soát;\\nb) Báo cáo."), 25)
    'Mục 1, điểm b'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Document

_ROMAN = r"[IVXLC]{1,6}"
#: (rank, pattern, kind): a smaller rank is a larger unit; each pattern matches at a line start.
_MARKERS: tuple[tuple[float, re.Pattern[str], str], ...] = (
    (0, re.compile(rf"(?:PHẦN|Phần)\s+(thứ\s+\w+|THỨ\s+\w+|{_ROMAN}|\d{{1,2}})\b"), "phần"),
    (1, re.compile(rf"(?:CHƯƠNG|Chương)\s+({_ROMAN}|\d{{1,2}})\b"), "chương"),
    (2, re.compile(rf"(?:MỤC|Mục)\s+({_ROMAN}|\d{{1,2}})\b(?!\s*[,;])"), "mục"),
    (3, re.compile(rf"({_ROMAN})\s*[.)]\s+(?=\S)"), "roman"),
    (4, re.compile(r"(?:ĐIỀU|Điều)\s+(\d{1,3}[a-z]?)\s*[.:]"), "điều"),
    (5, re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s+(?=\S)"), "số"),
    (7, re.compile(r"([a-zđ])\)\s+(?=\S)"), "điểm"),
)
_DASH = re.compile(r"[-–+•*]\s+(?=\S)")
_LINE_START = re.compile(r"^[ \t]*", re.MULTILINE)
#: Lines that start with "Điều N." in a text without a header: enough of them make it a legal text.
_ARTICLE_LINE = re.compile(r"^[ \t]*(?:ĐIỀU|Điều)\s+\d{1,3}\s*[.:]", re.MULTILINE)


@dataclass(frozen=True)
class Marker:
    """A structural marker: the unit it opens starts at ``start`` (its line start)."""

    start: int
    rank: float
    kind: str
    label: str  # "1", "a", "II", "1.2"


def marker_at(line: str) -> tuple[float, str, str] | None:
    """``(rank, kind, label)`` of the structural marker a line starts with, or None."""
    for rank, pattern, kind in _MARKERS:
        if m := pattern.match(line):
            label = m.group(1)
            if kind == "số":
                rank += 0.1 * label.count(".")
            return rank, kind, label
    return None


def outline(text: str) -> list[Marker]:
    """The markers of ``text``, in order (line starts only; a dash item is not a marker)."""
    out: list[Marker] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        lead = pos
        while lead < end and text[lead] in " \t":
            lead += 1
        if lead < end:
            found = marker_at(text[lead : min(end, lead + 40)])
            if found:
                out.append(Marker(lead, found[0], found[1], found[2]))
        pos = end + 1
    return out


def _stack(markers: list[Marker], offset: int) -> list[Marker]:
    """The units open at ``offset``, outermost first."""
    stack: list[Marker] = []
    for m in markers:
        if m.start > offset:
            break
        while stack and stack[-1].rank >= m.rank:
            stack.pop()
        stack.append(m)
    return stack


def _labels(stack: list[Marker]) -> list[str]:
    """The path's parts for a stack of open units."""
    parts: list[str] = []
    in_article = False
    for i, m in enumerate(stack):
        if m.kind == "body":  # the body after the header: no name of its own
            continue
        if m.kind == "điều":
            in_article = True
        if m.kind == "roman":
            parts.append(f"mục {m.label}")
        elif m.kind == "số":
            if in_article:
                parts.append(f"khoản {m.label}")
                continue
            parent = stack[i - 1] if i else None
            if parent is not None and parent.kind in ("roman", "số") and parts:
                parts[-1] = f"mục {parent.label}.{m.label}" if parent.kind == "roman" else f"mục {m.label}"
            else:
                parts.append(f"mục {m.label}")
        else:
            parts.append(f"{m.kind} {m.label}")
    return parts


def path_at(markers: list[Marker], offset: int) -> str | None:
    """Where ``offset`` is: "Chương II, điều 5, khoản 1, điểm a", "Mục II.1, điểm b"; None
    before the first marker."""
    parts = _labels(_stack(markers, offset))
    if not parts:
        return None
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def citation_place(doc_type: str | None, number: str | None, path: str | None) -> str | None:
    """How a citation says where it is: "Chỉ thị 05/CT-TTg, mục 2, điểm b"; "Mục 2, điểm b"
    without type and number; None when nothing is known."""
    name = " ".join(x for x in (doc_type, number) if x) if number else None
    if name and path:
        return f"{name}, {path[0].lower()}{path[1:]}"
    return name or path


def is_structured(doc: Document) -> bool:
    """Whether a document is split and cited along its structure: an administrative or legal
    document (a type other than a news article, or a number), or a text with several
    "Điều N." lines. News articles and plain texts keep sentence packing."""
    if doc.doc_type and doc.doc_type != "Bài báo" or doc.number:
        return True
    return len(_ARTICLE_LINE.findall(doc.text[:200_000], 0)) >= 2


def body_start(text: str) -> int | None:
    """Where the body of an administrative document starts: the first line after its type line
    ("CHỈ THỊ") and summary ("Về việc ...", wrapped lines going on in lower case); None without
    a type line in the first 6,000 characters."""
    from .header import TYPES

    head = text[:6000]
    pos = 0
    for line in head.split("\n"):
        if line.strip().rstrip(":") in TYPES:
            break
        pos += len(line) + 1
    else:
        return None
    lines = head[pos:].split("\n")
    offset, seen_summary = pos + len(lines[0]) + 1, False
    for line in lines[1:]:
        stripped = line.strip()
        if stripped and (not seen_summary or stripped[0].islower()):
            seen_summary = True
        elif stripped and seen_summary:
            return offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
    return None


def document_outline(doc: Document, text: str | None = None) -> list[Marker]:
    """The outline of a structured document (empty for an article or a plain text); the body
    of an administrative document starts a unit without a name, so the header stays apart."""
    if not is_structured(doc):
        return []
    text = doc.text if text is None else text
    markers = outline(text)
    start = body_start(text) if doc.doc_type else None
    if start is not None and not (markers and markers[0].start <= start):
        markers.insert(0, Marker(start, -1, "body", ""))
    return markers


def breaks(markers: list[Marker]) -> list[int]:
    """Offsets where a unit starts: a passage never runs across one."""
    return [m.start for m in markers]


__all__ = ["Marker", "breaks", "citation_place", "document_outline", "is_structured", "marker_at", "outline",
           "path_at"]
