"""The chat UI (Gradio Blocks): conversation, sources panel, filters, example questions.

The HTML comes from :mod:`qa_bot.ui.render`; this module wires it to Gradio events. The UI holds no
retrieval logic: it calls :class:`qa_bot.QABot` and renders what comes back. A conversation is the
list of turns in the page's state: each question is sent with the earlier turns as ``history``
(the last :data:`qa_bot.followup.MAX_TURNS`), "Cuộc trò chuyện mới" empties it, and each answer
comes with the follow-up questions :func:`qa_bot.suggest.suggest_followups` offers, as buttons.

    from qa_bot import QABot
    from qa_bot.ui.app import build_ui, mount_options
    build_ui(QABot.from_directory("documents")).launch(**mount_options())   # or: qa-bot serve
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline product: no telemetry calls

import gradio as gr  # noqa: E402

from qa_bot.bot import QABot  # noqa: E402
from qa_bot.errors import InputError  # noqa: E402
from qa_bot.followup import MAX_ANSWER_CHARS  # noqa: E402
from qa_bot.followup import MAX_TURNS as HISTORY_TURNS  # noqa: E402
from qa_bot.suggest import suggest_followups  # noqa: E402

from .documents import documents_tab, keep_current  # noqa: E402
from .highlight import highlight_terms  # noqa: E402
from .render import filters_label, render_chat, render_sources  # noqa: E402
from .text import TITLE, esc, format_date  # noqa: E402

HERE = Path(__file__).resolve().parent
ALL_YEARS = "Tất cả các năm"
MAX_TURNS = 30
MAX_SUGGESTIONS = 3
SUGGEST_SECONDS = 0.6  # the most suggesting may add to an answer

#: Questions answered by the shipped corpus; only those the loaded corpus answers are offered.
EXAMPLE_QUESTIONS = (
    "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?",
    "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?",
    "Phiên họp thứ chín của Ban Chỉ đạo cải cách hành chính do ai chủ trì?",
)


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


def filter_choices(docs: list[dict]) -> tuple[list[int], list[tuple[str, str]]]:
    """The years (newest first) and the documents (label, doc_id; newest first) to filter by."""
    years = sorted({int(d["date"][:4]) for d in docs if d.get("date")}, reverse=True)
    choices = [(f"{d['title']} ({format_date(d['date'])})" if d.get("date") else d["title"], d["doc_id"])
               for d in sorted(docs, key=lambda d: d.get("date") or "", reverse=True)]
    return years, choices


def chat_view(bot: QABot, header: object = None, year: object = None, doc_ids: object = None) -> tuple:
    """Updates of the chat tab's header and filters for the index answering now; a chosen year or
    document that is gone is dropped from the choice."""
    docs = bot.documents()
    stats = bot.stats()
    years, doc_choices = filter_choices(docs)
    year_choices = [ALL_YEARS] + [str(y) for y in years]
    known = {c[1] for c in doc_choices}
    return (_header(stats["documents"], stats["chunks"]),
            gr.update(choices=year_choices, value=year if year in year_choices else ALL_YEARS),
            gr.update(choices=doc_choices, value=[d for d in (doc_ids or []) if d in known]))


def input_cap(bot: QABot) -> int:
    """The question box's hard cap: far above the question limit (a longer question is refused with
    a message saying so, not cut), low enough that the request stays under the body limit."""
    return max(bot.settings.max_question_chars + 1, bot.settings.max_body // 4)


def _year_value(year: object) -> int | None:
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    if isinstance(year, str) and year.strip().isdigit():
        return int(year.strip())
    return None


def check_event_input(question: object, year: object, doc_ids: object) -> None:
    """InputError (Vietnamese) for what the page never sends but a hand-made call to the ``/ask``
    endpoint may: text that is not Unicode, a year or document list of the wrong kind. The
    filters accept any value (``allow_custom_value``) so that Gradio's own check, whose English
    message shows a Python list, never answers."""
    if isinstance(question, str):
        try:
            question.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("Câu hỏi có ký tự không hợp lệ (nửa cặp UTF-16 đứng riêng).") from None
    if year not in (None, "", ALL_YEARS) and _year_value(year) is None:
        raise InputError("Năm không hợp lệ: hãy chọn một năm trong danh sách.")
    if doc_ids is not None and (not isinstance(doc_ids, list)
                                or not all(isinstance(d, str) for d in doc_ids)):
        raise InputError("Danh sách văn bản không hợp lệ: hãy chọn văn bản trong danh sách.")


def history_of(turns: list[dict] | None) -> list[dict]:
    """The earlier turns of the conversation as ``history`` for :meth:`QABot.ask`: the last
    :data:`HISTORY_TURNS`, oldest first, each ``{"question", "answer"}``."""
    return [{"question": t["question"], "answer": (t["answer"].get("answer") or "")[:MAX_ANSWER_CHARS]}
            for t in (turns or [])[-HISTORY_TURNS:]]


def build_ui(bot: QABot) -> gr.Blocks:
    """The chat UI over ``bot``. Its ``ask`` event is also an API endpoint (``api_name="ask"``):
    ``gradio_client.Client(url).predict(question, year, doc_ids, api_name="/ask")`` returns the
    answer object of docs/contract.md."""
    docs = bot.documents()
    stats = bot.stats()
    years, doc_choices = filter_choices(docs)
    examples = example_questions(bot)

    def ask(question: str, year: str | None = None, doc_ids: list[str] | None = None,
            turns: list[dict] | None = None) -> dict:
        """Answer a question from the documents, read with the earlier turns of the conversation;
        returns the answer object (question, answer, found, status, interpreted_as, citations)."""
        try:
            check_event_input(question, year, doc_ids)
            answer = bot.ask(question or "", year=_year_value(year), doc_ids=list(doc_ids or []) or None,
                             history=history_of(turns))
        except InputError as exc:
            raise gr.Error(str(exc), title="Chưa thể hỏi") from None
        return answer.to_dict()

    def understood(question: str) -> list[str] | None:
        try:
            return list(getattr(bot.query(question), "tokens", None) or []) or None
        except Exception:  # highlighting is a nicety: fall back to the question's own words
            return None

    def add_turn(answer: dict, year: str | None, doc_ids: list[str] | None,
                 turns: list[dict]) -> tuple:
        """The conversation with ``answer`` added, rendered, with its follow-up suggestions (shown
        with the answer, so that nothing moves on the page afterwards)."""
        turns = list(turns or [])
        q = answer.get("question", "")
        terms = highlight_terms(q, understood(q))
        turns.append({
            "id": (turns[-1]["id"] + 1) if turns else 1,
            "question": q,
            "answer": answer,
            "filters": filters_label(_year_value(year), doc_ids,
                                     {d["doc_id"]: d["title"] for d in bot.documents()}),
            "terms": {"phrases": [list(p) for p in terms.phrases], "folded": terms.folded},
        })
        turns = turns[-MAX_TURNS:]
        return (turns, render_chat(turns, len(bot.index.documents), examples), render_sources(turns), "",
                *show_suggestions(suggest(turns)))

    def reset() -> tuple:
        return ([], render_chat([], len(bot.index.documents), examples), render_sources([]), "",
                *show_suggestions([]))

    def show_suggestions(questions: list[str]) -> tuple:
        """Updates of the suggestions' label and buttons: one button per question, the rest hidden."""
        label = gr.update(visible=bool(questions))
        return label, *(gr.update(value=questions[i], visible=True) if i < len(questions)
                        else gr.update(value="", visible=False) for i in range(MAX_SUGGESTIONS))

    def suggest(turns: list[dict]) -> list[str]:
        """Follow-up questions about the document the latest answer cites, each checked to be
        answered (:mod:`qa_bot.suggest`; a few milliseconds each, at most ``SUGGEST_SECONDS``)."""
        try:
            return suggest_followups(bot, [t["answer"] for t in turns][-HISTORY_TURNS:],
                                     limit=MAX_SUGGESTIONS, budget=SUGGEST_SECONDS)
        except InputError:
            return []

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        # The conversation lives in the page (a hidden component sent with each event), not in a
        # per-process gr.State, and the chat's events skip Gradio's queue (one POST each, no
        # stream): any worker of `qa-bot serve --workers N` answers any turn (docs/deploy.md).
        turns = gr.JSON([], visible=False)
        header = gr.HTML(_header(stats["documents"], stats["chunks"]), elem_id="qa-header-wrap",
                         js_on_load=None, apply_default_css=False)
        with gr.Tabs(elem_id="qa-tabs") as tabs, gr.Tab("Hỏi đáp", id="chat", elem_id="qa-tab-chat"):
            with gr.Row(equal_height=False, elem_id="qa-main"):
                with gr.Column(scale=7, min_width=330, elem_id="qa-left"):
                    chat = gr.HTML(render_chat([], len(docs), examples), elem_id="qa-chat", js_on_load=None,
                                   apply_default_css=False)
                    with gr.Row(elem_id="qa-ask-row", equal_height=True):
                        question = gr.Textbox(
                            show_label=False, placeholder="Nhập câu hỏi về cải cách hành chính…", lines=1,
                            max_lines=5, max_length=input_cap(bot), container=False,
                            autofocus=True, scale=8, min_width=180, elem_id="qa-question",
                        )
                        send = gr.Button("Hỏi", variant="primary", scale=1, min_width=72, elem_id="qa-send")
                    gr.HTML(f'<div id="qa-limit" class="qa-limit" aria-live="polite" '
                            f'data-limit="{bot.settings.max_question_chars}"></div>', js_on_load=None,
                            apply_default_css=False, elem_id="qa-limit-wrap")
                    follow_label = gr.HTML('<div class="qa-label">Hỏi tiếp về văn bản này</div>',
                                           js_on_load=None, visible=False, apply_default_css=False,
                                           elem_classes=["qa-label-wrap"])
                    with gr.Row(elem_id="qa-followups"):
                        follow_buttons = [gr.Button("", size="sm", visible=False, min_width=0,
                                                    elem_classes=["qa-followup"])
                                          for _ in range(MAX_SUGGESTIONS)]
                    if examples:
                        gr.HTML('<div class="qa-label">Câu hỏi gợi ý</div>', js_on_load=None,
                                apply_default_css=False, elem_classes=["qa-label-wrap"])
                        with gr.Row(elem_id="qa-examples"):
                            example_buttons = [gr.Button(q, size="sm", elem_classes=["qa-example"],
                                                         min_width=0) for q in examples]
                    else:
                        example_buttons = []
                    with gr.Row(elem_id="qa-filters"):
                        year = gr.Dropdown([ALL_YEARS] + [str(y) for y in years], value=ALL_YEARS,
                                           label="Năm", scale=1, min_width=130, elem_id="qa-year",
                                           allow_custom_value=True)
                        doc_filter = gr.Dropdown(doc_choices, value=[], multiselect=True, label="Văn bản",
                                                 allow_custom_value=True,
                                                 info="Để trống: tìm trong tất cả văn bản", scale=3,
                                                 min_width=220, elem_id="qa-docs")
                    new_chat = gr.Button("Cuộc trò chuyện mới", size="sm", elem_id="qa-new")
                with gr.Column(scale=5, min_width=300, elem_id="qa-right"):
                    sources = gr.HTML(render_sources([]), elem_id="qa-sources-panel", js_on_load=None,
                                      apply_default_css=False)
        with tabs, gr.Tab("Tài liệu", id="documents", elem_id="qa-tab-documents"):
            documents_tab(bot, [header, year, doc_filter], partial(chat_view, bot))
        keep_current(bot, [header, year, doc_filter], partial(chat_view, bot))
        answer_json = gr.JSON(visible=False, label="Câu trả lời (JSON)")

        suggestion_outputs = [follow_label, *follow_buttons]
        render_outputs = [turns, chat, sources, question, *suggestion_outputs]
        unqueued = {"api_visibility": "private", "queue": False}
        private = {**unqueued, "show_progress": "hidden"}

        def answered(event) -> None:
            """Show the answer and its follow-up suggestions."""
            event.success(add_turn, [answer_json, year, doc_filter, turns], render_outputs, **private)

        # Gradio shows an error pop-up only for queued events: a question that cannot be asked is
        # refused by `vet` first, in the page's own pop-up (#qa-alert); `ask` then fails quietly.
        alert = gr.HTML("", elem_id="qa-alert-wrap", js_on_load=None, apply_default_css=False)

        def vet(question: str) -> str:
            try:
                bot._check(question or "", None)  # the bot's own input checks, nothing answered
            except InputError as exc:
                return alert_html(str(exc))
            return ""

        answered(gr.on([question.submit, send.click], vet, [question], [alert], **private).then(
            ask, [question, year, doc_filter, turns], [answer_json], api_name="ask", queue=False))
        for button, text in zip(example_buttons, examples, strict=True):
            answered(button.click(partial(_const, text), None, [question], **private).then(
                vet, [question], [alert], **private).then(
                ask, [question, year, doc_filter, turns], [answer_json], **unqueued))
        for button in follow_buttons:
            answered(button.click(_const, [button], [question], **private).then(
                vet, [question], [alert], **private).then(
                ask, [question, year, doc_filter, turns], [answer_json], **unqueued))
        new_chat.click(reset, None, render_outputs, **private)
    demo.queue(default_concurrency_limit=4)
    return demo


def _const(value: str) -> str:
    return value


def alert_html(message: str) -> str:
    """The pop-up that refuses a question (title "Chưa thể hỏi"), escaped; a click closes it."""
    return ('<div class="qa-alert" role="alert" onclick="this.remove()"><div class="qa-alert-title">'
            f'Chưa thể hỏi</div><div class="qa-alert-body">{esc(message)}</div></div>')


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


def mount_ui(app, bot: QABot, path: str = "/") -> None:
    """Mount the chat UI over ``bot`` on a FastAPI ``app`` at ``path``."""
    gr.mount_gradio_app(app, build_ui(bot), path=path, **mount_options())


__all__ = ["EXAMPLE_QUESTIONS", "build_ui", "example_questions", "history_of", "mount_options", "mount_ui"]
