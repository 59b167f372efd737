"""The documents a question cites by their source: "theo bài của Báo Hà Giang", "bài đăng trên
báo Quảng Bình (QBĐT)", "Theo QBĐT, ...", "bài của Sở Công Thương Bến Tre".

An official or a journalist names the article by who published it. The names come from each
document's ``source`` metadata: the name itself ("bao ha giang", "so cong thuong ben tre"), its
initials when it has two words or more ("bhg", the "BHG -" that opens Báo Hà Giang's articles),
a short source that is itself an abbreviation ("qbdt") and a web site's name ("baohagiang").
A cited name narrows the question to those documents, and is blanked out of the question so that
"Hà Giang" or "Bến Tre" in a publisher's name is no place the answer must be about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Document
from .normalize import fold

#: Most words a source name has (the longest n-gram of a question looked up).
NAME_WORDS = 6
#: Shortest key: shorter initials ("sở") would match ordinary words.
MIN_KEY_CHARS = 3
_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_SITE = re.compile(r"\b(?:https?://)?(?:www\.)?([a-z0-9-]{5,})\.(?:vn|com|gov|org|net)\b")
_WORD = re.compile(r"\w+")
#: The newspaper word before a cited abbreviation in brackets ("báo Quảng Bình (QBĐT)"), folded:
#: blanked with it.
_PAPER_BEFORE = re.compile(r"(?:\b(?:bao|tap chi|trang|cong thong tin)\b[\w\s]{0,40})?\(\s*$")


def source_keys(document: Document) -> set[str]:
    """The folded names a question may cite ``document`` by (see the module docstring)."""
    source = (document.source or "").strip()
    if not source or source.lower() in ("null", "none"):
        return set()
    keys = {fold(site) for site in _SITE.findall(source.lower())}
    name = fold(_PARENTHESIS.sub(" ", source)).strip()
    words = _WORD.findall(name)
    if words:
        keys.add(" ".join(words))
    if len(words) >= 2:
        keys.add("".join(w[0] for w in words))
    return {k for k in keys if len(k) >= MIN_KEY_CHARS}


class SourceNames:
    """Source names of an index's documents, looked up by the n-grams of a question."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._ids: dict[str, set[str]] = {}
        for d in documents:
            for key in source_keys(d):
                self._ids.setdefault(key, set()).add(d.doc_id)

    def cited(self, text: str) -> tuple[str, list[str]]:
        """``text`` with the source names it cites blanked out, and the documents they name
        (none: ``text`` unchanged)."""
        if not self._ids:
            return text, []
        f = fold(text)
        if len(f) != len(text):  # folding keeps NFC text's length; anything else: no blanking
            return text, []
        words = list(_WORD.finditer(f))
        found: set[str] = set()
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            for n in range(min(NAME_WORDS, len(words) - i), 0, -1):  # the longest name first
                key = " ".join(w.group(0) for w in words[i:i + n])
                if key in self._ids:
                    found |= self._ids[key]
                    start, end = words[i].start(), words[i + n - 1].end()
                    bracketed = f[end:end + 2].lstrip().startswith(")")
                    if bracketed and (paper := _PAPER_BEFORE.search(f, 0, start)):
                        start = paper.start()  # "báo Quảng Bình (QBĐT)": the paper's name with it
                    spans.append((start, end))
                    i += n - 1
                    break
            i += 1
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return (text, sorted(found)) if found else (text, [])


__all__ = ["SourceNames", "source_keys"]
