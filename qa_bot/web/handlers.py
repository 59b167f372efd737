"""Error answers of the HTTP API: JSON ``{"error": "<Vietnamese message>", "detail": ...}`` with a
4xx status, never a 500 for bad input; the English detail goes to the log."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, QABotError

log = logging.getLogger(__name__)


def error_response(status: int, message: str, detail: Any = None,
                   headers: dict | None = None) -> JSONResponse:
    """``{"error": message}`` (plus ``detail`` when given) with ``status``."""
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


def _history_message(kind: str, loc: tuple, e: dict) -> str:
    """What is wrong with the ``history`` of ``POST /api/ask`` (the library's own wording)."""
    ctx = e.get("ctx") or {}
    if len(loc) == 1 and kind == "too_long":
        return (f"lịch sử hội thoại quá dài ({ctx.get('actual_length')} lượt); tối đa "
                f"{ctx.get('max_length')} lượt gần nhất")
    if len(loc) == 1:
        return ('lịch sử hội thoại (history) phải là một danh sách các lượt hỏi đáp '
                '{"question": ..., "answer": ...}, lượt cũ nhất trước')
    turn = loc[1] + 1 if isinstance(loc[1], int) else loc[1]
    if kind == "string_too_long":
        size = len(e["input"]) if isinstance(e.get("input"), str) else "?"
        return (f"câu trả lời ở lượt {turn} của lịch sử hội thoại quá dài ({size} ký tự); tối đa "
                f"{ctx.get('max_length')} ký tự")
    return (f'lượt {turn} của lịch sử hội thoại phải có dạng {{"question": "...", "answer": "..."}} '
            "(hai chuỗi ký tự)")


def validation_message(errors: list[dict]) -> str:
    """A readable Vietnamese sentence for pydantic errors."""
    out = []
    for e in errors:
        kind, loc = e.get("type", ""), tuple(e.get("loc", ()))
        if loc[:2] == ("body", "history"):
            out.append(_history_message(kind, loc[1:], e))
            continue
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


def install_error_handlers(app: FastAPI) -> None:
    """Validation errors -> 400 (not JSON) or 422, :class:`InputError` -> 422, other
    :class:`QABotError` -> 500 with its message, HTTP errors with Vietnamese messages."""

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in errors]
        status = 400 if any(e.get("type") == "json_invalid" for e in errors) else 422
        return error_response(status, validation_message(errors), detail)

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        log.debug("%s %s: %s", request.method, request.url.path, exc.detail)
        return error_response(422, str(exc))

    @app.exception_handler(QABotError)
    async def _qa_bot(request: Request, exc: QABotError) -> JSONResponse:  # pragma: no cover
        log.error("%s (%s)", exc, exc.detail)
        return error_response(500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "Lỗi yêu cầu."
        if exc.status_code == 404 and message == "Not Found":
            message = "Không tìm thấy đường dẫn này."
        elif exc.status_code == 405:
            message = "Phương thức HTTP không được hỗ trợ cho đường dẫn này."
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover
        log.exception("lỗi không lường trước khi xử lý %s", request.url.path)
        return error_response(500, "Lỗi máy chủ nội bộ; vui lòng thử lại sau.")


__all__ = ["error_response", "install_error_handlers", "validation_message"]
