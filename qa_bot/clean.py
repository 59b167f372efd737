"""Clean news-page text: drop page chrome, keep the article, pull out its metadata.

Pages saved from Vietnamese news sites carry contact blocks, comment prompts, polls, weather
boxes, photo captions (often printed twice), date lines and stray punctuation. :func:`clean_page`
turns such text into paragraphs separated by blank lines plus a :class:`PageMeta` holding what the
page itself says about title, date, publisher, URL and author. Nothing is guessed: a field the text
does not give stays ``None``.
"""

from __future__ import annotations

import datetime
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

_URL = re.compile(r"https?://[^\s\"'<>)]+")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_PHONE = re.compile(r"^[\d\s.\-+()/]{7,}$")
_PUNCT_ONLY = re.compile(r"^[\W_]*$")
_LABEL = re.compile(r"^[•·\-*]?\s*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s&/]{2,40}:\s*$")
_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_TIME_LINE = re.compile(
    r"^\(?\s*(cập nhật:?\s*)?((\d{1,2}:\d{2})\s*,?\s*)?(thứ\s+\w+|chủ nhật)?\s*,?\s*"
    r"\d{1,2}/\d{1,2}/\d{4}\s*(\|\s*\d{1,2}:\d{2})?\s*(\(gmt\+?\d*\))?\s*\)?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(r"(\(\s*ảnh\s*:[^)]*\)|\bảnh\s*:\s*[\w .]{1,30})\s*$", re.IGNORECASE)
_AUTHOR = re.compile(r"^\(?\s*(tin,?\s*ảnh|tác giả|theo|bài,?\s*ảnh|tin)\s*:\s*(.+?)\)?$", re.I)
_SOURCE_LINE = re.compile(r"^nguồn\s+(.+?)\s*:\s*(https?://\S+)\s*$", re.IGNORECASE)
#: Lines after which a news page has no more article text.
_FOOTER = re.compile(
    r"^(viết bình luận( mới)?|bình luận|gửi bình luận|thăm dò ý kiến|thông tin cần biết|"
    r"tin liên quan|tin cùng chuyên mục|tin khác|đọc thêm|các tin khác)\s*:?$",
    re.IGNORECASE,
)
_SENTENCE_END = ".!?…:;\"”)"
_MESSY = re.compile(r"\s{2,}|[^\S ]")  # white space that is not a single space
_WORD = re.compile(r"\S+")


@dataclass
class PageMeta:
    """What a page says about itself."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one block element per line; also its <title>."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
               "section", "article",
               "header", "footer", "figcaption", "blockquote", "title"}
    _SKIP = {"script", "style", "noscript", "nav", "form", "button", "svg", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        self._skip = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skip += 1
        self._stack.append(tag)
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        current = self._stack[-1] if self._stack else ""
        if current == "title":
            self.title += data
            return
        if current == "h1":
            self.h1 += data
        self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Visible text of an HTML page (blocks on their own lines) and its title if any."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    title = (parser.h1 or parser.title).strip() or None
    return text, (" ".join(title.split()) if title else None)


def iso_date(day: str, month: str, year: str) -> str | None:
    """``YYYY-MM-DD`` from day, month, year strings, or None if not a real date."""
    d, m, y = int(day), int(month), int(year)
    if not 1900 <= y <= 2100:
        return None
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:  # 31/2, 45/13: not a day of the calendar
        return None


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(tuple(_SENTENCE_END))


def _sentence_count(line: str) -> int:
    return len(re.findall(r"[.!?…](\s|$)", line.strip())) or 1


def _paragraphs(text: str) -> list[str]:
    """Split into stripped non-empty lines, each a candidate paragraph."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return [_squeeze(raw) for raw in text.split("\n")]


def _squeeze(line: str) -> str:
    """``line`` with every run of white space as one space, stripped. Only runs that are not
    already one space are replaced, a megabyte at a time: ``re.sub`` lists every piece between
    matches, which for a 50 MB line of words would cost a gigabyte."""
    step, parts, start = 1 << 20, [], 0
    while start < len(line):
        end = min(len(line), start + step)
        while end < len(line) and line[end].isspace():  # never split a run of white space
            end += 1
        parts.append(_MESSY.sub(" ", line[start:end]) if len(line) > step else _MESSY.sub(" ", line))
        start = end
    return "".join(parts).strip()


def clean_page(text: str) -> tuple[str, PageMeta]:
    """Cleaned article text (paragraphs joined by blank lines) and the page's own metadata."""
    meta = PageMeta()
    lines = _paragraphs(text)
    kept: list[str] = []
    skip_next = False
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        if skip_next:
            skip_next = False
            if not _ends_sentence(line):
                continue
        if _FOOTER.match(line):
            break
        if _LABEL.match(line):  # "EMAIL:", "ĐIỆN THOẠI:" ... and the value on the next line
            skip_next = True
            continue
        bare = line.lstrip("•·*- ").strip()
        if _EMAIL.match(bare) or _PHONE.match(bare) or _PUNCT_ONLY.match(line):
            continue
        if m := _SOURCE_LINE.match(line):
            meta.source = meta.source or m.group(1).strip()
            meta.url = meta.url or m.group(2).rstrip(".,;")
            continue
        if _TIME_LINE.match(line):
            if meta.date is None and (d := _DATE.search(line)):
                meta.date = iso_date(*d.groups())
            continue
        if m := _AUTHOR.match(line):
            meta.author = meta.author or m.group(2).strip(" )").split("-")[0].strip()
            continue
        if _CAPTION.search(line) and _words(line, 40) < 40:
            continue
        nxt = next((x for x in lines[i + 1 : i + 3] if x), "")
        if nxt == line and _sentence_count(line) == 1:  # a photo caption printed twice
            seen.add(line)
            continue
        if line in seen:  # repeated title, caption or lead paragraph
            continue
        seen.add(line)
        kept.append(line)
    paragraphs = _join_broken(kept)
    if paragraphs and meta.author is None and _looks_like_byline(paragraphs[-1]):
        meta.author = _byline_name(paragraphs.pop())
    if meta.url is None:
        for p in paragraphs:
            if m := _URL.search(p):
                meta.url = m.group(0).rstrip(".,;")
                break
    return "\n\n".join(paragraphs), meta


_RULE = re.compile(r"^[\s\-_=.*–—…~]{3,}$")  # "-------", "___": separators of the official header


def clean_legal(text: str, page_wrapped: bool = False) -> str:
    """Text of an administrative document (PDF, DOCX, HTML or text): lines squeezed, separator
    rules dropped, one paragraph a line, paragraphs separated by a blank line. A line going on in
    lower case continues the line above; with ``page_wrapped`` (PDF text, cut into lines by the
    page) so does a line after one nearly as wide as the page. Never before a structural marker
    or a dash item, nor between an upper-case header line and another line."""
    from .formats.structure import marker_at

    lines = _paragraphs(text)
    widths = sorted(len(x) for x in lines if x)
    full = widths[int(len(widths) * 0.9)] if widths else 0  # the page's width in characters
    out: list[str] = []
    blank, last = True, 0  # last: length of the previous line as printed
    for line in lines:
        if not line or _RULE.match(line):
            blank = True
            continue
        prev = out[-1] if out else ""
        # the line's first word would not have fitted after the previous line: the page cut it
        cut = page_wrapped and last + 1 + len(line.split(" ", 1)[0]) >= 0.9 * full
        wrapped = (not blank and prev and not _ends_sentence(prev) and not prev.endswith(";")
                   and line[0] not in "-–+•*(" and marker_at(line) is None
                   and prev.isupper() == line.isupper() and (line[0].islower() or cut))
        if wrapped:
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
        blank, last = False, len(line)
    return "\n\n".join(out)


def _join_broken(lines: list[str]) -> list[str]:
    """Merge lines that were cut mid-sentence (next piece starts in lower case). Pieces are
    joined once per paragraph, so a huge text of short lines costs linear time."""
    paragraphs: list[list[str]] = []
    words: list[int] = []  # words of each paragraph so far
    pending_break = False
    for line in lines:
        if not line:
            pending_break = True
            continue
        open_end = bool(paragraphs) and not _ends_sentence(paragraphs[-1][-1])
        if open_end and (line[0].islower() or (not pending_break and words[-1] > 12)):
            paragraphs[-1].append(line)
            words[-1] += line.count(" ") + 1  # lines are single-spaced
        else:
            paragraphs.append([line])
            words.append(line.count(" ") + 1)
        pending_break = False
    return [" ".join(p) for p in paragraphs]


def _looks_like_byline(line: str) -> bool:
    return 1 <= _words(line, 4) <= 4 and not _ends_sentence(line.rstrip(".")) and not _DATE.search(line)


def _byline_name(line: str) -> str:
    name = line.strip(" .,")
    return name.title() if name.isupper() else name


def guess_title(paragraphs: list[str]) -> str | None:
    """The first line that reads like a headline: 5+ words, no final full stop."""
    for p in paragraphs[:8]:
        if 5 <= _words(p, 40) <= 40 and not p.endswith(".") and not _DATE.search(p):
            return p
    return None


def _words(text: str, limit: int) -> int:
    """The number of words of ``text``, counted no further than ``limit + 1``: a huge paragraph
    costs no list of its words."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text), limit + 1))
