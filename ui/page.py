"""The readable document page (``/tai-lieu/{doc_id}``): the text escaped, the cited passage marked."""

from __future__ import annotations

from .text import TITLE, esc, format_date, safe_url

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


__all__ = ["render_document_page"]
