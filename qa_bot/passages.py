"""Split a document into sentences and pack whole sentences into passages with exact offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .models import Document, Passage

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\n\s*\n|\Z)", re.DOTALL)


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
    # Each sentence runs to the start of the next, so nothing the splitter dropped is lost.
    starts = [0] + [a for a, _ in spans[1:]]
    return list(zip(starts, starts[1:] + [len(paragraph)], strict=True))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, trimmed of surrounding white space."""
    from underthesea import sent_tokenize  # slow to import: only indexing needs it

    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        base = para.start()
        for a, b in _locate(para.group(0), sent_tokenize(para.group(0))):
            chunk = text[base + a : base + b]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if b - a - lead - trail > 0:
                spans.append((base + a + lead, base + b - trail))
    return spans


def chunk_sentences(
    doc_id: str, sentences: list[tuple[int, int]], max_chars: int
) -> list[Passage]:
    """Pack consecutive sentences into passages of at most ``max_chars`` (a longer sentence
    stands alone); a sentence is never cut."""
    passages: list[Passage] = []
    group: list[tuple[int, int]] = []
    for span in sentences:
        if group and span[1] - group[0][0] > max_chars:
            passages.append(Passage(doc_id, group[0][0], group[-1][1], tuple(group)))
            group = []
        group.append(span)
    if group:
        passages.append(Passage(doc_id, group[0][0], group[-1][1], tuple(group)))
    return passages


def make_passages(doc: Document, max_chars: int) -> list[Passage]:
    """The passages of a document, in order, covering every sentence of it."""
    return chunk_sentences(doc.doc_id, split_sentences(doc.text), max_chars)
