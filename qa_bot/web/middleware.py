"""ASGI middleware of the server: the request body limit, a read timeout for request bodies, the
Gradio upload routes closed, and security headers. :class:`SecurityHeadersMiddleware` (outermost,
added by :func:`qa_bot.web.app.create_app`) runs the whole hardening chain of :func:`harden`.
"""

from __future__ import annotations

import asyncio
import logging

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .handlers import error_response

log = logging.getLogger(__name__)

#: The policy of every page but those that set their own (the document page runs no script).
#: Gradio's page needs inline scripts and ``new Function`` (the UI's own script is run that way),
#: inline styles, ``data:``/``blob:`` images; it talks only to its own origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "media-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"no-referrer",
    b"content-security-policy": CONTENT_SECURITY_POLICY.encode(),
    b"cross-origin-opener-policy": b"same-origin",
}
#: Gradio routes the chat UI never uses: file uploads (kept forever in a temp folder, absolute path
#: returned), recordings, its development and "vibe" editing routes. Answered 404 in the API's shape.
CLOSED_UI_ROUTES = ("/gradio_api/upload", "/gradio_api/upload_progress", "/gradio_api/process_recording",
                    "/gradio_api/vibe-edit", "/gradio_api/undo-vibe-edit", "/gradio_api/vibe-code",
                    "/gradio_api/dev/reload", "/gradio_api/run-history")


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_body`` bytes with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    def _too_large(self) -> JSONResponse:
        return error_response(413, f"Nội dung yêu cầu quá lớn: tối đa {self.max_body} byte.")

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
    """The server's outermost layer: security headers on every response (``nosniff``,
    ``X-Frame-Options: DENY``, a ``Content-Security-Policy`` with ``frame-ancestors 'none'`` unless
    the response sets its own, ``Referrer-Policy: no-referrer``), around :func:`harden`'s chain
    (error shape, rate limit, closed upload routes, body read timeout), configured from the
    application's ``state.bot.settings`` at the first request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.inner: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.inner is None:
            self.inner = harden(self.app, scope.get("app"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS.items() if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.inner(scope, receive, send_with_headers)


class ClosedRoutesMiddleware:
    """404 (in the API's error shape) for the Gradio routes in ``closed``, whatever the method."""

    def __init__(self, app: ASGIApp, closed: tuple[str, ...] = CLOSED_UI_ROUTES) -> None:
        self.app, self.closed = app, closed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "").rstrip("/")
        if scope["type"] == "http" and any(path == c or path.startswith(c + "/") for c in self.closed):
            response = error_response(404, "Giao diện hỏi đáp không nhận tệp tải lên; đường dẫn này "
                                           "đã đóng.")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyTimeoutMiddleware:
    """A request body must keep coming: a wait of more than ``timeout`` seconds for its next piece
    is answered 408 (``Connection: close``) and the application sees a disconnected client, so a
    client that sends half a body holds nothing for long. Once the body is complete, ``receive``
    (a disconnect watch, say) waits as long as it likes."""

    def __init__(self, app: ASGIApp, timeout: float) -> None:
        self.app, self.timeout = app, timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.timeout <= 0:
            await self.app(scope, receive, send)
            return
        body_done = timed_out = started = False

        async def timed_receive() -> Message:
            nonlocal body_done, timed_out
            if timed_out:
                return {"type": "http.disconnect"}
            if body_done:
                return await receive()
            try:
                async with asyncio.timeout(self.timeout):  # no task per message, as wait_for makes
                    message = await receive()
            except TimeoutError:
                timed_out = True
                log.debug("%s %s: request body stalled for %g s", scope["method"], scope["path"],
                          self.timeout)
                if not started:
                    await error_response(408, f"Hết thời gian chờ nội dung yêu cầu (quá {self.timeout:g} "
                                              "giây không nhận thêm dữ liệu).",
                                         headers={"Connection": "close"})(scope, receive, send)
                return {"type": "http.disconnect"}
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if timed_out:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, timed_receive, guarded_send)


def harden(app: ASGIApp, fastapi_app: object) -> ASGIApp:
    """``app`` wrapped, outermost first, in the error shape (:mod:`.shape`), the optional
    per-client rate limit (:mod:`.ratelimit`), the closed upload routes and the body read timeout,
    with the limits of ``fastapi_app.state.bot.settings`` (defaults without one)."""
    from ..config import Settings
    from .ratelimit import RateLimitMiddleware
    from .shape import ErrorShapeMiddleware

    state = getattr(fastapi_app, "state", None)
    bot = getattr(state, "bot", None)
    settings = getattr(bot, "settings", None) or Settings()
    routes = getattr(getattr(fastapi_app, "router", None), "routes", [])
    inner: ASGIApp = BodyTimeoutMiddleware(app, settings.body_timeout)
    inner = ClosedRoutesMiddleware(inner)
    if settings.rate_limit > 0:
        inner = RateLimitMiddleware(inner, settings.rate_limit)
    return ErrorShapeMiddleware(inner, routes)


__all__ = ["CLOSED_UI_ROUTES", "CONTENT_SECURITY_POLICY", "SECURITY_HEADERS", "BodyLimitMiddleware",
           "BodyTimeoutMiddleware", "ClosedRoutesMiddleware", "SecurityHeadersMiddleware", "harden"]
