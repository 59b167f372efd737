"""The chat UI and ``/docs`` work under the server's Content-Security-Policy (issue 10): the page
loads, answers, shows its sources, with no CSP violation and no script error in the browser
console; a page of another origin cannot frame it."""

from __future__ import annotations

from tests.ui.conftest import HA_GIANG, TIMEOUT_MS, ask, expect

CSP_WORDS = ("Content Security Policy", "Content-Security-Policy", "Refused to")


def _watch(page) -> list[str]:
    """Console lines and page errors about CSP or scripts, collected as the page runs."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if any(w in m.text for w in CSP_WORDS) else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    return problems


def test_chat_ui_works_under_the_csp(browser, server_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    problems = _watch(page)
    response = page.goto(server_url + "/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    page.wait_for_selector("#qa-question textarea")
    ask(page, HA_GIANG)
    expect(page.locator(".qa-bot .qa-answer").last).to_contain_text("1.818")
    expect(page.locator("#src-1-1")).to_be_visible()
    page.wait_for_timeout(500)
    docs = ctx.new_page()
    problems += _watch(docs)
    docs.goto(server_url + "/docs")
    expect(docs.locator(".swagger-ui .title").first).to_be_visible()
    ctx.close()
    assert problems == [], problems


def test_ui_cannot_be_framed_by_another_origin(browser, server_url: str) -> None:
    ctx = browser.new_context()
    page = ctx.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.set_content(f'<iframe id="f" src="{server_url}/" width="600" height="400"></iframe>')
    page.wait_for_timeout(3000)
    frame = page.frame_locator("#f")
    assert frame.locator("#qa-question").count() == 0  # nothing of the UI rendered inside the frame
    ctx.close()
    assert any("frame" in m.lower() for m in messages), messages
