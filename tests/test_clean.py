from pathlib import Path

import pytest

from qa_bot.clean import clean_page, html_to_text
from qa_bot.documents import DocumentError, load_directory, load_file, parse_front_matter

PAGE = """  • EMAIL:
    sct@example.gov.vn
  • ĐIỆN THOẠI:
    0275.3822 365- 3822 251
.
Phiên họp thứ mười của Ban Chỉ đạo cải cách hành chính
20:40, Thứ Tư, 03/03/2021 (GMT+7)

Chiều 5-3, Ban Chỉ đạo họp phiên thứ mười. Phiên họp kết nối tới 63 địa phương.

Toàn cảnh buổi làm việc
Toàn cảnh buổi làm việc

Đại biểu dự họp tại điểm cầu tỉnh (Ảnh: Kim Tuyền)

Năm nay, Ban Chỉ đạo thống nhất tập trung ưu tiên nguồn lực đẩy mạnh số hóa hồ sơ, kết quả giải
quyết thủ tục hành chính.

Nguồn Báo Mẫu: https://example.vn/bai-viet-1/

Ngọc Mai

Viết bình luận mới
thăm dò ý kiến
Theo bạn, điều gì có thể giữ chân người tài?
THÔNG TIN CẦN BIẾT
Nhiều mây, có mưa, gió tây nam cấp 3.
"""


def test_clean_page_drops_chrome_and_keeps_article() -> None:
    text, meta = clean_page(PAGE)
    assert "EMAIL" not in text and "sct@" not in text and "3822" not in text
    assert "Toàn cảnh buổi làm việc" not in text  # caption printed twice
    assert "Ảnh" not in text
    assert "bình luận" not in text and "thăm dò" not in text and "Nhiều mây" not in text
    assert "kết nối tới 63 địa phương" in text
    # a sentence broken across lines is joined again
    assert "kết quả giải quyết thủ tục hành chính." in text
    assert meta.date == "2021-03-03"
    assert meta.url == "https://example.vn/bai-viet-1/"
    assert meta.source == "Báo Mẫu"
    assert meta.author == "Ngọc Mai"
    assert not any(line.strip() in {".", ","} for line in text.splitlines())


def test_txt_and_html_loaded_with_same_cleanup(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    html = "<html><head><title>T</title><script>var x=1;</script></head><body>" + "".join(
        f"<p>{line}</p>" for line in PAGE.splitlines()
    ) + "</body></html>"
    (tmp_path / "b.html").write_text(html, encoding="utf-8")
    (tmp_path / "README.md").write_text("not a document", encoding="utf-8")
    docs = load_directory(tmp_path)
    assert [d.doc_id for d in docs] == ["a", "b"]
    a, b = docs
    assert a.title == "Phiên họp thứ mười của Ban Chỉ đạo cải cách hành chính"
    assert a.text.startswith("Chiều 5-3")
    assert a.date == "2021-03-03" and a.url == "https://example.vn/bai-viet-1/"
    assert "var x" not in b.text and "63 địa phương" in b.text and b.date == "2021-03-03"


def test_html_to_text_skips_scripts() -> None:
    text, title = html_to_text("<title>Tiêu đề</title><p>Xin <b>chào</b></p><script>alert(1)</script>")
    assert "alert" not in text and "Xin chào" in text and title == "Tiêu đề"


def test_front_matter_parsing_and_nulls(tmp_path: Path) -> None:
    meta, body = parse_front_matter("---\ntitle: \"Tên: có dấu hai chấm\"\nurl: null\n---\nThân bài.")
    assert meta == {"title": "Tên: có dấu hai chấm", "url": None} and body == "Thân bài."
    p = tmp_path / "x.md"
    p.write_text("---\ntitle: A\ndate: 03/02/2023\n---\nB.", encoding="utf-8")
    with pytest.raises(DocumentError, match="YYYY-MM-DD"):
        load_file(p)
    p.write_text("---\ntitle: A\nkhông có dấu hai chấm\n---\nB.", encoding="utf-8")
    with pytest.raises(DocumentError, match="key: value"):
        load_file(p)


def test_shipped_documents_have_real_metadata() -> None:
    docs = {d.doc_id: d for d in load_directory(Path(__file__).parent.parent / "documents")}
    assert len(docs) == 5
    hg = docs["2024-02-02-bcd-cchc-trien-khai-nhiem-vu-nam-2024"]
    assert hg.url and hg.url.startswith("http://baohagiang.vn/")
    assert all(d.date and d.title for d in docs.values())
    # no field is invented: the articles without a link in their text have none
    assert docs["2023-02-03-phien-hop-thu-ba-bcd-cchc"].url is None
    for d in docs.values():
        assert "Viết bình luận" not in d.text and "THÔNG TIN CẦN BIẾT" not in d.text
        assert "EMAIL" not in d.text
