"""The whole chat UI end to end in headless Chromium (Debian ``chromium`` driven by Playwright),
against a real ``qa-bot serve``; and the API's ``/docs`` page rendered in the same browser.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium`` via ``executable_path``
(fixtures in ``tests/ui/conftest.py``). The browser tests are skipped, saying why, when Chromium or
Playwright is missing.
"""

from __future__ import annotations

import re

from tests.ui.conftest import HA_GIANG, TIMEOUT_MS, ask, expect


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
            `#qa-chat ${sel}, #qa-sources-panel ${sel}, #qa-followups ${sel}`).length;
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


LONG_ANSWER = "Phiên họp năm 2024 của Ban Chỉ đạo yêu cầu những gì?"


def test_long_answer_keeps_its_question_in_view(page_at, server_url: str) -> None:
    """After a long answer the conversation shows the question and the start of the answer, not
    the end of the answer."""
    page = page_at(server_url, width=390, height=844)
    expect(page.locator(".qa-welcome-icon svg")).to_be_visible()
    ask(page, HA_GIANG)
    ask(page, LONG_ANSWER)
    page.wait_for_timeout(300)
    box = page.evaluate("""() => {
        const log = document.querySelector('#qa-chat .qa-log');
        const turn = log.querySelector('.qa-turn:last-of-type');
        const q = turn.querySelector('.qa-user').getBoundingClientRect();
        const l = log.getBoundingClientRect();
        return {logTop: l.top, logBottom: l.bottom, qTop: q.top, qBottom: q.bottom,
                turnHeight: turn.getBoundingClientRect().height, logHeight: log.clientHeight,
                scrolled: log.scrollTop};
    }""")
    assert box["turnHeight"] > box["logHeight"], f"the answer is not long enough to test scrolling: {box}"
    assert box["scrolled"] > 0, box
    assert box["logTop"] - 1 <= box["qTop"] and box["qBottom"] <= box["logBottom"] + 1, box


def test_long_question_is_refused_with_a_message_not_cut(page_at, server_url: str) -> None:
    page = page_at(server_url)
    question = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến? " * 50  # 2,600 characters
    box = page.locator("#qa-question textarea")
    box.fill(question)
    assert len(box.input_value()) == len(question) > 2000  # not cut at 2,000
    expect(page.locator("#qa-limit")).to_contain_text("quá giới hạn 2.000 ký tự")
    box.press("Enter")
    alert = page.locator(".qa-alert[role='alert']").first  # the page's own pop-up (unqueued events)
    expect(alert).to_contain_text(f"Câu hỏi quá dài ({len(question)} ký tự)")
    expect(alert.locator(".qa-alert-title")).to_have_text("Chưa thể hỏi")  # not Gradio's "Error"
    expect(page.locator(".qa-turn")).to_have_count(0)
    box.fill("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?")
    expect(page.locator("#qa-limit")).to_have_text("")
    assert page.dialogs == []


def test_api_docs_page_renders(browser, server_url: str) -> None:
    """``/docs`` renders the OpenAPI 3.1 description (the Swagger UI it bundled before could not),
    from files served by qa-bot itself."""
    ctx = browser.new_context()
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server_url + "/docs")
    expect(page.locator(".opblock-summary-path").first).to_be_visible(timeout=TIMEOUT_MS)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert {"/api/ask", "/api/search", "/api/documents", "/healthz"} <= set(paths)
    assert page.locator("text=Unable to render").count() == 0
    assert all(u.startswith((server_url, "data:")) for u in requests), "a request left the server"
    ctx.close()
