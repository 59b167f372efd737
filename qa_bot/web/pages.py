"""HTML pages served beside the API: ``/docs`` (Swagger UI, served locally) and
``/tai-lieu/{doc_id}`` (a document as a readable page, the cited passage marked)."""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..bot import QABot
from ..ui.page import render_document_page

#: The document page runs no script at all.
DOCUMENT_PAGE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                     "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
#: The Swagger UI page's icon (the UI's logo), inline: no extra request.
_FAVICON = ("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' "
            "stroke='%231d4ed8' stroke-width='1.8'%3E%3Cpath d='M3 21h18M5 21V10m4 11V10m6 11V10m4 "
            "11V10M2 10l10-6 10 6z'/%3E%3C/svg%3E")


def mount_api_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI 5 (it reads the OpenAPI 3.1 description FastAPI writes) from the
    ``fastapi-offline`` package, not from a CDN, so the page works on an offline intranet."""
    static = files("fastapi_offline") / "static"
    app.mount("/static/swagger", StaticFiles(directory=str(static)), name="swagger")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="qa-bot API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url=_FAVICON,
        )


def document_router(bot: QABot) -> APIRouter:
    """``/tai-lieu/{doc_id}?start=&end=``: the document's text (escaped), ``text[start:end]`` marked;
    404 with a readable page for an unknown id. Needs no Gradio."""
    router = APIRouter()

    @router.get("/tai-lieu/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(doc_id: str, start: int | None = None, end: int | None = None) -> HTMLResponse:
        doc = bot.document(doc_id)
        headers = {"Content-Security-Policy": DOCUMENT_PAGE_CSP}
        if doc is None:
            return HTMLResponse(render_document_page(None), status_code=404, headers=headers)
        return HTMLResponse(render_document_page(doc, start, end), headers=headers)

    return router


__all__ = ["DOCUMENT_PAGE_CSP", "document_router", "mount_api_docs"]
