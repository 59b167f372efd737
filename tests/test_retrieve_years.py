"""The years a document is about, computed for a whole corpus at once (``title_years``, used by
``Retriever.about_year``) as for one document (``document_years``): titles with years, ranges,
dates, numbers that only look like years, and publication early in a year."""

from __future__ import annotations

from qa_bot.models import Document
from qa_bot.retrieve import document_years, title_years

TITLES = [
    ("Phiên họp thứ chín năm 2024 của Ban Chỉ đạo", "2025-02-20"),
    ("Kế hoạch cải cách hành chính giai đoạn 2021-2025", "2021-06-01"),
    ("91/2015/QH13, Điều 664", None),
    ("Công văn ngày 15/1/2025 về dịch vụ công", "2025-01-16"),
    ("Tăng 12% so với năm 2019", "2020-05-05"),
    ("Từ năm 2018 đến nay", "2023-11-30"),
    ("Mã 120151 và 20150", None),
    ("Không có năm\nnào 2023", "2023-03-31"),
    ("", None),
]


def test_title_years_agree_with_document_years() -> None:
    docs = [Document(doc_id=f"d{i}", title=t, text="", date=d) for i, (t, d) in enumerate(TITLES)]
    named = title_years(docs)
    for i, doc in enumerate(docs):
        from_titles = {y for y, ids in named.items() if i in ids}
        early = doc.year is not None and int(doc.date[5:7]) <= 3
        from_dates = {doc.year, doc.year - 1} if early else ({doc.year} if doc.year else set())
        assert from_titles | from_dates == document_years(doc), doc.title
    assert named[2024] == [0, 1] and named[2023] == [1, 5, 7] and named[2025] == [1, 3]
    # "91/2015/QH13" names no year; "so với năm 2019" only compares with it
    assert 2015 not in named and named[2019] == [5]
