"""Questions about a directive itself and its own points (qa_bot.particulars, points.directive_points),
on a real index over a directive written as a text file in the official layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa_bot import QABot

DIRECTIVE = """BỘ NỘI VỤ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
-------\t\tĐộc lập - Tự do - Hạnh phúc
Số: 06/CĐ-BNV\t\t---------------
\t\tHà Nội, ngày 22 tháng 04 năm 2026

CÔNG ĐIỆN
Về việc nâng cao chỉ số hài lòng của người dân
-----

Để nâng cao chỉ số hài lòng của người dân, Bộ Nội vụ đề nghị:
1. Các bộ, cơ quan ngang bộ:
a) Rà soát, cắt giảm thủ tục hành chính nội bộ trước ngày 30 tháng 6;
b) Công khai kết quả giải quyết hồ sơ trên Cổng dịch vụ công quốc gia;
2. Ủy ban nhân dân các tỉnh, thành phố:
a) Tổ chức đo lường sự hài lòng của người dân tại bộ phận một cửa cấp xã;
b) Thực hiện nhiệm vụ 2-2b về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính;
3. Bộ Nội vụ:
a) Hướng dẫn phương pháp đo lường chỉ số hài lòng;
b) Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả trong tháng 12.

Nơi nhận:
- Như trên;
- Lưu: VT.

BỘ TRƯỞNG
(Đã ký)

Phạm Quốc Dũng
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> QABot:
    root = tmp_path_factory.mktemp("particulars")
    docs = root / "documents"
    docs.mkdir()
    (docs / "cong-dien-06.txt").write_text(DIRECTIVE, encoding="utf-8")
    for src in sorted(Path("documents").glob("*.md"))[:2]:  # articles beside it
        (docs / src.name).write_text(src.read_text("utf-8"), encoding="utf-8")
    return QABot.from_directory(docs, index=root / "index")


def _text(answer: str) -> str:
    return re.sub(r"\s\[\d+\]", "", answer)


@pytest.mark.parametrize("question, expected", [
    ("Ai ký Công điện 06/CĐ-BNV?", "BỘ TRƯỞNG (Đã ký) Phạm Quốc Dũng"),
    ("ai ky cong dien 06", "Phạm Quốc Dũng"),
    ("Công điện 06/CĐ-BNV ban hành ngày nào?", "Hà Nội, ngày 22 tháng 04 năm 2026"),
    ("Cơ quan nào ban hành Công điện 06?", "BỘ NỘI VỤ"),
])
def test_who_signed_when_and_by_whom_from_the_lines_that_say_it(bot: QABot, question: str,
                                                                 expected: str) -> None:
    a = bot.ask(question)
    assert a.status == "answered" and expected in _text(a.answer), a.answer
    assert a.citations[0].used and a.citations[0].hit.document.number == "06/CĐ-BNV"


def test_the_points_of_the_unit_the_question_names(bot: QABot) -> None:
    a = bot.ask("Công điện 06/CĐ-BNV yêu cầu Bộ Nội vụ làm gì?")
    text = _text(a.answer)
    assert a.status == "answered" and "Hướng dẫn phương pháp đo lường" in text
    assert "Tổng hợp, báo cáo" in text
    assert "Rà soát, cắt giảm" not in text and "Nơi nhận" not in text
    assert {c.hit.passage.path for c in a.citations if c.used} == {"Mục 3, điểm a", "Mục 3, điểm b"}


def test_every_point_when_no_unit_is_named_and_one_point_when_its_code_is(bot: QABot) -> None:
    a = bot.ask("Công điện 06/CĐ-BNV yêu cầu những gì?")
    assert a.status == "answered" and a.answer.count("\n- ") + 1 == 5, a.answer  # top_k=5 citations
    assert "(Còn 1 ý khác" in a.answer
    one = bot.ask("Công điện 06 yêu cầu gì về nhiệm vụ 2-2b?")
    expected = "- b) Thực hiện nhiệm vụ 2-2b về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"
    assert _text(one.answer) == expected


def test_an_article_question_is_not_taken_for_a_directive_one(bot: QABot) -> None:
    a = bot.ask("Ai ký Chỉ thị 99/CT-TTg?")
    assert a.status != "answered"
