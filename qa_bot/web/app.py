"""The web application: the HTTP API, its docs, the document pages and the chat UI, over one
:class:`QABot`. The UI and the API hold no retrieval logic: everything goes through the bot."""

from __future__ import annotations

import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from ..bot import QABot
from .api import api_router
from .fastlane import FastLane
from .handlers import install_error_handlers
from .manage import BodyLimits, install_management
from .middleware import SecurityHeadersMiddleware
from .pages import document_router, mount_api_docs

DESCRIPTION = (
    "Hỏi đáp có trích dẫn về cải cách hành chính. Mỗi câu trả lời dẫn nguồn bằng [n]; "
    "`text` của một trích dẫn đúng bằng `text[start:end]` của văn bản "
    "(`GET /api/documents/{doc_id}`). `status` là `answered` (trả lời đầy đủ), `partial` "
    "(tài liệu chỉ có thông tin gần đúng; câu đầu nói rõ phần còn thiếu) hoặc `not_found`; "
    "trích dẫn có `used: false` là đoạn liên quan mà câu trả lời không dùng."
)


def create_app(bot: QABot, cors: list[str] | tuple[str, ...] | None = None, max_body: int | None = None,
               ui: bool = True) -> FastAPI:
    """The FastAPI application over ``bot``: API routes, then the Gradio chat UI mounted at ``/``.

    ``cors``: browser origins allowed to call the API; ``max_body``: largest request body in bytes
    (413 above); both default to ``bot.settings``. ``ui=False`` leaves the chat UI out (API only,
    and Gradio is not imported).
    """
    settings = bot.settings
    app = FastAPI(title="qa-bot API", version="1.0", description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.bot = bot
    install_error_handlers(app)
    mount_api_docs(app)
    install_management(app, bot)  # before the API's catch-all route
    app.include_router(api_router(bot))
    app.include_router(document_router(bot))

    # Our CORS policy applies to the whole app, the UI included; Gradio defers to it when the parent
    # app configures CORSMiddleware, so an empty list means "no cross-origin access at all".
    # The last added is the outermost: CORS headers go on every answer, the 413s, 429s and closed
    # routes of the inner layers included, so an allowed page can read those refusals too.
    origins = list(settings.cors if cors is None else cors)
    app.add_middleware(FastLane, bot=bot)  # innermost: POST /api/ask, GET /healthz without FastAPI
    app.add_middleware(BodyLimits, max_body=settings.max_body if max_body is None else max_body,
                       max_upload=settings.max_upload)  # uploads (POST /api/documents) may be larger
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type", "Authorization"], allow_credentials=False)

    if ui:
        os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline product: no telemetry
        from ..ui.app import mount_ui

        mount_ui(app, bot)
    return app


__all__ = ["create_app"]
