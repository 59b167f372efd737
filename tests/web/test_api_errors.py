"""HTTP API errors, limits and CORS (docs/contract.md): every bad request gets a 4xx JSON answer
with a Vietnamese message, never a 500; against a real server subprocess on 127.0.0.1."""

from __future__ import annotations

import json

import httpx
import pytest

HA_GIANG = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"
FOREIGN_ORIGIN = "http://evil.example"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


# -- bad input: 4xx JSON with a readable message, never a 500 ------------------------------------
BAD_ASK_BODIES = [
    ({"question": ""}, 422),
    ({"question": "   \n\t "}, 422),
    ({"question": "x" * 2001}, 422),
    ({"question": HA_GIANG, "top_k": 0}, 422),
    ({"question": HA_GIANG, "top_k": 51}, 422),
    ({"question": HA_GIANG, "top_k": -3}, 422),
    ({"question": HA_GIANG, "top_k": "5"}, 422),
    ({"question": HA_GIANG, "top_k": 2.5}, 422),
    ({"question": HA_GIANG, "top_k": True}, 422),
    ({"question": 42}, 422),
    ({"question": None}, 422),
    ({"question": ["a"]}, 422),
    ({}, 422),
    ({"query": HA_GIANG}, 422),
    ({"question": HA_GIANG, "filters": {"year": "2024"}}, 422),
    ({"question": HA_GIANG, "filters": {"doc_ids": "abc"}}, 422),
    ({"question": HA_GIANG, "filters": "2024"}, 422),
    ({"question": HA_GIANG, "filters": {"doc_ids": ["khong-co-van-ban-nay"]}}, 404),
]


@pytest.mark.parametrize(("body", "status"), BAD_ASK_BODIES, ids=[str(i) for i in range(len(BAD_ASK_BODIES))])
def test_ask_bad_input(client: httpx.Client, body: dict, status: int) -> None:
    r = client.post("/api/ask", json=body)
    assert r.status_code == status, r.text
    err = r.json()
    assert isinstance(err["error"], str) and len(err["error"]) > 10


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b'"question"', b"", b'{"question": "a"'])
def test_ask_malformed_body(client: httpx.Client, raw: bytes) -> None:
    r = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500, r.text
    assert isinstance(r.json()["error"], str)


def test_ask_messages_are_vietnamese(client: httpx.Client) -> None:
    assert "trống" in client.post("/api/ask", json={"question": " "}).json()["error"]
    assert "2000" in client.post("/api/ask", json={"question": "x" * 2001}).json()["error"]
    assert "top_k" in client.post("/api/ask", json={"question": "a", "top_k": 99}).json()["error"]
    assert "số nguyên" in client.post("/api/ask", json={"question": "a", "top_k": "x"}).json()["error"]


BAD_GETS = [
    ("/api/search", {"q": ""}, 422),
    ("/api/search", {"q": "  "}, 422),
    ("/api/search", {}, 422),
    ("/api/search", {"q": HA_GIANG, "k": 0}, 422),
    ("/api/search", {"q": HA_GIANG, "k": 51}, 422),
    ("/api/search", {"q": HA_GIANG, "k": "abc"}, 422),
    ("/api/search", {"q": HA_GIANG, "year": "năm ngoái"}, 422),
    ("/api/search", {"q": "x" * 2001}, 422),
    ("/api/search", {"q": HA_GIANG, "doc_id": "khong-co"}, 404),
    ("/api/documents/khong-co-van-ban-nay", {}, 404),
    ("/api/khong-co-duong-dan", {}, 404),
    ("/api/ask", {}, 405),
]


@pytest.mark.parametrize(("path", "params", "status"), BAD_GETS, ids=[str(i) for i in range(len(BAD_GETS))])
def test_get_bad_input(client: httpx.Client, path: str, params: dict, status: int) -> None:
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    assert isinstance(r.json()["error"], str) and r.json()["error"]


def test_body_size_limit(client: httpx.Client) -> None:
    big = json.dumps({"question": "a" * 200_000})
    r = client.post("/api/ask", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "quá lớn" in r.json()["error"]

    def chunks():  # no Content-Length: the limit is enforced while reading
        yield b'{"question": "'
        for _ in range(100):
            yield b"a" * 4096
        yield b'"}'

    r = client.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


# -- CORS --------------------------------------------------------------------------------------------
def test_cors_closed_by_default(client: httpx.Client) -> None:
    r = client.get("/api/documents", headers={"Origin": FOREIGN_ORIGIN})
    assert r.status_code == 200
    assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/ask", headers={"Origin": FOREIGN_ORIGIN, **PREFLIGHT})
    assert "access-control-allow-origin" not in pre.headers
    ui = client.get("/config", headers={"Origin": FOREIGN_ORIGIN})
    assert "access-control-allow-origin" not in ui.headers


def test_cors_open_with_flag(cors_server_url: str, cors_origin: str) -> None:
    with httpx.Client(base_url=cors_server_url, timeout=30) as c:
        r = c.post("/api/ask", json={"question": HA_GIANG}, headers={"Origin": cors_origin})
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == cors_origin
        pre = c.options("/api/ask", headers={"Origin": cors_origin, **PREFLIGHT})
        assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == cors_origin
        other = c.get("/api/documents", headers={"Origin": FOREIGN_ORIGIN})
        assert "access-control-allow-origin" not in other.headers
        big = c.post("/api/ask", content=b"x" * 70_000,  # refused by an inner layer: still readable
                     headers={"Origin": cors_origin, "Content-Type": "application/json"})
        assert big.status_code == 413 and big.headers["access-control-allow-origin"] == cors_origin
        assert big.headers["x-content-type-options"] == "nosniff"
