"""The pieces of the HTTP hardening that need no server (issue 10): document links, the rate-limit
buckets and flag, request validation and its messages, the route table's 404/405, the error shape."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from pydantic import ValidationError

from qa_bot.config import Settings, parse_rate
from qa_bot.errors import InputError
from qa_bot.models import Document, http_url
from qa_bot.web.handlers import render_json, validation_message
from qa_bot.web.ratelimit import TokenBuckets
from qa_bot.web.routes import allowed_methods, error_message
from qa_bot.web.schemas import NOT_BLANK, request_models
from qa_bot.web.shape import _is_shaped


@pytest.mark.parametrize(("url", "kept"), [
    ("https://chinhphu.vn/a?b=1#c", True), ("http://baohagiang.vn/x", True), ("HTTPS://X.VN", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:alert(1)", False),
    ("data:text/html,<script>", False), ("vbscript:x", False), ("//evil.example/x", False),
    ("/relative", False), ("https://", False), ("http://a:99999/", False), ("http://[::1", False),
    ("https://a b.vn", False), ("", False), (None, False),
])
def test_document_urls_are_http_only(url: str | None, kept: bool) -> None:
    assert (http_url(url) is not None) is kept
    doc = Document("d", "t", "x", url=url)
    assert doc.url == (url.strip() if kept else None)
    assert doc.meta()["url"] == doc.url


def test_token_buckets_allow_n_then_refill() -> None:
    now = [100.0]
    buckets = TokenBuckets(6, clock=lambda: now[0])  # 6 a minute: one every 10 s
    assert [buckets.take("a") for _ in range(6)] == [0.0] * 6
    assert buckets.take("a") == pytest.approx(10.0)
    assert buckets.take("b") == 0.0  # per client
    now[0] += 10.0
    assert buckets.take("a") == 0.0 and buckets.take("a") > 0


@pytest.mark.parametrize(("text", "value"), [("30/min", 30), ("30", 30), ("0", 0), ("12/phút", 12)])
def test_parse_rate(text: str, value: int) -> None:
    assert parse_rate(text) == value
    assert Settings.from_env(env={"QA_BOT_RATE_LIMIT": text}).rate_limit == value


@pytest.mark.parametrize("text", ["abc", "5/s", "-1", "1.5/min"])
def test_parse_rate_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rate(text)
    with pytest.raises(InputError):
        Settings.from_env(env={"QA_BOT_RATE_LIMIT": text})


ASK = request_models().AskRequest


@pytest.mark.parametrize(("body", "words"), [
    ({"question": "a\ud800b"}, "không hợp lệ"),
    ({"question": "a", "filters": {"doc_ids": ["\udfff"]}}, "filters.doc_ids.0"),
    ({"question": " \u3000\t"}, "câu hỏi trống"),
    ({"question": ""}, "câu hỏi trống"),
    ({"question": "x" * 2001}, "tối đa 2000"),
    ({"question": "a", "top_k": 51}, "top_k"),
    ({"question": "a", "top_k": 2.5}, "số nguyên"),
    ({"question": "a", "top_k": True}, "số nguyên"),
    ({"question": "a", "filters": {"year": 0}}, "filters.year"),
    ({"question": "a", "filters": {"doc_ids": ["x"] * 101}}, "tối đa 100"),
    ({"question": "a", "history": [{"question": "\ud800", "answer": "b"}]}, "lượt 1"),
])
def test_refused_bodies_have_vietnamese_messages(body: dict, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ASK.model_validate(json.loads(json.dumps(body)))
    errors = [{**e, "loc": ("body", *e["loc"])} for e in caught.value.errors()]  # as FastAPI reports
    message = validation_message(errors)
    assert words in message, message


def test_whole_numbers_are_integers_and_limits_follow_the_settings() -> None:
    assert ASK.model_validate({"question": "a", "top_k": 5.0}).top_k == 5
    small = request_models(max_question_chars=10, max_top_k=3).AskRequest
    schema = small.model_json_schema()
    assert schema["properties"]["question"]["maxLength"] == 10
    top_k = next(s for s in schema["properties"]["top_k"]["anyOf"] if s.get("type") == "integer")
    assert (top_k["minimum"], top_k["maximum"]) == (1, 3)
    assert schema["properties"]["question"]["pattern"] == NOT_BLANK


def test_not_blank_is_exactly_python_white_space() -> None:
    import re

    spaces = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
    assert all(re.fullmatch(NOT_BLANK, c) is None for c in spaces)
    assert all(re.fullmatch(NOT_BLANK, c) for c in "a\u200b\ufeff.")


def test_allowed_methods_see_every_route() -> None:
    app = FastAPI()
    app.get("/api/documents/{doc_id}")(lambda doc_id: {})
    app.delete("/api/documents/{doc_id}")(lambda doc_id: {})
    app.post("/api/ask")(lambda: {})
    scope = {"type": "http", "method": "PUT", "root_path": ""}
    assert allowed_methods(app.router.routes, {**scope, "path": "/api/documents/x"}) == ["DELETE", "GET"]
    assert allowed_methods(app.router.routes, {**scope, "path": "/api/documents/a/b"}) == []
    assert allowed_methods(app.router.routes, {**scope, "path": "/api/ask"}) == ["POST"]


def test_error_messages_and_shape() -> None:
    assert error_message(405, "GET", "/api/ask", ["POST"]) == \
        "Phương thức GET không được hỗ trợ cho /api/ask; dùng POST."
    assert "'a/b'" in error_message(404, "GET", "/api/documents/a/b")
    assert _is_shaped(b'{"error": "x"}') == (True, {"error": "x"})
    assert _is_shaped(b'{"detail": "Not Found"}') == (False, "Not Found")
    assert _is_shaped(b"Not Found") == (False, "Not Found")
    assert json.loads(render_json({"error": "a\ud800"})) == {"error": "a\ufffd"}
