"""The UI's "Tài liệu" tab: the documents with a download of each original file and the files
skipped with their reasons; after the admin key is entered, an upload form and delete buttons.

Uploads and deletions go through the app's own HTTP routes (``POST /api/documents``,
``DELETE /api/documents/{doc_id}``, :mod:`qa_bot.web.manage`) with the key in an
``Authorization: Bearer`` header: one implementation for the API and the UI, no Gradio upload
route needed, and the server checks the key on every change (the key typed here stays in the page).
:func:`keep_current` updates the chat tab's header and filters when the index changes, whoever
changed it (this page, the API, the CLI, files copied into the folder).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import gradio as gr

from qa_bot.bot import QABot
from qa_bot.manage import KIND_NAMES, ManageError, check_key

from .library import LIBRARY_CSS, LIST_JS, UPLOAD_CSS, UPLOAD_FORM, UPLOAD_JS, render_library, size_label
from .text import esc

#: How often an open page checks for a new index (seconds).
REFRESH_SECONDS = 3.0


def library_html(bot: QABot, admin: bool) -> str:
    """:func:`render_library` of what ``bot`` answers from now."""
    return render_library(bot.documents(), bot.skipped_files(), admin, bot.index_notice)


def documents_tab(bot: QABot, chat_outputs: Sequence[gr.components.Component],
                  chat_update: Callable[..., tuple]) -> None:
    """Build the tab's components inside the current ``gr.Tab``. After a change made here, the
    chat tab's ``chat_outputs`` (header, filters) get ``chat_update(*their current values)``."""
    listing = gr.HTML(library_html(bot, False), elem_id="qa-library", js_on_load=LIST_JS,
                      css_template=LIBRARY_CSS, apply_default_css=False)
    with gr.Accordion("Quản lý tài liệu (cần khoá quản trị)", open=False, elem_id="qa-admin"):
        with gr.Row(equal_height=True):
            key = gr.Textbox(type="password", label="Khoá quản trị", placeholder="QA_BOT_ADMIN_KEY",
                             scale=4, elem_id="qa-admin-key")
            unlock = gr.Button("Mở quản lý", scale=1, elem_id="qa-admin-unlock")
        note = gr.HTML("", elem_id="qa-admin-note", css_template=UPLOAD_CSS, apply_default_css=False)
        form = UPLOAD_FORM.format(limit=esc(size_label(bot.settings.max_upload)),
                                  accept=esc(",".join(KIND_NAMES)))
        upload = gr.HTML(form, visible=False, elem_id="qa-upload", js_on_load=UPLOAD_JS,
                         css_template=UPLOAD_CSS, apply_default_css=False)

    def open_admin(given: str) -> tuple:
        try:
            check_key(bot.settings, given)
        except ManageError as exc:
            return f'<p class="qa-err">{esc(exc)}</p>', gr.update(visible=False), library_html(bot, False)
        return ('<p class="qa-ok">Đã mở quản lý: tải tệp lên hoặc bấm “Xoá” trong danh sách.</p>',
                gr.update(visible=True), library_html(bot, True))

    def changed(given: str, *current: object) -> tuple:
        bot.load_published()  # the change may have gone through another worker: show its result
        return (library_html(bot, is_admin(bot, given)), *chat_update(*current))

    # No per-process state: the key box travels with each event (any worker of --workers N answers).
    private = {"api_visibility": "private", "show_progress": "hidden", "queue": False}
    gr.on([unlock.click, key.submit], open_admin, [key], [note, upload, listing], **private)
    for component in (upload, listing):
        component.change(changed, [key, *chat_outputs], [listing, *chat_outputs], **private)


def is_admin(bot: QABot, given: str | None) -> bool:
    """True when ``given`` is the admin key (the delete buttons are shown; the server checks the
    key again on every change)."""
    try:
        check_key(bot.settings, given)
    except ManageError:
        return False
    return True


#: Polls ``/healthz`` (cheap, not rate-limited) and asks the server for fresh header and filters
#: only when its counts differ from those the page shows.
WATCH_JS = """
const poll = async () => {
  const shown = element.querySelector('.qa-index-marker');
  if (!shown || document.hidden) return;
  try {
    const res = await fetch(new URL('healthz', document.baseURI.replace(/[?#].*$/, '')).toString());
    if (!res.ok) return;
    const now = await res.json();
    if (String(now.documents) !== shown.dataset.docs || String(now.chunks) !== shown.dataset.chunks) {
      trigger('click');
    }
  } catch (e) {}
};
setInterval(poll, REFRESH_MS);
"""


def _marker(bot: QABot) -> str:
    stats = bot.stats()
    return (f'<div class="qa-index-marker" hidden data-docs="{int(stats["documents"])}" '
            f'data-chunks="{int(stats["chunks"])}"></div>')


def keep_current(bot: QABot, outputs: Sequence[gr.components.Component],
                 update: Callable[..., tuple]) -> None:
    """Keep ``outputs`` (the chat tab's header and filters) in step with the index: the page polls
    ``/healthz`` every :data:`REFRESH_SECONDS` and, when the counts differ from those it shows,
    gets ``update(*their current values)``. Nothing reaches Gradio while nothing changed; the
    counts shown travel in the page, so any worker answers."""
    marker = gr.HTML(_marker(bot), elem_id="qa-index-marker-wrap", apply_default_css=False, visible="hidden",
                     js_on_load=WATCH_JS.replace("REFRESH_MS", str(int(REFRESH_SECONDS * 1000))))

    def refresh(*current: object) -> tuple:
        return (_marker(bot), *update(*current))

    marker.click(refresh, list(outputs), [marker, *outputs], api_visibility="private", show_progress="hidden",
                 queue=False)


__all__ = ["REFRESH_SECONDS", "documents_tab", "is_admin", "keep_current", "library_html"]
