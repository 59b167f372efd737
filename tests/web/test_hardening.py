"""HTTP hardening of ``qa-bot serve`` (issue 10), against real servers on 127.0.0.1: no 500 on lone
surrogates, one error shape for every 4xx with the right 404/405, limits in the OpenAPI schema,
security headers, http(s)-only document links, Gradio's upload route closed and its refusals in
Vietnamese, the per-client rate limit, header and body timeouts, skipped files in /healthz."""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import SHIPPED_DOCUMENTS, start_server

HA_GIANG = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"
RATE = 5  # requests a minute on the limited server
TIMEOUT = 1.5  # header and body timeouts of the limited server, seconds


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One process with ``--rate-limit 5/min``, 1.5 s timeouts, over the shipped corpus plus a PNG
    named ``.md`` (a skipped file)."""
    work = tmp_path_factory.mktemp("limited-server")
    docs = work / "documents"
    shutil.copytree(SHIPPED_DOCUMENTS, docs)
    (docs / "anh-chup.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    saved = {k: os.environ.get(k) for k in ("QA_BOT_HEADER_TIMEOUT", "QA_BOT_BODY_TIMEOUT")}
    os.environ.update(QA_BOT_HEADER_TIMEOUT=str(TIMEOUT), QA_BOT_BODY_TIMEOUT=str(TIMEOUT))
    try:
        srv = start_server(docs, work / "index", work / "server.log",
                           extra=["--workers", "1", "--watch", "0", "--rate-limit", f"{RATE}/min"])
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    yield srv.url
    srv.stop()


def shaped(r: httpx.Response) -> dict:
    """The body of a 4xx: ``{"error": "<Vietnamese>", "detail"?: ...}`` as JSON."""
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json"), r.headers
    body = r.json()
    assert isinstance(body["error"], str) and len(body["error"]) > 10 and set(body) <= {"error", "detail"}
    return body


# -- no 500 on lone surrogates --------------------------------------------------------------------
SURROGATES = [
    b'{"question": "a\\ud800b"}',
    b'{"question": "a\xed\xa0\x80b"}',  # the raw (CESU) bytes of U+D800
    b'{"question": "\\udfff"}',
    b'{"question": "ab", "filters": {"doc_ids": ["\\ud800"]}}',
    b'{"question": "ab", "filters": {"doc_ids": ["x\xed\xb0\x80"]}}',
    b'{"question": "ab", "filters": {"doc_type": "\\ud800"}}',
    b'{"question": "ab", "history": [{"question": "\\ud800", "answer": "b"}]}',
    b'{"question": "ab", "history": [{"question": "a", "answer": "\\udbff"}]}',
]


@pytest.mark.parametrize("raw", SURROGATES, ids=[str(i) for i in range(len(SURROGATES))])
def test_lone_surrogates_are_refused_not_500(client: httpx.Client, raw: bytes) -> None:
    r = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "không hợp lệ" in shaped(r)["error"]


@pytest.mark.parametrize("path", ["/api/search?q=%ED%A0%80", "/api/search?q=ab&doc_id=%ED%A0%80",
                                  "/api/documents/%ED%A0%80", "/tai-lieu/%ED%A0%80"])
def test_invalid_utf8_in_urls_is_not_500(client: httpx.Client, path: str) -> None:
    assert client.get(path).status_code < 500


# -- one error shape, 404 vs 405 --------------------------------------------------------------------
ROUTES = [
    ("GET", "/khong-co", 404, None),
    ("GET", "/api/khong-co", 404, None),
    ("POST", "/api/khong-co", 404, None),
    ("GET", "/api/documents/a%2Fb", 404, None),
    ("POST", "/api/documents/a%2Fb", 404, None),
    ("GET", "/api/documents/khong-co-van-ban", 404, None),
    ("GET", "/api/ask", 405, "POST"),
    ("PUT", "/api/ask", 405, "POST"),
    ("POST", "/api/search", 405, "GET"),
    ("DELETE", "/healthz", 405, "GET"),
    ("PATCH", "/api/documents", 405, "GET"),
    ("PUT", "/api/documents/x", 405, "GET"),
    ("POST", "/openapi.json", 405, "GET"),
]


@pytest.mark.parametrize(("method", "path", "status", "allow"), ROUTES,
                         ids=[f"{m} {p}" for m, p, _, _ in ROUTES])
def test_unknown_routes_and_methods(client: httpx.Client, method: str, path: str, status: int,
                                    allow: str | None) -> None:
    r = client.request(method, path)
    assert r.status_code == status, r.text
    body = shaped(r)
    if allow:
        assert allow in r.headers["allow"] and allow in body["error"] and method in body["error"]
    if "a%2Fb" in path and method == "GET":
        assert "a/b" in body["error"]


def test_whole_number_floats_are_accepted_alike(client: httpx.Client) -> None:
    assert client.get("/api/search", params={"q": HA_GIANG, "k": "5.0"}).status_code == 200
    assert client.post("/api/ask", json={"question": HA_GIANG, "top_k": 5.0}).status_code == 200
    assert client.get("/api/search", params={"q": HA_GIANG, "k": "2.5"}).status_code == 422
    assert client.post("/api/ask", json={"question": HA_GIANG, "top_k": 2.5}).status_code == 422


def test_openapi_declares_the_limits(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    ask = spec["components"]["schemas"]["AskRequest"]["properties"]
    assert (ask["question"]["minLength"], ask["question"]["maxLength"]) == (1, 2000)
    assert "pattern" in ask["question"]
    top_k = next(s for s in ask["top_k"]["anyOf"] if s.get("type") == "integer")
    assert (top_k["minimum"], top_k["maximum"]) == (1, 50)
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert (params["q"]["minLength"], params["q"]["maxLength"]) == (1, 2000)
    assert (params["k"]["minimum"], params["k"]["maximum"]) == (1, 50)
    doc_ids = next(s for s in params["doc_id"]["anyOf"] if s.get("type") == "array")
    assert doc_ids["maxItems"] == 100 and doc_ids["items"]["maxLength"] == 255
    assert "429" in spec["paths"]["/api/ask"]["post"]["responses"]


# -- security headers, links, Gradio ----------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/healthz", "/api/documents", "/docs", "/openapi.json", "/khong-co",
                                  "/tai-lieu/khong-co", "/gradio_api/info"])
def test_security_headers_everywhere(client: httpx.Client, path: str) -> None:
    h = client.get(path).headers
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert "object-src 'none'" in h["content-security-policy"] or "default-src 'none'" in \
        h["content-security-policy"]


def test_javascript_urls_are_not_passed_on(xss_server_url: str) -> None:
    with httpx.Client(base_url=xss_server_url, timeout=30) as c:
        docs = c.get("/api/documents").json()
        assert docs and all(d["url"] is None for d in docs)
        assert all(c.get(f"/api/documents/{d['doc_id']}").json()["url"] is None for d in docs)
        hits = c.get("/api/search", params={"q": "trung tâm phục vụ hành chính công"}).json()["results"]
        assert hits and all(h["url"] is None for h in hits)
        assert 'href="javascript' not in c.get(f"/tai-lieu/{docs[0]['doc_id']}").text


@pytest.mark.parametrize("path", ["/gradio_api/upload", "/gradio_api/upload?upload_id=x",
                                  "/gradio_api/upload_progress"])
def test_gradio_upload_is_closed(client: httpx.Client, path: str) -> None:
    r = client.post(path, files={"files": ("a.txt", b"x" * 1000, "text/plain")})
    assert r.status_code == 404
    assert "tải lên" in shaped(r)["error"] and "/tmp" not in r.text


@pytest.mark.parametrize(("data", "words"), [
    (["a\ud800b", "Tất cả các năm", [], []], "không hợp lệ"),
    ([HA_GIANG, "năm ngoái", [], []], "Năm không hợp lệ"),
    ([HA_GIANG, "Tất cả các năm", "abc", []], "Danh sách văn bản"),
    ([HA_GIANG, "Tất cả các năm", [1, 2], []], "Danh sách văn bản"),
])
def test_gradio_refusals_are_vietnamese(single_worker_url: str, data: list, words: str) -> None:
    with httpx.Client(base_url=single_worker_url, timeout=30) as c:
        event = c.post("/gradio_api/call/ask", content=json.dumps({"data": data}),
                       headers={"content-type": "application/json"}).json()["event_id"]
        stream = c.get(f"/gradio_api/call/ask/{event}").text
    assert "event: error" in stream, stream
    assert words in json.loads(stream.split("data: ", 1)[1].split("\n")[0])["error"]
    assert "is not in the list" not in stream and "Error(" not in stream and "Traceback" not in stream


# -- skipped files, rate limit, timeouts --------------------------------------------------------------
def test_skipped_files_in_healthz_and_documents(limited: str) -> None:
    health = httpx.get(limited + "/healthz").json()
    assert [s["file"] for s in health["skipped"]] == ["anh-chup.md"]
    assert "không phải văn bản" in health["skipped"][0]["reason"] and health["notice"] is None
    assert httpx.get(limited + "/api/documents").headers["x-skipped-files"] == "1"


def test_rate_limit(limited: str) -> None:
    with httpx.Client(base_url=limited, timeout=30) as c:
        codes = [c.get("/api/search", params={"q": HA_GIANG}).status_code for _ in range(RATE + 2)]
        assert codes[:RATE - 1] == [200] * (RATE - 1) and codes[-1] == 429, codes  # healthz above took none
        r = c.post("/api/ask", json={"question": HA_GIANG})
        assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 60 / RATE + 1
        body = shaped(r)
        assert "quá nhiều yêu cầu" in body["error"] and body["detail"]["retry_after"] >= 1
        assert c.get("/healthz").status_code == 200 and c.get("/").status_code == 200  # not counted


def _talk(url: str, payload: bytes) -> tuple[float, bytes]:
    """Send ``payload`` on a new connection and read until the server closes it: (seconds, bytes).
    The connection comes from 127.0.0.2: another client than the rate-limit test's."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), source_address=("127.0.0.2", 0)) as s:
        t0 = time.monotonic()
        s.sendall(payload)
        s.settimeout(TIMEOUT + 20)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
        return time.monotonic() - t0, data


@pytest.mark.parametrize(("payload", "answer"), [
    (b"", b""),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\n", b"HTTP/1.1 408"),
    (b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
     b'{"question": ', b"HTTP/1.1 408"),
    (b"POST /gradio_api/queue/join HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{", b"HTTP/1.1 408"),
], ids=["silent", "half-headers", "half-body", "half-body-gradio"])
def test_slow_or_incomplete_requests_are_closed(limited: str, payload: bytes, answer: bytes) -> None:
    seconds, data = _talk(limited, payload)
    assert data.startswith(answer), data[:200]
    assert TIMEOUT - 0.2 <= seconds <= TIMEOUT + 5, seconds  # shared machine: generous upper bound
    if answer:
        assert b"connection: close" in data.lower() and b'"error"' in data
