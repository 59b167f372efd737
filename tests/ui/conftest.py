"""Browser fixtures of the UI tests: headless Chromium (the Debian ``chromium`` package, launched
by Playwright through ``executable_path``; no browser is ever downloaded), a page on the chat UI,
and :func:`ask`. Tests using them are marked ``slow`` and ``browser`` (``tests/conftest.py``) and are
skipped, saying why, when Chromium or Playwright is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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


__all__ = ["CHROMIUM", "HA_GIANG", "TIMEOUT_MS", "ask", "expect"]
