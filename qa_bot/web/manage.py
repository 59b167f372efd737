"""Document management over HTTP, protected by the admin key (:mod:`qa_bot.manage` does the work,
:class:`qa_bot.QABot` re-indexes):

    POST   /api/documents               multipart: file (+ title, date, source, url, replace)  -> 201
    DELETE /api/documents/{doc_id}                                                           -> 204
    GET    /api/admin                   checks the key (the UI's "Tài liệu" tab)             -> 200
    GET    /api/documents/{doc_id}/file the original file (no key needed)

Management routes need ``Authorization: Bearer <key>``; with no key configured
(``QA_BOT_ADMIN_KEY`` / ``QA_BOT_ADMIN_KEY_FILE``) they answer 403 saying how to turn them on; a
missing or wrong key gets 401. The key is checked before the upload is read. Errors use the API's
shape ``{"error": "<Vietnamese message>"}``: 413 too large, 415 not a readable kind (checked from
the content), 422 unreadable or bad metadata, 409 id taken, 404 unknown id.
"""

from __future__ import annotations

import logging
import mimetypes

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import documents as docs
from ..bot import QABot
from ..manage import ManageError, check_key
from ..sidecar import FIELDS
from .handlers import error_response
from .middleware import BodyLimitMiddleware
from .schemas import DocumentOut, ErrorOut

log = logging.getLogger(__name__)
UPLOAD_PATH = "/api/documents"
#: Room for the multipart envelope and the form fields around the file.
FORM_OVERHEAD = 64 * 1024
_bearer = HTTPBearer(auto_error=False, description="khoá quản trị (QA_BOT_ADMIN_KEY)")
_ERRORS = {code: {"model": ErrorOut} for code in (401, 403, 404, 409, 413, 415, 422)}
_FORM_SCHEMA = {
    "type": "object", "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "PDF, DOCX, HTML, TXT or MD; the kind is read from the content"},
        **{name: {"type": "string", "description": f"{name} (overrides what the file says)"}
           for name in ("title", "date", "source", "url")},
        "replace": {"type": "boolean", "description": "replace a document with the same id"},
    },
}


class BodyLimits:
    """The request body limit, larger for uploads: ``POST /api/documents`` may carry
    ``max_upload`` bytes (plus the form around it), every other request ``max_body``."""

    def __init__(self, app: ASGIApp, max_body: int, max_upload: int) -> None:
        self.small = BodyLimitMiddleware(app, max_body)
        self.large = BodyLimitMiddleware(app, max_upload + FORM_OVERHEAD)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        upload = (scope["type"] == "http" and scope.get("method") == "POST"
                  and scope.get("path", "").rstrip("/") == UPLOAD_PATH)
        await (self.large if upload else self.small)(scope, receive, send)


def _refuse(exc: ManageError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
    return error_response(exc.http_status, str(exc), headers=headers)


def manage_router(bot: QABot) -> APIRouter:
    """The management routes over ``bot``."""
    router = APIRouter(tags=["quản lý"])

    def admin(credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:  # noqa: B008
        check_key(bot.settings, credentials.credentials if credentials else None)

    @router.get("/api/admin", responses=_ERRORS, summary="Kiểm tra khoá quản trị",
                dependencies=[Depends(admin)])
    def admin_check() -> dict:
        return {"admin": True, "max_upload": bot.settings.max_upload,
                "formats": list(docs.SUFFIXES)}

    @router.post(UPLOAD_PATH, status_code=201, response_model=DocumentOut, responses=_ERRORS,
                 summary="Thêm một văn bản (tải tệp lên)", dependencies=[Depends(admin)],
                 openapi_extra={"requestBody": {"required": True, "content": {
                     "multipart/form-data": {"schema": _FORM_SCHEMA}}}})
    async def upload(request: Request) -> JSONResponse:
        try:
            form = await request.form(max_files=1, max_fields=len(FIELDS) + 2)
        except MultiPartException as exc:
            return error_response(422, "Nội dung gửi lên không phải biểu mẫu multipart hợp lệ "
                                       f"({exc.message}).")
        try:
            file = form.get("file")
            if not isinstance(file, UploadFile):
                return error_response(422, "Thiếu tệp: gửi tệp trong trường 'file' của biểu mẫu "
                                           "multipart/form-data.")
            unknown = [k for k in form if k not in (*FIELDS, "file", "replace")]
            if unknown:
                return error_response(422, f"Không hỗ trợ trường '{unknown[0]}'; các trường: file, "
                                           f"{', '.join(FIELDS)}, replace.")
            meta = {k: v for k, v in form.items() if k in FIELDS and isinstance(v, str)}
            replace = str(form.get("replace", "")).lower() in ("1", "true", "yes", "on")
            data = await file.read()
            name = file.filename or "tai-lieu"
        finally:
            await form.close()
        entry = await run_in_threadpool(bot.add_document, data, name, meta, replace)
        log.info("đã thêm văn bản %s (%s, %d byte) qua API", entry["doc_id"], name, len(data))
        return JSONResponse(entry, status_code=201)

    @router.delete(UPLOAD_PATH + "/{doc_id}", status_code=204, responses=_ERRORS,
                   summary="Bỏ một văn bản", dependencies=[Depends(admin)])
    async def delete(doc_id: str) -> Response:
        await run_in_threadpool(bot.remove_document, doc_id)
        log.info("đã bỏ văn bản %s qua API", doc_id)
        return Response(status_code=204)

    @router.get(UPLOAD_PATH + "/{doc_id}/file", response_class=FileResponse, responses=_ERRORS,
                summary="Tải tệp gốc của một văn bản")
    def original(doc_id: str) -> Response:
        path = bot.document_file(doc_id)
        if path is None:
            return error_response(404, f"Không có tệp gốc của văn bản '{doc_id}'.")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return FileResponse(path, media_type=kind, filename=path.name)

    return router


def install_management(app: FastAPI, bot: QABot) -> None:
    """Add the management routes (before the API's catch-all) and map refusals to their status."""

    @app.exception_handler(ManageError)
    async def _manage_error(request: Request, exc: ManageError) -> JSONResponse:
        log.debug("%s %s: %s", request.method, request.url.path, exc.detail)
        return _refuse(exc)

    app.include_router(manage_router(bot))


__all__ = ["BodyLimits", "install_management", "manage_router"]
