"""Tests of the chat UI: its HTML rendering of answer objects (plain unit tests), and the whole UI
end to end in headless Chromium (Debian ``chromium`` driven by Playwright).

Playwright never downloads a browser here: it launches ``/usr/bin/chromium`` via ``executable_path``.
The browser tests are skipped, saying why, when Chromium or Playwright is missing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from qa_bot.ui.render import render_chat, render_sources
from qa_bot.ui.text import NOT_FOUND_TITLE, PARTIAL_TITLE, copy_text, split_citations

try:
    from playwright import sync_api
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover
    sync_api = expect = None

CHROMIUM = os.environ.get("QA_BOT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HA_GIANG = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"
TIMEOUT_MS = 20_000


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
    assert '<div class="qa-interp">Hiểu câu hỏi là: <q>Hà Giang cung cấp' in html


def test_partial_answer_rendering_escapes_everything() -> None:
    bad = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    answer = {**PARTIAL, "question": bad, "interpreted_as": bad + " khác",
              "answer": f"Tài liệu không có {bad}. [1]",
              "citations": [citation(1, True, bad, bad), citation(2, False, bad, bad,
                                                                   url="javascript:alert(3)")]}
    html = render_chat([turn(answer)]) + render_sources([turn(answer)])
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# -- the UI in headless Chromium ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    if sync_api is None:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page_at(browser):
    """``page_at(url, width=1280)``: a fresh page on the UI, ready for input; records dialogs."""
    contexts = []

    def open_page(url: str, width: int = 1280, height: int = 900):
        ctx = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        ctx.set_default_timeout(TIMEOUT_MS)
        contexts.append(ctx)
        page = ctx.new_page()
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(url + "/")
        page.wait_for_selector("#qa-question textarea")
        return page

    yield open_page
    for ctx in contexts:
        ctx.close()


def ask(page, question: str) -> None:
    turns = page.locator(".qa-turn").count()
    box = page.locator("#qa-question textarea")
    box.fill(question)
    box.press("Enter")
    expect(page.locator(".qa-turn")).to_have_count(turns + 1)


def test_seed_question_answer_and_source(page_at, server_url: str) -> None:
    page = page_at(server_url)
    expect(page.locator(".qa-header h1")).to_have_text("Trợ lý hỏi đáp Cải cách hành chính")
    ask(page, HA_GIANG)
    answer = page.locator(".qa-bot .qa-answer").last
    expect(answer).to_contain_text("1.818")
    expect(page.locator(".qa-user .qa-bubble").last).to_have_text(HA_GIANG)
    expect(page.locator("#qa-question textarea")).to_have_value("")

    # the sources panel: title, publisher, date, highlighted words, link to the original
    card = page.locator("#src-1-1")
    expect(card.locator(".qa-card-title")).to_have_text(
        "Ban Chỉ đạo Cải cách hành chính của Chính phủ triển khai nhiệm vụ năm 2024")
    expect(card.locator(".qa-meta")).to_contain_text("Báo Hà Giang (baohagiang.vn)")
    expect(card.locator(".qa-meta time")).to_have_text("02/02/2024")
    expect(card.locator(".qa-passage")).to_contain_text("1.818 dịch vụ công")
    assert card.locator(".qa-passage mark").count() >= 2
    marked = " ".join(card.locator(".qa-passage mark").all_inner_texts()).lower()
    assert "dịch vụ công" in marked
    original = card.locator("a.qa-ext")
    assert original.get_attribute("href").startswith("http://baohagiang.vn/")
    assert original.get_attribute("rel") == "noopener noreferrer"
    assert original.get_attribute("target") == "_blank"

    # the [1] marker leads to the card
    page.locator(".qa-answer a.qa-cite").first.click()
    expect(card).to_have_class(re.compile(r"qa-flash"))
    expect(card).to_be_in_viewport()

    # open the source: the full document with the cited passage marked
    with page.context.expect_page() as popup:
        card.locator("a.qa-open").click()
    doc = popup.value
    doc.wait_for_load_state()
    assert "/tai-lieu/2024-02-02-bcd-cchc-trien-khai-nhiem-vu-nam-2024" in doc.url
    expect(doc.locator("h1")).to_have_text(
        "Ban Chỉ đạo Cải cách hành chính của Chính phủ triển khai nhiệm vụ năm 2024")
    expect(doc.locator("mark#trich-dan")).to_contain_text("1.818 dịch vụ công/1.876 TTHC")
    assert page.dialogs == []


def test_examples_filters_not_found_and_copy(page_at, server_url: str) -> None:
    page = page_at(server_url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url)
    examples = page.locator("button.qa-example")
    assert examples.count() >= 3
    examples.filter(has_text="Phiên họp thứ ba").click()
    expect(page.locator(".qa-turn")).to_have_count(1)
    expect(page.locator(".qa-bot .qa-answer").last).to_contain_text("63 địa phương")
    expect(page.locator(".qa-card").first).to_contain_text("Phiên họp thứ ba")

    # copy button: the answer and its sources go to the clipboard
    copy = page.locator("button.qa-copy").last
    copy.click()
    expect(copy).to_have_text("Đã sao chép ✓")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "63 địa phương" in copied and "Nguồn:" in copied

    # year filter: 2021 has no answer to the Hà Giang question -> a clear message
    page.locator("#qa-year input").click()
    page.get_by_role("option", name="2021").click()
    ask(page, HA_GIANG)
    last = page.locator(".qa-bot").last
    if "qa-notfound" in (last.get_attribute("class") or ""):
        expect(last).to_contain_text("Không tìm thấy câu trả lời")
        expect(last.locator(".qa-nf-tip")).to_contain_text("năm 2021")
    for date in page.locator(".qa-sources > .qa-card time").all_inner_texts():
        assert date.endswith("2021")

    # nothing in the documents: a clear message, no sources
    page.locator("#qa-year input").click()
    page.get_by_role("option", name="Tất cả các năm").click()
    ask(page, "Giá vé máy bay từ Paris đi Tokyo hôm nay là bao nhiêu?")
    last = page.locator(".qa-bot").last
    expect(last).to_have_class(re.compile(r"qa-notfound"))
    expect(last).to_contain_text("Không tìm thấy câu trả lời trong tài liệu")
    expect(page.locator(".qa-sources > .qa-empty")).to_be_visible()

    # empty question: a Vietnamese error, no new turn
    page.locator("#qa-question textarea").fill("   ")
    page.locator("#qa-send").click()
    expect(page.get_by_text("Câu hỏi trống").first).to_be_visible()
    expect(page.locator(".qa-turn")).to_have_count(3)

    page.locator("#qa-new").click()
    expect(page.locator(".qa-turn")).to_have_count(0)
    expect(page.locator(".qa-welcome")).to_be_visible()
    assert page.dialogs == []


def test_phone_width(page_at, server_url: str) -> None:
    page = page_at(server_url, width=390, height=844)
    ask(page, HA_GIANG)
    expect(page.locator(".qa-bot .qa-answer").last).to_contain_text("1.818")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"horizontal scroll at 390 px: {overflow} px"
    chat = page.locator("#qa-chat").bounding_box()
    sources = page.locator("#qa-sources-panel").bounding_box()
    assert chat["width"] <= 390 and sources["width"] <= 390
    assert sources["y"] > chat["y"]  # stacked, not squeezed side by side
    send = page.locator("#qa-send").bounding_box()
    assert send["x"] + send["width"] <= 390


def test_html_in_documents_and_questions_shows_as_text(page_at, xss_server_url: str) -> None:
    page = page_at(xss_server_url)
    ask(page, "Trung tâm phục vụ hành chính công đã tiếp nhận bao nhiêu hồ sơ trực tuyến?")
    answer = page.locator(".qa-bot .qa-answer").last
    expect(answer).to_contain_text("1.234 hồ sơ trực tuyến <script>alert(1)</script>")
    card = page.locator(".qa-card").first
    expect(card.locator(".qa-card-title")).to_have_text(
        'Thử nghiệm hiển thị <script>alert("tieu-de")</script> văn bản <i>nghiêng</i>')
    expect(card.locator(".qa-meta")).to_contain_text("Tổ kiểm thử <b>giao diện</b>")
    passage = card.locator(".qa-passage")
    expect(passage).to_contain_text("<script>alert(1)</script>")
    expect(passage).to_contain_text("<b>html</b>")
    expect(passage).to_contain_text('<img src=x onerror="alert(2)">')
    expect(passage).to_contain_text("**bold**")
    expect(passage).to_contain_text("[liên kết](javascript:alert(3))")
    # a javascript: URL in the metadata is not turned into a link
    assert card.locator("a.qa-ext").count() == 0

    # a user's question with HTML and Markdown is shown as typed
    typed = 'Hồ sơ <img src=x onerror="alert(9)"> **đậm** <b>x</b> trực tuyến?'
    ask(page, typed)
    expect(page.locator(".qa-user .qa-bubble").last).to_have_text(typed)

    injected = page.evaluate("""() => {
        const q = (sel) => document.querySelectorAll(
            `#qa-chat ${sel}, #qa-sources-panel ${sel}`).length;
        return {script: q('script'), img: q('img'), b: q('b'), i: q('i'), strong: q('strong'),
                js_links: q('a[href^="javascript"]'), onerror: q('[onerror]')};
    }""")
    assert injected == {"script": 0, "img": 0, "b": 0, "i": 0, "strong": 0, "js_links": 0, "onerror": 0}
    page.wait_for_timeout(300)
    assert page.dialogs == [], f"a dialog was opened: {page.dialogs}"

    # the document page shows the same text, escaped
    with page.context.expect_page() as popup:
        card.locator("a.qa-open").click()
    doc = popup.value
    doc.wait_for_load_state()
    expect(doc.locator("article.text")).to_contain_text("<script>alert(1)</script>")
    assert doc.locator("article.text script, article.text b, article.text img").count() == 0
    assert page.dialogs == []
