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
from collections.abc import Sequence
from typing import Any

from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .handlers import render_json
from .routes import allowed_methods, error_message

#: Buffer at most this much of a 4xx body to reshape it; larger ones pass through as they are.
MAX_BUFFER = 256 * 1024


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


__all__ = ["MAX_BUFFER", "ErrorShapeMiddleware"]
