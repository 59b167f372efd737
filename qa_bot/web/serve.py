"""``qa-bot serve``: load the index once, then serve the chat UI at ``/`` and the HTTP API under
``/api`` with uvicorn, in one process. Start-up messages go to the ``qa_bot`` log (stderr)."""

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


def serve(settings: Settings) -> None:
    """Load the index once, then serve the UI and the API until interrupted. Every
    ``settings.watch`` seconds (0: never) a changed documents folder is re-indexed in the
    background while the old index keeps answering."""
    import uvicorn

    from .app import create_app

    # Importing Gradio takes seconds: do it while the index loads or builds (offline product: no
    # telemetry, decided before Gradio is imported).
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    threading.Thread(target=importlib.import_module, args=("gradio",), daemon=True).start()
    t0 = time.perf_counter()
    log.info("đang nạp chỉ mục %s (tài liệu: %s) ...", settings.index_dir, settings.documents_dir)
    with Progress("Lập chỉ mục", quiet=not log.isEnabledFor(logging.INFO)) as bar:
        bot = QABot.from_settings(settings, progress=bar)
    bot.warm_up()
    stats = bot.stats()
    log.info("chỉ mục sẵn sàng: %d tài liệu, %d đoạn (%.1f s)", stats["documents"], stats["chunks"],
             time.perf_counter() - t0)
    sock = bind(settings.host, settings.port)
    app = create_app(bot)
    url = public_url(settings.host, settings.port)
    log.info("Mở %s trong trình duyệt (giao diện hỏi đáp)", url)
    log.info("API: %s/api  ·  tài liệu API: %s/docs  ·  kiểm tra: %s/healthz", url, url, url)
    log.info("CORS: %s", ", ".join(settings.cors) if settings.cors
             else "đóng (chỉ cùng nguồn; mở bằng --cors ORIGIN)")
    if settings.watch > 0:
        bot.watch(settings.watch, on_error=lambda exc: log.warning(
            "lập lại chỉ mục thất bại: %s", exc, exc_info=log.isEnabledFor(logging.DEBUG)))
        log.info("theo dõi thay đổi trong %s mỗi %g s", settings.documents_dir, settings.watch)
    log.info("sẵn sàng sau %.1f s; Ctrl+C để dừng", time.perf_counter() - t0)
    config = uvicorn.Config(app, log_config=uvicorn_log_config(settings.log_level),
                            timeout_graceful_shutdown=3)
    uvicorn.Server(config).run(sockets=[sock])


__all__ = ["bind", "public_url", "serve"]
