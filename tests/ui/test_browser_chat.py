"""A conversation in the chat UI, in headless Chromium against a real ``qa-bot serve`` (issue 12):
the second question is read with the first ("Hiểu là: ..." under its answer), suggested follow-up
questions appear and answer when clicked, and "Cuộc trò chuyện mới" forgets the conversation."""

from __future__ import annotations

from tests.ui.conftest import ask, expect

NINTH = "Phiên họp thứ chín do ai chủ trì?"
FOLLOW_UP = "Phiên đó đánh giá những hạn chế gì?"
NINTH_DOC = "2025-01-16-phien-hop-thu-chin-bcd-cchc"


def test_two_turn_conversation_shows_how_the_follow_up_was_read(page_at, server_url: str) -> None:
    page = page_at(server_url)
    ask(page, NINTH)
    first = page.locator(".qa-turn").nth(0)
    expect(first.locator(".qa-answer")).to_contain_text("Trương Hòa Bình")
    expect(first.locator(".qa-interp")).to_have_count(0)  # a standalone question

    # follow-up suggestions about the cited document, each one the bot answers
    suggestions = page.locator("button.qa-followup:visible")
    expect(suggestions.first).to_be_visible()
    assert 2 <= suggestions.count() <= 3, suggestions.all_inner_texts()
    expect(page.get_by_text("Hỏi tiếp về văn bản này")).to_be_visible()

    ask(page, FOLLOW_UP)
    second = page.locator(".qa-turn").nth(1)
    expect(second.locator(".qa-user .qa-bubble")).to_have_text(FOLLOW_UP)
    interp = second.locator(".qa-interp")
    expect(interp).to_be_visible()
    expect(interp).to_contain_text("Hiểu là:")
    expect(interp.locator("q")).to_contain_text("Phiên họp thứ chín")
    assert second.locator(".qa-bot").get_attribute("data-status") == "answered"
    expect(page.locator(".qa-sources > .qa-card").first).to_have_attribute("data-doc", NINTH_DOC)
    # under the answer, not above it (both measured at once: the conversation may be scrolling)
    below = second.evaluate("""(turn) => {
        const a = turn.querySelector('.qa-answer').getBoundingClientRect();
        return turn.querySelector('.qa-interp').getBoundingClientRect().top - a.bottom;
    }""")
    assert below >= -1, below

    # a suggestion, clicked, is asked with the conversation and answered
    expect(page.locator("button.qa-followup:visible").first).to_be_visible()
    text = page.locator("button.qa-followup:visible").first.inner_text().strip()
    page.locator("button.qa-followup:visible").first.click()
    expect(page.locator(".qa-turn")).to_have_count(3)
    third = page.locator(".qa-turn").nth(2)
    expect(third.locator(".qa-user .qa-bubble")).to_have_text(text)
    assert third.locator(".qa-bot").get_attribute("data-status") == "answered"

    # a new conversation: no turns, no suggestions, and the follow-up is read alone again
    page.locator("#qa-new").click()
    expect(page.locator(".qa-turn")).to_have_count(0)
    expect(page.locator("button.qa-followup:visible")).to_have_count(0)
    ask(page, FOLLOW_UP)
    expect(page.locator(".qa-turn").nth(0).locator(".qa-interp")).to_have_count(0)
    assert page.dialogs == []
