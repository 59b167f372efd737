"""Text of a Word ``.docx`` file (python-docx): paragraphs and tables in document order.

Automatic list numbers (Word's numbering, not typed) are written out ("1.", "a)", "-") from the
file's numbering definitions. A table row becomes one line, its cells separated by " | "; a
layout table (cells of several paragraphs, as the official header and signature blocks are) is
read cell by cell, one paragraph a line.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import DocumentError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _letters(n: int) -> str:
    return "abcdđeghiklmnopqrstuvxy"[(n - 1) % 23]


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


class _Numbering:
    """Word list numbering: the label of each numbered paragraph, counted in document order."""

    def __init__(self, document) -> None:
        self.formats: dict[tuple[str, str], tuple[str, str]] = {}
        self.counts: dict[tuple[str, str], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            a = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if a is None:
                continue
            for lvl in a.iter(f"{_W}lvl"):
                fmt, text = lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText")
                self.formats[(num.get(f"{_W}numId"), lvl.get(f"{_W}ilvl"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "%1.")

    def label(self, paragraph) -> str:
        """The list label of a paragraph ("2.", "b)", "-"), or "" when it is not numbered."""
        num = _num_pr(paragraph)
        if num is None or num.numId is None:
            return ""
        key = (str(num.numId.val), str(num.ilvl.val if num.ilvl is not None else 0))
        fmt, text = self.formats.get(key, ("decimal", "%1."))
        if fmt == "bullet":
            return "-"
        n = self.counts[key] = self.counts.get(key, 0) + 1
        for deeper in [k for k in self.counts if k[0] == key[0] and int(k[1]) > int(key[1])]:
            del self.counts[deeper]  # a new item restarts the levels under it
        value = {"lowerLetter": _letters(n), "upperLetter": _letters(n).upper(),
                 "upperRoman": _roman(n), "lowerRoman": _roman(n).lower()}.get(fmt, str(n))
        return text.replace(f"%{int(key[1]) + 1}", value).split("%")[0].strip()


def _num_pr(paragraph):
    """The numbering of a paragraph: its own, or its style's (styles "List Number", ...)."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    style = paragraph.style
    while style is not None:
        spr = style.element.pPr
        if spr is not None and spr.numPr is not None:
            return spr.numPr
        style = style.base_style
    return None


def _cell_lines(cell) -> list[str]:
    """The lines of a table cell: its paragraphs, split at line breaks."""
    return [line.strip() for p in cell.paragraphs for line in p.text.split("\n") if line.strip()]


def _table_lines(table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_lines(cell))
        if any(len(c) > 1 for c in cells):
            lines.extend(line for c in cells for line in c)
        elif any(cells):
            lines.append(" | ".join(c[0] if c else "" for c in cells))
    return lines


def docx_text(data: bytes) -> str:
    """The text of a ``.docx``: one paragraph or table row a line; DocumentError when damaged."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise DocumentError("thiếu thư viện python-docx để đọc .docx", "python-docx missing") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception) as exc:
        raise DocumentError("tệp Word (.docx) bị hỏng, không đọc được nội dung",
                            f"damaged DOCX: {type(exc).__name__}: {exc}") from exc
    numbering = _Numbering(document)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            p = Paragraph(child, document)
            text = p.text.strip()
            if text:
                label = numbering.label(p)
                lines.append(f"{label} {text}" if label else text)
            else:
                lines.append("")
        elif child.tag == f"{_W}tbl":
            lines.extend(_table_lines(Table(child, document)))
            lines.append("")
    return "\n".join(lines)
