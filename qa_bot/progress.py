"""The one progress reporter: index builds and evaluations call ``progress(done, total)``; the
command line and the server show it as a bar on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, Any

#: ``progress(done, total)``, called as work advances (documents analysed, questions asked).
ProgressFn = Callable[[int, int], None]


class Progress:
    """A tqdm bar on stderr fed by ``progress(done, total)`` calls; nothing when ``quiet``.

        with Progress("Lập chỉ mục") as bar:
            QABot.from_settings(settings, progress=bar)
    """

    def __init__(self, desc: str, quiet: bool = False, unit: str = "doc",
                 stream: IO[str] | None = None) -> None:
        self.desc, self.quiet, self.unit, self.stream = desc, quiet, unit, stream
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.quiet:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.desc, unit=self.unit, file=self.stream or sys.stderr,
                            initial=done, leave=True)
        else:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        """End the bar (a later call starts a new one)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Progress", "ProgressFn"]
