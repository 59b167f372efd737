"""The chat UI (Gradio Blocks): conversation, sources panel, filters, example questions.

Everything shown is HTML built here, with :func:`html.escape` on every piece of text that comes from
a document or from a user, so a ``<script>``, HTML or Markdown in either shows as text and never runs.
The UI holds no retrieval logic: it calls :class:`qa_bot.bot.QABot` and renders what comes back.

    from qa_bot import QABot
    from ui.chat import build_ui, mount_options
    build_ui(QABot.from_directory("documents")).launch(**mount_options())   # or: qa-bot serve
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import quote, urlsplit

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from qa_bot.bot import InputError, QABot  # noqa: E402
from qa_bot.normalize import fold, has_diacritics, normalize_word  # noqa: E402

HERE = Path(__file__).resolve().parent
TITLE = "Trợ lý hỏi đáp Cải cách hành chính"
ALL_YEARS = "Tất cả các năm"
MAX_TURNS = 30

#: Questions answered by the shipped corpus; only those the loaded corpus answers are offered.
EXAMPLE_QUESTIONS = (
    "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?",
    "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?",
    "Phiên họp thứ chín của Ban Chỉ đạo cải cách hành chính do ai chủ trì?",
)

#: Function words and question words: not worth highlighting in a passage.
_STOP = frozenset(
    """của và các là có được cho với những tới đến trong này đã do thì mà ở tại về từ theo như một
    khi nào ai gì bao nhiêu mấy đâu sao không hay hoặc nhé ạ hả vậy thế ra vào lên bị bởi để đó
    nay năm cũng sẽ đang rằng nên vì hãy xin hỏi biết cái việc điều người""".split()
)
_STOP_FOLDED = frozenset(fold(w) for w in _STOP)
_WORD = re.compile(r"\w+")
_MARKER = re.compile(r"\[(\d{1,3})\]")


def esc(text: object) -> str:
    """HTML-escaped text (quotes included): safe in element content and in attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


# -- highlighting -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Terms:
    """What to highlight: ``phrases`` are tuples of normalised syllables (one syllable for a single
    word); ``folded``: compare without diacritics (a question typed without any, when the bot's
    own reading of it is not available)."""

    phrases: tuple[tuple[str, ...], ...]
    folded: bool = False

    def key(self, word: str) -> str:
        return fold(word) if self.folded else normalize_word(word)


def _keep(word: str, folded: bool) -> bool:
    n = normalize_word(word)
    if n in _STOP or (folded and fold(word) in _STOP_FOLDED):
        return False
    return len(n) >= 2 or n.isdigit()


def highlight_terms(question: str, tokens: Sequence[str] | None = None) -> Terms:
    """The question's words worth highlighting. ``tokens``: the question as the bot understood it
    (``QABot.query(q).tokens``: compounds joined by ``_``, diacritics restored); else the words of
    the question itself."""
    if tokens:
        phrases = []
        for t in tokens:
            parts = tuple(normalize_word(p) for p in str(t).split("_") if p)
            if not parts or (len(parts) == 1 and not _keep(parts[0], False)):
                continue
            if parts not in phrases:
                phrases.append(parts)
        return Terms(tuple(phrases), folded=False)
    folded = not has_diacritics(question)
    words = []
    for w in _WORD.findall(question):
        k = fold(w) if folded else normalize_word(w)
        if _keep(w, folded) and (k,) not in words:
            words.append((k,))
    return Terms(tuple(words), folded)


def highlight(text: str, terms: Terms | None) -> str:
    """``text`` escaped, with the question's words and phrases in ``<mark>`` (adjacent ones merged)."""
    if not terms or not terms.phrases:
        return esc(text)
    words = list(_WORD.finditer(text))
    keys = [terms.key(m.group()) for m in words]
    phrases = sorted(terms.phrases, key=len, reverse=True)
    spans: list[list[int]] = []
    i = 0
    while i < len(words):
        size = next((len(p) for p in phrases if tuple(keys[i:i + len(p)]) == p
                     and all(text[words[j].end():words[j + 1].start()] in (" ", "-")
                             for j in range(i, i + len(p) - 1))), 0)
        if not size:
            i += 1
            continue
        s, e = words[i].start(), words[i + size - 1].end()
        if spans and text[spans[-1][1]:s] == " ":
            spans[-1][1] = e
        else:
            spans.append([s, e])
        i += size
    out, pos = [], 0
    for s, e in spans:
        out.append(esc(text[pos:s]))
        out.append(f"<mark>{esc(text[s:e])}</mark>")
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)


def _terms_of(turn: dict) -> Terms:
    t = turn.get("terms")
    if isinstance(t, Terms):
        return t
    if isinstance(t, dict):
        return Terms(tuple(tuple(p) for p in t.get("phrases", [])), bool(t.get("folded")))
    return highlight_terms(turn.get("question", ""))


# -- small formatting helpers -------------------------------------------------------------------
def format_date(iso: str | None) -> str:
    """``2024-02-02`` -> ``02/02/2024``; unknown -> ``không rõ ngày``."""
    if not iso:
        return "không rõ ngày"
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (no ``javascript:`` and friends)."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def document_link(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """Relative link to the readable page of a document, the cited passage marked."""
    link = "tai-lieu/" + quote(doc_id, safe="")
    if start is not None and end is not None:
        link += f"?start={int(start)}&end={int(end)}#trich-dan"
    return link


#: Header of a partial answer (the documents hold something close, not what was asked).
PARTIAL_TITLE = "Trả lời một phần — tài liệu không có đúng thông tin được hỏi"
NOT_FOUND_TITLE = "Không tìm thấy câu trả lời trong tài liệu"


def answer_status(answer: dict) -> str:
    """``answered``, ``partial`` or ``not_found`` (from ``found`` for an answer object without
    ``status``)."""
    status = answer.get("status")
    if status in ("answered", "partial", "not_found"):
        return status
    return "answered" if answer.get("found") else "not_found"


def split_citations(answer: dict) -> tuple[list[dict], list[dict]]:
    """``(cited, related)``: the citations the answer uses (``used: true``, in their order) and the
    related passages it does not use. A not-found answer cites nothing: all its passages are related.
    A citation without a ``used`` flag counts as used."""
    cites = [c for c in answer.get("citations") or [] if isinstance(c, dict)]
    if answer_status(answer) == "not_found":
        return [], cites
    cited = [c for c in cites if c.get("used", True) is not False]
    return cited, [c for c in cites if c.get("used", True) is False]


def copy_text(answer: dict) -> str:
    """Plain text of an answer and the sources it cites, for the copy button."""
    lines = [answer.get("answer", "")]
    cited, _ = split_citations(answer)
    if cited:
        lines.append("")
        lines.append("Nguồn:")
        for c in cited:
            date = format_date(c["date"]) if c.get("date") else None
            meta = ", ".join(x for x in (c.get("source"), date, safe_url(c.get("url"))) if x)
            lines.append(f"[{c['n']}] {c['title']}" + (f" ({meta})" if meta else ""))
    return "\n".join(lines)


# -- conversation -------------------------------------------------------------------------------
def _answer_html(text: str, turn: int, numbers: set[int]) -> str:
    def link(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in numbers:
            return m.group(0)
        return (f'<a class="qa-cite" href="#src-{turn}-{n}" title="Xem nguồn [{n}]" '
                f'aria-label="Nguồn số {n}">[{n}]</a>')

    return _MARKER.sub(link, esc(text))


def _filters_label(year: int | None, doc_ids: Sequence[str] | None, titles: dict[str, str]) -> str:
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
        '<div class="qa-welcome-icon" aria-hidden="true">💬</div>'
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
        interpreted = a.get("interpreted_as")
        if interpreted and interpreted != a.get("question"):
            body.append(f'<div class="qa-interp">Hiểu câu hỏi là: <q>{esc(interpreted)}</q></div>')
        if status == "partial":
            body.append(f'<div class="qa-partial-title">{esc(PARTIAL_TITLE)}</div>')
        elif status == "not_found":
            body.append(f'<div class="qa-nf-title">{esc(NOT_FOUND_TITLE)}</div>')
        body.append(f'<div class="qa-answer">{_answer_html(a.get("answer", ""), tid, numbers)}</div>')
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
def render_card(c: dict, turn: int, terms: Terms | None, cited: bool = True) -> str:
    """One source card: number, title, publisher, date, the passage (highlighted), links."""
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
    source = (f'<span class="qa-pub">{esc(c["source"])}</span>' if c.get("source")
              else '<span class="qa-pub qa-muted">không rõ nơi đăng</span>')
    return (
        f'<article class="qa-card{"" if cited else " qa-card-extra"}" id="src-{turn}-{n}" '
        f'data-doc="{esc(c["doc_id"])}">'
        f'<div class="qa-card-head"><span class="qa-num">{n}</span>'
        f'<h3 class="qa-card-title">{esc(c["title"])}</h3></div>'
        f'<div class="qa-meta">{source}<span class="qa-dot">·</span>{time_html}</div>'
        f'<blockquote class="qa-passage">{highlight(c.get("text", ""), terms)}</blockquote>'
        f'<div class="qa-links">{"".join(links)}</div></article>'
    )


def _turn_sources(t: dict) -> str:
    """Cards of the passages the answer cites (``used``), then the related ones folded away."""
    a = t["answer"]
    cited, related = split_citations(a)
    terms = _terms_of(t)
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


# -- the readable document page (/tai-lieu/{doc_id}) --------------------------------------------
_PAGE_CSS = """
:root{color-scheme:light;--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--accent:#1d4ed8}
*{box-sizing:border-box}body{margin:0;font:16px/1.65 system-ui,-apple-system,"Segoe UI",Roboto,Arial,
sans-serif;color:var(--ink);background:#f8fafc}main{max-width:820px;margin:0 auto;padding:24px 18px 64px}
.top{font-size:14px;margin-bottom:16px}.top a{color:var(--accent);text-decoration:none}
h1{font-size:26px;line-height:1.3;margin:0 0 8px}.meta{color:var(--muted);font-size:14px;margin-bottom:20px}
.meta a{color:var(--accent)}.text{white-space:pre-wrap;background:#fff;border:1px solid var(--line);
border-radius:12px;padding:22px;overflow-wrap:anywhere}mark{background:#fde68a;border-radius:3px;
padding:1px 0;scroll-margin-top:40vh}.jump{display:inline-block;margin-bottom:12px;font-size:14px;
color:var(--accent)}@media (max-width:480px){h1{font-size:21px}.text{padding:14px}}
"""


def render_document_page(doc: dict | None, start: int | None = None, end: int | None = None) -> str:
    """A full HTML page showing a document as text (escaped), ``text[start:end]`` marked."""
    head = ('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">')
    back = '<div class="top"><a href="../">← Quay lại trợ lý hỏi đáp</a></div>'
    if doc is None:
        return (f"{head}<title>Không tìm thấy văn bản</title><style>{_PAGE_CSS}</style></head><body><main>"
                f"{back}<h1>Không tìm thấy văn bản</h1><p>Văn bản này không có trong kho tài liệu.</p>"
                "</main></body></html>")
    text = doc.get("text", "")
    ok = start is not None and end is not None and 0 <= start < end <= len(text)
    if ok:
        body = (esc(text[:start]) + f'<mark id="trich-dan">{esc(text[start:end])}</mark>' + esc(text[end:]))
    else:
        body = esc(text)
    meta = [esc(doc.get("source") or "không rõ nơi đăng"), esc(format_date(doc.get("date")))]
    if doc.get("author"):
        meta.append("tác giả " + esc(doc["author"]))
    url = safe_url(doc.get("url"))
    if url:
        meta.append(f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">bài gốc ↗</a>')
    jump = '<a class="jump" href="#trich-dan">↓ Đến đoạn được trích dẫn</a>' if ok else ""
    return (f"{head}<title>{esc(doc.get('title'))} · {esc(TITLE)}</title><style>{_PAGE_CSS}</style></head>"
            f'<body><main>{back}<h1>{esc(doc.get("title"))}</h1><div class="meta">{" · ".join(meta)}</div>'
            f'{jump}<article class="text">{body}</article></main></body></html>')


# -- the Gradio app -----------------------------------------------------------------------------
def example_questions(bot: QABot, limit: int = 3) -> list[str]:
    """Example questions the loaded corpus answers; else the titles of its documents."""
    found = []
    for q in EXAMPLE_QUESTIONS:
        try:
            if bot.ask(q).found:
                found.append(q)
        except InputError:
            continue
    if found:
        return found[:limit]
    return [d["title"] for d in bot.documents()[:limit] if d.get("title")]


def _header(n_docs: int, n_chunks: int) -> str:
    return (
        '<header class="qa-header">'
        '<div class="qa-logo" aria-hidden="true"><svg viewBox="0 0 24 24" width="26" height="26" fill="none" '
        'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
        '<path d="M3 21h18M5 21V10m4 11V10m6 11V10m4 11V10M2 10l10-6 10 6z"/></svg></div>'
        f'<div class="qa-head-text"><h1>{esc(TITLE)}</h1>'
        f"<p>Hỏi đáp có trích dẫn nguồn từ {n_docs} văn bản ({n_chunks} đoạn) về cải cách hành chính. "
        "Mỗi câu trả lời chỉ rõ đoạn văn gốc để bạn kiểm chứng.</p></div></header>"
    )


def _year_value(year: object) -> int | None:
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    if isinstance(year, str) and year.strip().isdigit():
        return int(year.strip())
    return None


def build_ui(bot: QABot) -> gr.Blocks:
    """The chat UI over ``bot``. Its ``ask`` event is also an API endpoint (``api_name="ask"``):
    ``gradio_client.Client(url).predict(question, year, doc_ids, api_name="/ask")`` returns the
    answer object of CONTRACT.md."""
    docs = bot.documents()
    stats = bot.stats()
    titles = {d["doc_id"]: d["title"] for d in docs}
    years = sorted({int(d["date"][:4]) for d in docs if d.get("date")}, reverse=True)
    examples = example_questions(bot)
    doc_choices = [(f"{d['title']} ({format_date(d['date'])})" if d.get("date") else d["title"], d["doc_id"])
                   for d in sorted(docs, key=lambda d: d.get("date") or "", reverse=True)]

    def ask(question: str, year: str | None = None, doc_ids: list[str] | None = None) -> dict:
        """Answer a question from the documents; returns the answer object (question, answer,
        found, status, interpreted_as, citations)."""
        try:
            answer = bot.ask(question or "", year=_year_value(year), doc_ids=list(doc_ids or []) or None)
        except InputError as exc:
            raise gr.Error(str(exc), title="Chưa thể hỏi") from None
        return answer.to_dict()

    def understood(question: str) -> list[str] | None:
        try:
            return list(getattr(bot.query(question), "tokens", None) or []) or None
        except Exception:  # highlighting is a nicety: fall back to the question's own words
            return None

    def add_turn(answer: dict, year: str | None, doc_ids: list[str] | None,
                 turns: list[dict]) -> tuple[list[dict], str, str, str]:
        turns = list(turns or [])
        q = answer.get("question", "")
        terms = highlight_terms(q, understood(q))
        turns.append({
            "id": (turns[-1]["id"] + 1) if turns else 1,
            "question": q,
            "answer": answer,
            "filters": _filters_label(_year_value(year), doc_ids, titles),
            "terms": {"phrases": [list(p) for p in terms.phrases], "folded": terms.folded},
        })
        turns = turns[-MAX_TURNS:]
        return turns, render_chat(turns, len(docs), examples), render_sources(turns), ""

    def reset() -> tuple[list, str, str, str]:
        return [], render_chat([], len(docs), examples), render_sources([]), ""

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        turns = gr.State([])
        gr.HTML(_header(stats["documents"], stats["chunks"]), elem_id="qa-header-wrap", js_on_load=None,
                apply_default_css=False)
        with gr.Row(equal_height=False, elem_id="qa-main"):
            with gr.Column(scale=7, min_width=330, elem_id="qa-left"):
                chat = gr.HTML(render_chat([], len(docs), examples), elem_id="qa-chat", js_on_load=None,
                               apply_default_css=False)
                with gr.Row(elem_id="qa-ask-row", equal_height=True):
                    question = gr.Textbox(
                        show_label=False, placeholder="Nhập câu hỏi về cải cách hành chính…", lines=1,
                        max_lines=5, max_length=bot.settings.max_question_chars, container=False,
                        autofocus=True, scale=8, min_width=180, elem_id="qa-question",
                    )
                    send = gr.Button("Hỏi", variant="primary", scale=1, min_width=72, elem_id="qa-send")
                if examples:
                    gr.HTML('<div class="qa-label">Câu hỏi gợi ý</div>', js_on_load=None,
                            apply_default_css=False, elem_classes=["qa-label-wrap"])
                    with gr.Row(elem_id="qa-examples"):
                        example_buttons = [gr.Button(q, size="sm", elem_classes=["qa-example"], min_width=0)
                                           for q in examples]
                else:
                    example_buttons = []
                with gr.Row(elem_id="qa-filters"):
                    year = gr.Dropdown([ALL_YEARS] + [str(y) for y in years], value=ALL_YEARS, label="Năm",
                                       scale=1, min_width=130, elem_id="qa-year")
                    doc_filter = gr.Dropdown(doc_choices, value=[], multiselect=True, label="Văn bản",
                                             info="Để trống: tìm trong tất cả văn bản", scale=3,
                                             min_width=220, elem_id="qa-docs")
                new_chat = gr.Button("Cuộc trò chuyện mới", size="sm", elem_id="qa-new")
            with gr.Column(scale=5, min_width=300, elem_id="qa-right"):
                sources = gr.HTML(render_sources([]), elem_id="qa-sources-panel", js_on_load=None,
                                  apply_default_css=False)
        answer_json = gr.JSON(visible=False, label="Câu trả lời (JSON)")

        render_outputs = [turns, chat, sources, question]
        asked = gr.on([question.submit, send.click], ask, [question, year, doc_filter], [answer_json],
                      api_name="ask", concurrency_limit=4)
        asked.success(add_turn, [answer_json, year, doc_filter, turns], render_outputs,
                      api_visibility="private", show_progress="hidden")
        for button, text in zip(example_buttons, examples, strict=True):
            button.click(partial(_const, text), None, [question], api_visibility="private",
                         show_progress="hidden").then(
                ask, [question, year, doc_filter], [answer_json], api_visibility="private"
            ).success(add_turn, [answer_json, year, doc_filter, turns], render_outputs,
                      api_visibility="private", show_progress="hidden")
        new_chat.click(reset, None, render_outputs, api_visibility="private", show_progress="hidden")
    demo.queue(default_concurrency_limit=4)
    return demo


def _const(value: str) -> str:
    return value


def _theme() -> gr.themes.Base:
    system = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
    return gr.themes.Soft(
        primary_hue=gr.themes.colors.blue,
        secondary_hue=gr.themes.colors.slate,
        neutral_hue=gr.themes.colors.slate,
        font=system,
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
        radius_size=gr.themes.sizes.radius_md,
    ).set(
        block_title_background_fill="transparent",
        block_title_text_color="*neutral_700",
        block_title_text_weight="600",
        block_title_padding="0",
        block_label_background_fill="transparent",
        body_background_fill="#f8fafc",
    )


def mount_options() -> dict:
    """Keyword arguments for ``gr.mount_gradio_app`` / ``Blocks.launch``: theme, CSS, JS, footer."""
    return {
        "theme": _theme(),
        "css_paths": [HERE / "style.css"],
        "js": (HERE / "app.js").read_text(encoding="utf-8"),
        "footer_links": ["api"],
    }


__all__ = [
    "NOT_FOUND_TITLE",
    "PARTIAL_TITLE",
    "TITLE",
    "answer_status",
    "build_ui",
    "copy_text",
    "example_questions",
    "format_date",
    "highlight",
    "highlight_terms",
    "mount_options",
    "render_chat",
    "render_document_page",
    "render_sources",
    "safe_url",
    "split_citations",
]
