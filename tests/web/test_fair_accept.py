"""``--workers N`` shares the connections out: two processes serve one listening socket with
:class:`qa_bot.web.workers.FairAcceptLoop` (as gunicorn's workers do), 16 clients connect at once,
and each process gets a fair part of them (asyncio's own loop let the first to wake take them all)."""

from __future__ import annotations

import asyncio
import multiprocessing
import socket
import time

from qa_bot.web.workers import FairAcceptLoop, QAWorker

CLIENTS = 16


def _serve(sock: socket.socket, counts: multiprocessing.Queue, seconds: float) -> None:
    """Serve ``sock`` for ``seconds``: each connection is told this process's id, then held."""
    async def main() -> None:
        taken = 0

        async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            nonlocal taken
            taken += 1
            time.sleep(0.005)  # some work per connection, as a worker answering a request
            writer.write(b"%d\n" % multiprocessing.current_process().pid)
            await writer.drain()
            await reader.read()

        server = await asyncio.start_server(client, sock=sock, backlog=2048)
        async with server:
            await asyncio.sleep(seconds)
        counts.put(taken)

    with asyncio.Runner(loop_factory=FairAcceptLoop) as runner:
        runner.run(main())


def test_the_workers_use_the_fair_loop() -> None:
    assert QAWorker.CONFIG_KWARGS["loop"] == "qa_bot.web.workers:FairAcceptLoop"


def test_connections_are_shared_between_processes() -> None:
    ctx = multiprocessing.get_context("fork")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    port = sock.getsockname()[1]
    counts: multiprocessing.Queue = ctx.Queue()
    procs = [ctx.Process(target=_serve, args=(sock, counts, 4.0)) for _ in range(2)]
    for p in procs:
        p.start()
    time.sleep(1.5)  # both processes are waiting on the socket
    conns = [socket.create_connection(("127.0.0.1", port)) for _ in range(CLIENTS)]
    pids = []
    for c in conns:
        c.settimeout(10)
        pids.append(c.makefile("rb").readline().strip())
    for c in conns:
        c.close()
    for p in procs:
        p.join(15)
    sock.close()
    taken = sorted(counts.get(timeout=5) for _ in procs)
    assert sum(taken) == CLIENTS and len(set(pids)) == 2
    assert taken[0] >= CLIENTS // 4, taken
