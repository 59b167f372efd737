"""A document file's bytes as text: encoding detection, binary refusal, control characters.

UTF-8 (with or without a BOM, or cut inside its last character) is read as is, UTF-16 and
UTF-32 by their BOM. Any other bytes go to
charset-normalizer; of the encodings it finds plausible, the one whose text reads most like
Vietnamese wins (Windows-1258 text, whose tones are combining marks, would otherwise pass for HP
Roman-8). Known binary formats (PDF, Word, images, programs) and bytes that decode to mostly
control characters are refused; NUL and other control characters are removed from text.

    text, encoding = decode(path.read_bytes())   # DocumentError (Vietnamese) when not text
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .errors import DocumentError

#: Leading bytes of binary formats people drop into a documents folder, with what to tell them.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "nén ZIP (Word .docx, Excel .xlsx...)"),
    (b"\xd0\xcf\x11\xe0", "Office cũ (.doc, .xls)"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF8", "ảnh GIF"),
    (b"\x7fELF", "chương trình (ELF)"),
    (b"MZ\x90\x00", "chương trình Windows"),
    (b"\x1f\x8b", "nén gzip"),
    (b"Rar!", "nén RAR"),
    (b"7z\xbc\xaf", "nén 7z"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
#: Control characters removed from text (tab, line feed and carriage return stay), BOMs inside.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_DELETE = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                         0xFEFF, 0xFFFE, 0xFFFF])
#: Above this share of control characters among the non-blank ones (and more than
#: ``MIN_CONTROLS`` of them), the content is not text. NULs alone are padding, not binary.
MAX_CONTROL_SHARE = 0.05
MIN_CONTROLS = 8
_SAMPLE = 1 << 20
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for tone in _TONES
) | frozenset("bcdđghklmnpqrstvxfjwzBCDĐGHKLMNPQRSTVXFJWZ")


def vietnamese_share(text: str) -> float:
    """Share of the letters of ``text`` (its first megabyte) that belong to Vietnamese writing."""
    letters = [c for c in unicodedata.normalize("NFC", text[:_SAMPLE]) if c.isalpha()]
    return sum(c in _VIETNAMESE for c in letters) / len(letters) if letters else 0.0


def _not_text(reason: str, detail: str) -> DocumentError:
    return DocumentError(f"không phải văn bản ({reason})", f"not text: {detail}")


def _detect(data: bytes) -> tuple[str, str]:
    """Text and encoding from charset-normalizer's candidates, the most Vietnamese-looking first."""
    from charset_normalizer import from_bytes  # only files that are not UTF-8 need it

    best: tuple[float, int, str] | None = None
    for rank, match in enumerate(from_bytes(data)):
        share = vietnamese_share(data[:_SAMPLE].decode(match.encoding, errors="ignore"))
        if best is None or share > best[0]:
            best = (share, rank, match.encoding)
    if best is None:
        raise _not_text("không nhận ra bảng mã; có thể là tệp nhị phân",
                        "charset-normalizer found no plausible encoding")
    return data.decode(best[2], errors="replace"), best[2]


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file's bytes and the encoding read; control characters removed.
    :class:`DocumentError` (Vietnamese) when the bytes are not text."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise _not_text(f"tệp {kind}; hãy lưu nội dung thành .txt hoặc .md",
                            f"binary signature {signature!r}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _clean(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise _not_text(f"có dấu {encoding.upper()} nhưng nội dung hỏng",
                                f"{encoding} BOM, then {exc.reason}") from exc
    if b"\x00" in data:  # text with stray NULs or NUL padding, UTF-16 without a BOM, or binary
        try:
            return _clean(data.replace(b"\x00", b"").decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _detect(data)
            return _clean(text), encoding
    try:
        return _clean(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # UTF-8 cut inside its last character
            return _clean(data[: exc.start].decode("utf-8")), "utf-8"
    text, encoding = _detect(data)
    return _clean(text), encoding


def _clean(text: str) -> str:
    """``text`` without control characters; DocumentError when they are a large part of it."""
    controls = len(CONTROL.findall(text[:_SAMPLE]))
    if controls:
        visible = len(text[:_SAMPLE]) - sum(text[:_SAMPLE].count(c) for c in " \t\n\r")
        if controls > max(MIN_CONTROLS, MAX_CONTROL_SHARE * visible):
            raise _not_text("tệp nhị phân: nhiều ký tự điều khiển",
                            f"{controls} control characters in the first {len(text[:_SAMPLE])}")
        text = text.translate(_DELETE)  # (re.sub would list every piece between them first)
    return text


__all__ = ["CONTROL", "SIGNATURES", "decode", "vietnamese_share"]
