"""``qa-bot serve``: the chat UI at ``/`` and the HTTP API under ``/api``, in one process.

    POST /api/ask                  {"question": str, "top_k": int = 5,
                                    "filters": {"year": int, "doc_ids": [str]}}
    GET  /api/search?q=...&k=5     (also ``year`` and ``doc_id``, repeatable)
    GET  /api/documents            metadata and passage count of every document
    GET  /api/documents/{doc_id}   metadata plus text
    GET  /healthz                  {"status": "ok", "documents": N, "chunks": M}
    GET  /tai-lieu/{doc_id}        a document as a readable page, the cited passage marked
    /openapi.json, /docs           the API's description

The index is loaded once (:meth:`QABot.from_settings`) and the same :class:`QABot` answers every
request, from the API and from the UI alike. Bad input gets a 4xx JSON error
``{"error": "<Vietnamese message>", "detail": [...]}``, never a 500. The UI and the API hold no
retrieval logic: everything goes through :class:`QABot`.
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
import sys
import threading
import time
from typing import Annotated, Any, Literal

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline product: no telemetry calls

from fastapi import FastAPI, Query, Request  # noqa: E402
from fastapi.exceptions import RequestValidationError  # noqa: E402
from fastapi.middleware.cors import CORSMiddleware  # noqa: E402
from fastapi.responses import HTMLResponse, JSONResponse  # noqa: E402
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr  # noqa: E402
from starlette.exceptions import HTTPException as StarletteHTTPException  # noqa: E402
from starlette.types import ASGIApp, Message, Receive, Scope, Send  # noqa: E402

from .bot import InputError, QABot  # noqa: E402
from .config import Settings  # noqa: E402

log = logging.getLogger("qa_bot.server")

#: Largest request body accepted (bytes). A 2,000-character question is at most ~12 KB of JSON.
DEFAULT_MAX_BODY = 64 * 1024

API_PATHS = {  # path -> allowed methods, for 405 answers
    "/api/ask": ("POST",),
    "/api/search": ("GET",),
    "/api/documents": ("GET",),
}


# -- request and response models ---------------------------------------------------------------
class AskFilters(BaseModel):
    """Restrict the answer to some documents."""

    model_config = ConfigDict(extra="forbid")
    year: StrictInt | None = Field(None, description="only documents dated in this year", examples=[2024])
    doc_ids: list[StrictStr] | None = Field(None, description="only these documents (see /api/documents)")


class AskRequest(BaseModel):
    """Body of ``POST /api/ask``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"question": "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?",
                                         "top_k": 5}]},
    )
    question: StrictStr = Field(..., description="the question, 1 to 2,000 characters")
    top_k: StrictInt | None = Field(None, description="passages to cite, 1..50 (default 5)")
    filters: AskFilters | None = None


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")  # new fields added by the bot pass through


class SearchHitOut(_Open):
    doc_id: str
    title: str
    source: str | None
    url: str | None
    date: str | None
    text: str = Field(..., description="verbatim: document text[start:end]")
    start: int
    end: int
    score: float


class CitationOut(SearchHitOut):
    n: int = Field(..., description="the number of the [n] markers in the answer; used citations are "
                                    "numbered 1, 2, ... in the order the answer first cites them, "
                                    "then come the unused ones")
    used: bool = Field(..., description="true when the answer text cites this passage with [n]; false "
                                        "for a related passage the answer does not use (listed after "
                                        "the used ones)")


AnswerStatus = Literal["answered", "partial", "not_found"]


class AnswerOut(_Open):
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
    citations: list[CitationOut] = Field(..., description="used citations first, then related unused ones")


class SearchOut(_Open):
    query: str
    results: list[SearchHitOut]


class DocumentOut(_Open):
    doc_id: str
    title: str
    source: str | None
    url: str | None
    date: str | None
    chunks: int


class DocumentFullOut(DocumentOut):
    text: str


class HealthOut(_Open):
    status: str
    documents: int
    chunks: int


class ErrorOut(BaseModel):
    error: str = Field(..., description="what went wrong, in Vietnamese")
    detail: Any = None


_ERRORS = {code: {"model": ErrorOut} for code in (400, 404, 413, 422)}


# -- errors -------------------------------------------------------------------------------------
def _error(status: int, message: str, detail: Any = None, headers: dict | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)


def _field(loc: tuple | list) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "nội dung yêu cầu"


_TYPE_MESSAGES = {
    "missing": "thiếu trường bắt buộc '{f}'",
    "string_type": "'{f}' phải là một chuỗi ký tự",
    "int_type": "'{f}' phải là một số nguyên",
    "int_parsing": "'{f}' phải là một số nguyên",
    "int_from_float": "'{f}' phải là một số nguyên",
    "list_type": "'{f}' phải là một danh sách",
    "extra_forbidden": "không hỗ trợ trường '{f}'",
    "model_type": "'{f}' phải là một đối tượng JSON",
    "dict_type": "'{f}' phải là một đối tượng JSON",
    "model_attributes_type": "'{f}' phải là một đối tượng JSON",
}


def validation_message(errors: list[dict]) -> str:
    """A readable Vietnamese sentence for pydantic errors."""
    out = []
    for e in errors:
        kind, loc = e.get("type", ""), tuple(e.get("loc", ()))
        if kind == "json_invalid":
            out.append("nội dung gửi lên không phải JSON hợp lệ")
            continue
        f = _field(loc)
        if kind in ("model_attributes_type", "model_type", "dict_type") and f == "nội dung yêu cầu":
            out.append("nội dung yêu cầu phải là một đối tượng JSON (Content-Type: application/json)")
            continue
        template = _TYPE_MESSAGES.get(kind)
        out.append(template.format(f=f) if template
                   else f"giá trị của '{f}' không hợp lệ ({e.get('msg', '')})")
    text = "; ".join(dict.fromkeys(out)) or "yêu cầu không hợp lệ"
    return "Yêu cầu không hợp lệ: " + text + "."


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_body`` bytes with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app, self.max_body = app, max_body

    def _too_large(self) -> JSONResponse:
        return _error(413, f"Nội dung yêu cầu quá lớn: tối đa {self.max_body} byte.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = False
                if too_big:
                    await self._too_large()(scope, receive, send)
                    return
        received = 0
        started = refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    # Answer 413 now; the application sees a disconnected client and its own
                    # response (if any) is dropped.
                    refused = True
                    if not started:
                        await self._too_large()(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited_receive, guarded_send)


class SecurityHeadersMiddleware:
    """``X-Content-Type-Options: nosniff`` everywhere; ``Referrer-Policy`` so links out leak nothing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"x-content-type-options" not in names:
                    headers.append((b"x-content-type-options", b"nosniff"))
                if b"referrer-policy" not in names:
                    headers.append((b"referrer-policy", b"no-referrer"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- the application ----------------------------------------------------------------------------
def _known_doc_ids(bot: QABot, doc_ids: list[str] | None) -> None:
    if not doc_ids:
        return
    known = {d["doc_id"] for d in bot.documents()}
    missing = [d for d in doc_ids if d not in known]
    if missing:
        raise StarletteHTTPException(404, "Không có văn bản với mã: " + ", ".join(missing) + ".")


def _offline_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI served from the ``swagger-ui-bundle`` package, not from a CDN, so the
    page works on an offline intranet."""
    import swagger_ui_bundle
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="qa-bot API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )


def create_app(bot: QABot, cors: list[str] | None = None, max_body: int = DEFAULT_MAX_BODY,
               ui: bool = True) -> FastAPI:
    """The FastAPI application over ``bot``: API routes, then the Gradio chat UI mounted at ``/``.

    ``cors``: browser origins allowed to call the API (none by default). ``max_body``: largest
    request body in bytes (413 above). ``ui=False`` leaves the chat UI out (API only).
    """
    app = FastAPI(
        title="qa-bot API",
        version="1.0",
        description=(
            "Hỏi đáp có trích dẫn về cải cách hành chính. Mỗi câu trả lời dẫn nguồn bằng [n]; "
            "`text` của một trích dẫn đúng bằng `text[start:end]` của văn bản "
            "(`GET /api/documents/{doc_id}`). `status` là `answered` (trả lời đầy đủ), `partial` "
            "(tài liệu chỉ có thông tin gần đúng; câu đầu nói rõ phần còn thiếu) hoặc `not_found`; "
            "trích dẫn có `used: false` là đoạn liên quan mà câu trả lời không dùng."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.bot = bot
    _offline_docs(app)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in errors]
        status = 400 if any(e.get("type") == "json_invalid" for e in errors) else 422
        return _error(status, validation_message(errors), detail)

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "Lỗi yêu cầu."
        if exc.status_code == 404 and message == "Not Found":
            message = "Không tìm thấy đường dẫn này."
        elif exc.status_code == 405:
            message = "Phương thức HTTP không được hỗ trợ cho đường dẫn này."
        return _error(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover
        log.exception("lỗi không lường trước khi xử lý %s", request.url.path)
        return _error(500, "Lỗi máy chủ nội bộ; vui lòng thử lại sau.")

    @app.post("/api/ask", response_model=AnswerOut, responses=_ERRORS, tags=["api"],
              summary="Trả lời một câu hỏi, có trích dẫn")
    def ask(body: AskRequest) -> dict:
        f = body.filters or AskFilters()
        _known_doc_ids(bot, f.doc_ids)
        return bot.ask(body.question, body.top_k, year=f.year, doc_ids=f.doc_ids or None).to_dict()

    @app.get("/api/search", response_model=SearchOut, responses=_ERRORS, tags=["api"],
             summary="Các đoạn văn phù hợp nhất, không kèm câu trả lời")
    def search(
        q: Annotated[str, Query(description="the query")],
        k: Annotated[int, Query(description="passages to return, 1..50")] = 5,
        year: Annotated[int | None, Query(description="only documents of this year")] = None,
        doc_id: Annotated[list[str] | None, Query(description="only these documents (repeatable)")] = None,
    ) -> dict:
        _known_doc_ids(bot, doc_id)
        return bot.search(q, k, year=year, doc_ids=doc_id or None).to_dict()

    @app.get("/api/documents", response_model=list[DocumentOut], tags=["api"], summary="Danh sách văn bản")
    def documents() -> list[dict]:
        return bot.documents()

    @app.get("/api/documents/{doc_id}", response_model=DocumentFullOut, responses=_ERRORS, tags=["api"],
             summary="Một văn bản: thông tin và toàn văn")
    def document(doc_id: str) -> dict:
        doc = bot.document(doc_id)
        if doc is None:
            raise StarletteHTTPException(404, f"Không có văn bản với mã '{doc_id}'.")
        return doc

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    def api_fallback(rest: str, request: Request) -> JSONResponse:
        path = "/api/" + rest
        allowed = API_PATHS.get(path) or (("GET",) if path.startswith("/api/documents/") else None)
        if allowed:
            return _error(405, f"Phương thức {request.method} không được hỗ trợ cho {path}; "
                               f"dùng {', '.join(allowed)}.", headers={"Allow": ", ".join(allowed)})
        return _error(404, f"Không có đường dẫn API {path}.")

    @app.get("/healthz", response_model=HealthOut, tags=["ops"], summary="Tình trạng dịch vụ")
    def healthz() -> dict:
        return {"status": "ok", **bot.stats()}

    @app.get("/tai-lieu/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(doc_id: str, start: int | None = None, end: int | None = None) -> HTMLResponse:
        from ui.chat import render_document_page

        doc = bot.document(doc_id)
        headers = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                              "img-src 'self' data:; base-uri 'none'; form-action 'none'"}
        if doc is None:
            return HTMLResponse(render_document_page(None), status_code=404, headers=headers)
        return HTMLResponse(render_document_page(doc, start, end), headers=headers)

    # Our CORS policy applies to the whole app, the UI included; Gradio defers to it when the parent
    # app configures CORSMiddleware, so an empty list means "no cross-origin access at all".
    app.add_middleware(CORSMiddleware, allow_origins=list(cors or []), allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type", "Authorization"], allow_credentials=False)
    app.add_middleware(BodyLimitMiddleware, max_body=max_body)
    app.add_middleware(SecurityHeadersMiddleware)

    if ui:
        import gradio as gr

        from ui.chat import build_ui, mount_options

        blocks = build_ui(bot)
        gr.mount_gradio_app(app, blocks, path="/", **mount_options())
    return app


# -- qa-bot serve -------------------------------------------------------------------------------
def _progress(done: int, total: int) -> None:
    if done < total and not sys.stderr.isatty():
        return
    end = "\n" if done >= total else "\r"
    sys.stderr.write(f"qa-bot: lập chỉ mục {done}/{total} tài liệu{end}")
    sys.stderr.flush()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # With IPPROTO_TCP given, asyncio turns Nagle's algorithm off on every connection; without it
    # each response on a kept-alive connection waited ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ValueError(f"không mở được cổng {host}:{port} ({exc.strerror}); "
                         f"hãy chọn cổng khác bằng --port") from None
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else ("[::1]" if host == "::" else host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860, cors: list[str] | None = None,
          max_body: int | None = None, watch: float = 10.0) -> None:
    """Load the index once, then serve the UI and the API with uvicorn until interrupted.
    Every ``watch`` seconds (0: never) a changed documents folder is re-indexed in the
    background while the old index keeps answering."""
    import uvicorn

    # Importing Gradio takes seconds: do it while the index loads or builds.
    threading.Thread(target=importlib.import_module, args=("gradio",), daemon=True).start()
    t0 = time.perf_counter()
    say = lambda msg: print(f"qa-bot: {msg}", file=sys.stderr, flush=True)  # noqa: E731
    say(f"đang nạp chỉ mục {settings.index_dir} (tài liệu: {settings.documents_dir}) ...")
    bot = QABot.from_settings(settings, progress=_progress)
    bot.warm_up()
    stats = bot.stats()
    say(f"chỉ mục sẵn sàng: {stats['documents']} tài liệu, {stats['chunks']} đoạn "
        f"({time.perf_counter() - t0:.1f} s)")
    limit = max_body or int(os.environ.get("QA_BOT_MAX_BODY", DEFAULT_MAX_BODY))
    sock = _bind(host, port)
    app = create_app(bot, cors=cors, max_body=limit)
    url = _url(host, port)
    say(f"Mở {url} trong trình duyệt (giao diện hỏi đáp)")
    say(f"API: {url}/api  ·  tài liệu API: {url}/docs  ·  kiểm tra: {url}/healthz")
    say("CORS: " + (", ".join(cors) if cors else "đóng (chỉ cùng nguồn; mở bằng --cors ORIGIN)"))
    if watch > 0:
        bot.watch(watch, on_error=lambda exc: say(f"lập lại chỉ mục thất bại: {exc}"))
        say(f"theo dõi thay đổi trong {settings.documents_dir} mỗi {watch:g} s")
    say(f"sẵn sàng sau {time.perf_counter() - t0:.1f} s; Ctrl+C để dừng")
    config = uvicorn.Config(app, log_level=os.environ.get("QA_BOT_LOG_LEVEL", "warning"),
                            timeout_graceful_shutdown=3)
    uvicorn.Server(config).run(sockets=[sock])


__all__ = ["DEFAULT_MAX_BODY", "create_app", "serve", "validation_message"]
