"""Error answers of the HTTP API: JSON ``{"error": "<Vietnamese message>", "detail": ...}`` with a
4xx status, never a 500 for bad input; the English detail goes to the log."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, QABotError
from .routes import allowed_methods, error_message

log = logging.getLogger(__name__)
_SURROGATE = re.compile("[\ud800-\udfff]")


def render_json(content: Any) -> bytes:
    """``content`` as UTF-8 JSON; text that is not Unicode (a lone surrogate echoed from a request)
    becomes U+FFFD instead of an exception."""
    text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


class SafeJSONResponse(JSONResponse):
    """A JSON response that cannot fail on text that is not Unicode."""

    def render(self, content: Any) -> bytes:
        return render_json(content)


def error_response(status: int, message: str, detail: Any = None,
                   headers: dict | None = None) -> JSONResponse:
    """``{"error": message}`` (plus ``detail`` when given) with ``status``."""
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    return SafeJSONResponse(body, status_code=status, headers=headers)


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
    "string_too_short": "'{f}' trống: hãy nhập nội dung",
    "string_pattern_mismatch": "'{f}' trống (chỉ có khoảng trắng): hãy nhập nội dung",
    "string_too_long": "'{f}' quá dài ({n} ký tự); tối đa {max_length} ký tự",
    "too_long": "'{f}' có quá nhiều phần tử ({n}); tối đa {max_length}",
    "greater_than_equal": "'{f}' phải lớn hơn hoặc bằng {ge}",
    "less_than_equal": "'{f}' phải nhỏ hơn hoặc bằng {le}",
    "string_unicode": "'{f}' có ký tự không hợp lệ (nửa cặp UTF-16 đứng riêng, như \\ud800)",
    "unicode_surrogate": "'{f}' có ký tự không hợp lệ (nửa cặp UTF-16 đứng riêng, như \\ud800)",
}
#: Friendlier words for the question itself.
_QUESTION_MESSAGES = {
    "string_too_short": "câu hỏi trống: hãy nhập nội dung cần hỏi",
    "string_pattern_mismatch": "câu hỏi trống: hãy nhập nội dung cần hỏi",
}


def _size(e: dict) -> object:
    value = e.get("input")
    return len(value) if isinstance(value, (str, list)) else "?"


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
    what = "câu hỏi" if loc[-1] == "question" else "câu trả lời"
    if kind == "string_too_long":
        return (f"{what} ở lượt {turn} của lịch sử hội thoại quá dài ({_size(e)} ký tự); tối đa "
                f"{ctx.get('max_length')} ký tự")
    if kind in ("string_too_short", "string_pattern_mismatch"):
        return f"lượt {turn} của lịch sử hội thoại có câu hỏi trống"
    if kind in ("string_unicode", "unicode_surrogate"):
        return f"{what} ở lượt {turn} của lịch sử hội thoại có ký tự không hợp lệ (nửa cặp UTF-16 đứng riêng)"
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
        if f == "question" and kind in _QUESTION_MESSAGES:
            out.append(_QUESTION_MESSAGES[kind])
            continue
        template = _TYPE_MESSAGES.get(kind)
        ctx = {k: v for k, v in (e.get("ctx") or {}).items() if k in ("max_length", "ge", "le")}
        out.append(template.format(f=f, n=_size(e), **{"max_length": "?", "ge": "?", "le": "?", **ctx})
                   if template else f"giá trị của '{f}' không hợp lệ ({e.get('msg', '')})")
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
        status, headers = exc.status_code, dict(getattr(exc, "headers", None) or {})
        message = exc.detail if isinstance(exc.detail, str) else "Lỗi yêu cầu."
        if (status == 404 and message == "Not Found") or status == 405:
            # Starlette's router names the first route that matched the path only: every route counts.
            allow = allowed_methods(request.app.router.routes, request.scope)
            if allow and request.method not in allow:
                status, headers["Allow"] = 405, ", ".join(allow)
            message = error_message(status, request.method, request.url.path, allow)
        return error_response(status, message, headers=headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover
        log.exception("lỗi không lường trước khi xử lý %s", request.url.path)
        return error_response(500, "Lỗi máy chủ nội bộ; vui lòng thử lại sau.")


__all__ = ["SafeJSONResponse", "error_response", "install_error_handlers", "render_json",
           "validation_message"]
