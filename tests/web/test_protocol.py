"""The HTTP protocols of ``qa-bot serve`` (:mod:`qa_bot.web.timeouts`): httptools and h11 alike keep
the header deadline and the 16 KiB limit on a request's line and headers. A real uvicorn server in a
thread, on loopback, with a small ASGI application that echoes the body size."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import uvicorn

from qa_bot.web.serve import uvicorn_options
from qa_bot.web.timeouts import MAX_HEAD, timed_h11, timed_httptools, timed_protocol

DEADLINE = 1.0


async def echo(scope: dict, receive: Callable, send: Callable) -> None:
    """200 with the number of body bytes received."""
    if scope["type"] != "http":
        return
    size, more = 0, True
    while more:
        message = await receive()
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    body = str(size).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


@pytest.fixture(scope="module", params=["httptools", "h11"])
def port(request: pytest.FixtureRequest) -> Iterator[int]:
    protocol = timed_httptools(DEADLINE) if request.param == "httptools" else timed_h11(DEADLINE)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(echo, http=protocol, h11_max_incomplete_event_size=MAX_HEAD, lifespan="off",
                            log_level="warning", timeout_keep_alive=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield sock.getsockname()[1]
    server.should_exit = True
    thread.join(10)
    sock.close()


def talk(port: int, payload: bytes, wait: float = 5.0) -> tuple[float, bytes]:
    """Send ``payload``, read until the server closes; seconds taken and what came back."""
    with socket.create_connection(("127.0.0.1", port)) as s:
        t0 = time.monotonic()
        s.sendall(payload)
        s.settimeout(wait)
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except (TimeoutError, ConnectionResetError):
            pass
        return time.monotonic() - t0, data


def test_the_server_uses_httptools() -> None:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    from qa_bot.config import Settings

    assert issubclass(timed_protocol(10.0), HttpToolsProtocol)
    assert issubclass(uvicorn_options(Settings())["http"], HttpToolsProtocol)


def test_requests_pass(port: int) -> None:
    body = b"x" * 60_000  # headers and a large body in one piece: only the headers count
    request = (b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n" + body)
    last = b"GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    _, data = talk(port, request + request + last)
    assert data.count(b"HTTP/1.1 200") == 3 and data.count(b"\r\n\r\n60000") == 2


def test_headers_just_under_the_limit_pass(port: int) -> None:
    head = b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
    filler = b"X-Fill: " + b"a" * (MAX_HEAD - len(head) - 200) + b"\r\n"
    _, data = talk(port, head + filler + b"\r\n")
    assert data.startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("pieces", [3, 8])
def test_headers_over_the_limit_get_400(port: int, pieces: int) -> None:
    """Headers that keep coming past the limit (as h11's ``max_incomplete_event_size``: what is
    buffered while incomplete is bounded; complete headers in one read are parsed)."""
    head = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Fill: " + b"a" * (2 * MAX_HEAD) + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port)) as s:
        step = len(head) // pieces + 1
        try:
            for i in range(0, len(head), step):
                s.sendall(head[i:i + step])
                time.sleep(0.01)
        except (BrokenPipeError, ConnectionResetError):
            pass
        s.settimeout(5)
        try:
            data = s.recv(65536)
        except ConnectionResetError:
            data = b""
    assert data.startswith(b"HTTP/1.1 400") or data == b"", data[:100]


@pytest.mark.parametrize(("payload", "answer"), [
    (b"", b""),
    (b"GET / HTTP/1.1\r\nHost: x\r\n", b"HTTP/1.1 408"),
], ids=["silent", "half-headers"])
def test_header_deadline(port: int, payload: bytes, answer: bytes) -> None:
    seconds, data = talk(port, payload)
    assert data.startswith(answer) and DEADLINE - 0.1 <= seconds <= DEADLINE + 3, (seconds, data[:100])


def test_deadline_again_after_a_response(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        s.settimeout(5)
        assert s.recv(65536).startswith(b"HTTP/1.1 200")
        t0 = time.monotonic()
        s.sendall(b"GET / HTTP/1.1\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
        seconds = time.monotonic() - t0
    assert b"HTTP/1.1 408" in data and DEADLINE - 0.1 <= seconds <= DEADLINE + 3, (seconds, data)


DIES_MID_RESPONSE = """
import os, signal, socket, sys
import uvicorn
from qa_bot.web.timeouts import timed_h11, timed_httptools

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await receive()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", b"4")]})
    os.kill(os.getpid(), signal.SIGKILL)  # killed between the head and the body

sock = socket.socket()
sock.bind(("127.0.0.1", 0))
sock.listen(8)
print(sock.getsockname()[1], flush=True)
protocol = timed_httptools(5.0) if sys.argv[1] == "httptools" else timed_h11(5.0)
uvicorn.Server(uvicorn.Config(app, http=protocol, lifespan="off", log_level="warning")).run(sockets=[sock])
"""


@pytest.mark.parametrize("kind", ["httptools", "h11"])
def test_a_process_killed_mid_response_sends_no_head_without_its_body(kind: str) -> None:
    """The head and body of a response reach the socket in one write (``WholeWrites``): a server
    killed after its application sent the head leaves the client nothing, which nginx retries on
    another replica, instead of a head with no body, which it cannot retry."""
    server = subprocess.Popen([sys.executable, "-c", DIES_MID_RESPONSE, kind], stdout=subprocess.PIPE,
                              text=True)
    try:
        port = int(server.stdout.readline())
        _, data = talk(port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", wait=10)
        assert server.wait(10) == -9
        assert data == b"", data[:200]
    finally:
        server.kill()
        server.wait()
