"""The routes of the HTTP API under ``/api`` and ``/healthz``; every answer comes from one
:class:`QABot`, the same one the chat UI uses. Stateless: a conversation's earlier turns come with
each question (``history``), so any replica answers any turn.

    POST /api/ask                  {"question": str, "top_k": int = 5,
                                    "filters": {"year": int, "doc_ids": [str]},
                                    "history": [{"question": str, "answer": str}]}  (<= 10 turns)
    GET  /api/search?q=...&k=5     (also ``year`` and ``doc_id``, repeatable)
    GET  /api/documents            metadata and passage count of every document
    GET  /api/documents/{doc_id}   metadata plus text
    GET  /healthz                  {"status": "ok", "documents": N, "chunks": M,
                                    "skipped": [{"file", "reason"}], "notice": str | null}

Every limit is declared in the OpenAPI description (:mod:`.schemas`). Unknown paths and wrong
methods are answered by :class:`.shape.ErrorShapeMiddleware` (404, or 405 with ``Allow``).
The plain case of ``POST /api/ask`` and ``GET /healthz`` is answered before these routes by
:mod:`.fastlane` (same models, same answers); their refusals and errors are answered here.
"""


from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Response
from starlette.exceptions import HTTPException

from ..bot import QABot
from .schemas import (
    ERRORS,
    MAX_DOC_ID_CHARS,
    MAX_DOC_IDS,
    MAX_YEAR,
    MIN_YEAR,
    NOT_BLANK,
    AnswerOut,
    DocumentFullOut,
    DocumentOut,
    HealthOut,
    SearchOut,
    request_models,
)


def unknown_doc_ids(bot: QABot, doc_ids: list[str] | None) -> list[str]:
    """The ids of a filter that name no document of the index."""
    if not doc_ids:
        return []
    index = bot.index
    return [d for d in doc_ids if index.doc_index(d) is None]


def _known_doc_ids(bot: QABot, doc_ids: list[str] | None) -> None:
    """404 when a filter names a document the index does not have."""
    if missing := unknown_doc_ids(bot, doc_ids):
        raise HTTPException(404, "Không có văn bản với mã: " + ", ".join(missing) + ".")


def answer_request(bot: QABot, body: Any, filters: Any) -> dict:
    """The answer object for a validated ``POST /api/ask`` body (``filters``: the filters used when
    the body has none); the route and :mod:`.fastlane` both answer with it."""
    f = body.filters or filters
    history = None if body.history is None else [
        {"question": t.question, "answer": t.answer} for t in body.history]
    return bot.ask(body.question, body.top_k, year=f.year, doc_ids=f.doc_ids or None, history=history,
                   doc_type=f.doc_type, issuer=f.issuer, number=f.number).to_dict()


def health(bot: QABot) -> dict:
    """The ``GET /healthz`` object."""
    return {"status": "ok", **bot.stats(), "skipped": bot.skipped_files(), "notice": bot.index_notice}


def api_router(bot: QABot) -> APIRouter:
    """The API routes over ``bot``."""
    router = APIRouter()
    settings = bot.settings
    models = request_models(settings.max_question_chars, settings.max_top_k)
    AskRequest, AskFilters = models.AskRequest, models.AskFilters
    body_note = (f"Bodies over {settings.max_body:,} bytes are refused with 413 (the characters of "
                 "every field together, as UTF-8 JSON).")

    @router.post("/api/ask", response_model=AnswerOut, responses=ERRORS, tags=["api"],
                 summary="Trả lời một câu hỏi, có trích dẫn", description=body_note)
    def ask(body: AskRequest) -> dict:  # type: ignore[valid-type]  (resolved now: no future import)
        none = AskFilters()
        _known_doc_ids(bot, (body.filters or none).doc_ids)
        return answer_request(bot, body, none)

    @router.get("/api/search", response_model=SearchOut, responses=ERRORS, tags=["api"],
                summary="Các đoạn văn phù hợp nhất, không kèm câu trả lời")
    def search(
        q: Annotated[str, Query(min_length=1, max_length=settings.max_question_chars, pattern=NOT_BLANK,
                                description=f"the query, 1 to {settings.max_question_chars:,} "
                                            "characters, not only white space")],
        k: Annotated[int, Query(ge=1, le=settings.max_top_k,
                                description=f"passages to return, 1..{settings.max_top_k}")] = settings.top_k,
        year: Annotated[int | None, Query(ge=MIN_YEAR, le=MAX_YEAR,
                                          description="only documents of this year")] = None,
        doc_id: Annotated[list[Annotated[str, Query(min_length=1, max_length=MAX_DOC_ID_CHARS)]] | None,
                          Query(max_length=MAX_DOC_IDS,
                                description=f"only these documents (repeatable, at most {MAX_DOC_IDS})")
                          ] = None,
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
                summary="Danh sách văn bản",
                description="Files of the documents folder that are not indexed are counted in the "
                            "`X-Skipped-Files` header and listed with their reasons by `/healthz`; "
                            "`X-Index-Notice` (percent-encoded UTF-8) says why the index answering "
                            "is not the index of the current documents, when it is not.")
    def documents(response: Response) -> list[dict]:
        response.headers["X-Skipped-Files"] = str(len(bot.skipped_files()))
        if bot.index_notice:
            response.headers["X-Index-Notice"] = quote(bot.index_notice)
        return bot.documents()

    @router.get("/api/documents/{doc_id}", response_model=DocumentFullOut, responses=ERRORS,
                tags=["api"], summary="Một văn bản: thông tin và toàn văn")
    def document(doc_id: str) -> dict:
        doc = bot.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"Không có văn bản với mã '{doc_id}'.")
        return doc

    @router.get("/healthz", response_model=HealthOut, tags=["ops"], summary="Tình trạng dịch vụ")
    def healthz() -> dict:
        return health(bot)

    return router


__all__ = ["api_router"]
