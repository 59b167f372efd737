"""The documents a question cites by their source (qa_bot.cited)."""

from __future__ import annotations

from qa_bot import QABot
from qa_bot.cited import SourceNames, source_keys
from qa_bot.models import Document


def _doc(doc_id: str, source: str | None) -> Document:
    return Document(doc_id=doc_id, title="t", text="x", source=source)


def test_a_source_is_cited_by_its_name_initials_or_site() -> None:
    assert source_keys(_doc("a", "Báo Hà Giang (baohagiang.vn)")) == {"bao ha giang", "bhg", "baohagiang"}
    assert source_keys(_doc("b", "QBĐT")) == {"qbdt"}
    assert source_keys(_doc("c", None)) == set() and source_keys(_doc("d", "null")) == set()


def test_a_cited_name_narrows_to_its_documents_and_leaves_no_place_behind() -> None:
    names = SourceNames([_doc("hg", "Báo Hà Giang (baohagiang.vn)"), _doc("qb", "QBĐT"),
                         _doc("bt", "Sở Công Thương Bến Tre (sct@bentre.gov.vn)")])
    text, ids = names.cited("Phương châm năm 2023 được nêu trong bài của Báo Hà Giang là gì?")
    assert ids == ["hg"] and "Hà Giang" not in text
    text, ids = names.cited("Theo bai tren bao Quang Binh (QBDT), tinh da giam nhung don vi nao?")
    assert ids == ["qb"] and "Quang Binh" not in text
    text, ids = names.cited("Theo bài của Sở Công Thương Bến Tre, năm 2024 tinh giản bao nhiêu người?")
    assert ids == ["bt"] and "Bến Tre" not in text
    plain = "Hà Giang cung cấp bao nhiêu dịch vụ công?"
    assert names.cited(plain) == (plain, [])


def test_questions_citing_the_shipped_articles_by_source(shipped_bot: QABot) -> None:
    """"bài của Báo Hà Giang", "báo Quảng Bình (QBĐT)", "bài của Sở Công Thương Bến Tre": the
    publisher's province is no place constraint, the article cited answers."""
    a = shipped_bot.ask("Phương châm năm 2023 của Chính phủ được nêu trong bài của Báo Hà Giang là gì?")
    assert a.status == "answered" and "Đoàn kết kỷ cương" in a.answer
    a = shipped_bot.ask("Theo bai tren bao Quang Binh (QBDT), tu nam 2016 den nay tinh da giam "
                        "nhung phong, ban, don vi nao?")
    assert a.status == "answered" and "13 phòng, ban thuộc sở" in a.answer
    a = shipped_bot.ask("Theo bài của Sở Công Thương Bến Tre, năm 2024 cả nước tinh giản biên chế "
                        "tổng cộng bao nhiêu người?")
    assert a.status == "answered" and "16.149" in a.answer, a.answer
