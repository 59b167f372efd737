"""The web layer of ``qa-bot serve``: API routes (:mod:`.api`) and schemas (:mod:`.schemas`),
error answers (:mod:`.handlers`), middleware (:mod:`.middleware`), the docs and document pages
(:mod:`.pages`), the application (:mod:`.app`) and server start-up (:mod:`.serve`). The chat UI
itself is :mod:`qa_bot.ui` (the repository's ``ui/`` folder), mounted by :func:`create_app`.

Dependencies run one way: ``qa_bot.web`` -> ``qa_bot.ui`` -> the library; ``import qa_bot`` loads
none of the web stack.

    from qa_bot import QABot
    from qa_bot.web import create_app
    app = create_app(QABot.from_directory("documents"), ui=False)   # an ASGI app: the API only
"""

from .app import create_app
from .serve import serve

__all__ = ["create_app", "serve"]
