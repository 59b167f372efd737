"""The hot routes without the framework: ``POST /api/ask`` and ``GET /healthz`` answered in a few
lines of ASGI, in front of FastAPI's routing, dependency solving, exception layers, thread pool and
response-model validation (together about as much CPU per request as answering itself).

Only the plain case is taken here: a JSON body that the same request model validates, a known
document filter, an answer. Everything else (a validation error, an unknown ``doc_id``, a
non-JSON content type, an error raised while answering) goes on to the FastAPI route with the
body as it came, so every refusal keeps its one shape and wording (:mod:`.handlers`). The layers
outside this one (CORS, security headers, error shape, rate limit, body size and timeout) see the
same messages as before. ``/openapi.json`` still describes both routes (the FastAPI routes stay).

``bot.ask`` runs on the event loop's thread: a worker process serves one core, and the hand-off
to a thread pool and back costs more CPU than it saves (the work holds the GIL anyway).
"""

from __future__ import annotations

import json
import logging
from typing import Any

import orjson
from pydantic import ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..bot import QABot
from .api import answer_request, health, unknown_doc_ids
from .handlers import render_json
from .schemas import request_models

log = logging.getLogger(__name__)

_JSON_HEADERS = ((b"content-type", b"application/json"),)


def dump_json(content: Any) -> bytes:
    """``content`` as compact UTF-8 JSON (orjson; :func:`.handlers.render_json` for what orjson
    refuses, such as a lone surrogate)."""
    try:
        return orjson.dumps(content)
    except TypeError:
        return render_json(content)


def _is_json(scope: Scope) -> bool:
    """Whether the request says its body is ``application/json`` (parameters allowed)."""
    for name, value in scope["headers"]:
        if name == b"content-type":
            return value.split(b";", 1)[0].strip().lower() == b"application/json"
    return False


class FastLane:
    """``POST /api/ask`` and ``GET /healthz`` over ``bot`` directly; any other request, and any
    request this lane would not answer with 200, goes to ``app`` unchanged."""

    def __init__(self, app: ASGIApp, bot: QABot) -> None:
        self.app, self.bot = app, bot
        settings = bot.settings
        models = request_models(settings.max_question_chars, settings.max_top_k)
        self.request_model, self.filters_model = models.AskRequest, models.AskFilters

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path, method = scope["path"], scope["method"]
            if path == "/api/ask" and method == "POST" and _is_json(scope):
                await self._ask(scope, receive, send)
                return
            if path == "/healthz" and method == "GET":
                await _respond(send, health(self.bot))
                return
        await self.app(scope, receive, send)

    async def _ask(self, scope: Scope, receive: Receive, send: Send) -> None:
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client left, or an outer layer refused the body (413, 408)
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        answer = self._answer(body)
        if answer is None:
            await self.app(scope, _replay(body, receive), send)
            return
        await _respond(send, answer)

    def _answer(self, body: bytes) -> dict | None:
        """The answer object for ``body``, or None when FastAPI's route must answer (a refusal)."""
        try:
            request = self.request_model.model_validate(json.loads(body))
        except (ValueError, ValidationError):  # not JSON, not Unicode, or refused by the model
            return None
        filters = self.filters_model()
        if unknown_doc_ids(self.bot, (request.filters or filters).doc_ids):
            return None  # 404 naming the unknown ids
        try:
            return answer_request(self.bot, request, filters)
        except Exception:  # noqa: BLE001 - the route raises it again and its handlers answer
            log.debug("ask failed on the fast lane; the FastAPI route answers", exc_info=True)
            return None


async def _respond(send: Send, content: Any) -> None:
    body = dump_json(content)
    await send({"type": "http.response.start", "status": 200,
                "headers": [*_JSON_HEADERS, (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive: Receive) -> Receive:
    """``receive`` that gives ``body`` first (as one message), then what ``receive`` gives."""
    pending = True

    async def replay() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


__all__ = ["FastLane", "dump_json"]
