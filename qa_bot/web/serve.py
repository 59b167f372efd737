"""``qa-bot serve``: load the index once, then serve the chat UI at ``/`` and the HTTP API under
``/api`` with uvicorn, in one process or, with ``--workers N``, in N processes on one port
(:mod:`.workers`). Start-up messages go to the ``qa_bot`` log (stderr)."""

from __future__ import annotations

import importlib
import logging
import os
import socket
import threading
import time

from ..bot import QABot
from ..config import Settings
from ..errors import InputError
from ..index import load_index
from ..index.follow import follow
from ..logs import uvicorn_log_config
from ..progress import Progress

log = logging.getLogger(__name__)


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket on ``host:port``; InputError (Vietnamese) when busy or invalid."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # With IPPROTO_TCP given, asyncio turns Nagle's algorithm off on every connection; without it
    # each response on a kept-alive connection waited ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InputError(f"không mở được cổng {host}:{port} ({exc.strerror}); "
                         f"hãy chọn cổng khác bằng --port", f"cannot bind {host}:{port}: {exc}") from None
    sock.set_inheritable(True)
    return sock


def public_url(host: str, port: int) -> str:
    """The URL to open in a browser for a server listening on ``host:port``."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else ("[::1]" if host == "::" else host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def load_bot(settings: Settings, background: bool = True) -> QABot:
    """The bot of ``qa-bot serve``: loaded (or built) as usual; on a read-only replica the index
    the manifest names is only opened (never built, nothing written into its folder).
    ``background``: a damaged index is answered from the last good one while a thread rebuilds it
    (not before ``--workers`` forks: gunicorn's master reaps every child, build workers included,
    so the rebuild is done first there)."""
    if settings.read_only:
        return QABot(load_index(settings.index_dir, write=False), settings)
    with Progress("Lập chỉ mục", quiet=not log.isEnabledFor(logging.INFO)) as bar:
        return QABot.from_settings(settings, progress=bar, background=background)


def worker_count(settings: Settings) -> int:
    """Server processes: ``settings.web_workers``, 0 meaning one per core."""
    return max(1, settings.web_workers or os.cpu_count() or 1)


def uvicorn_options(settings: Settings) -> dict:
    """uvicorn options shared by the single process and every worker of ``--workers``: a request's
    line and headers must arrive within ``settings.header_timeout`` seconds (:mod:`.timeouts`),
    headers of at most 16 KiB, idle kept-alive connections closed after 5 s; a line per request in
    the log only at ``debug`` (uvicorn's access log, otherwise not even formatted)."""
    from .timeouts import MAX_HEAD, timed_protocol

    return {"timeout_graceful_shutdown": 3, "http": timed_protocol(settings.header_timeout),
            "timeout_keep_alive": 5, "h11_max_incomplete_event_size": MAX_HEAD,
            "access_log": settings.log_level == "debug"}


def serve(settings: Settings) -> None:
    """Load the index once, then serve the UI and the API until interrupted, from
    ``settings.web_workers`` processes (0: one per core; :mod:`.workers`). Every
    ``settings.watch`` seconds (0: never) a changed documents folder is re-indexed in the
    background while the old index keeps answering; a read-only server instead follows the index
    versions a writer publishes (:mod:`qa_bot.index.follow`)."""
    import uvicorn

    from .app import create_app

    # Importing Gradio takes seconds: do it while the index loads or builds (offline product: no
    # telemetry, decided before Gradio is imported).
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    gradio = threading.Thread(target=importlib.import_module, args=("gradio",), daemon=True)
    gradio.start()
    t0 = time.perf_counter()
    log.info("đang nạp chỉ mục %s (tài liệu: %s)%s ...", settings.index_dir, settings.documents_dir,
             " — chỉ đọc" if settings.read_only else "")
    bot = load_bot(settings, background=worker_count(settings) == 1)
    bot.warm_up()
    stats = bot.stats()
    log.info("chỉ mục sẵn sàng: %d tài liệu, %d đoạn (%.1f s)", stats["documents"], stats["chunks"],
             time.perf_counter() - t0)
    sock = bind(settings.host, settings.port)
    app = create_app(bot)
    gradio.join()
    url = public_url(settings.host, settings.port)
    log.info("Mở %s trong trình duyệt (giao diện hỏi đáp)", url)
    log.info("API: %s/api  ·  tài liệu API: %s/docs  ·  kiểm tra: %s/healthz", url, url, url)
    log.info("CORS: %s", ", ".join(settings.cors) if settings.cors
             else "đóng (chỉ cùng nguồn; mở bằng --cors ORIGIN)")
    workers = worker_count(settings)
    if settings.read_only:
        log.info("chế độ chỉ đọc: không lập chỉ mục; nạp phiên bản mới của %s mỗi %g s",
                 settings.index_dir, settings.watch)
    elif settings.watch > 0:
        log.info("theo dõi thay đổi trong %s mỗi %g s", settings.documents_dir, settings.watch)
    log.info("sẵn sàng sau %.1f s; Ctrl+C để dừng", time.perf_counter() - t0)
    if workers > 1:
        from .workers import run_workers

        sock.close()  # gunicorn binds the address itself (it was free a moment ago)
        run_workers(app, bot, settings, workers, uvicorn_options(settings))
        return
    if settings.read_only:
        follow(bot, settings.index_dir, settings.watch)
    elif settings.watch > 0:
        bot.watch(settings.watch, on_error=lambda exc: log.warning(
            "lập lại chỉ mục thất bại: %s", exc, exc_info=log.isEnabledFor(logging.DEBUG)))
    config = uvicorn.Config(app, log_config=uvicorn_log_config(settings.log_level),
                            **uvicorn_options(settings))
    uvicorn.Server(config).run(sockets=[sock])


__all__ = ["bind", "load_bot", "public_url", "serve", "uvicorn_options", "worker_count"]
