"""Request and response models of the HTTP API (what ``/openapi.json`` describes).

Every limit the server enforces on a request is declared here, so that the schema and the server
agree (a schema-driven fuzzer finds no valid request refused, no invalid one accepted): question
length and non-blank pattern, ``top_k``/``k`` and ``year`` ranges, at most :data:`MAX_DOC_IDS`
document ids of at most :data:`MAX_DOC_ID_CHARS` characters, history turns and answer length.
Strings with a lone UTF-16 surrogate (``"\\ud800"``) are not Unicode text: refused with 422.
The request models follow the settings' limits (:func:`request_models`).

Passages and citations are built from the one schema of :mod:`qa_bot.models` (``PassageDict``,
``CitationDict``, ``FIELD_DOCS``), so the models, the API and the UI cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal, get_type_hints

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    create_model,
)
from pydantic_core import PydanticCustomError

from ..config import Settings
from ..followup import MAX_ANSWER_CHARS, MAX_TURNS
from ..models import FIELD_DOCS, CitationDict, PassageDict

#: The characters ``str.strip()`` removes (``str.isspace``), as a regex class that JSON Schema
#: (ECMA-262), Python and pydantic's Rust engine read alike.
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: A question must hold one character that is not white space (unanchored: "contains one").
NOT_BLANK = f"[^{_SPACE}]"
#: Filters: at most this many document ids, each at most this long (a file name's stem).
MAX_DOC_IDS = 100
MAX_DOC_ID_CHARS = 255
#: Years a filter may name.
MIN_YEAR, MAX_YEAR = 1, 9999


def _unicode_text(value: str) -> str:
    """``value`` if it is Unicode text: a lone surrogate (``"\\ud800"`` in JSON) is refused."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise PydanticCustomError("unicode_surrogate", "string holds a lone UTF-16 surrogate") from None
    return value


def _whole_number(value: object) -> object:
    """``5.0`` is the integer 5 (as JSON Schema's ``integer`` and ``GET /api/search?k=5.0`` read it)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: A JSON string that is Unicode text.
Text = Annotated[StrictStr, AfterValidator(_unicode_text)]
def whole_int(ge: int, le: int) -> Any:
    """A JSON integer from ``ge`` to ``le``, ``5.0`` included; not ``"5"``, ``true`` or ``2.5``."""
    return Annotated[StrictInt, Field(ge=ge, le=le), BeforeValidator(_whole_number)]

DocId = Annotated[Text, Field(min_length=1, max_length=MAX_DOC_ID_CHARS)]


@dataclass(frozen=True)
class RequestModels:
    """The request models for one set of limits."""

    AskFilters: type[BaseModel]
    HistoryTurn: type[BaseModel]
    AskRequest: type[BaseModel]
    max_question_chars: int
    max_top_k: int


@lru_cache(maxsize=8)
def request_models(max_question_chars: int = Settings.max_question_chars,
                   max_top_k: int = Settings.max_top_k) -> RequestModels:
    """The request models of ``POST /api/ask`` with these limits (``bot.settings``'s)."""
    q_chars = max_question_chars

    class AskFilters(BaseModel):
        """Restrict the answer to some documents."""

        model_config = ConfigDict(extra="forbid")
        year: whole_int(MIN_YEAR, MAX_YEAR) | None = Field(
            None, examples=[2024], description="only documents dated in this year")
        doc_ids: Annotated[list[DocId], Field(max_length=MAX_DOC_IDS)] | None = Field(
            None,
            description=f"only these documents (see /api/documents), at most {MAX_DOC_IDS}")
        doc_type: Annotated[Text, Field(max_length=100)] | None = Field(
            None, description="only documents of this type (Chỉ thị, Nghị quyết, "
                                              "Quyết định, Công điện, Kế hoạch, Thông báo kết luận...)")
        issuer: Annotated[Text, Field(max_length=200)] | None = Field(
            None, description="only documents of this issuing body (any part "
                                              "of its name, e.g. UBND tỉnh Quảng Bình)")
        number: Annotated[Text, Field(max_length=100)] | None = Field(
            None, description="only the document with "
                                              "this number, e.g. 05/CT-TTg")

    class HistoryTurn(BaseModel):
        """One earlier turn of the conversation. Other keys are allowed (and ignored), so the answer
        object of an earlier turn can be sent back as it came."""

        model_config = ConfigDict(extra="allow")
        question: Text = Field(..., min_length=1, max_length=q_chars, pattern=NOT_BLANK,
                               description=f"the question asked in that turn (1 to {q_chars:,} "
                                           "characters, not only white space, as any question)")
        answer: Text = Field(..., max_length=MAX_ANSWER_CHARS,
                             description=f"the answer given, at most {MAX_ANSWER_CHARS:,} characters")

    class AskRequest(BaseModel):
        """Body of ``POST /api/ask``."""

        model_config = ConfigDict(
            extra="forbid",
            json_schema_extra={"examples": [
                {"question": "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", "top_k": 5},
                {"question": "Phiên đó đánh giá những hạn chế gì?",
                 "history": [{"question": "Phiên họp thứ chín do ai chủ trì?",
                              "answer": "Phó Thủ tướng thường trực Trương Hòa Bình, Phó Trưởng Ban Chỉ "
                                        "đạo cải cách hành chính chủ trì cuộc họp. [1]"}]},
            ]},
        )
        question: Text = Field(..., min_length=1, max_length=q_chars, pattern=NOT_BLANK,
                               description=f"the question, 1 to {q_chars:,} characters, not only white "
                                           "space")
        top_k: whole_int(1, max_top_k) | None = Field(
            None, description=f"passages to cite, 1..{max_top_k} (default 5)")
        filters: AskFilters | None = None
        history: Annotated[list[HistoryTurn], Field(max_length=MAX_TURNS)] | None = Field(
            None,
            description=f"the earlier turns of this conversation, oldest first, at most {MAX_TURNS}: a "
                        "follow-up question is answered as the standalone question in interpreted_as. "
                        "The server keeps no session: send the turns with every question")

    return RequestModels(AskFilters, HistoryTurn, AskRequest, max_question_chars, max_top_k)


_DEFAULT = request_models()
AskFilters, HistoryTurn, AskRequest = _DEFAULT.AskFilters, _DEFAULT.HistoryTurn, _DEFAULT.AskRequest


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


class SkippedOut(BaseModel):
    """A file of the documents folder that is not indexed."""

    file: str = Field(..., description="its name")
    reason: str = Field(..., description="why, in Vietnamese")


class HealthOut(_Open):
    """``GET /healthz``."""

    status: str
    documents: int
    chunks: int
    skipped: list[SkippedOut] = Field(..., description="files of the documents folder not indexed")
    notice: str | None = Field(..., description="why the index answering is not the index of the "
                                                "current documents (rebuilding, read-only folder...), "
                                                "or null")


class ErrorOut(BaseModel):
    """Every 4xx answer."""

    error: str = Field(..., description="what went wrong, in Vietnamese")
    detail: Any = None


#: The error answers routes declare in the OpenAPI description.
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (400, 404, 413, 422, 429)}

__all__ = ["ERRORS", "MAX_DOC_IDS", "MAX_DOC_ID_CHARS", "MAX_YEAR", "MIN_YEAR", "NOT_BLANK", "AnswerOut",
           "AskFilters", "AskRequest", "CitationOut", "DocId", "DocumentFullOut", "DocumentOut", "ErrorOut",
           "HealthOut", "HistoryTurn", "RequestModels", "SearchHitOut", "SearchOut", "SkippedOut", "Text",
           "request_models", "whole_int"]
