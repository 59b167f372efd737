"""``history`` of ``POST /api/ask`` (issue 12, docs/contract.md): the earlier turns of a conversation,
sent with each question (the server keeps no session); limits and malformed history answered 422 with
a Vietnamese message; the limits declared in the OpenAPI description. Against a real server."""

from __future__ import annotations

import httpx
import pytest

from qa_bot.followup import MAX_ANSWER_CHARS, MAX_TURNS

NINTH = "Phiên họp thứ chín do ai chủ trì?"
FOLLOW_UP = "Phiên đó đánh giá những hạn chế gì?"
NINTH_DOC = "2025-01-16-phien-hop-thu-chin-bcd-cchc"
HA_GIANG = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"
TURN = {"question": NINTH, "answer": "Phó Thủ tướng thường trực Trương Hòa Bình chủ trì cuộc họp. [1]"}


def ask(client: httpx.Client, question: str, history: object = None, **extra) -> httpx.Response:
    body = {"question": question, **extra}
    if history is not None:
        body["history"] = history
    return client.post("/api/ask", json=body)


def test_two_turn_exchange_reads_the_follow_up_in_context(client: httpx.Client) -> None:
    first = ask(client, NINTH)
    assert first.status_code == 200, first.text
    one = first.json()
    assert one["interpreted_as"] == NINTH and "Trương Hòa Bình" in one["answer"]

    # the first answer object is sent back as it came (extra keys such as citations are allowed)
    second = ask(client, FOLLOW_UP, [one])
    assert second.status_code == 200, second.text
    two = second.json()
    assert two["question"] == FOLLOW_UP
    assert two["interpreted_as"] != FOLLOW_UP
    assert "thứ chín" in two["interpreted_as"]
    assert two["status"] == "answered"
    assert [c["doc_id"] for c in two["citations"] if c["used"]][0] == NINTH_DOC

    # stateless: the same question without its history is read alone, by any replica
    alone = ask(client, FOLLOW_UP).json()
    assert alone["interpreted_as"] == FOLLOW_UP


@pytest.mark.parametrize("history", [
    [],
    None,
    [TURN],
    [{"question": NINTH, "answer": "", "status": "answered", "citations": [], "found": True}],
    [TURN] * MAX_TURNS,
    [{"question": NINTH, "answer": "x" * MAX_ANSWER_CHARS}],
], ids=["empty", "null", "one", "extra-keys", "at-most-turns", "longest-answer"])
def test_valid_history(client: httpx.Client, history: list | None) -> None:
    r = client.post("/api/ask", json={"question": HA_GIANG, "history": history})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["status"] == "answered" and a["interpreted_as"] == HA_GIANG  # a complete question


def test_history_with_filters_and_top_k(client: httpx.Client) -> None:
    r = ask(client, FOLLOW_UP, [TURN], top_k=2, filters={"year": 2025})
    assert r.status_code == 200, r.text
    a = r.json()
    assert len(a["citations"]) <= 2 and all(c["date"].startswith("2025") for c in a["citations"])


@pytest.mark.parametrize(("history", "words"), [
    ([TURN] * (MAX_TURNS + 1), ["quá dài", f"{MAX_TURNS + 1} lượt", f"tối đa {MAX_TURNS} lượt"]),
    ([TURN, {"question": NINTH, "answer": "x" * (MAX_ANSWER_CHARS + 1)}],
     ["lượt 2", "quá dài", f"{MAX_ANSWER_CHARS + 1} ký tự", f"tối đa {MAX_ANSWER_CHARS} ký tự"]),
    ([{"question": "x" * 2001, "answer": "a"}], ["lượt 1", "quá dài", "2000"]),
], ids=["too-many-turns", "answer-too-long", "question-too-long"])
def test_history_over_the_limits(client: httpx.Client, history: list, words: list[str]) -> None:
    r = ask(client, FOLLOW_UP, history)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    for w in words:
        assert w in error, error


MALFORMED = [
    ("phiên họp thứ chín", "danh sách"),
    ({"question": NINTH, "answer": "..."}, "danh sách"),
    (42, "danh sách"),
    ([NINTH], "lượt 1"),
    ([None], "lượt 1"),
    ([TURN, {"question": NINTH}], "lượt 2"),
    ([{"answer": "..."}], "lượt 1"),
    ([{"question": 9, "answer": "..."}], "lượt 1"),
    ([{"question": NINTH, "answer": ["a", "b"]}], "lượt 1"),
    ([{"question": "   ", "answer": "..."}], "câu hỏi trống"),
]


@pytest.mark.parametrize(("history", "words"), MALFORMED, ids=[str(i) for i in range(len(MALFORMED))])
def test_malformed_history(client: httpx.Client, history: object, words: str) -> None:
    r = ask(client, FOLLOW_UP, history)
    assert r.status_code == 422, r.text
    body = r.json()
    assert set(body) <= {"error", "detail"}
    assert "lịch sử hội thoại" in body["error"].lower() and words in body["error"], body["error"]


def test_openapi_declares_the_history_limits(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    history = schemas["AskRequest"]["properties"]["history"]
    array = next(s for s in history.get("anyOf", [history]) if s.get("type") == "array")
    assert array["maxItems"] == MAX_TURNS
    turn = schemas[array["items"]["$ref"].rsplit("/", 1)[-1]]
    assert set(turn["required"]) == {"question", "answer"}
    assert turn["properties"]["answer"]["maxLength"] == MAX_ANSWER_CHARS
    assert turn.get("additionalProperties") is True  # an answer object can be fed back
    assert history["description"]
