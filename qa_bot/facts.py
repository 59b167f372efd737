"""The years, sessions and places a text names, and the facts of a document (its paragraphs,
lead, and the years, sessions and places its title and lead name), read once per document.

- the years a text is about: years it names (not "so với năm 2021" comparisons, nor the period in
  a programme's name, "Chương trình tổng thể ... giai đoạn 2021-2030"; "2021-2030" and "từ năm
  2015 đến nay" as ranges); a document's: the years its title and lead name, else the
  publication year plus, for a document published in January-March, the year before (a review
  session early in year X+1 is about year X);
- the session ordinals (its title and lead), the provinces and the bridge points it names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import language as L
from .models import Document
from .normalize import fold
from .query import (
    _ordinal,
    bridges_named,
    people_named,
    places_named,
)

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


#: Where a text's paragraphs and its first sentence end.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_FIRST_BREAK = re.compile(r"(?<=[.!?])\s")


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
