"""Text of a PDF with a text layer (pypdf), page by page.

A scanned PDF (no text layer) is refused with a message saying OCR is needed; an encrypted or
damaged file is refused with its reason. Marks written as combining characters are composed (NFC)
by the caller, as for every format.
"""

from __future__ import annotations

import io
import logging

from ..errors import DocumentError

#: Fewer letters than this per page on average: a scanned PDF without a usable text layer.
MIN_LETTERS_PER_PAGE = 20


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by a blank line; DocumentError when unreadable."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise DocumentError("thiếu thư viện pypdf để đọc PDF (pip install pypdf)", "pypdf missing") from exc
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about damaged parts
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise DocumentError("tệp PDF có mật khẩu, không đọc được", "encrypted PDF") from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many kinds on damaged files
        raise DocumentError("tệp PDF bị hỏng, không đọc được nội dung",
                            f"damaged PDF: {type(exc).__name__}: {exc}") from exc
    if not pages:
        raise DocumentError("tệp PDF không có trang nào (có thể bị hỏng)", "PDF without pages")
    letters = sum(sum(c.isalpha() for c in p) for p in pages)
    if letters < MIN_LETTERS_PER_PAGE * len(pages):
        raise DocumentError("tệp PDF không có lớp chữ (bản quét); cần nhận dạng chữ (OCR) trước khi "
                            "đưa vào, ví dụ bằng tesseract với gói tiếng Việt (tesseract-ocr-vie)",
                            "PDF without a text layer (scanned); OCR not available")
    return "\n\n".join(p.strip("\n") for p in pages)
