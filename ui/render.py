"""The conversation and the sources panel as HTML, from answer objects; no Gradio needed.

Everything shown is HTML built here, with :func:`~qa_bot.ui.text.esc` on every piece of text that
comes from a document or from a user, so a ``<script>``, HTML or Markdown in either shows as text
and never runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa_bot.formats.structure import citation_place
from qa_bot.models import CitationDict

from .highlight import Terms, highlight, terms_of
from .text import (
    NOT_FOUND_TITLE,
    PARTIAL_TITLE,
    answer_status,
    copy_text,
    document_link,
    esc,
    format_date,
    safe_url,
    split_citations,
)

_MARKER = re.compile(r"\[(\d{1,3})\]")
#: Shown under an answer to a follow-up question, before the standalone question answered.
INTERPRETED_LABEL = "Hiểu là:"
#: The welcome message's icon: an inline SVG speech bubble (an emoji shows as an empty box on
#: systems without a colour emoji font, Debian's Chromium among them).
CHAT_ICON = ('<svg class="qa-icon" viewBox="0 0 24 24" width="24" height="24" fill="none" '
             'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
             '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.6A8 8 0 1 1 21 12z"/>'
             '<path d="M8.5 10.5h7M8.5 13.5h4.5"/></svg>')

# -- conversation -------------------------------------------------------------------------------
def _answer_html(text: str, turn: int, numbers: set[int]) -> str:
    def link(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in numbers:
            return m.group(0)
        return (f'<a class="qa-cite" href="#src-{turn}-{n}" title="Xem nguồn [{n}]" '
                f'aria-label="Nguồn số {n}">[{n}]</a>')

    return _MARKER.sub(link, esc(text))


def filters_label(year: int | None, doc_ids: Sequence[str] | None, titles: dict[str, str]) -> str:
    parts = []
    if year:
        parts.append(f"năm {year}")
    if doc_ids:
        names = [titles.get(d, d) for d in doc_ids]
        parts.append("văn bản " + "; ".join(f"“{n}”" for n in names))
    return ", ".join(parts)


def _welcome(n_docs: int, examples: Sequence[str]) -> str:
    hint = f" Ví dụ: “{esc(examples[0])}”" if examples else ""
    return (
        '<div class="qa-welcome">'
        f'<div class="qa-welcome-icon" aria-hidden="true">{CHAT_ICON}</div>'
        "<div><p><strong>Xin chào!</strong> Hãy đặt câu hỏi về công tác cải cách hành chính. "
        f"Câu trả lời được trích từ {n_docs} văn bản đã nạp; mỗi ý có số [n] dẫn tới "
        f"đoạn văn gốc ở khung <em>Nguồn trích dẫn</em>.{hint}</p></div></div>"
    )


def render_chat(turns: Sequence[dict], n_docs: int = 0, examples: Sequence[str] = ()) -> str:
    """The conversation as HTML (every user and document text escaped)."""
    body = []
    if not turns:
        body.append(_welcome(n_docs, examples))
    for t in turns:
        a = t["answer"]
        tid = t["id"]
        status = answer_status(a)
        cited, _ = split_citations(a)
        numbers = {int(c["n"]) for c in cited}
        body.append(f'<div class="qa-turn" id="turn-{tid}">')
        body.append(f'<div class="qa-msg qa-user"><div class="qa-bubble">{esc(t["question"])}</div></div>')
        cls = "qa-msg qa-bot" + {"partial": " qa-partial", "not_found": " qa-notfound"}.get(status, "")
        body.append(f'<div class="{cls}" data-status="{esc(status)}">'
                    '<div class="qa-avatar" aria-hidden="true">CC</div><div class="qa-bubble">')
        if status == "partial":
            body.append(f'<div class="qa-partial-title">{esc(PARTIAL_TITLE)}</div>')
        elif status == "not_found":
            body.append(f'<div class="qa-nf-title">{esc(NOT_FOUND_TITLE)}</div>')
        body.append(f'<div class="qa-answer">{_answer_html(a.get("answer", ""), tid, numbers)}</div>')
        interpreted = a.get("interpreted_as")
        if interpreted and interpreted != a.get("question"):  # read with the earlier turns
            body.append(f'<div class="qa-interp">{esc(INTERPRETED_LABEL)} <q>{esc(interpreted)}</q></div>')
        if status == "not_found":
            tip = ("Bạn đang lọc theo " + esc(t["filters"]) + ". Thử bỏ bộ lọc hoặc hỏi cách khác."
                   if t.get("filters")
                   else "Thử dùng từ ngữ khác, hoặc hỏi về nội dung có trong các văn bản.")
            body.append(f'<div class="qa-nf-tip">{tip}</div>')
        body.append('<div class="qa-actions">')
        if cited:
            links = " ".join(f'<a class="qa-cite" href="#src-{tid}-{int(c["n"])}">[{int(c["n"])}]</a>'
                             for c in cited)
            body.append(f'<span class="qa-used">Nguồn: {links}</span>')
        body.append(f'<button type="button" class="qa-copy" data-copy="{esc(copy_text(a))}" '
                    'title="Sao chép câu trả lời và nguồn">Sao chép</button>')
        body.append("</div></div></div></div>")
    return (f'<div class="qa-log" data-turns="{len(turns)}" role="log" aria-live="polite">'
            f'{"".join(body)}</div>')


# -- sources panel ------------------------------------------------------------------------------
def render_card(c: CitationDict, turn: int, terms: Terms | None, cited: bool = True) -> str:
    """One source card: number, title, publisher (or issuing body), date, where the passage is
    ("Chỉ thị 05/CT-TTg, mục 2, điểm b"), the passage (highlighted), links."""
    n = int(c["n"])
    url = safe_url(c.get("url"))
    links = [f'<a class="qa-open" href="{esc(document_link(c["doc_id"], c.get("start"), c.get("end")))}" '
             'target="_blank" rel="noopener noreferrer">Xem trong toàn văn</a>']
    if url:
        links.append(f'<a class="qa-ext" href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                     "Bài gốc ↗</a>")
    date = c.get("date")
    time_html = (f'<time datetime="{esc(date)}">{esc(format_date(date))}</time>' if date
                 else '<span class="qa-muted">không rõ ngày</span>')
    publisher = c.get("source") or c.get("issuer")  # a directive: its issuing body
    source = (f'<span class="qa-pub">{esc(publisher)}</span>' if publisher
              else '<span class="qa-pub qa-muted">không rõ nơi đăng</span>')
    place = citation_place(c.get("doc_type"), c.get("number"), c.get("path"))  # "Chỉ thị 05/CT-TTg, mục 2"
    where = f'<div class="qa-meta qa-where">{esc(place)}</div>' if place else ""
    return (
        f'<article class="qa-card{"" if cited else " qa-card-extra"}" id="src-{turn}-{n}" '
        f'data-doc="{esc(c["doc_id"])}">'
        f'<div class="qa-card-head"><span class="qa-num">{n}</span>'
        f'<h3 class="qa-card-title">{esc(c["title"])}</h3></div>'
        f'<div class="qa-meta">{source}<span class="qa-dot">·</span>{time_html}</div>{where}'
        f'<blockquote class="qa-passage">{highlight(c.get("text", ""), terms)}</blockquote>'
        f'<div class="qa-links">{"".join(links)}</div></article>'
    )


def _turn_sources(t: dict) -> str:
    """Cards of the passages the answer cites (``used``), then the related ones folded away."""
    a = t["answer"]
    cited, related = split_citations(a)
    terms = terms_of(t)
    if cited:
        out = [render_card(c, t["id"], terms) for c in cited]
    elif related:
        out = ['<p class="qa-empty">Không có đoạn văn nào trả lời câu hỏi này.</p>']
    else:
        out = ['<p class="qa-empty">Không có đoạn văn nào đủ liên quan để trích dẫn cho câu hỏi này.</p>']
    if related:
        label = "Đoạn liên quan khác" if cited else "Đoạn có liên quan"
        out.append(f'<details class="qa-more"><summary>{label} ({len(related)})</summary>'
                   + "".join(render_card(c, t["id"], terms, cited=False) for c in related) + "</details>")
    return "".join(out)


def render_sources(turns: Sequence[dict]) -> str:
    """The sources panel: the latest answer's sources, older answers' sources folded away."""
    out = ['<section class="qa-sources" aria-label="Nguồn trích dẫn">',
           '<h2 class="qa-panel-title">Nguồn trích dẫn</h2>']
    if not turns:
        out.append('<p class="qa-empty">Các đoạn văn được trích dẫn sẽ hiện ở đây, kèm tên văn bản, '
                   "nơi đăng, ngày và liên kết tới bản gốc. Từ ngữ của câu hỏi được "
                   "<mark>tô sáng</mark>.</p>")
    else:
        last = turns[-1]
        out.append(f'<p class="qa-for">Cho câu hỏi: <q>{esc(last["question"])}</q></p>')
        out.append(_turn_sources(last))
        for t in reversed(turns[:-1]):
            out.append(f'<details class="qa-older"><summary>Câu hỏi trước: <q>{esc(t["question"])}</q>'
                       f"</summary>{_turn_sources(t)}</details>")
    out.append("</section>")
    return "".join(out)


__all__ = ["INTERPRETED_LABEL", "filters_label", "render_card", "render_chat", "render_sources"]
