"""Split a document into sentences and pack whole sentences into passages with exact offsets.

An administrative or legal document (:func:`qa_bot.formats.structure.is_structured`) is split
along its structure first: a new Phần / Chương / Mục / Điều / khoản / điểm or numbered item starts
a new sentence and a new passage, so no passage runs across two units, and each passage knows its
path ("Mục 2, điểm b"). News articles and other texts are packed by sentences only, as before.

Memory and time stay linear in the text however it is written: paragraphs reach the sentence
splitter in pieces of at most :data:`SPLIT_PIECE_CHARS`, and a sentence that never ends (text
without sentence marks) is cut at white space into pieces of at most :data:`MAX_SENTENCE_CHARS`,
so no passage is longer than that. Neither limit is reached by the shipped documents or the three
public evaluation sets (longest sentence 1,699 characters, longest paragraph 1,845).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from .formats.structure import breaks as unit_starts
from .formats.structure import document_outline, path_at
from .models import Document, Passage

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\n\s*\n|\Z)", re.DOTALL)
#: Longest sentence, hence passage, in characters: longer runs are cut at white space.
MAX_SENTENCE_CHARS = 2000
#: Longest piece of a paragraph handed to the sentence splitter at once.
SPLIT_PIECE_CHARS = 20_000


def cut_spans(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Spans covering ``text[start:end]`` of at most ``limit`` characters each, cut at the last
    white space before the limit (at the limit inside a longer word), without white space at
    their ends; one span when it is short enough."""
    while end - start > limit:
        window = text[start : start + limit + 1]
        cut = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
        cut = start + cut if cut > 0 else start + limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _locate(paragraph: str, pieces: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of ``pieces`` (sentences in order) inside ``paragraph``; whitespace-tolerant."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        i = paragraph.find(piece, cursor)
        if i < 0:
            pattern = r"\s*".join(re.escape(w) for w in piece.split())
            m = re.compile(pattern).search(paragraph, cursor)
            if not m:
                continue
            i, j = m.start(), m.end()
        else:
            j = i + len(piece)
        spans.append((i, j))
        cursor = j
    if not spans:
        return [(0, len(paragraph))]
    # Each sentence runs to the start of the next, so nothing the splitter dropped is lost. A cut
    # with no space before it and a lower-case letter or digit after it is inside a web address or
    # an e-mail ("dichvucong.gov.vn", "daotaodh@uit.edu.vn"), which the splitter cuts at every
    # dot: not a sentence end ("đại trà.Nếu", a missing space, still is).
    starts = [0] + [a for a, _ in spans[1:] if paragraph[a - 1].isspace() or not paragraph[a].islower()
                    and not paragraph[a].isdigit()]
    return list(zip(starts, starts[1:] + [len(paragraph)], strict=True))


def _trimmed(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


def cut_at(text: str, spans: list[tuple[int, int]], breaks: Sequence[int]) -> list[tuple[int, int]]:
    """``spans`` cut at every offset of ``breaks`` inside them (pieces trimmed, empty ones gone)."""
    out: list[tuple[int, int]] = []
    j = 0
    for a, b in spans:
        while j < len(breaks) and breaks[j] <= a:
            j += 1
        start = a
        while j < len(breaks) and breaks[j] < b:
            if piece := _trimmed(text, start, breaks[j]):
                out.append(piece)
            start = breaks[j]
            j += 1
        if piece := _trimmed(text, start, b):
            out.append(piece)
    return out


def split_sentences(text: str, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, trimmed of surrounding white space; a
    sentence never runs across an offset of ``breaks`` (the starts of structural units)."""
    from underthesea import sent_tokenize  # slow to import: only indexing needs it

    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        for base, stop in cut_spans(text, para.start(), para.end(), SPLIT_PIECE_CHARS):
            piece = text[base:stop]
            for a, b in _locate(piece, sent_tokenize(piece)):
                chunk = piece[a:b]
                lead = len(chunk) - len(chunk.lstrip())
                trail = len(chunk) - len(chunk.rstrip())
                if b - a - lead - trail > 0:
                    spans.extend(cut_spans(text, base + a + lead, base + b - trail, MAX_SENTENCE_CHARS))
    return cut_at(text, spans, breaks) if breaks else spans


def chunk_sentences(
    doc_id: str, sentences: list[tuple[int, int]], max_chars: int, breaks: Sequence[int] = ()
) -> list[Passage]:
    """Pack consecutive sentences into passages of at most ``max_chars`` (a longer sentence
    stands alone); a sentence is never cut here (:func:`split_sentences` bounds them). A
    passage never runs across an offset of ``breaks``."""
    passages: list[Passage] = []
    group: list[tuple[int, int]] = []
    j = 0  # breaks[j] is the first unit start after the group's start
    for span in sentences:
        crossed = False
        while j < len(breaks) and breaks[j] <= span[0]:
            crossed = crossed or bool(group) and breaks[j] > group[0][0]
            j += 1
        if group and (crossed or span[1] - group[0][0] > max_chars):
            passages.append(Passage(doc_id, group[0][0], group[-1][1], tuple(group)))
            group = []
        group.append(span)
    if group:
        passages.append(Passage(doc_id, group[0][0], group[-1][1], tuple(group)))
    return passages


def document_passages(doc: Document, max_chars: int) -> tuple[list[tuple[int, int]], list[Passage]]:
    """The sentences and passages of a document (passages with their structural path)."""
    outline = document_outline(doc)
    starts = unit_starts(outline)
    sentences = split_sentences(doc.text, starts)
    passages = chunk_sentences(doc.doc_id, sentences, max_chars, starts)
    if outline:
        passages = [replace(p, path=path_at(outline, p.start)) for p in passages]
    return sentences, passages


def make_passages(doc: Document, max_chars: int) -> list[Passage]:
    """The passages of a document, in order, covering every sentence of it."""
    return document_passages(doc, max_chars)[1]
