"""Questions about a directive itself: who signed it, when it was issued, which body issued it.

An administrative document states these in its header ("BỘ NỘI VỤ", "Hà Nội, ngày 22 tháng 04
năm 2026") and its signature block ("BỘ TRƯỞNG ... Phạm Quốc Dũng"); :mod:`qa_bot.formats.header`
reads them into ``issuer``, ``date`` and ``signer``. A question that asks for one of them about a
document (named by its number, or the best passage's document when that is a directive) is
answered with the line of the document that states it, verbatim and cited, like every answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import language as L
from .citations import Citations
from .models import ANSWERED, Answer, Document, Hit
from .normalize import fold
from .query import Query, looks_unaccented
from .retrieve import named_documents
from .sources import Sources

SIGNER, ISSUED, ISSUER = "signer", "issued", "issuer"
_SIGNED = re.compile(r"\(?\s*(đã ký|ký|đã ký và đóng dấu)\s*\)?", re.IGNORECASE)
_DATE_LINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)


def asked_particular(query: Query) -> str | None:
    """Which particular of a document the question asks for, or None."""
    marked = query.text.lower()
    if looks_unaccented(query.text):  # "ai ky chi thi 03": the restorer may read "kỳ"
        marked = re.sub(r"\bky\b", "ký", re.sub(r"\bban hanh\b", "ban hành", fold(query.text)))
    if not L.ISSUING.search(marked):
        return None
    if query.kind == L.PERSON and L.SIGNING.search(marked):
        return SIGNER
    if query.kind == L.DATE:
        return ISSUED
    if query.kind in (L.ORGANISATION, L.PERSON):
        return ISSUER
    return None


def target_document(query: Query, hits: Sequence[Hit]) -> Document | None:
    """The document asked about: the one the question names by number (matched as retrieval
    matches it, :func:`qa_bot.retrieve.named_documents`), else the best passage's document when
    it is an administrative document (it has a type or a number)."""
    docs = list({h.document.doc_id: h.document for h in hits}.values())
    if query.doc_numbers:
        named = named_documents(docs, query.doc_numbers)
        return next((d for d in docs if d.doc_id in named), None)
    first = docs[0] if docs else None
    return first if first is not None and (first.doc_type or first.number) else None


def _span(doc: Document, text: str, which: str) -> tuple[int, int] | None:
    """Offsets of the line(s) of the document's ``text`` that state ``which``."""
    if which == SIGNER and doc.signer:
        at = text.rfind(doc.signer)
        if at < 0:
            return None
        start, pos = at, at  # with the role lines above the name ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG")
        for _ in range(6):
            prev = text.rfind("\n", 0, max(pos - 1, 0))
            line = text[prev + 1:pos].strip()
            if line and not _SIGNED.fullmatch(line):
                if line != line.upper():
                    break
                start = prev + 1
            if prev < 0:
                break
            pos = prev + 1
        return start, at + len(doc.signer)
    head = text[:1500]
    if which == ISSUED:
        m = _DATE_LINE.search(head)
        if m is None:
            return None
        line_start = head.rfind("\n", 0, m.start()) + 1
        prefix = head[line_start:m.start()]
        start = line_start + len(prefix) - len(prefix.lstrip().split("\t")[-1].lstrip())
        return start, m.end()
    if which == ISSUER and doc.issuer:
        words = fold(doc.issuer).split()
        for m in re.finditer(r"[^\n\t]+", head):
            line = m.group(0).strip()
            if line and line == line.upper() and fold(line).split()[:1] == words[:1]:
                end = m.start() + len(m.group(0).rstrip())
                cut = re.search(r"\s{2,}|CỘNG HÒA", m.group(0))
                if cut:
                    end = m.start() + cut.start()
                return m.start() + len(m.group(0)) - len(m.group(0).lstrip()), end
    return None


def particular_answer(query: Query, hits: Sequence[Hit], sources: Sources, top_k: int,
                      debug: dict) -> Answer | None:
    """The cited line that says who signed, when or by whom a document was issued, or None."""
    which = asked_particular(query)
    doc = target_document(query, hits) if which else None
    if doc is None:
        return None
    text, _ = sources.checker.facts(doc)
    span = _span(doc, text, which)
    if span is None:
        return None
    start, end = span
    hit = next((h for h in sources.doc_hits(doc.doc_id) if h.passage.start <= start < h.passage.end), None)
    if hit is None:
        return None
    cites = Citations(top_k)
    n = cites.number(hit)
    if n is None:
        return None
    line = " ".join(text[start:end].split())
    debug["particular"] = {"doc_id": doc.doc_id, "field": which}
    return Answer(query.text, f"{line} [{n}]", True, cites.citations(hits), debug, status=ANSWERED)


__all__ = ["ISSUED", "ISSUER", "SIGNER", "asked_particular", "particular_answer", "target_document"]
