"""An optional per-client rate limit (``qa-bot serve --rate-limit N/min``): a token bucket per
client address, ``N`` requests at once and ``N`` more each minute, for the routes that do work
(the API under ``/api`` and the chat UI's question events). Over it: 429 with ``Retry-After`` and a
Vietnamese message in the API's error shape. Pages, static files, ``/healthz``, ``/openapi.json``
and CORS preflights are not counted.

The client is the connection's peer address (behind a reverse proxy, uvicorn's
``--forwarded-allow-ips`` makes it the ``X-Forwarded-For`` address). One process counts its own
requests: with several server processes each one allows ``N`` per client.
"""

from __future__ import annotations

import math
import threading
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from .handlers import error_response

#: Paths whose requests are counted (prefixes).
COUNTED = ("/api/", "/gradio_api/queue/join", "/gradio_api/call/", "/gradio_api/run/",
           "/gradio_api/api/")
#: Buckets kept before idle ones (full again) are dropped.
MAX_CLIENTS = 10_000


class TokenBuckets:
    """``per_minute`` tokens per key, refilled continuously; thread-safe."""

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0.0 when ``key`` may go ahead (one token taken), else the seconds until it may."""
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - then) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
            if len(self._buckets) > MAX_CLIENTS:
                self._prune(now)
        return wait

    def _prune(self, now: float) -> None:
        full = self.capacity / self.rate
        for key, (_, then) in list(self._buckets.items()):
            if now - then >= full:
                del self._buckets[key]


class RateLimitMiddleware:
    """429 + ``Retry-After`` for a client over ``per_minute`` counted requests a minute."""

    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        self.app, self.per_minute = app, per_minute
        self.buckets = TokenBuckets(per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope["method"] in ("OPTIONS", "HEAD")
                or not path.startswith(COUNTED)):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "?")
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            response = error_response(
                429, f"Bạn đã gửi quá nhiều yêu cầu (tối đa {self.per_minute} yêu cầu mỗi phút); "
                     f"vui lòng thử lại sau {seconds} giây.",
                detail={"limit_per_minute": self.per_minute, "retry_after": seconds},
                headers={"Retry-After": str(seconds)})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


__all__ = ["COUNTED", "RateLimitMiddleware", "TokenBuckets"]
