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
from urllib.parse import quote

import gradio as gr

from qa_bot.bot import QABot
from qa_bot.manage import KIND_NAMES, ManageError, check_key

from .text import document_link, esc, format_date

#: How often an open page checks for a new index (seconds).
REFRESH_SECONDS = 3.0

_UPLOAD_FORM = """
<form class="qa-upload" id="qa-upload-form" autocomplete="off">
  <label class="qa-up-file">Tệp văn bản (PDF, DOCX, HTML, TXT, MD; tối đa {limit})
    <input type="file" name="file" id="qa-upload-file" required accept="{accept}"></label>
  <div class="qa-up-fields">
    <label>Tiêu đề<input type="text" name="title" maxlength="1000"
      placeholder="lấy từ tệp nếu để trống"></label>
    <label>Ngày ban hành<input type="date" name="date"></label>
    <label>Cơ quan / nguồn<input type="text" name="source" maxlength="1000"></label>
    <label>Đường dẫn gốc<input type="url" name="url" maxlength="1000" placeholder="https://..."></label>
  </div>
  <button type="submit" class="qa-up-send" id="qa-upload-send">Tải lên và lập chỉ mục</button>
  <div class="qa-up-status" id="qa-upload-status" role="status" aria-live="polite"></div>
</form>
"""

#: Shared by both HTML components: the admin key from its box, a relative API URL, errors in Vietnamese.
_JS_COMMON = """
const adminKey = () => {
  const box = document.querySelector('#qa-admin-key input, #qa-admin-key textarea');
  return box ? box.value.trim() : '';
};
const api = (path) => new URL(path, document.baseURI.replace(/[?#].*$/, '')).toString();
const why = async (res) => {
  try { const body = await res.json(); if (body && body.error) return body.error; } catch (e) {}
  return 'Lỗi ' + res.status + '.';
};
"""

UPLOAD_JS = _JS_COMMON + """
element.addEventListener('submit', async (event) => {
  const form = event.target.closest('form.qa-upload');
  if (!form) return;
  event.preventDefault();
  const status = form.querySelector('.qa-up-status');
  const send = form.querySelector('.qa-up-send');
  const data = new FormData(form);
  for (const [k, v] of [...data.entries()]) if (typeof v === 'string' && !v.trim()) data.delete(k);
  status.className = 'qa-up-status'; status.textContent = 'Đang tải lên và lập chỉ mục…';
  send.disabled = true;
  try {
    const res = await fetch(api('api/documents'), {method: 'POST', body: data,
      headers: {'Authorization': 'Bearer ' + adminKey()}});
    if (res.status === 201) {
      const doc = await res.json();
      status.className = 'qa-up-status qa-ok';
      status.textContent = 'Đã thêm “' + doc.title + '” (mã ' + doc.doc_id + ', ' + doc.chunks + ' đoạn).';
      form.reset();
      trigger('change');
    } else {
      status.className = 'qa-up-status qa-err';
      status.textContent = await why(res);
    }
  } catch (e) {
    status.className = 'qa-up-status qa-err';
    status.textContent = 'Không gửi được tệp: ' + e;
  } finally { send.disabled = false; }
});
"""

LIST_JS = _JS_COMMON + """
element.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.qa-doc-delete') : null;
  if (!button) return;
  if (!button.classList.contains('qa-confirm')) {
    button.classList.add('qa-confirm'); button.textContent = 'Bấm lần nữa để xoá';
    setTimeout(() => { button.classList.remove('qa-confirm'); button.textContent = 'Xoá'; }, 5000);
    return;
  }
  button.disabled = true; button.textContent = 'Đang xoá…';
  const res = await fetch(api('api/documents/' + encodeURIComponent(button.dataset.doc)),
    {method: 'DELETE', headers: {'Authorization': 'Bearer ' + adminKey()}});
  const note = element.querySelector('.qa-lib-status');
  if (note) note.textContent = res.status === 204 ? 'Đã xoá ' + button.dataset.doc + '.' : await why(res);
  trigger('change');
});
"""


#: Styles of the tab (scoped to its components by Gradio's ``css_template``).
LIBRARY_CSS = """
.qa-library { font-size: 14px; }
.qa-lib-count { margin: 4px 0 8px; color: #334155; }
.qa-lib-table { width: 100%; border-collapse: collapse; }
.qa-lib-table th, .qa-lib-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e2e8f0;
  vertical-align: top; }
.qa-lib-table th { font-weight: 600; color: #475569; background: #f1f5f9; }
.qa-lib-id { font-size: 12px; color: #64748b; word-break: break-all; }
.qa-lib-num { text-align: right; }
.qa-doc-delete { margin-left: 8px; border: 1px solid #dc2626; color: #b91c1c; background: #fff;
  border-radius: 6px; padding: 1px 8px; cursor: pointer; }
.qa-doc-delete.qa-confirm { background: #dc2626; color: #fff; }
.qa-lib-status:empty { display: none; }
.qa-lib-status, .qa-lib-notice { margin: 6px 0; color: #92400e; }
.qa-lib-skipped { margin-top: 12px; color: #92400e; }
"""
UPLOAD_CSS = """
.qa-upload { display: flex; flex-direction: column; gap: 10px; font-size: 14px; }
.qa-upload label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; color: #334155; }
.qa-upload input { font-weight: 400; padding: 6px 8px; border: 1px solid #cbd5e1; border-radius: 6px; }
.qa-up-fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 10px; }
.qa-up-send { align-self: flex-start; background: #1d4ed8; color: #fff; border: 0; border-radius: 8px;
  padding: 8px 16px; cursor: pointer; }
.qa-up-send:disabled { opacity: .6; cursor: wait; }
.qa-up-status.qa-ok, .qa-ok { color: #166534; }
.qa-up-status.qa-err, .qa-err { color: #b91c1c; }
"""


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n // 1024} KB"


def render_library(documents: Sequence[dict], skipped: Sequence[dict], admin: bool,
                   notice: str | None = None) -> str:
    """The documents as a table (newest first) with download links, delete buttons when
    ``admin``, then the skipped files with their reasons. Every value escaped."""
    rows = []
    for d in sorted(documents, key=lambda d: (d.get("date") or "", d["doc_id"]), reverse=True):
        doc_id = d["doc_id"]
        download = f"api/documents/{quote(doc_id, safe='')}/file"
        delete = (f'<button type="button" class="qa-doc-delete" data-doc="{esc(doc_id)}">Xoá</button>'
                  if admin else "")
        rows.append(
            f'<tr data-doc="{esc(doc_id)}"><td><a href="{esc(document_link(doc_id))}" target="_blank" '
            f'rel="noopener">{esc(d.get("title") or doc_id)}</a>'
            f'<div class="qa-lib-id">{esc(doc_id)}</div></td>'
            f'<td>{esc(d.get("doc_type") or "—")}</td><td>{esc(d.get("number") or "—")}</td>'
            f'<td>{esc(format_date(d.get("date")) if d.get("date") else "—")}</td>'
            f'<td class="qa-lib-num">{int(d.get("chunks") or 0)}</td>'
            f'<td><a class="qa-doc-file" href="{esc(download)}" download>Tải tệp gốc</a> {delete}</td></tr>')
    total = sum(int(d.get("chunks") or 0) for d in documents)
    out = [f'<div class="qa-library" data-admin="{int(admin)}">',
           f'<p class="qa-lib-count">{len(documents)} văn bản, {total} đoạn.</p>',
           '<div class="qa-lib-status" role="status" aria-live="polite"></div>']
    if notice:
        out.append(f'<p class="qa-lib-notice">{esc(notice)}</p>')
    out.append('<table class="qa-lib-table"><thead><tr><th>Văn bản</th><th>Loại</th><th>Số hiệu</th>'
               '<th>Ngày</th><th>Đoạn</th><th>Tệp</th></tr></thead><tbody>' + "".join(rows)
               + "</tbody></table>")
    if skipped:
        items = "".join(f"<li><b>{esc(s.get('file'))}</b>: {esc(s.get('reason'))}</li>" for s in skipped)
        out.append(f'<details class="qa-lib-skipped" open><summary>{len(skipped)} tệp không đọc được '
                   f"(không có trong chỉ mục)</summary><ul>{items}</ul></details>")
    out.append("</div>")
    return "".join(out)


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
        accept = ",".join(KIND_NAMES)
        upload = gr.HTML(_UPLOAD_FORM.format(limit=esc(_size(bot.settings.max_upload)), accept=esc(accept)),
                         visible=False, elem_id="qa-upload", js_on_load=UPLOAD_JS, css_template=UPLOAD_CSS,
                         apply_default_css=False)

    def open_admin(given: str) -> tuple:
        try:
            check_key(bot.settings, given)
        except ManageError as exc:
            return f'<p class="qa-err">{esc(exc)}</p>', gr.update(visible=False), library_html(bot, False)
        return ('<p class="qa-ok">Đã mở quản lý: tải tệp lên hoặc bấm “Xoá” trong danh sách.</p>',
                gr.update(visible=True), library_html(bot, True))

    def changed(given: str, *current: object) -> tuple:
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


__all__ = ["REFRESH_SECONDS", "documents_tab", "is_admin", "keep_current", "library_html", "render_library"]
