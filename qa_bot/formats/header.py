"""Metadata of a Vietnamese administrative document, read from its own header and signature.

The official layout (Nghị định 30/2020/NĐ-CP) puts, in two columns at the top, the issuing body
and the national motto, then the number and symbol ("Số: 05/CT-TTg") beside the place and date
("Hà Nội, ngày 15 tháng 01 năm 2025"), then the document type and its summary ("CHỈ THỊ" /
"Về việc ..."), and at the end the signer's position ("KT. THỦ TƯỚNG" / "PHÓ THỦ TƯỚNG") above
the signer's name. Text extracted from PDF, DOCX, HTML or typed in a ``.txt`` puts the two
columns one after the other or on one line separated by tabs or runs of spaces; both are read.

Nothing is guessed: a field the text does not give is None.

    >>> h = parse_header("THỦ TƯỚNG CHÍNH PHỦ\\nSố: 05/CT-TTg\\nHà Nội, ngày 15 tháng 01 năm 2025\\n"
    ...                  "CHỈ THỊ\\nVề việc tăng cường kỷ luật")
    >>> h.doc_type, h.number, h.issuer, h.date
    ('Chỉ thị', '05/CT-TTg', 'Thủ tướng Chính phủ', '2025-01-15')
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

#: Document types by the word on their own line in the header.
TYPES = {
    "CHỈ THỊ": "Chỉ thị", "NGHỊ QUYẾT": "Nghị quyết", "QUYẾT ĐỊNH": "Quyết định",
    "CÔNG ĐIỆN": "Công điện", "KẾ HOẠCH": "Kế hoạch", "THÔNG BÁO": "Thông báo",
    "NGHỊ ĐỊNH": "Nghị định", "THÔNG TƯ": "Thông tư", "LUẬT": "Luật", "BÁO CÁO": "Báo cáo",
    "KẾT LUẬN": "Kết luận", "HƯỚNG DẪN": "Hướng dẫn", "CHƯƠNG TRÌNH": "Chương trình",
    "QUY ĐỊNH": "Quy định", "ĐỀ ÁN": "Đề án", "TỜ TRÌNH": "Tờ trình", "QUY CHẾ": "Quy chế",
}
#: Document types by the symbol in the number ("05/CT-TTg" -> CT), used when no type line is found.
SYMBOLS = {
    "CT": "Chỉ thị", "NQ": "Nghị quyết", "QĐ": "Quyết định", "CĐ": "Công điện", "KH": "Kế hoạch",
    "TB": "Thông báo", "NĐ": "Nghị định", "TT": "Thông tư", "BC": "Báo cáo", "KL": "Kết luận",
    "HD": "Hướng dẫn", "CTr": "Chương trình",
}
_TYPE_LINE = re.compile(r"^(" + "|".join(sorted(TYPES, key=len, reverse=True)) + r")(?:\s+HỎA TỐC)?\s*:?$")
_NATIONAL = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
                       r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
                       r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.IGNORECASE)
_NUMBER = re.compile(r"^Số\s*[:.]?\s*(\d{1,5}[a-zA-Z]?(?:\s*/\s*|-(?=[^\W\d_]))[\w./\-]*\w)", re.IGNORECASE)
_ABOUT = re.compile(r"^V/v\s*[:.]?\s*(.+)$", re.IGNORECASE)  # "V/v đôn đốc ...": the subject of a Công văn
_DATE = re.compile(r"^(?:(\w[^\d,]{0,38}?)\s*,\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
                   r"\W{0,3}$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\W_]*$")
_SPLIT = re.compile(r"\t+|\s{3,}|\s+\|\s+")
_POSITION = re.compile(
    r"^(?:(?:KT|TM|TL|TUQ|Q)\s*\.\s*)?(?:PHÓ\s+)?(?:THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CHỦ\s+TỊCH|"
    r"CHÁNH\s+VĂN\s+PHÒNG|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|BÍ\s+THƯ|TỔNG\s+BÍ\s+THƯ|CHỦ\s+NHIỆM|"
    r"VỤ\s+TRƯỞNG|CỤC\s+TRƯỞNG|ỦY\s+BAN|UBND|CHÍNH\s+PHỦ|BAN\s+|VĂN\s+PHÒNG|BỘ\s+)")
_UP, _LOW = "A-ZĐÀ-ỸÂĂÊÔƠƯ", "a-zđà-ỹâăêôơư"
_NAME = re.compile(rf"^[{_UP}][{_LOW}]*(?:\s+[{_UP}][{_LOW}]*){{1,5}}$")
_UPPER_NAME = re.compile(rf"^[{_UP}]+(?:\s+[{_UP}]+){{1,5}}$")
_SIGNED = re.compile(r"^[(\[]?\s*(đã\s+ký|ký\s+tên|ký|chữ\s+ký|daky|signed)[^)\]]*[)\]]?$", re.IGNORECASE)
#: Upper-case phrases of issuing bodies and their usual spelling.
_PHRASES = (
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"), ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("CHÍNH PHỦ", "Chính phủ"), ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"), ("UBND", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"), ("HĐND", "HĐND"), ("BAN CHỈ ĐẠO", "Ban Chỉ đạo"),
    ("BỘ CHÍNH TRỊ", "Bộ Chính trị"), ("QUỐC HỘI", "Quốc hội"), ("TỈNH ỦY", "Tỉnh ủy"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"), ("VIỆT NAM", "Việt Nam"),
)
_PLACES = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")
_NAMED = ("BỘ", "SỞ", "TỔNG CỤC", "CỤC", "VỤ", "VIỆN", "ỦY BAN")  # followed by a proper name
_INCOMPLETE = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "UBND", "HĐND")


@dataclass
class Header:
    """What the header and the signature say; None for what they do not."""

    doc_type: str | None = None
    kind: str | None = None  # the type word as written on the type line or implied by the symbol
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: str | None = None
    summary: str | None = None
    signer: str | None = None
    official: bool = False  # the text has the header of an administrative document

    @property
    def title(self) -> str | None:
        """"Chỉ thị 05/CT-TTg về việc ...", from the fields found; None without type or summary."""
        parts = [p for p in (self.kind, self.number) if p]
        if self.summary:
            s = self.summary
            parts.append(s[0].lower() + s[1:] if parts and not s[:2].isupper() else s)
        return " ".join(parts) if parts and (self.kind or self.summary) else None


def segments(text: str) -> list[str]:
    """Lines of ``text`` with columns (tabs, runs of 3+ spaces, " | ") split apart; blank
    lines kept as ""."""
    out: list[str] = []
    for line in text.replace("\r", "\n").split("\n"):
        parts = [p.strip() for p in _SPLIT.split(line.strip())]
        out.extend(p for p in parts if p) if line.strip() else out.append("")
    return out


def vn_case(upper: str) -> str:
    """The usual spelling of an upper-case body name: "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH" ->
    "Ủy ban nhân dân tỉnh Quảng Bình", "BỘ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Bộ Kế hoạch và Đầu tư"."""
    words = upper.replace("UỶ", "ỦY").split()
    out: list[str] = []
    i, cap_next, place = 0, False, False
    while i < len(words):
        rest = " ".join(words[i:])
        if cap_next:  # the first word of a name, or the word after "và" / "-" in one
            out.append(words[i].capitalize())
            cap_next = False
            i += 1
            continue
        hit = next(((u, p) for u, p in _PHRASES if rest == u or rest.startswith(u + " ")), None)
        if hit and not place:
            out.append(hit[1])
            i += len(hit[0].split())
            cap_next = False
            continue
        unit = next((u for u in _PLACES if rest == u or rest.startswith(u + " ")), None)
        if unit and not place:
            out.append(unit.lower())
            i += len(unit.split())
            place = True
            continue
        named = next((u for u in _NAMED if rest.startswith(u + " ")), None)
        if named and not place:
            out.append(named.capitalize())
            i += len(named.split())
            cap_next = True
            continue
        w = words[i]
        if place:
            out.append(w.capitalize())
        else:
            out.append(w.lower())
        cap_next = w in ("VÀ", "-", "–") and bool(out) and not place
        i += 1
    text = " ".join(out)
    return text[0].upper() + text[1:] if text else text


def _is_upper(s: str) -> bool:
    return any(c.isalpha() for c in s) and s == s.upper()


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        d = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return d.isoformat() if 1900 <= d.year <= 2100 else None


def _issuer(lines: list[str]) -> str | None:
    """The issuing body from the upper-case lines above the motto, number and type lines."""
    if not lines:
        return None
    if len(lines) >= 2 and (lines[0] in _INCOMPLETE or lines[1].startswith((*_PLACES, "CỦA"))):
        return vn_case(f"{lines[0]} {lines[1]}")
    return vn_case(lines[-1])


def _summary(segs: list[str], start: int) -> str | None:
    """The summary lines right after the type line, joined."""
    got: list[str] = []
    for s in segs[start : start + 6]:
        if not s:
            if got:
                break
            continue
        if (_SEPARATOR.match(s) or _is_upper(s) or s.startswith(("Căn cứ", "Kính gửi"))
                or len(s) > 300 or _DATE.match(s) or _NUMBER.match(s)
                or got and not s[0].islower()):  # a wrapped summary goes on in lower case
            break
        got.append(s)
        if s.endswith((".", ":")) or len(got) == 3:
            break
    text = " ".join(got).strip(" .:")
    return text or None


def parse_signer(text: str) -> str | None:
    """The signer's name: the first name-like line after the last position line ("KT. THỦ
    TƯỚNG", "PHÓ THỦ TƯỚNG", "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH") near the end of the text."""
    segs = [s for s in segments(text[-4000:]) if s]
    found = None
    for i, s in enumerate(segs):
        if not (_is_upper(s) and _POSITION.match(s)):
            continue
        for t in segs[i + 1 : i + 6]:
            if _SIGNED.match(t) or (_is_upper(t) and _POSITION.match(t)):
                continue
            if _NAME.match(t):
                found = t
            elif _UPPER_NAME.match(t) and not _POSITION.match(t) and not t.startswith((*_PLACES, *_NAMED)):
                found = " ".join(w.capitalize() for w in t.split())
            break
    return found


#: Labels of the property tables government portals print above or beside a document's text.
_PROPERTIES = {"số ký hiệu": "number", "số hiệu": "number", "ngày ban hành": "date", "loại văn bản": "kind",
               "cơ quan ban hành": "issuer", "người ký": "signer", "trích yếu": "summary"}
_PROPERTY = re.compile(r"^(" + "|".join(_PROPERTIES) + r")\s*:?\s*(.*)$", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_properties(text: str) -> dict[str, str]:
    """Fields of a portal's property table ("Số ký hiệu | 05/CT-TTg", "Ngày ban hành: 15/01/2025",
    the value beside its label or on the next line)."""
    segs = [x for x in segments(text[:8000]) if x]
    out: dict[str, str] = {}
    for i, seg in enumerate(segs):
        if not (m := _PROPERTY.match(seg)):
            continue
        value = m.group(2).strip() or (segs[i + 1] if i + 1 < len(segs) else "")
        if not value or _PROPERTY.match(value):
            continue
        key = _PROPERTIES[m.group(1).lower()]
        if key == "date":
            d = _DMY.match(value)
            value = _iso(d.group(1), d.group(2), d.group(3)) if d else ""
        elif key == "kind":
            value = TYPES.get(value.upper(), value if value[:1].isupper() and len(value) < 40 else "")
        if value:
            out.setdefault(key, value)
    return out


def parse_header(text: str, head_lines: int = 60) -> Header:
    """The header fields of ``text`` (and the signer when the text has an official header)."""
    h = Header()
    segs = segments(text[:6000])[:head_lines]
    top: list[str] = []  # upper-case lines before the first motto / number / type / date line
    type_at = None
    for i, s in enumerate(segs):
        if not s or _SEPARATOR.match(s):
            continue
        if _NATIONAL.search(s):  # the motto column: beside, not below, the issuer
            h.official = True
            continue
        if h.number is None and (m := _NUMBER.match(s)):
            h.number = re.sub(r"\s+", "", m.group(1)).rstrip(".-/")
            top.append("|")
            continue
        if h.summary is None and (m := _ABOUT.match(s)):
            h.summary = m.group(1).strip(" .")
            continue
        if h.date is None and (m := _DATE.match(s)):
            h.date = _iso(*m.group(2, 3, 4))
            h.place = m.group(1).strip() if m.group(1) else None
            top.append("|")
            continue
        if (m := _TYPE_LINE.match(s)) and type_at is None:
            h.kind = TYPES[m.group(1)]
            type_at = i
            break
        if _is_upper(s) and len(s) <= 80:
            top.append(s)
        elif i > 12:
            break
    first = top[: top.index("|")] if "|" in top else ([] if type_at is None else top)
    h.issuer = _issuer(first) if (h.official or h.number or type_at is not None) else None
    if type_at is not None:
        h.summary = _summary(segs, type_at + 1)
    if h.kind is None and h.number and (sym := re.search(r"[/-]([^\W\d_]+)(?:[-/]|$)", h.number)):
        h.kind = SYMBOLS.get(sym.group(1)) or SYMBOLS.get(sym.group(1).upper())
    if h.kind is None and h.summary and h.number:  # "Số: 123/BNV-CCHC" above "V/v ...": a letter
        h.kind = "Công văn"
        h.summary = f"về việc {h.summary}" if not h.summary.lower().startswith("về") else h.summary
    props = parse_properties(text) if not (h.number and h.issuer) else {}
    if len(props) >= 2:  # a portal's property table: what the header did not give
        h.official = True
        for key, value in props.items():
            if getattr(h, key) is None:
                setattr(h, key, value)
    h.doc_type = h.kind
    if h.kind == "Thông báo" and h.summary and h.summary.lower().startswith("kết luận"):
        h.doc_type = "Thông báo kết luận"
    h.official = h.official or bool(h.number) or type_at is not None and bool(h.issuer)
    if h.official and h.signer is None:  # the signature comes after the type line, never in the header
        after = text.find(segs[type_at]) + len(segs[type_at]) if type_at is not None else 0
        h.signer = parse_signer(text[max(after, 0) :])
    return h


__all__ = ["SYMBOLS", "TYPES", "Header", "parse_header", "parse_properties", "parse_signer", "segments",
           "vn_case"]
