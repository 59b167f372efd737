"""Which PDF text extractor reads Vietnamese best: pypdf against pdfminer.six (issue 11).

    /work/venv/bin/python benchmarks/pdf_text.py        # needs fpdf2, pypdf, pdfminer.six, DejaVu fonts

PDFs are written with fpdf2 from the generated directives (tests/data/directives/make.py) in two
fonts (DejaVu Serif, DejaVu Sans) and twice each: text in composed
form (NFC, one code point per accented letter) and decomposed (NFD, base letter plus combining
marks, as some PDF producers write it). Each extractor's output is NFC-normalised (as qa-bot does)
and compared with the source text, white space squeezed: character accuracy is
1 - edit distance / length (difflib ratio), plus the share of the source's words found.

Measured (2026-11-30, this machine): pypdf 1.0000 / 1.0000 on composed and decomposed text in both
fonts; pdfminer.six 1.0000 on composed text but 0.8683 characters / 0.6840 words on decomposed
text (it drops or misplaces combining marks), and 4-10x slower. qa-bot reads PDFs with pypdf.
"""

from __future__ import annotations

import difflib
import importlib.util
import io
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Fonts with every Vietnamese glyph (Liberation Sans lacks most of them: not a fair input).
FONTS = {"DejaVuSerif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
         "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}


def _make():
    spec = importlib.util.spec_from_file_location("make", ROOT / "tests/data/directives/make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _pdf(text: str, font: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("f", "", font)
    pdf.set_font("f", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def main() -> int:
    make = _make()
    texts = ["\n".join([s["summary"], *s["body"]]) for s in map(make.spec, range(6))]
    print("| font | source form | extractor | char accuracy | words found | seconds |")
    print("|---|---|---|---|---|---|")
    for name, font in FONTS.items():
        if not Path(font).is_file():
            continue
        for form in ("NFC", "NFD"):
            pdfs = [_pdf(unicodedata.normalize(form, t), font) for t in texts]
            for label, extract in (("pypdf", _pypdf), ("pdfminer.six", _pdfminer)):
                t0 = time.perf_counter()
                got = [_norm(extract(p)) for p in pdfs]
                took = time.perf_counter() - t0
                want = [_norm(t) for t in texts]
                acc = sum(difflib.SequenceMatcher(None, w, g, autojunk=False).ratio()
                          for w, g in zip(want, got, strict=True)) / len(want)
                words = [w for t in want for w in t.split()]
                found = sum(w in g for t, g in zip(want, got, strict=True) for w in t.split()) / len(words)
                print(f"| {name} | {form} | {label} | {acc:.4f} | {found:.4f} | {took:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
