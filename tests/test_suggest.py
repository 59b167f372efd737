"""Suggested follow-up questions (qa_bot/suggest.py, issue 12): candidates read from the cited
document by simple rules, offered only when the bot answers them from that document."""

from __future__ import annotations

import pytest

from qa_bot import QABot
from qa_bot.followup import MAX_TURNS
from qa_bot.normalize import fold
from qa_bot.suggest import candidates, figure_questions, suggest_followups
from tests.corpus import shipped_bot  # noqa: F401

NINTH = "Phiên họp thứ chín do ai chủ trì?"
NINTH_DOC = "2025-01-16-phien-hop-thu-chin-bcd-cchc"
MEETING = {"title": "Phiên họp thứ chín của Ban Chỉ đạo cải cách hành chính",
           "text": "Chiều ngày 15/1/2025, Ban Chỉ đạo đã tổ chức Phiên họp thứ chín. Phó Thủ tướng chủ trì "
                   "cuộc họp. Phó Thủ tướng yêu cầu các bộ khắc phục hạn chế. Phiên họp được kết nối "
                   "trực tuyến tới 63 địa phương."}


def test_figures_become_questions() -> None:
    text = ("Năm 2020, toàn tỉnh đã tiếp nhận 1.072.639 hồ sơ, cơ bản đã giải quyết đúng hạn. "
            "Phiên họp được kết nối trực tuyến tới 63 địa phương.")
    got = figure_questions(text)
    assert [c.question for c in got] == ["Năm 2020, toàn tỉnh đã tiếp nhận bao nhiêu hồ sơ?",
                                         "Phiên họp được kết nối trực tuyến tới bao nhiêu địa phương?"]
    assert [c.figure for c in got] == ["1.072.639", "63"]
    # a count after another one in its clause gives no question
    assert [c.question for c in figure_questions("Tỉnh đã giảm 13 phòng và 2 chi cục.")] == [
        "Tỉnh đã giảm bao nhiêu phòng?"]


@pytest.mark.parametrize("text", [
    "Chiều ngày 15/1/2025, Ban Chỉ đạo đã tổ chức phiên họp.",         # a date
    "Ban Chỉ đạo đã tổ chức phiên thứ 7 của Ban Chỉ đạo.",             # an ordinal
    "Tỉnh đạt tỷ lệ 96,81% hồ sơ trực tuyến.",                          # a share
    "Chỉ số này là 1 trong 2 đơn vị dẫn đầu toàn quốc.",               # a part, not a count
    "Theo Nghị quyết số 01 của Chính phủ năm 2024 về cải cách.",        # a document number, a year
    "Là 57 nhóm nhiệm vụ.",                                             # no subject of its own
    "Kết quả tinh giản biên chế công chức, viên chức của bộ, ngành, địa phương theo quy định tại "
    "các Nghị định của Chính phủ tổng số là 16.149 người.",             # a list cut in two
])
def test_numbers_that_count_nothing_give_no_question(text: str) -> None:
    assert figure_questions(text) == []


def test_meeting_candidates() -> None:
    alone = [c.question for c in candidates(MEETING)]
    assert alone[:2] == ["Ai chủ trì phiên họp thứ chín?",
                         "Phiên họp được kết nối trực tuyến tới bao nhiêu địa phương?"]
    assert "Phiên họp thứ chín yêu cầu những gì?" in alone
    assert "Phiên họp thứ chín chỉ ra những hạn chế gì?" in alone
    assert not any("nhiệm vụ" in q for q in alone)  # the document sets no task
    # once the conversation talks of the meeting, the questions refer back to it
    follow = [c.question for c in candidates(MEETING, conversation=NINTH)]
    assert "Ai chủ trì phiên họp đó?" in follow and "Phiên họp đó yêu cầu những gì?" in follow
    assert candidates({"title": "Giá vàng", "text": "Giá vàng tăng."}) == []


def test_suggestions_are_answered_from_the_cited_document(shipped_bot: QABot) -> None:  # noqa: F811
    first = shipped_bot.ask(NINTH).to_dict()
    got = suggest_followups(shipped_bot, [first])
    assert 2 <= len(got) <= 3, got
    assert fold(NINTH) not in {fold(q) for q in got}
    history = [{"question": first["question"], "answer": first["answer"]}]
    answers = set()
    for q in got:
        a = shipped_bot.ask(q, history=history)
        assert a.status == "answered", q
        assert [c.hit.document.doc_id for c in a.citations if c.used][0] == NINTH_DOC
        assert a.answer != first["answer"]  # it says something new
        answers.add(a.answer)
    assert len(answers) == len(got)


def test_suggestions_are_bounded_and_need_a_cited_document(shipped_bot: QABot) -> None:  # noqa: F811
    first = shipped_bot.ask(NINTH).to_dict()
    assert len(suggest_followups(shipped_bot, [first], max_checks=1)) <= 1
    assert suggest_followups(shipped_bot, [first], budget=0) == []
    assert suggest_followups(shipped_bot, []) == []
    nothing = shipped_bot.ask("Giá vé máy bay từ Paris đi Tokyo hôm nay là bao nhiêu?").to_dict()
    assert nothing["status"] == "not_found"
    assert suggest_followups(shipped_bot, [first, nothing]) == []
    # a long conversation: only the last turns are sent as history (no InputError)
    assert len(suggest_followups(shipped_bot, [first] * (MAX_TURNS + 3))) >= 1
