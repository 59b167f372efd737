"""``qa-bot index`` over a folder with bad files: one line per skipped file, the list in
``--json``, ``--strict`` for CI; ``ask`` answers all the same (issue 10)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus import DOCUMENTS, ROOT

pytestmark = pytest.mark.slow  # builds an index in a qa-bot process


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "documents"
    docs.mkdir()
    (docs / "phien-hop.md").write_bytes((DOCUMENTS / "2023-02-03-phien-hop-thu-ba-bcd-cchc.md").read_bytes())
    (docs / "anh.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (docs / "sai-ngay.md").write_text("---\ndate: 2024-13-45\n---\nNội dung.\n", encoding="utf-8")
    return docs


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    where = ["--documents", str(folder), "--index", str(folder.parent / "index")]
    return subprocess.run([sys.executable, "-m", "qa_bot.cli", *args, *where], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)


def test_index_names_each_skipped_file_once(folder: Path) -> None:
    out = _run(folder, "index", "-q")
    assert out.returncode == 0, out.stderr
    lines = out.stderr.strip().splitlines()
    skipped = [x for x in lines if "bỏ qua tệp" in x]
    assert len(skipped) == 2 and "anh.md" in skipped[0] and "PNG" in skipped[0]
    assert "sai-ngay.md" in skipped[1] and "không có thật" in skipped[1]
    assert any("2 tệp bị bỏ qua" in x for x in lines) and any("1 tài liệu" in x for x in lines)
    summary = json.loads(_run(folder, "index", "-q", "--json").stdout)
    assert [s["file"] for s in summary["skipped"]] == ["anh.md", "sai-ngay.md"]
    assert summary["documents"] == 1 and summary["rebuilt"] is False and summary["notice"] is None


def test_strict_makes_a_skipped_file_an_error(folder: Path) -> None:
    out = _run(folder, "index", "-q", "--strict")
    assert out.returncode == 2
    assert "2 tệp không đọc được (--strict)" in out.stderr.strip().splitlines()[-1]
    assert not (folder.parent / "index" / "manifest.json").exists()


def test_ask_answers_despite_bad_files(folder: Path) -> None:
    out = _run(folder, "ask", "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?")
    assert out.returncode == 0 and "63 địa phương" in out.stdout
    assert out.stderr.count("bỏ qua tệp") == 2
