"""Which methods the application serves at a path, and the Vietnamese message of a 4xx the
application did not word itself (for :mod:`.shape` and :mod:`.handlers`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import Scope

_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Cần xác thực để dùng chức năng này.",
    403: "Không được phép dùng chức năng này.",
    408: "Hết thời gian chờ nội dung yêu cầu.",
    411: "Thiếu độ dài nội dung (Content-Length).",
    413: "Nội dung yêu cầu quá lớn.",
    415: "Kiểu nội dung (Content-Type) không được hỗ trợ.",
    422: "Yêu cầu không hợp lệ.",
    429: "Quá nhiều yêu cầu; vui lòng thử lại sau.",
}


def _flatten(routes: Sequence[BaseRoute], prefix: str = "") -> Iterator[tuple[str, BaseRoute]]:
    """``(prefix, route)`` for every route, inside included routers too (FastAPI keeps those as
    one route holding the router)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _flatten(inner.routes, prefix + (getattr(context, "prefix", "") or ""))
        else:
            yield prefix, route


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """The methods the application's own routes accept at ``scope``'s path (not the UI mounted at
    ``/``, which takes every path), sorted; empty when none of them serves the path."""
    methods: set[str] = set()
    path = scope.get("path", "")
    for prefix, route in _flatten(routes):
        route_methods = getattr(route, "methods", None)
        if isinstance(route, Mount) or not route_methods or not path.startswith(prefix):
            continue
        probe = {**scope, "method": next(iter(route_methods)), "path": path[len(prefix):],
                 "root_path": ""}
        match, _ = route.matches(probe)
        if match is Match.FULL:
            methods |= set(route_methods)
    return sorted(methods)


def error_message(status: int, method: str, path: str, allow: Sequence[str] = ()) -> str:
    """The Vietnamese message of a 4xx ``status`` the application did not word itself."""
    if status == 405 and allow:
        return f"Phương thức {method} không được hỗ trợ cho {path}; dùng {', '.join(allow)}."
    if status == 405:
        return f"Phương thức {method} không được hỗ trợ cho {path}."
    if status == 404 and path.startswith("/api/documents/") and method in ("GET", "HEAD"):
        return f"Không có văn bản với mã '{path[len('/api/documents/'):]}'."
    if status == 404:
        return f"Không tìm thấy đường dẫn {path}."
    return _MESSAGES.get(status, f"Yêu cầu không được chấp nhận (mã {status}).")


__all__ = ["allowed_methods", "error_message"]
