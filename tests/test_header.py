"""The header of Vietnamese administrative documents in the layouts they come in (issue 11).

Layouts follow Nghị định 30/2020/NĐ-CP; names, numbers and dates here are made up for the tests.
"""

from __future__ import annotations

import pytest

from qa_bot.formats.header import parse_header, parse_signer

CONG_DIEN = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 10/CĐ-TTg
Hà Nội, ngày 5 tháng 2 năm 2025

CÔNG ĐIỆN
Về việc tập trung giải quyết thủ tục hành chính
-----------
THỦ TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng các Bộ;
1. Các bộ khẩn trương rà soát.
Nơi nhận:
- Như trên;
THỦ TƯỚNG



Nguyễn Văn An
"""
QUYET_DINH = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1291 /QĐ-TTg\tHà Nội, ngày 07 tháng 10 năm 2019
QUYẾT ĐỊNH
Ban hành Kế hoạch cải cách hành chính nhà nước
giai đoạn 2021 - 2025
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
(Đã ký)
TRẦN VĂN BÊ
"""
CONG_VAN = """BỘ NỘI VỤ
-------
Số: 123/BNV-CCHC
V/v đôn đốc thực hiện cải cách hành chính
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 4 năm 2024
Kính gửi: Các bộ, ngành.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Thị Châu
"""
KE_HOACH = """UBND TỈNH HÀ GIANG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 45/KH-UBND\t\tHà Giang, ngày 20 tháng 02 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
I. MỤC ĐÍCH
"""
PARTY = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 18-NQ/TW\tĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 25 tháng 10 năm 2017
NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ SÁU
"""
DRAFT = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số:      /KH-UBND\tQuảng Trị, ngày      tháng     năm 2025
KẾ HOẠCH
Về việc kiểm tra công tác cải cách hành chính
"""


@pytest.mark.parametrize(("text", "fields"), [
    (CONG_DIEN, ("Công điện", "10/CĐ-TTg", "Thủ tướng Chính phủ", "2025-02-05", "Nguyễn Văn An",
                 "Công điện 10/CĐ-TTg về việc tập trung giải quyết thủ tục hành chính")),
    (QUYET_DINH, ("Quyết định", "1291/QĐ-TTg", "Thủ tướng Chính phủ", "2019-10-07", "Trần Văn Bê",
                  "Quyết định 1291/QĐ-TTg ban hành Kế hoạch cải cách hành chính nhà nước "
                  "giai đoạn 2021 - 2025")),
    (CONG_VAN, ("Công văn", "123/BNV-CCHC", "Bộ Nội vụ", "2024-04-12", "Lê Thị Châu",
                "Công văn 123/BNV-CCHC về việc đôn đốc thực hiện cải cách hành chính")),
    (KE_HOACH, ("Kế hoạch", "45/KH-UBND", "UBND tỉnh Hà Giang", "2024-02-20", None,
                "Kế hoạch 45/KH-UBND cải cách hành chính năm 2024")),
    (PARTY, ("Nghị quyết", "18-NQ/TW", "Ban Chấp hành Trung ương", "2017-10-25", None,
             "Nghị quyết 18-NQ/TW")),
    (DRAFT, ("Kế hoạch", None, "Ủy ban nhân dân tỉnh Quảng Trị", None, None,
             "Kế hoạch về việc kiểm tra công tác cải cách hành chính")),
], ids=["cong-dien", "quyet-dinh", "cong-van", "ke-hoach-2-cot", "dang", "du-thao-chua-so"])
def test_header_layouts(text: str, fields: tuple) -> None:
    h = parse_header(text)
    assert (h.doc_type, h.number, h.issuer, h.date, h.signer, h.title) == fields


def test_no_signer_is_invented() -> None:
    assert parse_signer("Nơi nhận:\n- Như trên;\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n") is None
    assert parse_signer("Bài viết về cải cách hành chính.\nTheo Báo Chính phủ") is None


def test_portal_property_table() -> None:
    """A government portal's page: the fields come from its property table."""
    from qa_bot.clean import html_to_text

    page = ("<h1>Chỉ thị về việc đẩy mạnh cải cách hành chính</h1><table>"
            "<tr><td>Số ký hiệu</td><td>05/CT-TTg</td></tr><tr><td>Ngày ban hành</td><td>15/01/2025</td></tr>"
            "<tr><td>Loại văn bản</td><td>Chỉ thị</td></tr>"
            "<tr><td>Cơ quan ban hành</td><td>Thủ tướng Chính phủ</td></tr>"
            "<tr><td>Người ký</td><td>Nguyễn Văn An</td></tr></table><p>1. Các bộ rà soát thủ tục.</p>")
    h = parse_header(html_to_text(page)[0])
    assert (h.doc_type, h.number, h.issuer, h.date, h.signer) == (
        "Chỉ thị", "05/CT-TTg", "Thủ tướng Chính phủ", "2025-01-15", "Nguyễn Văn An")
