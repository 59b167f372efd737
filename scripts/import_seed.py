"""Build documents/*.md from the seed articles in ../shared/seed-documents (run once, by hand).

The body is the cleaned text (qa_bot.clean); the metadata below was read off each article's own text:
the comment beside each field says where. Nothing here is invented: fields the text does not give
are None.

    python scripts/import_seed.py [SEED_DIR] [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from qa_bot.documents import _from_page, render_markdown

SEEDS = {
    "000_69d8da4a3f2b8c8c.txt": {
        "doc_id": "2024-02-02-bcd-cchc-trien-khai-nhiem-vu-nam-2024",
        # "Chiều 2.2" (session of 2 February) + URL path /202402/; publisher "BHG", "Nguồn Hà Giang".
        "date": "2024-02-02",
        "source": "Báo Hà Giang (baohagiang.vn)",
    },
    "001_b3786881fb9aa3dd.txt": {
        "doc_id": "2021-03-03-cchc-phai-thuc-chat",
        # "20:40, Thứ Tư, 03/03/2021 (GMT+7)"; "(QBĐT) - ..." is the only publisher mark.
        "source": "QBĐT",
    },
    "002_7614fd2b3d8392aa.txt": {
        "doc_id": "2024-03-04-chi-dao-dieu-hanh-cchc-nam-2024",
        # "Thứ Hai, 04/03/2024 | 16:02"; the text names no publisher. The first line
        # "Cải cách hành chính" is the site's section name, not text.
        "drop_lines": ["Cải cách hành chính"],
    },
    "003_565a7d1177fece57.txt": {
        "doc_id": "2025-01-16-phien-hop-thu-chin-bcd-cchc",
        # "(Cập nhật: 16/01/2025)"; contact block "sct@bentre.gov.vn" and "(Tác giả: Kim Tuyền-SCT)".
        "source": "Sở Công Thương Bến Tre (sct@bentre.gov.vn)",
    },
    "004_44d58f125148a674.txt": {
        "doc_id": "2023-02-03-phien-hop-thu-ba-bcd-cchc",
        # "05:02, 03/02/2023"; the text names no publisher; byline "N.V".
    },
}


def main(seed_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, extra in SEEDS.items():
        raw = (seed_dir / name).read_text(encoding="utf-8")
        for line in extra.get("drop_lines", []):
            raw = raw.replace(f"{line}\n", "", 1)
        doc = _from_page(Path(extra["doc_id"] + ".txt"), raw)
        fields = {k: v for k, v in extra.items() if k in ("date", "source")}
        doc = type(doc)(**{**doc.__dict__, **fields, "path": None})
        (out_dir / f"{extra['doc_id']}.md").write_text(render_markdown(doc), encoding="utf-8")
        print(f"{name} -> {extra['doc_id']}.md  {doc.date} {doc.source} {doc.author}")


if __name__ == "__main__":
    args = sys.argv[1:] + ["../shared/seed-documents", "documents"][len(sys.argv[1:]) :]
    main(Path(args[0]), Path(args[1]))
