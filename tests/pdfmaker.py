"""A directive as a ~2 MB PDF with a Vietnamese text layer, written by the tests themselves
(fpdf2 with the DejaVu Sans TrueType font; a scanned-stamp-like noise image brings it to size).
Used by the management tests and ``benchmarks/upload.py``; no binary file is kept in the repo."""

from __future__ import annotations

import io
import random
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
#: The fact the uploaded directive holds, and a question only it answers.
FACT = ("Ủy ban nhân dân tỉnh Điện Biên phấn đấu đến hết năm 2027 có 87% hồ sơ thủ tục hành chính "
        "được số hóa và ký số kết quả giải quyết.")
QUESTION = "Điện Biên phấn đấu bao nhiêu phần trăm hồ sơ thủ tục hành chính được số hóa?"
#: About what the text pages and the embedded font subset take in the file.
TEXT_PART_BYTES = 40_000
TITLE = "Chỉ thị về đẩy mạnh số hóa hồ sơ thủ tục hành chính tỉnh Điện Biên"
DATE = "2026-04-15"

_TASKS = [
    "Các sở, ban, ngành rà soát, cắt giảm thành phần hồ sơ, thời gian giải quyết thủ tục hành chính.",
    "Trung tâm Phục vụ hành chính công tỉnh công khai tiến độ giải quyết hồ sơ trên Cổng dịch vụ công.",
    "Ủy ban nhân dân cấp huyện bố trí cán bộ hướng dẫn người dân nộp hồ sơ trực tuyến.",
    "Sở Thông tin và Truyền thông bảo đảm hạ tầng kết nối, an toàn thông tin cho hệ thống.",
    "Sở Nội vụ đưa kết quả cải cách hành chính vào đánh giá, xếp loại cán bộ cuối năm.",
]


def available() -> bool:
    """True when fpdf2, Pillow and the font are there (the tests skip, saying why, otherwise)."""
    try:
        import fpdf  # noqa: F401
        import PIL  # noqa: F401
    except ImportError:
        return False
    return FONT.is_file()


def directive_text(sections: int = 12) -> list[str]:
    """The directive's paragraphs: header, numbered sections of tasks, the fact in section 2."""
    out = ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "Số: 07/CT-UBND", "Điện Biên, ngày 15 tháng 4 năm 2026",
           "CHỈ THỊ", "Về việc đẩy mạnh số hóa hồ sơ thủ tục hành chính"]
    for i in range(1, sections + 1):
        out.append(f"{i}. Nhiệm vụ nhóm {i}")
        if i == 2:
            out.append(FACT)
        for j, task in enumerate(_TASKS):
            out.append(f"{'abcde'[j]}) {task} Thời hạn hoàn thành trong quý {1 + (i + j) % 4} năm 2026.")
    out.append("CHỦ TỊCH")
    return out


def make_directive_pdf(path: Path, target_bytes: int = 2_000_000, sections: int = 12) -> Path:
    """Write the directive to ``path`` as a PDF of about ``target_bytes`` (text layer, then an
    incompressible image for the rest of the size); returns ``path``."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for para in directive_text(sections):
        pdf.multi_cell(0, 7, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    side = max(16, int((max(0, target_bytes - TEXT_PART_BYTES) / 3) ** 0.5))
    rng = random.Random(7)
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)
    pdf.add_page()
    pdf.image(buf, x=10, y=10, w=120)
    path.write_bytes(bytes(pdf.output()))
    return path


__all__ = ["DATE", "FACT", "QUESTION", "TITLE", "available", "directive_text", "make_directive_pdf"]
