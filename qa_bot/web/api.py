"""The routes of the HTTP API under ``/api`` and ``/healthz``; every answer comes from one
:class:`QABot`, the same one the chat UI uses. Stateless: a conversation's earlier turns come with
each question (``history``), so any replica answers any turn.

    POST /api/ask                  {"question": str, "top_k": int = 5,
                                    "filters": {"year": int, "doc_ids": [str]},
                                    "history": [{"question": str, "answer": str}]}  (<= 10 turns)
    GET  /api/search?q=...&k=5     (also ``year`` and ``doc_id``, repeatable)
    GET  /api/documents            metadata and passage count of every document
    GET  /api/documents/{doc_id}   metadata plus text
    GET  /healthz                  {"status": "ok", "documents": N, "chunks": M}
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..bot import QABot
from .handlers import error_response
from .schemas import (
    ERRORS,
    AnswerOut,
    AskFilters,
    AskRequest,
    DocumentFullOut,
    DocumentOut,
    HealthOut,
    SearchOut,
)

#: API path -> allowed methods, for 405 answers.
API_PATHS = {
    "/api/ask": ("POST",),
    "/api/search": ("GET",),
    "/api/documents": ("GET",),
}


def _known_doc_ids(bot: QABot, doc_ids: list[str] | None) -> None:
    """404 when a filter names a document the index does not have."""
    if not doc_ids:
        return
    known = {d["doc_id"] for d in bot.documents()}
    missing = [d for d in doc_ids if d not in known]
    if missing:
        raise HTTPException(404, "Không có văn bản với mã: " + ", ".join(missing) + ".")


def api_router(bot: QABot) -> APIRouter:
    """The API routes over ``bot``."""
    router = APIRouter()

    @router.post("/api/ask", response_model=AnswerOut, responses=ERRORS, tags=["api"],
                 summary="Trả lời một câu hỏi, có trích dẫn")
    def ask(body: AskRequest) -> dict:
        f = body.filters or AskFilters()
        _known_doc_ids(bot, f.doc_ids)
        history = None if body.history is None else [
            {"question": t.question, "answer": t.answer} for t in body.history]
        return bot.ask(body.question, body.top_k, year=f.year, doc_ids=f.doc_ids or None,
                       history=history, doc_type=f.doc_type, issuer=f.issuer,
                       number=f.number).to_dict()

    @router.get("/api/search", response_model=SearchOut, responses=ERRORS, tags=["api"],
                summary="Các đoạn văn phù hợp nhất, không kèm câu trả lời")
    def search(
        q: Annotated[str, Query(description="the query")],
        k: Annotated[int, Query(description="passages to return, 1..50")] = 5,
        year: Annotated[int | None, Query(description="only documents of this year")] = None,
        doc_id: Annotated[list[str] | None, Query(description="only these documents (repeatable)")] = None,
        doc_type: Annotated[str | None, Query(max_length=100, description="only documents of this type "
                                              "(Chỉ thị, Nghị quyết, Quyết định, Kế hoạch...)")] = None,
        issuer: Annotated[str | None, Query(max_length=200, description="only documents of this issuing "
                                            "body (any part of its name, e.g. UBND tỉnh Quảng Bình)")] = None,
        number: Annotated[str | None, Query(max_length=100, description="only the document with this "
                                            "number, e.g. 05/CT-TTg")] = None,
    ) -> dict:
        _known_doc_ids(bot, doc_id)
        return bot.search(q, k, year=year, doc_ids=doc_id or None, doc_type=doc_type, issuer=issuer,
                          number=number).to_dict()

    @router.get("/api/documents", response_model=list[DocumentOut], tags=["api"],
                summary="Danh sách văn bản")
    def documents() -> list[dict]:
        return bot.documents()

    @router.get("/api/documents/{doc_id}", response_model=DocumentFullOut, responses=ERRORS,
                tags=["api"], summary="Một văn bản: thông tin và toàn văn")
    def document(doc_id: str) -> dict:
        doc = bot.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"Không có văn bản với mã '{doc_id}'.")
        return doc

    @router.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                      include_in_schema=False)
    def api_fallback(rest: str, request: Request) -> JSONResponse:
        path = "/api/" + rest
        allowed = API_PATHS.get(path) or (("GET",) if path.startswith("/api/documents/") else None)
        if allowed:
            return error_response(405, f"Phương thức {request.method} không được hỗ trợ cho {path}; "
                                       f"dùng {', '.join(allowed)}.", headers={"Allow": ", ".join(allowed)})
        return error_response(404, f"Không có đường dẫn API {path}.")

    @router.get("/healthz", response_model=HealthOut, tags=["ops"], summary="Tình trạng dịch vụ")
    def healthz() -> dict:
        return {"status": "ok", **bot.stats()}

    return router


__all__ = ["API_PATHS", "api_router"]
