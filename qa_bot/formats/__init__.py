"""Document formats: which format a file is, from its content, and its text.

    kind = sniff(data, ".pdf")        # "pdf", "docx", "html", "md" or "txt"; DocumentError if damaged
    text = extract(kind, data)        # plain text, one paragraph a line (pdf and docx)

One module per format: :mod:`.pdf` (pypdf), :mod:`.docx` (python-docx); HTML and text go through
:mod:`qa_bot.clean`. :mod:`.header` reads an administrative document's metadata from its text,
:mod:`.structure` its Phần / Chương / Mục / Điều / khoản / điểm.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import DocumentError

#: Extensions of document files, by format.
EXTENSIONS = {".md": "md", ".txt": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sniff(data: bytes, suffix: str) -> str:
    """The format of a file's bytes: PDF and DOCX by their content whatever the extension
    (``%PDF``; a ZIP holding ``word/document.xml``); a ``.pdf`` or ``.docx`` whose content is
    not that format is damaged (DocumentError); other files by their extension."""
    suffix = suffix.lower()
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return "docx"
        if suffix == ".docx":
            raise DocumentError("tệp .docx bị hỏng (không mở được như tài liệu Word)",
                                "damaged DOCX: not a readable ZIP with word/document.xml")
        raise DocumentError("là tệp nén ZIP, không phải tài liệu Word (.docx)", "a ZIP file, not DOCX")
    if suffix == ".pdf":
        raise DocumentError("tệp .pdf bị hỏng hoặc không phải PDF (không có dấu hiệu %PDF ở đầu tệp)",
                            "damaged PDF: no %PDF signature")
    if suffix == ".docx":
        raise DocumentError("tệp .docx bị hỏng hoặc không phải tài liệu Word", "damaged DOCX: not a ZIP file")
    return EXTENSIONS.get(suffix, "txt")


def extract(kind: str, data: bytes) -> str:
    """The text of a PDF or DOCX file (DocumentError when damaged)."""
    if kind == "pdf":
        from .pdf import pdf_text

        return pdf_text(data)
    if kind == "docx":
        from .docx import docx_text

        return docx_text(data)
    raise ValueError(f"not a binary format: {kind}")


__all__ = ["EXTENSIONS", "extract", "sniff"]
