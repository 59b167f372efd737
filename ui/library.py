"""The "Tài liệu" tab's HTML and scripts, without Gradio: the documents table (every value
escaped), the upload form, and the scripts that call the app's own API with the admin key."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from .text import document_link, esc, format_date

UPLOAD_FORM = """
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


def size_label(n: int) -> str:
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


__all__ = ["LIBRARY_CSS", "LIST_JS", "UPLOAD_CSS", "UPLOAD_JS", "UPLOAD_FORM", "render_library", "size_label"]
