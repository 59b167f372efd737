"""Generate a test corpus of administrative documents in PDF, DOCX, HTML and TXT.

    python tests/data/directives/make.py OUT_DIR      # writes the files and .expected.json

The documents are SYNTHETIC test inputs (issuers are real bodies, but numbers, dates, names and
tasks are made up for the tests); they follow the official layout (Nghị định 30/2020/NĐ-CP):
issuing body beside the national motto, number beside place and date, type and summary, numbered
sections, lettered points, dash items, a table, and the signature block. Three files are damaged on
purpose (a cut PDF, a cut DOCX, a PDF without a text layer). ``make`` returns (the command
writes it to ``.expected.json``), per file, the metadata and, per point, a phrase unique to that
point and the path it must be cited with.
Needs fpdf2 and python-docx (test dependencies) and a TrueType font with Vietnamese glyphs (DejaVu).
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
#: (header lines, expected issuer, symbol suffix, place, signature lines)
ISSUERS = [
    (["THỦ TƯỚNG CHÍNH PHỦ"], "Thủ tướng Chính phủ", "TTg", "Hà Nội", ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"]),
    (["CHÍNH PHỦ"], "Chính phủ", "CP", "Hà Nội", ["TM. CHÍNH PHỦ", "THỦ TƯỚNG"]),
    (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH"], "Ủy ban nhân dân tỉnh Quảng Bình", "UBND", "Quảng Bình",
     ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    (["BỘ NỘI VỤ"], "Bộ Nội vụ", "BNV", "Hà Nội", ["BỘ TRƯỞNG"]),
    (["VĂN PHÒNG CHÍNH PHỦ"], "Văn phòng Chính phủ", "VPCP", "Hà Nội",
     ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM"]),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"], "Ủy ban nhân dân thành phố Đà Nẵng", "UBND", "Đà Nẵng",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
]
#: (type line, expected doc_type, symbol)
TYPES = [("CHỈ THỊ", "Chỉ thị", "CT"), ("NGHỊ QUYẾT", "Nghị quyết", "NQ"), ("QUYẾT ĐỊNH", "Quyết định", "QĐ"),
         ("CÔNG ĐIỆN", "Công điện", "CĐ"), ("KẾ HOẠCH", "Kế hoạch", "KH"),
         ("THÔNG BÁO", "Thông báo kết luận", "TB")]
TOPICS = ["đẩy mạnh cải cách thủ tục hành chính", "tăng cường kỷ luật, kỷ cương hành chính",
          "chuyển đổi số trong giải quyết thủ tục hành chính", "nâng cao chỉ số hài lòng của người dân",
          "cải cách tổ chức bộ máy hành chính nhà nước", "xây dựng chính quyền điện tử",
          "đơn giản hóa quy định liên quan đến hoạt động kinh doanh"]
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Hà",
           "Vũ Đức Long", "Đặng Hữu Phúc"]
UNITS = ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố", "Bộ Nội vụ"]
FORMATS = ["pdf", "docx", "html", "txt"]


def spec(i: int) -> dict:
    """The content and expected metadata of directive ``i`` (deterministic)."""
    lines, issuer, suffix, place, sign = ISSUERS[i % len(ISSUERS)]
    type_line, doc_type, symbol = TYPES[i % len(TYPES)]
    topic = TOPICS[i % len(TOPICS)]
    number = f"{i + 3:02d}/{symbol}-{suffix}"
    day, month, year = 1 + (i * 7) % 28, 1 + (i * 5) % 12, 2023 + i % 4
    summary = (f"Kết luận của lãnh đạo tại cuộc họp về {topic}" if doc_type == "Thông báo kết luận"
               else f"Về việc {topic}")
    roman = i % 3 == 0  # every third document has Roman sections above the numbered items
    points, body = [], [f"Thời gian qua, công tác cải cách hành chính đạt nhiều kết quả; văn bản số {i} "
                        f"đề ra các nhiệm vụ sau đây để {topic}."]
    sections = ["I"] if roman else [""]
    for sec in sections:
        if sec:
            body.append(f"{sec}. NHIỆM VỤ TRỌNG TÂM")
        for n, unit in enumerate(UNITS, 1):
            body.append(f"{n}. {unit}:")
            for letter in "abc":
                phrase = f"nhiệm vụ {i}-{n}{letter}"
                body.append(f"{letter}) Thực hiện {phrase} về {topic} trong năm {year}, báo cáo kết quả "
                            f"trước ngày 15 tháng 12;")
                where = f"Mục {sec}.{n}, điểm {letter}" if sec else f"Mục {n}, điểm {letter}"
                points.append({"phrase": phrase, "path": where})
            body.append(f"- Phối hợp triển khai nhiệm vụ {i}-{n} tại các cơ quan, đơn vị.")
    if roman:
        body.append("II. TỔ CHỨC THỰC HIỆN")
        body.append(f"Giao Văn phòng theo dõi, đôn đốc thực hiện văn bản số {i}.")
        points.append({"phrase": f"đôn đốc thực hiện văn bản số {i}.", "path": "Mục II"})
    return {"id": f"vb-{i:02d}", "format": FORMATS[i % len(FORMATS)], "issuer_lines": lines,
            "type_line": type_line, "summary": summary, "place": place, "sign": sign,
            "day": day, "month": month, "year": year, "body": body,
            "table": [["STT", "Chỉ tiêu", f"Năm {year}"], ["1", "Hồ sơ trực tuyến", f"{60 + i}%"],
                      ["2", "Mức độ hài lòng", f"{80 + i % 10}%"]],
            "expected": {"doc_type": doc_type, "number": number, "issuer": issuer,
                         "date": f"{year}-{month:02d}-{day:02d}", "signer": SIGNERS[i % len(SIGNERS)]},
            "points": points}


def header_lines(s: dict) -> tuple[list[str], list[str]]:
    """The left column (issuer, number) and the right column (motto, place and date)."""
    left = [*s["issuer_lines"], "-------", f"Số: {s['expected']['number']}"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
             f"{s['place']}, ngày {s['day']:02d} tháng {s['month']:02d} năm {s['year']}"]
    return left, right


def text_lines(s: dict, columns: bool) -> list[str]:
    """The document as lines of text (``columns``: header columns on one line, tab-separated)."""
    left, right = header_lines(s)
    if columns:
        head = [f"{a}\t\t{b}" for a, b in zip(left + [""] * 4, right + [""] * 4, strict=False) if a or b]
    else:
        head = left + right
    table = [" | ".join(row) for row in s["table"]]
    return [*head, "", s["type_line"], s["summary"], "-----", "", *s["body"], "", *table, "",
            "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", *s["sign"], "(Đã ký)", "", s["expected"]["signer"]]


def write_txt(s: dict, path: Path) -> None:
    path.write_text("\n".join(text_lines(s, columns=s["expected"]["number"][1] in "02468")) + "\n", "utf-8")


def write_html(s: dict, path: Path) -> None:
    left, right = header_lines(s)
    cell = "".join
    rows = cell(f"<tr>{cell(f'<td>{html.escape(c)}</td>' for c in row)}</tr>" for row in s["table"])
    body = cell(f"<p>{html.escape(p)}</p>" for p in s["body"])
    sign = cell(f"<p><b>{html.escape(x)}</b></p>" for x in s["sign"])
    path.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(s['summary'])} - Cổng "
        f"thông tin</title></head><body><nav>Trang chủ | Văn bản</nav><article><table><tr><td>"
        f"{'<br>'.join(map(html.escape, left))}</td><td>{'<br>'.join(map(html.escape, right))}</td></tr>"
        f"</table><h3>{s['type_line']}</h3><p><b>{html.escape(s['summary'])}</b></p>{body}"
        f"<table>{rows}</table>{sign}<p>{html.escape(s['expected']['signer'])}</p></article>"
        f"<footer>Bản quyền thuộc Cổng thông tin điện tử</footer></body></html>", "utf-8")


def write_docx(s: dict, path: Path) -> None:
    import docx

    d = docx.Document()
    left, right = header_lines(s)
    head = d.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "\n".join(left)
    head.cell(0, 1).text = "\n".join(right)
    d.add_paragraph(s["type_line"])
    d.add_paragraph(s["summary"])
    for line in s["body"]:
        d.add_paragraph(line)
    t = d.add_table(rows=len(s["table"]), cols=3)
    for r, row in enumerate(s["table"]):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    sign.cell(0, 1).text = "\n".join([*s["sign"], "(Đã ký)", s["expected"]["signer"]])
    d.save(str(path))


def _font() -> str:
    for folder in FONT_DIRS:
        if (p := Path(folder) / "DejaVuSerif.ttf").is_file():
            return str(p)
    raise FileNotFoundError("no DejaVuSerif.ttf (a font with Vietnamese glyphs) on this machine")


def _pdf():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dv", "", _font())
    pdf.set_font("dv", size=11)
    pdf.add_page()
    return pdf


def write_pdf(s: dict, path: Path) -> None:
    pdf = _pdf()
    left, right = header_lines(s)
    pdf.multi_cell(75, 6, "\n".join(left), align="C", new_x="RIGHT", new_y="TOP")
    pdf.multi_cell(110, 6, "\n".join(right), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, f"{s['type_line']}\n{s['summary']}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "\n".join(s["body"]), new_x="LMARGIN", new_y="NEXT")
    for row in s["table"]:
        pdf.multi_cell(0, 6, " | ".join(row), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "\n".join([*s["sign"], "", s["expected"]["signer"]]), align="R",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


WRITERS = {"pdf": write_pdf, "docx": write_docx, "html": write_html, "txt": write_txt}


def make(out: Path, count: int = 22) -> dict:
    """Write ``count`` directives and 3 damaged files into ``out``; return what each should give."""
    out.mkdir(parents=True, exist_ok=True)
    expected: dict = {"documents": {}, "damaged": {}}
    for i in range(count):
        s = spec(i)
        name = f"{s['id']}.{s['format']}"
        WRITERS[s["format"]](s, out / name)
        expected["documents"][s["id"]] = {"file": name, **s["expected"], "points": s["points"]}
    whole_pdf = (out / "vb-00.pdf").read_bytes()
    (out / "hong-cat-doi.pdf").write_bytes(whole_pdf[: len(whole_pdf) // 3])
    (out / "hong-cat-doi.docx").write_bytes((out / "vb-01.docx").read_bytes()[:900])
    scan = _pdf()
    scan.rect(20, 20, 150, 200)  # a page with a drawing and no text: what a scan looks like to pypdf
    scan.output(str(out / "ban-quet.pdf"))
    expected["damaged"] = {"hong-cat-doi.pdf": "PDF bị hỏng", "hong-cat-doi.docx": ".docx bị hỏng",
                           "ban-quet.pdf": "không có lớp chữ"}
    return expected


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "directives-out")
    result = make(target)
    (target / ".expected.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    print(f"{len(result['documents'])} documents, {len(result['damaged'])} damaged files in {target}")
