"""The chat UI's HTML rendering of answer objects: plain unit tests, no Gradio, no browser."""

from __future__ import annotations

import re

from qa_bot.ui.page import render_document_page
from qa_bot.ui.render import CHAT_ICON, render_chat, render_sources
from qa_bot.ui.text import NOT_FOUND_TITLE, PARTIAL_TITLE, copy_text, split_citations


# -- rendering of answer objects (no browser) -----------------------------------------------------
def citation(n: int, used: bool, title: str = "", text: str = "", **extra) -> dict:
    return {"n": n, "doc_id": f"doc-{n}", "title": title or f"Văn bản {n}", "source": "Báo A",
            "url": f"https://example.vn/{n}", "date": "2024-02-02", "text": text or f"Đoạn văn số {n}.",
            "start": 10 * n, "end": 10 * n + 9, "score": 1.0 / n, "used": used, **extra}


def turn(answer: dict, tid: int = 1) -> dict:
    return {"id": tid, "question": answer["question"], "answer": answer, "filters": "",
            "terms": {"phrases": [], "folded": False}}


PARTIAL = {
    "question": "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến năm 2026?",
    "interpreted_as": "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến năm 2026?",
    "answer": "Tài liệu không có số liệu năm 2026; số liệu gần nhất (năm 2024) là: cung cấp dịch vụ "
              "công trực tuyến 1.818 dịch vụ công/1.876 TTHC. [1] Đạt tỷ lệ 96,81%. [2]",
    "found": False,
    "status": "partial",
    "citations": [citation(1, True, "Nguồn một"), citation(2, True, "Nguồn hai"),
                  citation(3, False, "Đoạn không dùng")],
}
ANSWERED = {**PARTIAL, "status": "answered", "found": True,
            "answer": "Cung cấp 1.818 dịch vụ công trực tuyến. [1] Đạt 96,81%. [2]"}
NOT_FOUND_WITH_RELATED = {
    "question": "Giá vàng SJC hôm nay bao nhiêu?",
    "interpreted_as": "Giá vàng SJC hôm nay bao nhiêu?",
    "answer": "Xin lỗi, các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này.",
    "found": False,
    "status": "not_found",
    "citations": [citation(1, False, "Liên quan một"), citation(2, False, "Liên quan hai")],
}


def _bot_message(html: str) -> str:
    (msg,) = re.findall(r'<div class="qa-msg qa-bot[^"]*"', html)
    return msg


def test_partial_answer_has_its_own_look() -> None:
    html = render_chat([turn(PARTIAL)])
    assert 'class="qa-msg qa-bot qa-partial"' in _bot_message(html)
    assert "qa-notfound" not in html
    assert f'<div class="qa-partial-title">{PARTIAL_TITLE}</div>' in html
    assert NOT_FOUND_TITLE not in html
    # the answer's [n] link to the cited cards; the "Nguồn:" line lists the used citations only
    assert 'href="#src-1-1"' in html and 'href="#src-1-2"' in html
    assert 'href="#src-1-3"' not in html
    full = render_chat([turn(ANSWERED)])
    assert _bot_message(full) == '<div class="qa-msg qa-bot"'
    assert PARTIAL_TITLE not in full and NOT_FOUND_TITLE not in full


def test_not_found_answer_looks_as_before() -> None:
    html = render_chat([turn(NOT_FOUND_WITH_RELATED)])
    assert 'class="qa-msg qa-bot qa-notfound"' in _bot_message(html)
    assert NOT_FOUND_TITLE in html and 'class="qa-nf-tip"' in html
    assert "qa-partial" not in html and 'class="qa-used"' not in html
    # an answer object without status (older clients) falls back on found
    legacy = {k: v for k, v in NOT_FOUND_WITH_RELATED.items() if k != "status"}
    assert "qa-notfound" in _bot_message(render_chat([turn(legacy)]))


def test_sources_split_by_used_flags() -> None:
    panel = render_sources([turn(PARTIAL)])
    cited, _, related = panel.partition('<details class="qa-more">')
    assert "Đoạn liên quan khác (1)" in related
    assert 'id="src-1-1"' in cited and 'id="src-1-2"' in cited and "Đoạn không dùng" not in cited
    assert 'class="qa-card qa-card-extra" id="src-1-3"' in related
    assert split_citations(PARTIAL) == (PARTIAL["citations"][:2], PARTIAL["citations"][2:])
    # the flags decide, not the [n] in the text: a used citation the text does not mark stays cited
    odd = {**ANSWERED, "answer": "Không có dấu trích dẫn."}
    assert 'class="qa-card" id="src-1-2"' in render_sources([turn(odd)])


def test_not_found_related_passages_are_not_shown_as_cited() -> None:
    panel = render_sources([turn(NOT_FOUND_WITH_RELATED)])
    before, _, related = panel.partition('<details class="qa-more">')
    assert 'class="qa-empty"' in before and 'class="qa-card"' not in before
    assert "Đoạn có liên quan (2)" in related
    assert related.count('class="qa-card qa-card-extra"') == 2
    # even if a not-found answer flagged a passage as used, it is shown as related
    flagged = {**NOT_FOUND_WITH_RELATED,
               "citations": [citation(1, True, "Liên quan một")]}
    assert 'class="qa-card qa-card-extra" id="src-1-1"' in render_sources([turn(flagged)])
    assert "Nguồn:" not in copy_text(NOT_FOUND_WITH_RELATED)


def test_copy_text_lists_used_sources() -> None:
    text = copy_text(PARTIAL)
    assert text.startswith(PARTIAL["answer"])
    assert "Nguồn:" in text
    assert "[1] Nguồn một (Báo A, 02/02/2024, https://example.vn/1)" in text
    assert "[2] Nguồn hai" in text and "Đoạn không dùng" not in text


def test_interpreted_as_is_shown_when_it_differs() -> None:
    assert "qa-interp" not in render_chat([turn(ANSWERED)])
    follow = {**ANSWERED, "question": "Còn năm 2023 thì sao?",
              "interpreted_as": "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến năm 2023?"}
    html = render_chat([turn(follow)])
    assert '<div class="qa-interp">Hiểu là: <q>Hà Giang cung cấp' in html
    assert html.index('class="qa-answer"') < html.index('class="qa-interp"')  # under the answer


def test_partial_answer_rendering_escapes_everything() -> None:
    bad = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    answer = {**PARTIAL, "question": bad, "interpreted_as": bad + " khác",
              "answer": f"Tài liệu không có {bad}. [1]",
              "citations": [citation(1, True, bad, bad), citation(2, False, bad, bad,
                                                                   url="javascript:alert(3)")]}
    html = render_chat([turn(answer)]) + render_sources([turn(answer)])
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_welcome_icon_is_an_inline_svg_not_an_emoji() -> None:
    html = render_chat([], n_docs=5, examples=["Câu hỏi?"])
    assert CHAT_ICON in html and "<svg" in html
    # an emoji shows as an empty box on a system without an emoji font
    assert not re.search("[\U0001F300-\U0001FAFF]", html)


def test_document_page_escapes_and_marks_the_passage() -> None:
    doc = {"doc_id": "d", "title": "<b>Tiêu đề</b>", "source": None, "date": "2024-02-02",
           "url": "javascript:x", "text": "Mở đầu <script>alert(1)</script> đoạn trích dẫn. Kết."}
    start = doc["text"].index("đoạn")
    page = render_document_page(doc, start, start + len("đoạn trích dẫn"))
    assert '<mark id="trich-dan">đoạn trích dẫn</mark>' in page
    assert "<script>" not in page and "&lt;script&gt;" in page and "javascript:" not in page
    assert "Không tìm thấy văn bản" in render_document_page(None)
