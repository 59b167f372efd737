"""The fast lane (:mod:`qa_bot.web.fastlane`) answers ``POST /api/ask`` and ``GET /healthz`` as the
FastAPI routes do: the same application with and without it, in process, over the shipped corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from qa_bot import QABot
from qa_bot.web import create_app
from qa_bot.web.fastlane import FastLane, dump_json
from qa_bot.web.middleware import SECURITY_HEADERS
from qa_bot.web.schemas import AnswerOut, HealthOut

ORIGIN = "http://intranet.example"
QUESTIONS = [
    {"question": "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", "top_k": 5},
    {"question": "ha giang cung cap bao nhieu dich vu cong truc tuyen"},
    {"question": "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?", "top_k": 2.0},
    {"question": "Giá vé máy bay từ Paris đi Tokyo hôm nay là bao nhiêu?", "top_k": 1},
    {"question": "Phiên họp năm 2024 yêu cầu những gì?", "filters": {"year": 2024}},
    {"question": "Phiên họp đó do ai chủ trì?",
     "history": [{"question": "Phiên họp thứ chín của Ban Chỉ đạo là khi nào?", "answer": "Năm 2025.",
                  "extra": 1}]},
]
#: Bodies the route refuses (or that are not for the lane): each must come back as the route says.
REFUSED = [
    (b"{not json", "application/json"),
    (b"", "application/json"),
    (b"[]", "application/json"),
    (b'{"question": ""}', "application/json"),
    (b'{"question": "   "}', "application/json"),
    (b'{"question": "a\\ud800b"}', "application/json"),
    (b'{"question": "x", "top_k": 0}', "application/json"),
    (b'{"question": "x", "top_k": "5"}', "application/json"),
    (b'{"question": "x", "top_k": NaN}', "application/json"),
    (b'{"question": "x", "colour": "red"}', "application/json"),
    (b'{"question": "x", "filters": {"doc_ids": ["khong-co"]}}', "application/json"),
    (b'{"question": "x", "history": [{"question": "y"}]}', "application/json"),
    (json.dumps({"question": "x" * 5000}).encode(), "application/json"),
    (b'{"question": "x"}', "text/plain"),
    (b'{"question": "x"}', "application/x-www-form-urlencoded"),
]


def _clients(bot: QABot) -> tuple[TestClient, TestClient]:
    """The application (with the lane) and the same application without it (FastAPI routes only)."""
    with_lane = create_app(bot, cors=[ORIGIN], ui=False)
    without = create_app(bot, cors=[ORIGIN], ui=False)
    without.user_middleware = [m for m in without.user_middleware if m.cls is not FastLane]
    assert len(without.user_middleware) == len(with_lane.user_middleware) - 1
    return TestClient(with_lane), TestClient(without)


@pytest.fixture(scope="module")
def clients(shipped_bot: QABot) -> Iterator[tuple[TestClient, TestClient]]:
    lane, route = _clients(shipped_bot)
    with lane, route:
        yield lane, route


@pytest.mark.parametrize("body", QUESTIONS, ids=range(len(QUESTIONS)))
def test_answers_match_the_route(clients: tuple[TestClient, TestClient], body: dict) -> None:
    lane, route = clients
    a = lane.post("/api/ask", json=body, headers={"Origin": ORIGIN})
    b = route.post("/api/ask", json=body, headers={"Origin": ORIGIN})
    assert a.status_code == b.status_code == 200
    assert a.json() == b.json()
    AnswerOut.model_validate(a.json())  # the OpenAPI contract, which the route no longer checks
    assert a.headers["content-type"] == b.headers["content-type"] == "application/json"
    assert int(a.headers["content-length"]) == len(a.content)
    assert a.headers["access-control-allow-origin"] == ORIGIN
    for name, value in SECURITY_HEADERS.items():
        assert a.headers[name.decode()] == value.decode()


@pytest.mark.parametrize(("body", "kind"), REFUSED, ids=range(len(REFUSED)))
def test_refusals_are_the_routes(clients: tuple[TestClient, TestClient], body: bytes, kind: str) -> None:
    lane, route = clients
    a = lane.post("/api/ask", content=body, headers={"Content-Type": kind})
    b = route.post("/api/ask", content=body, headers={"Content-Type": kind})
    assert (a.status_code, a.json()) == (b.status_code, b.json())
    assert 400 <= a.status_code < 500 and isinstance(a.json()["error"], str)


def test_other_encodings_as_the_route(clients: tuple[TestClient, TestClient]) -> None:
    lane, route = clients
    body = '{"question": "Hà Giang cung cấp bao nhiêu dịch vụ công?"}'.encode("utf-16")
    a, b = (c.post("/api/ask", content=body, headers={"Content-Type": "application/json; charset=utf-16"})
            for c in (lane, route))
    assert (a.status_code, a.json()) == (b.status_code, b.json())


def test_body_limit_still_applies(clients: tuple[TestClient, TestClient]) -> None:
    lane, _ = clients
    r = lane.post("/api/ask", content=json.dumps({"question": "x" * 70_000}).encode(),
                  headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "quá lớn" in r.json()["error"]


def test_health_matches_the_route(clients: tuple[TestClient, TestClient]) -> None:
    lane, route = clients
    a, b = lane.get("/healthz"), route.get("/healthz")
    assert a.status_code == b.status_code == 200
    assert a.json() == b.json()
    HealthOut.model_validate(a.json())
    assert a.headers["x-frame-options"] == "DENY"
    assert lane.post("/healthz").status_code == 405  # other methods: the route table's answer


def test_dump_json_survives_lone_surrogates() -> None:
    assert json.loads(dump_json({"a": "x\ud800y", "n": 1.5})) == {"a": "x\ufffdy", "n": 1.5}
    assert dump_json({"a": "Hà"}) == '{"a":"Hà"}'.encode()
