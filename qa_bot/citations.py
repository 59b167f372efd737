"""Citation numbers in the order an answer first uses its passages.

``[1]`` is the first passage the answer cites; passages it does not use follow, marked
``used=False``; ``limit`` (the question's ``top_k``) bounds them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Citation, Hit


class Citations:
    """Numbers passages in the order the answer first uses them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used: list[Hit] = []
        self._keys: dict[tuple[str, int], int] = {}

    def number(self, hit: Hit) -> int | None:
        """The citation number of ``hit`` (None when ``limit`` passages are already cited)."""
        key = (hit.document.doc_id, hit.passage.start)
        if key not in self._keys:
            if len(self.used) >= self.limit:
                return None
            self.used.append(hit)
            self._keys[key] = len(self.used)
        return self._keys[key]

    def citations(self, related: Sequence[Hit] = ()) -> list[Citation]:
        out = [Citation(n + 1, h, True) for n, h in enumerate(self.used)]
        for h in related:
            if len(out) >= self.limit:
                break
            if (h.document.doc_id, h.passage.start) not in self._keys:
                out.append(Citation(len(out) + 1, h, False))
        return out
