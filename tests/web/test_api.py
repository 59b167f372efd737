"""HTTP API of ``qa-bot serve`` (docs/contract.md), against a real server subprocess on 127.0.0.1."""

from __future__ import annotations

import json
import re

import httpx
import pytest

HA_GIANG = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"
THIRD_SESSION = "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?"
CITATION_FIELDS = {"n": int, "doc_id": str, "title": str, "start": int, "end": int, "text": str,
                   "used": bool}
STATUSES = ("answered", "partial", "not_found")
#: Questions of every kind, for the answer object's consistency rules.
CONSISTENCY_QUESTIONS = [
    HA_GIANG,
    THIRD_SESSION,
    "ha giang cung cap bao nhieu dich vu cong truc tuyen",
    "Phiên họp năm 2024 của Ban Chỉ đạo yêu cầu những gì?",
    "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến năm 2026?",
    "Giá vé máy bay từ Paris đi Tokyo hôm nay là bao nhiêu?",
]
NULLABLE_STR = ("source", "url", "date")


@pytest.fixture(scope="module")
def doc_texts(client: httpx.Client) -> dict[str, str]:
    return {d["doc_id"]: client.get(f"/api/documents/{d['doc_id']}").json()["text"]
            for d in client.get("/api/documents").json()}


def check_passage(item: dict, doc_texts: dict[str, str]) -> None:
    """Fields and types of a citation or search result; ``text == document text[start:end]``."""
    for name in ("doc_id", "title", "text"):
        assert isinstance(item[name], str) and item[name], name
    for name in NULLABLE_STR:
        assert item[name] is None or isinstance(item[name], str), name
    if item["date"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["date"])
    assert isinstance(item["start"], int) and isinstance(item["end"], int)
    assert 0 <= item["start"] < item["end"]
    assert isinstance(item["score"], (int, float))
    assert doc_texts[item["doc_id"]][item["start"]:item["end"]] == item["text"]


def check_status_and_citations(a: dict) -> None:
    """``status``/``found``/``interpreted_as``/``used`` rules of docs/contract.md: found exactly when
    answered; citations numbered 1..n, the used ones first and numbered in the order the answer text
    first cites them; every [n] of the text is a used citation and every used citation is cited."""
    assert a["status"] in STATUSES
    assert a["found"] is (a["status"] == "answered")
    assert isinstance(a["interpreted_as"], str) and a["interpreted_as"].strip()
    cites = a["citations"]
    assert [c["n"] for c in cites] == list(range(1, len(cites) + 1))
    assert all(isinstance(c["used"], bool) for c in cites)
    flags = [c["used"] for c in cites]
    assert flags == sorted(flags, reverse=True), f"an unused citation before a used one: {flags}"
    used = [c["n"] for c in cites if c["used"]]
    first_use = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", a["answer"])))
    assert set(first_use) <= set(used), f"[n] in the text without a used citation: {first_use} vs {used}"
    assert first_use == used, f"used citations not numbered in order of first use: {first_use} vs {used}"
    if a["status"] == "not_found":
        assert used == []
    else:
        assert used, "an answered or partial answer cites at least one passage"


# -- the contract ---------------------------------------------------------------------------------
def test_healthz(client: httpx.Client) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    docs = client.get("/api/documents").json()
    assert body == {"status": "ok", "documents": len(docs), "chunks": sum(d["chunks"] for d in docs),
                    "skipped": [], "notice": None}
    assert body["documents"] == 5 and body["chunks"] > 0


def test_ask_answer_object(client: httpx.Client, doc_texts: dict[str, str]) -> None:
    r = client.post("/api/ask", json={"question": HA_GIANG})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    a = r.json()
    assert set(a) >= {"question", "answer", "found", "citations"}
    assert a["question"] == HA_GIANG
    assert a["found"] is True
    assert isinstance(a["answer"], str) and "1.818" in a["answer"]
    assert isinstance(a["citations"], list) and 1 <= len(a["citations"]) <= 5
    numbers = [c["n"] for c in a["citations"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for c in a["citations"]:
        for name, kind in CITATION_FIELDS.items():
            assert isinstance(c[name], kind), name
        check_passage(c, doc_texts)
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", a["answer"])}
    assert markers and markers <= set(numbers)
    first = a["citations"][min(markers) - 1]
    assert first["doc_id"] == "2024-02-02-bcd-cchc-trien-khai-nhiem-vu-nam-2024"
    assert first["url"].startswith("http://baohagiang.vn/")
    assert a["status"] == "answered" and a["interpreted_as"] == HA_GIANG
    assert a["citations"][0]["used"] is True and "[1]" in a["answer"]


@pytest.mark.parametrize("question", CONSISTENCY_QUESTIONS,
                         ids=["ha-giang", "third-session", "no-diacritics", "directives", "year-2026",
                              "not-found"])
def test_ask_status_interpreted_as_and_used_are_consistent(client: httpx.Client, doc_texts: dict[str, str],
                                                          question: str) -> None:
    a = client.post("/api/ask", json={"question": question}).json()
    assert a["question"] == question
    assert a["interpreted_as"] == question  # no earlier turn
    check_status_and_citations(a)
    for c in a["citations"]:
        check_passage(c, doc_texts)


def test_ask_top_k_and_filters(client: httpx.Client) -> None:
    a = client.post("/api/ask", json={"question": THIRD_SESSION, "top_k": 2}).json()
    assert "63" in a["answer"] and len(a["citations"]) <= 2
    a = client.post("/api/ask", json={"question": THIRD_SESSION, "filters": {"year": 2025}}).json()
    assert all(c["date"].startswith("2025") for c in a["citations"])
    doc = "2023-02-03-phien-hop-thu-ba-bcd-cchc"
    a = client.post("/api/ask", json={"question": THIRD_SESSION, "filters": {"doc_ids": [doc]}}).json()
    assert a["found"] and a["citations"] and {c["doc_id"] for c in a["citations"]} == {doc}


def test_ask_not_found(client: httpx.Client) -> None:
    r = client.post("/api/ask", json={"question": "Giá vé máy bay từ Paris đi Tokyo hôm nay là bao nhiêu?"})
    assert r.status_code == 200
    a = r.json()
    assert a["found"] is False and a["status"] == "not_found"
    assert "không" in a["answer"].lower()
    assert not any(c["used"] for c in a["citations"])  # related passages, if any, are not cited


def test_ask_question_of_exactly_2000_characters(client: httpx.Client) -> None:
    q = (HA_GIANG + " ") * 60
    q = q[:2000]
    assert client.post("/api/ask", json={"question": q}).status_code == 200


def test_search(client: httpx.Client, doc_texts: dict[str, str]) -> None:
    r = client.get("/api/search", params={"q": HA_GIANG, "k": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == HA_GIANG
    assert 1 <= len(body["results"]) <= 3
    for hit in body["results"]:
        assert "n" not in hit
        check_passage(hit, doc_texts)
    assert any("1.818" in h["text"] for h in body["results"])
    scores = [h["score"] for h in body["results"]]
    assert scores == sorted(scores, reverse=True)
    doc = "2025-01-16-phien-hop-thu-chin-bcd-cchc"
    only = client.get("/api/search", params={"q": HA_GIANG, "doc_id": doc}).json()["results"]
    assert only and {h["doc_id"] for h in only} == {doc}
    year = client.get("/api/search", params={"q": HA_GIANG, "year": 2023}).json()["results"]
    assert all(h["date"].startswith("2023") for h in year)


def test_documents(client: httpx.Client) -> None:
    docs = client.get("/api/documents").json()
    assert len(docs) == 5
    for d in docs:
        assert set(d) >= {"doc_id", "title", "source", "url", "date", "chunks"}
        assert isinstance(d["chunks"], int) and d["chunks"] > 0
        full = client.get(f"/api/documents/{d['doc_id']}").json()
        assert {k: full[k] for k in d} == d
        assert isinstance(full["text"], str) and len(full["text"]) > 100


def test_openapi_docs_and_ui(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/ask", "/api/search", "/api/documents", "/api/documents/{doc_id}", "/healthz"):
        assert path in spec["paths"], path
    schemas = spec["components"]["schemas"]
    assert "question" in json.dumps(schemas["AskRequest"])
    answer = schemas["AnswerOut"]
    assert {"status", "interpreted_as", "found", "citations"} <= set(answer["required"])
    status = answer["properties"]["status"]
    assert sorted(status["enum"]) == sorted(STATUSES) and "partial" in status["description"]
    assert answer["properties"]["interpreted_as"]["description"]
    used = schemas["CitationOut"]["properties"]["used"]
    assert used["type"] == "boolean" and used["description"] and "used" in schemas["CitationOut"]["required"]
    ask = spec["paths"]["/api/ask"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ask["$ref"].endswith("/AnswerOut")
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    # served from this server, not a CDN: the page works offline
    assert "cdn" not in docs.text.lower() and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    ui = client.get("/")
    assert ui.status_code == 200 and ui.headers["content-type"].startswith("text/html")
    assert "gradio" in ui.text.lower()


def test_startup_log_says_where_to_open(server) -> None:
    assert f"Mở http://127.0.0.1:{server.port}" in server.log()


# -- the Gradio endpoint and the document page ----------------------------------------------------------
def test_gradio_client_ask(single_worker_url: str) -> None:
    from gradio_client import Client

    client = Client(single_worker_url + "/", verbose=False)
    result = client.predict(HA_GIANG, api_name="/ask")
    assert result["found"] is True and "1.818" in result["answer"]
    assert result["status"] == "answered" and result["interpreted_as"] == HA_GIANG
    assert result["citations"][0]["used"] is True
    assert result["citations"][0]["doc_id"]
    filtered = client.predict(HA_GIANG, "2021", [], api_name="/ask")
    assert all(c["date"].startswith("2021") for c in filtered["citations"])
    with pytest.raises(Exception, match="trống"):
        client.predict("   ", api_name="/ask")


def test_document_page_marks_the_passage(client: httpx.Client) -> None:
    a = client.post("/api/ask", json={"question": HA_GIANG}).json()
    c = a["citations"][0]
    r = client.get(f"/tai-lieu/{c['doc_id']}", params={"start": c["start"], "end": c["end"]})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert '<mark id="trich-dan">' in r.text and "1.818" in r.text
    assert client.get("/tai-lieu/khong-co").status_code == 404


def test_document_with_html_is_escaped_everywhere(xss_server_url: str) -> None:
    with httpx.Client(base_url=xss_server_url, timeout=30) as c:
        (doc,) = c.get("/api/documents").json()
        text = c.get(f"/api/documents/{doc['doc_id']}").json()["text"]
        assert "<script>alert(1)</script>" in text  # the API returns the text verbatim (JSON)
        page = c.get(f"/tai-lieu/{doc['doc_id']}").text
        assert "<script>alert" not in page and "<b>html</b>" not in page and "<img" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert 'href="javascript' not in page


def test_concurrent_requests_share_one_index(client: httpx.Client, server) -> None:
    from concurrent.futures import ThreadPoolExecutor

    questions = [HA_GIANG, THIRD_SESSION] * 8
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda q: client.post("/api/ask", json={"question": q}), questions))
    assert all(r.status_code == 200 for r in answers)
    assert all("1.818" in r.json()["answer"] for r in answers[::2])
    assert all("63" in r.json()["answer"] for r in answers[1::2])
    assert server.log().count("chỉ mục sẵn sàng") == 1  # loaded once, at start-up
