"""A deadline for a request's line and headers (slow or incomplete requests), and a limit on their size.

uvicorn closes a kept-alive connection that stays silent ``timeout_keep_alive`` seconds, but any
byte cancels that timer, and a new connection has none: a client that opens a connection, or sends
half a request line, holds it forever. The protocols here are uvicorn's with one more timer: from
the moment a connection opens (or a response ends) its next request's line and headers must arrive
within ``header_timeout`` seconds, else the connection is closed, after a 408 in the API's error
shape when part of a request had come. The body has its own timeout
(:class:`qa_bot.web.middleware.BodyTimeoutMiddleware`).

:func:`timed_protocol` picks uvicorn's httptools protocol (its C parser costs about a third of the
CPU of the pure-Python h11 per request) when httptools is installed, else h11. Both refuse a
request line and headers over :data:`MAX_HEAD` bytes with 400 (h11 through
``h11_max_incomplete_event_size``, httptools here). Both hand the socket what one turn of the event
loop writes as one write (:class:`WholeWrites`): a response's head and body together, so a replica
killed between them leaves nginx either nothing (it then retries on the other replica) or the
whole response, never a head without its body.

    uvicorn.Config(app, http=timed_protocol(10.0), h11_max_incomplete_event_size=MAX_HEAD)
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

#: Largest request line plus headers, in bytes.
MAX_HEAD = 16 * 1024

_BODY = json.dumps({"error": "Hết thời gian chờ yêu cầu: dòng yêu cầu và phần đầu (headers) phải đến "
                             "trong {seconds:g} giây."}, ensure_ascii=False)


def _response_408(seconds: float) -> bytes:
    body = _BODY.replace("{seconds:g}", f"{seconds:g}").encode("utf-8")
    head = ("HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
            "x-content-type-options: nosniff\r\n"
            f"content-length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body


class WholeWrites:
    """A transport that gathers the writes made within one turn of the event loop and passes them
    on as one write at the next turn (or at close). uvicorn writes a response's status line and
    headers, then its body, in two calls: a process killed between the two would leave the client
    (nginx) a head without its body, which no proxy can retry. Everything else is the transport's."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._parts: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not data:
            return
        if not self._parts:
            self._loop.call_soon(self._flush)
        self._parts.append(bytes(data))

    def writelines(self, lines: Any) -> None:
        for data in lines:
            self.write(data)

    def _flush(self) -> None:
        if self._parts:
            data = b"".join(self._parts)
            self._parts.clear()
            if not self._transport.is_closing():
                self._transport.write(data)

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + sum(map(len, self._parts))

    def write_eof(self) -> None:
        self._flush()
        self._transport.write_eof()

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def abort(self) -> None:
        self._parts.clear()
        self._transport.abort()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class HeaderDeadline:
    """The header deadline, for a uvicorn HTTP protocol class (``cycle``, ``transport``, ``loop``)."""

    header_timeout: float = 10.0
    cycle: Any
    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop

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

    def connection_made(self, transport: asyncio.Transport) -> None:
        """The protocol's, over a :class:`WholeWrites` of the transport; the first deadline starts."""
        self._header_timer: asyncio.TimerHandle | None = None
        self._waiting_for = None
        self._got_bytes = False
        super().connection_made(WholeWrites(transport, self.loop))  # type: ignore[misc]
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]  # the protocol class's, next in the MRO
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    def _expired(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or self.cycle is not self._waiting_for:
            return
        if self._got_bytes:
            log.debug("request headers not complete after %g s: closing", self.header_timeout)
            self.transport.write(_response_408(self.header_timeout))
        self.transport.close()


class TimedH11Protocol(HeaderDeadline, H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's line and headers."""

    def data_received(self, data: bytes) -> None:
        self._got_bytes = self._got_bytes or bool(data)
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not self._waiting_for:  # a request's headers arrived: it is being answered
            self._disarm()



def timed_h11(header_timeout: float) -> type[TimedH11Protocol]:
    """:class:`TimedH11Protocol` with this deadline, for ``uvicorn.Config(http=...)``."""
    return type("TimedH11Protocol", (TimedH11Protocol,), {"header_timeout": header_timeout})


def timed_httptools(header_timeout: float) -> type:
    """uvicorn's httptools protocol with this deadline and :data:`MAX_HEAD` (ImportError without
    httptools)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class TimedHttpToolsProtocol(HeaderDeadline, HttpToolsProtocol):
        """uvicorn's httptools protocol with a deadline for each request's line and headers, and
        at most :data:`MAX_HEAD` bytes of them (h11 has ``h11_max_incomplete_event_size``)."""

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            self._in_head, self._head_bytes = True, 0
            super().connection_made(transport)

        def data_received(self, data: bytes) -> None:
            self._got_bytes = self._got_bytes or bool(data)
            if self._in_head:
                self._head_bytes += len(data)
            super().data_received(data)
            if self._in_head and self._head_bytes > MAX_HEAD and not self.transport.is_closing():
                log.debug("request line and headers over %d bytes: closing", MAX_HEAD)
                self._disarm()
                self.send_400_response("Invalid HTTP request received.")

        def on_message_begin(self) -> None:
            if not self._in_head:
                self._in_head, self._head_bytes = True, 0
            super().on_message_begin()

        def on_headers_complete(self) -> None:
            self._in_head = False
            super().on_headers_complete()
            if self.cycle is not self._waiting_for:  # headers arrived: the request is being answered
                self._disarm()

    return type("TimedHttpToolsProtocol", (TimedHttpToolsProtocol,), {"header_timeout": header_timeout})


def timed_protocol(header_timeout: float) -> type:
    """The protocol class of ``qa-bot serve``: httptools when installed, else h11; with this deadline."""
    try:
        return timed_httptools(header_timeout)
    except ImportError:
        return timed_h11(header_timeout)


__all__ = ["MAX_HEAD", "HeaderDeadline", "WholeWrites", "TimedH11Protocol", "timed_h11", "timed_httptools",
           "timed_protocol"]
