"""Request and response models of the HTTP API (what ``/openapi.json`` describes).

Passages and citations are built from the one schema of :mod:`qa_bot.models` (``PassageDict``,
``CitationDict``, ``FIELD_DOCS``), so the models, the API and the UI cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Literal, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, create_model

from ..followup import MAX_ANSWER_CHARS, MAX_TURNS
from ..models import FIELD_DOCS, CitationDict, PassageDict


class AskFilters(BaseModel):
    """Restrict the answer to some documents."""

    model_config = ConfigDict(extra="forbid")
    year: StrictInt | None = Field(None, description="only documents dated in this year", examples=[2024])
    doc_ids: list[StrictStr] | None = Field(None, description="only these documents (see /api/documents)")
    doc_type: str | None = Field(
        None, max_length=100, description="only documents of this type (Chỉ thị, Nghị quyết, "
                                          "Quyết định, Công điện, Kế hoạch, Thông báo kết luận...)")
    issuer: str | None = Field(
        None, max_length=200, description="only documents of this issuing body (any part "
                                          "of its name, e.g. UBND tỉnh Quảng Bình)")
    number: str | None = Field(
        None, max_length=100, description="only the document with "
                                          "this number, e.g. 05/CT-TTg")


class HistoryTurn(BaseModel):
    """One earlier turn of the conversation. Other keys are allowed (and ignored), so the answer
    object of an earlier turn can be sent back as it came."""

    model_config = ConfigDict(extra="allow")
    question: StrictStr = Field(..., description="the question asked in that turn (at most 2,000 characters, "
                                                 "as any question)")
    answer: StrictStr = Field(..., max_length=MAX_ANSWER_CHARS,
                              description=f"the answer given, at most {MAX_ANSWER_CHARS:,} characters")


class AskRequest(BaseModel):
    """Body of ``POST /api/ask``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"question": "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", "top_k": 5},
            {"question": "Phiên đó đánh giá những hạn chế gì?",
             "history": [{"question": "Phiên họp thứ chín do ai chủ trì?",
                          "answer": "Phó Thủ tướng thường trực Trương Hòa Bình, Phó Trưởng Ban Chỉ đạo "
                                    "cải cách hành chính chủ trì cuộc họp. [1]"}]},
        ]},
    )
    question: StrictStr = Field(..., description="the question, 1 to 2,000 characters")
    top_k: StrictInt | None = Field(None, description="passages to cite, 1..50 (default 5)")
    filters: AskFilters | None = None
    history: list[HistoryTurn] | None = Field(
        None, max_length=MAX_TURNS,
        description=f"the earlier turns of this conversation, oldest first, at most {MAX_TURNS}: a "
                    "follow-up question is answered as the standalone question in interpreted_as. "
                    "The server keeps no session: send the turns with every question")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")  # new fields added by the bot pass through


def _model(name: str, spec: type, doc: str) -> type[BaseModel]:
    """A response model with the fields of a TypedDict of :mod:`qa_bot.models`, all required."""
    fields: dict[str, Any] = {k: (t, Field(..., description=FIELD_DOCS[k]))
                              for k, t in get_type_hints(spec).items()}
    return create_model(name, __base__=_Open, __doc__=doc, **fields)


SearchHitOut = _model("SearchHitOut", PassageDict, "One passage found for a query.")
CitationOut = _model("CitationOut", CitationDict, "One numbered source of an answer.")

AnswerStatus = Literal["answered", "partial", "not_found"]


class AnswerOut(_Open):
    """The answer object."""

    question: str = Field(..., description="the question as asked")
    answer: str = Field(..., description="the answer, made of the documents' sentences, each followed "
                                         "by [n]; for not_found, a Vietnamese message saying so")
    found: bool = Field(..., description='true exactly when status is "answered"')
    status: AnswerStatus = Field(
        ..., description='"answered": the documents answer the question; "partial": they hold something '
                         "close but not what was asked (e.g. another year's figure), and the answer "
                         'first says what is missing, then cites what there is; "not_found": the '
                         "documents do not contain the answer (related passages, if any, come as "
                         "unused citations)")
    interpreted_as: str = Field(..., description="the standalone question that was answered (the "
                                                 "question itself when no earlier turn was used)")
    citations: list[CitationOut] = Field(  # type: ignore[valid-type]
        ..., description="used citations first, then related unused ones")


class SearchOut(_Open):
    """The search object."""

    query: str
    results: list[SearchHitOut]  # type: ignore[valid-type]


class DocumentOut(_Open):
    """One document of ``GET /api/documents``."""

    doc_id: str
    title: str
    source: str | None
    url: str | None
    date: str | None
    chunks: int
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    signer: str | None = None


class DocumentFullOut(DocumentOut):
    """``GET /api/documents/{doc_id}``: metadata plus the text offsets point into."""

    text: str


class HealthOut(_Open):
    """``GET /healthz``."""

    status: str
    documents: int
    chunks: int


class ErrorOut(BaseModel):
    """Every 4xx answer."""

    error: str = Field(..., description="what went wrong, in Vietnamese")
    detail: Any = None


#: The error answers routes declare in the OpenAPI description.
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (400, 404, 413, 422)}

__all__ = ["ERRORS", "AnswerOut", "AskFilters", "AskRequest", "CitationOut", "DocumentFullOut",
           "DocumentOut", "ErrorOut", "HealthOut", "HistoryTurn", "SearchHitOut", "SearchOut"]
