"""The "Tài liệu" tab's HTML (no browser): every value escaped, links relative, delete buttons only
for the admin."""

from __future__ import annotations

from qa_bot.ui.library import render_library

EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
DOCS = [
    {"doc_id": "a\"><script>x</script>", "title": EVIL, "doc_type": EVIL, "number": "05/CT-TTg",
     "date": "2026-04-15", "chunks": 3},
    {"doc_id": "b", "title": "Bài báo", "doc_type": None, "number": None, "date": None, "chunks": 2},
]
SKIPPED = [{"file": EVIL + ".pdf", "reason": EVIL}]


def test_everything_escaped_and_counted() -> None:
    html = render_library(DOCS, SKIPPED, admin=True, notice=EVIL)
    assert "<script" not in html and "<img" not in html
    assert "2 văn bản, 5 đoạn." in html and "1 tệp không đọc được" in html
    assert 'href="api/documents/a%22%3E%3Cscript%3Ex%3C%2Fscript%3E/file"' in html
    assert "15/04/2026" in html and "05/CT-TTg" in html
    assert html.index('data-doc="a&quot;&gt;') < html.index('data-doc="b"')  # newest first


def test_delete_buttons_only_for_the_admin() -> None:
    assert render_library(DOCS, [], admin=True).count('class="qa-doc-delete"') == 2
    assert "qa-doc-delete" not in render_library(DOCS, [], admin=False)
