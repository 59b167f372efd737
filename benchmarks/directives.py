"""Figures for issue 11 on the generated directive corpus (tests/data/directives/make.py).

    /work/venv/bin/python benchmarks/directives.py [--keep DIR]

Generates the 22 directives and 3 damaged files in a temporary folder, reads it as qa-bot does,
and prints: files read and skipped (with reasons), metadata fields right out of fields present
(doc_type, number, issuer, date, signer), passages, passages that run across a structural unit
(must be 0), passages with offsets outside the text (must be 0), and points
cited with the right path.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa_bot.documents import read_directory  # noqa: E402
from qa_bot.formats.structure import document_outline  # noqa: E402
from qa_bot.passages import make_passages  # noqa: E402

FIELDS = ("doc_type", "number", "issuer", "date", "signer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="write the corpus here instead of a temporary folder")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("make", ROOT / "tests/data/directives/make.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp)
        expected = make.make(out)["documents"]
        folder = read_directory(out)
        right = present = passages = straddling = inexact = points = placed = 0
        for doc in folder.documents:
            e = expected[doc.doc_id]
            for f in FIELDS:
                if e[f] is not None:
                    present += 1
                    right += getattr(doc, f) == e[f]
            markers = document_outline(doc)
            ps = make_passages(doc, 2000)
            passages += len(ps)
            straddling += sum(any(p.start < m.start < p.end for m in markers) for p in ps)
            inexact += sum(not (0 <= p.start < p.end <= len(doc.text)) for p in ps)
            for point in e["points"]:
                points += 1
                holders = [p for p in ps if point["phrase"] in doc.text[p.start : p.end]]
                placed += len(holders) == 1 and holders[0].path == point["path"]
        formats = sorted({Path(e["file"]).suffix for e in expected.values()})
        print(f"documents read: {len(folder.documents)} ({', '.join(formats)}); "
              f"skipped: {len(folder.skipped)}")
        for s in folder.skipped:
            print(f"  {s.name}: {s.reason}")
        print(f"metadata fields right: {right}/{present} = {right / present:.1%}")
        print(f"passages: {passages}; across two structural units: {straddling}; "
              f"offsets out of range: {inexact}")
        print(f"points cited with the right path: {placed}/{points}")
    return 0 if right / present >= 0.95 and not straddling and not inexact and placed == points else 1


if __name__ == "__main__":
    sys.exit(main())
