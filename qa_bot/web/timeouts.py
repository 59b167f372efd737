"""A deadline for a request's line and headers (slow or incomplete requests).

uvicorn closes a kept-alive connection that stays silent ``timeout_keep_alive`` seconds, but any
byte cancels that timer, and a new connection has none: a client that opens a connection, or sends
half a request line, holds it forever. :func:`timed_h11` is uvicorn's h11 protocol with one more
timer: from the moment a connection opens (or a response ends) its next request's line and headers
must arrive within ``header_timeout`` seconds, else the connection is closed, after a 408 in the
API's error shape when part of a request had come. The body has its own timeout
(:class:`qa_bot.web.middleware.BodyTimeoutMiddleware`).

    uvicorn.Config(app, http=timed_h11(10.0), h11_max_incomplete_event_size=16 * 1024)
"""

from __future__ import annotations

import asyncio
import json
import logging

from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

_BODY = json.dumps({"error": "Hết thời gian chờ yêu cầu: dòng yêu cầu và phần đầu (headers) phải đến "
                             "trong {seconds:g} giây."}, ensure_ascii=False)


def _response_408(seconds: float) -> bytes:
    body = _BODY.replace("{seconds:g}", f"{seconds:g}").encode("utf-8")
    head = ("HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
            "x-content-type-options: nosniff\r\n"
            f"content-length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's line and headers."""

    header_timeout: float = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._header_timer: asyncio.TimerHandle | None = None
        self._waiting_for = None
        self._got_bytes = False
        super().connection_made(transport)
        self._arm()

    def _arm(self) -> None:
        """Start the deadline of the next request, unless one is being answered."""
        self._disarm()
        if self.header_timeout > 0 and not self.transport.is_closing() and (
                self.cycle is None or self.cycle.response_complete):
            self._waiting_for = self.cycle
            self._got_bytes = False
            self._header_timer = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _expired(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or self.cycle is not self._waiting_for:
            return
        if self._got_bytes:
            log.debug("request headers not complete after %g s: closing", self.header_timeout)
            self.transport.write(_response_408(self.header_timeout))
        self.transport.close()

    def data_received(self, data: bytes) -> None:
        self._got_bytes = self._got_bytes or bool(data)
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not self._waiting_for:  # a request's headers arrived: it is being answered
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def timed_h11(header_timeout: float) -> type[TimedH11Protocol]:
    """:class:`TimedH11Protocol` with this deadline, for ``uvicorn.Config(http=...)``."""
    return type("TimedH11Protocol", (TimedH11Protocol,), {"header_timeout": header_timeout})


__all__ = ["TimedH11Protocol", "timed_h11"]
