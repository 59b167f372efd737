"""One error shape for every 4xx answer of the server, and the right 404 or 405.

The chat UI (Gradio) is mounted at ``/`` and answers every path the API does not have, with its own
``{"detail": ...}`` bodies; Starlette's plain-text errors have no shape at all. This middleware,
outermost but for the security headers, rewrites every 4xx that is not already
``{"error": "<Vietnamese message>", ...}`` (HTML pages excepted: the document page has its own
readable 404) into that shape, keeping the original body as ``detail`` so Gradio's own front end
still finds it. A 404 for a path that one of the application's routes serves with other methods
becomes a 405 with ``Allow``. The API needs no catch-all route: route registration order (the
management routes, say) cannot shadow anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .handlers import render_json

#: Buffer at most this much of a 4xx body to reshape it; larger ones pass through as they are.
MAX_BUFFER = 256 * 1024
_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Cần xác thực để dùng chức năng này.",
    403: "Không được phép dùng chức năng này.",
    408: "Hết thời gian chờ nội dung yêu cầu.",
    411: "Thiếu độ dài nội dung (Content-Length).",
    413: "Nội dung yêu cầu quá lớn.",
    415: "Kiểu nội dung (Content-Type) không được hỗ trợ.",
    422: "Yêu cầu không hợp lệ.",
    429: "Quá nhiều yêu cầu; vui lòng thử lại sau.",
}


def _flatten(routes: Sequence[BaseRoute], prefix: str = "") -> Iterator[tuple[str, BaseRoute]]:
    """``(prefix, route)`` for every route, inside included routers too (FastAPI keeps those as
    one route holding the router)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _flatten(inner.routes, prefix + (getattr(context, "prefix", "") or ""))
        else:
            yield prefix, route


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """The methods the application's own routes accept at ``scope``'s path (not the UI mounted at
    ``/``, which takes every path), sorted; empty when none of them serves the path."""
    methods: set[str] = set()
    path = scope.get("path", "")
    for prefix, route in _flatten(routes):
        route_methods = getattr(route, "methods", None)
        if isinstance(route, Mount) or not route_methods or not path.startswith(prefix):
            continue
        probe = {**scope, "method": next(iter(route_methods)), "path": path[len(prefix):],
                 "root_path": ""}
        match, _ = route.matches(probe)
        if match is Match.FULL:
            methods |= set(route_methods)
    return sorted(methods)


def error_message(status: int, method: str, path: str, allow: Sequence[str] = ()) -> str:
    """The Vietnamese message of a 4xx ``status`` the application did not word itself."""
    if status == 405 and allow:
        return f"Phương thức {method} không được hỗ trợ cho {path}; dùng {', '.join(allow)}."
    if status == 405:
        return f"Phương thức {method} không được hỗ trợ cho {path}."
    if status == 404 and path.startswith("/api/documents/") and method in ("GET", "HEAD"):
        return f"Không có văn bản với mã '{path[len('/api/documents/'):]}'."
    if status == 404:
        return f"Không tìm thấy đường dẫn {path}."
    return _MESSAGES.get(status, f"Yêu cầu không được chấp nhận (mã {status}).")


def _is_shaped(body: bytes) -> tuple[bool, Any]:
    """Whether ``body`` is already ``{"error": str, ...}``; the parsed body (or its text)."""
    try:
        data = json.loads(body)
    except ValueError:
        return False, body.decode("utf-8", "replace").strip() or None
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return True, data
    if isinstance(data, dict) and set(data) == {"detail"}:
        return False, data["detail"]
    return False, data


class ErrorShapeMiddleware:
    """Every 4xx as ``{"error": "<Vietnamese>", "detail": <original body>}``; 404 -> 405 + ``Allow``
    where the application's routes serve the path with other methods."""

    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute]) -> None:
        self.app, self.routes = app, routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False

        async def reshaping_send(message: Message) -> None:
            nonlocal start, size, passing
            if passing:
                await send(message)
                return
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = dict(message.get("headers", []))
                kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
                if not 400 <= status < 500 or kind == b"text/html" or scope["method"] == "HEAD":
                    passing = True
                    await send(message)
                else:
                    start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > MAX_BUFFER:
                passing = True
                await send(start)
                await send({"type": "http.response.body", "body": b"".join(chunks),
                            "more_body": message.get("more_body", False)})
                return
            if not message.get("more_body", False):
                await self._send_shaped(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, reshaping_send)

    async def _send_shaped(self, scope: Scope, start: Message, body: bytes, send: Send) -> None:
        status = start["status"]
        shaped, detail = _is_shaped(body)
        headers = [(k, v) for k, v in start.get("headers", [])
                   if k.lower() not in (b"content-length", b"content-type")]
        if shaped:
            out = body
        else:
            allow = allowed_methods(self.routes, scope) if status in (404, 405) else []
            if status == 404 and allow and scope["method"] not in allow:
                status = 405
            if status == 405 and allow:
                headers = [(k, v) for k, v in headers if k.lower() != b"allow"]
                headers.append((b"allow", ", ".join(allow).encode("latin-1")))
            message = error_message(status, scope["method"], scope.get("path", ""), allow)
            content: dict[str, Any] = {"error": message}
            if detail is not None:
                content["detail"] = detail
            out = render_json(content)
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(out)).encode())]
        await send({**start, "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": out, "more_body": False})


__all__ = ["MAX_BUFFER", "ErrorShapeMiddleware", "allowed_methods", "error_message"]
