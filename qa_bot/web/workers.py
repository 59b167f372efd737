"""``qa-bot serve --workers N``: N server processes on one port, run by gunicorn's pre-fork master
with uvicorn workers (the ``uvicorn-worker`` package), not by a home-made supervisor.

The master loads the index and builds the application once (``preload_app``), freezes the
garbage collector's view of those objects, then forks the workers: the memory-mapped index files
are the same page-cache pages in every process, and the Python objects built at load (documents,
query models, the tokenizer model, the UI) are shared copy-on-write, so N workers cost far less
than N single processes. The kernel spreads connections over the workers (one listening socket,
``accept`` in each); gunicorn restarts a worker that dies.

Index versions: workers never build. Each one follows the manifest (:mod:`qa_bot.index.follow`);
unless the server is read-only, one writer process, forked from the master once the workers are
up, watches the documents folder and rebuilds (:meth:`QABot.watch`), and the workers pick up what
it publishes.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import signal
import time
from typing import Any

from gunicorn.app.base import BaseApplication
from uvicorn_worker import UvicornWorker

from ..bot import QABot
from ..config import Settings
from ..index.follow import follow
from ..index.upkeep import die_with_parent

log = logging.getLogger(__name__)

#: uvicorn options of every worker (set by :func:`run_workers` from ``serve.uvicorn_options``).
UVICORN_OPTIONS: dict[str, Any] = {}


class FairAcceptLoop(asyncio.SelectorEventLoop):
    """An event loop that takes one connection per wake-up of the listening socket the workers
    share. asyncio's loop accepts up to the backlog (2048) at once: when 16 clients connect
    together, the first worker to wake took all of them and served them on one core while the
    other idled (seen with ``ss``: 16/0 in two runs of three). One at a time, the workers take
    turns, and a worker busy answering leaves the next connection to an idle one. The kernel's
    listen backlog is unchanged."""

    def _start_serving(self, protocol_factory: Any, sock: Any, sslcontext: Any = None, server: Any = None,
                       backlog: int = 100, *args: Any, **kwargs: Any) -> None:
        super()._start_serving(protocol_factory, sock, sslcontext, server, 1,  # type: ignore[misc]
                               *args, **kwargs)


class QAWorker(UvicornWorker):
    """gunicorn's uvicorn worker with qa-bot's uvicorn options and :class:`FairAcceptLoop`."""

    CONFIG_KWARGS: dict[str, Any] = {"loop": f"{__name__}:FairAcceptLoop", "http": "auto"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.CONFIG_KWARGS = {**type(self).CONFIG_KWARGS, **UVICORN_OPTIONS}
        super().__init__(*args, **kwargs)

    def _install_sigquit_handler(self) -> None:
        """Ctrl+C makes gunicorn's master send SIGQUIT, which uvicorn-worker only notes: turn it
        into SIGTERM, which uvicorn answers with its graceful shutdown (requests finish, <= 3 s)."""
        asyncio.get_running_loop().add_signal_handler(signal.SIGQUIT, os.kill, os.getpid(), signal.SIGTERM)


class _Gunicorn(BaseApplication):
    """gunicorn over an application object built beforehand (no import string, no argv)."""

    def __init__(self, application: Any, options: dict[str, Any]) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


def bind_address(host: str, port: int) -> str:
    """gunicorn's ``bind`` for ``host:port`` (IPv6 hosts in brackets)."""
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def _writer(bot: QABot, master: int, listeners: list) -> None:
    """The writer process: watch the documents folder and rebuild; ends with the master."""
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGCHLD,
                signal.SIGUSR1, signal.SIGUSR2, signal.SIGTTIN, signal.SIGTTOU, signal.SIGWINCH):
        signal.signal(sig, signal.SIG_DFL)  # not the master's handlers
    for listener in listeners:
        listener.close()  # the port belongs to the workers
    try:
        import ctypes

        ctypes.CDLL(None).prctl(15, b"qa-bot-writer", 0, 0, 0)  # PR_SET_NAME: ps, top, benchmarks
    except (OSError, AttributeError):
        pass
    die_with_parent(master)
    bot.watch(bot.settings.watch, on_error=lambda exc: log.warning("lập lại chỉ mục thất bại: %s", exc))
    while True:
        time.sleep(3600)


def run_workers(app: Any, bot: QABot, settings: Settings, workers: int,
                uvicorn_options: dict[str, Any] | None = None) -> None:
    """Serve ``app`` (built over ``bot``) from ``workers`` processes on ``settings.host:port``
    until interrupted (SIGINT/SIGTERM: the workers finish their requests within uvicorn's 3 s;
    gunicorn kills what is left after 5 s)."""
    UVICORN_OPTIONS.clear()
    UVICORN_OPTIONS.update(uvicorn_options or {})
    interval = settings.watch
    state: dict[str, Any] = {}

    def post_worker_init(worker: Any) -> None:
        follow(bot, settings.index_dir, interval)

    def when_ready(server: Any) -> None:
        log.info("%d tiến trình phục vụ trên cùng cổng %d (pid chính %d)", workers, settings.port,
                 os.getpid())
        if settings.read_only or interval <= 0:
            return
        ctx = multiprocessing.get_context("fork")
        writer = ctx.Process(target=_writer, args=(bot, os.getpid(), list(server.LISTENERS)),
                             name="qa-bot-writer", daemon=True)
        writer.start()
        state["writer"] = writer
        log.info("tiến trình lập chỉ mục (pid %d) theo dõi %s mỗi %g s", writer.pid,
                 settings.documents_dir, interval)

    def on_exit(server: Any) -> None:
        writer = state.get("writer")
        if writer is not None and writer.is_alive():
            writer.terminate()
            writer.join(5)

    level = settings.log_level if settings.log_level in ("debug", "error") else "warning"
    options = {
        "bind": [bind_address(settings.host, settings.port)],
        "workers": workers,
        "worker_class": f"{__name__}.QAWorker",
        "preload_app": True,
        "timeout": 120,
        "graceful_timeout": 5,  # above uvicorn's own 3 s, so workers end by themselves
        "keepalive": 5,
        "backlog": 2048,
        "loglevel": level,
        "errorlog": "-",
        "accesslog": "-" if settings.log_level == "debug" else None,
        "proc_name": "qa-bot",
        "post_worker_init": post_worker_init,
        "when_ready": when_ready,
        "on_exit": on_exit,
    }
    if os.path.isdir("/dev/shm"):
        options["worker_tmp_dir"] = "/dev/shm"  # the workers' heartbeat files, off the disk
    gc.collect()
    gc.freeze()  # objects built so far are never touched by the collector: their pages stay shared
    _Gunicorn(app, options).run()


__all__ = ["FairAcceptLoop", "QAWorker", "bind_address", "run_workers"]
