"""Document management without a server (issue 11): what a file is, from its content; document
ids; metadata sidecars; adding and removing files in a documents folder; the admin key; and the
CLI (``qa-bot add / remove / documents``, which builds an index: marked slow)."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from qa_bot import manage
from qa_bot.cli import main
from qa_bot.config import READ_ONLY_MESSAGE, Settings
from qa_bot.documents import load_file, read_directory
from qa_bot.sidecar import read_sidecar, sidecar_path
from tests.conftest import SHIPPED_DOCUMENTS

TEXT = "Ngày 10 tháng 3 năm 2026, tỉnh Lâm Đồng ban hành kế hoạch.\n\nTỉnh phấn đấu 95% hồ sơ trực tuyến.\n"


def settings(tmp_path: Path, **kw) -> Settings:
    folder = tmp_path / "documents"
    folder.mkdir(exist_ok=True)
    return Settings.from_env(documents=folder, index=tmp_path / "index", env={}, **kw)


def files(s: Settings) -> list[str]:
    """What the documents folder holds, but the management lock file."""
    return sorted(p.name for p in s.documents_dir.iterdir() if p.name != manage.LOCK_FILE)


def _docx() -> bytes:
    from docx import Document as Docx

    buf = io.BytesIO()
    d = Docx()
    d.add_paragraph("Tỉnh Lâm Đồng phấn đấu 95% hồ sơ trực tuyến.")
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "name", "kind"), [
    (b"%PDF-1.7\n...", "x.txt", ".pdf"),                       # content wins over the name
    (b"<!DOCTYPE html><html><body>x</body></html>", "a.txt", ".html"),
    (b"<html><body>x</body></html>", "a.htm", ".htm"),
    (b"---\ntitle: x\n---\nabc", "a", ".md"),
    ("Văn bản thuần".encode(), "a.md", ".md"),
    ("Văn bản thuần".encode(), "a.pdf", ".txt"),
    ("Văn bản thuần".encode("utf-16"), "a", ".txt"),
])
def test_sniff_reads_the_content(data: bytes, name: str, kind: str) -> None:
    assert manage.sniff(data, name) == kind


def test_sniff_docx_and_refusals() -> None:
    assert manage.sniff(_docx(), "bao-cao.pdf") == ".docx"
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("xl/workbook.xml", "x")
    for data, word in ((zipped.getvalue(), "ZIP"), (b"\x89PNG\r\n\x1a\n" + bytes(300), "PNG"),
                       (b"\x7fELF" + bytes(300), "ELF"), (bytes(range(256)) * 8, "")):
        with pytest.raises(manage.UnsupportedFile) as exc:
            manage.sniff(data, "a.txt")
        assert exc.value.http_status == 415 and word in str(exc.value)


@pytest.mark.parametrize(("name", "doc_id"), [
    ("Chỉ thị 05/CT-TTg.pdf", "ct-ttg"),                      # a path: only the last part
    ("Chỉ thị số 05 CT-TTg.pdf", "chi-thi-so-05-ct-ttg"),
    ("../../etc/passwd", "passwd"),
    ("Đề án Đổi mới.DOCX", "de-an-doi-moi"),
    ("...", "tai-lieu"),
    ("C:\\Users\\x\\Kết luận 12.docx", "ket-luan-12"),
])
def test_doc_ids_are_url_safe(name: str, doc_id: str) -> None:
    assert manage.make_doc_id(name) == doc_id


def test_add_with_metadata_sidecar_then_remove(tmp_path: Path) -> None:
    s = settings(tmp_path)
    added = manage.add_file(s, TEXT.encode(), "Kế hoạch Lâm Đồng.txt",
                            {"title": "  Kế hoạch   CCHC ", "date": "2026-03-10", "source": None})
    assert added.path == s.documents_dir / "ke-hoach-lam-dong.txt"
    assert added.path.read_bytes() == TEXT.encode()               # byte for byte
    assert read_sidecar(added.path) == {"title": "Kế hoạch CCHC", "date": "2026-03-10"}
    assert sidecar_path(added.path).name == ".ke-hoach-lam-dong.txt.meta.json"
    doc = load_file(added.path)
    assert (doc.doc_id, doc.title, doc.date) == ("ke-hoach-lam-dong", "Kế hoạch CCHC", "2026-03-10")
    folder = read_directory(s.documents_dir)
    assert [d.doc_id for d in folder.documents] == ["ke-hoach-lam-dong"] and not folder.skipped
    assert manage.original_file(s, "ke-hoach-lam-dong") == added.path
    assert files(s) == [".ke-hoach-lam-dong.txt.meta.json", "ke-hoach-lam-dong.txt"]

    with pytest.raises(manage.DocumentExists) as exc:
        manage.add_file(s, b"other text", "ke-hoach-lam-dong.md")
    assert exc.value.http_status == 409
    replaced = manage.add_file(s, b"# Moi\n\nNoi dung moi.", "ke-hoach-lam-dong.md", replace=True)
    assert replaced.replaced == [added.path] and not added.path.exists()
    assert not sidecar_path(added.path).exists()

    moved = manage.remove(s, "ke-hoach-lam-dong")
    assert [p.parent.name for p in moved] == [manage.REMOVED_DIR]
    assert read_directory(s.documents_dir).documents == []
    with pytest.raises(manage.UnknownDocument) as exc:
        manage.remove(s, "ke-hoach-lam-dong")
    assert exc.value.http_status == 404 and "qa-bot documents" in str(exc.value)


@pytest.mark.parametrize(("data", "meta", "error", "words"), [
    (b"", {}, manage.ManageError, "trống"),
    (b"x" * 2000, {}, manage.FileTooLarge, "quá lớn"),
    (TEXT.encode(), {"date": "2026-02-30"}, manage.ManageError, "YYYY-MM-DD"),
    (TEXT.encode(), {"date": "10/03/2026"}, manage.ManageError, "YYYY-MM-DD"),
    (TEXT.encode(), {"tac_gia": "x"}, manage.ManageError, "tac_gia"),
    (b"%PDF-1.4\n" + b"\x00rac" * 100, {}, manage.ManageError, "PDF"),   # damaged: read before kept
])
def test_refused_files_leave_the_folder_unchanged(tmp_path: Path, data: bytes, meta: dict, error: type,
                                                  words: str) -> None:
    s = settings(tmp_path, max_upload=1000)
    with pytest.raises(error) as exc:
        manage.add_file(s, data, "a.txt", meta)
    assert words in str(exc.value)
    assert files(s) == []


def test_admin_key(tmp_path: Path) -> None:
    none = settings(tmp_path)
    with pytest.raises(manage.ManagementDisabled) as exc:
        manage.check_key(none, "anything")
    assert exc.value.http_status == 403 and "QA_BOT_ADMIN_KEY" in str(exc.value)
    key_file = tmp_path / "admin.key"
    key_file.write_text("tu-tep-khoa\n", encoding="utf-8")
    for s, key in ((settings(tmp_path, admin_key="bi-mat"), "bi-mat"),
                   (settings(tmp_path, admin_key_file=str(key_file)), "tu-tep-khoa")):
        manage.check_key(s, key)
        for wrong in (None, "", "bi-mat-x", key[:-1], key.upper()):
            with pytest.raises(manage.BadKey) as exc:
                manage.check_key(s, wrong)
            assert exc.value.http_status == 401
    assert "bi-mat" not in repr(settings(tmp_path, admin_key="bi-mat"))
    read_only = settings(tmp_path, admin_key="bi-mat", read_only=True)
    for call in (lambda: manage.check_key(read_only, "bi-mat"),
                 lambda: manage.add_file(read_only, TEXT.encode(), "a.txt"),
                 lambda: manage.remove(read_only, "a")):
        with pytest.raises(manage.ManagementDisabled, match="chỉ đọc"):
            call()
    assert READ_ONLY_MESSAGE


@pytest.mark.slow
def test_cli_add_documents_remove(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = shutil.copytree(SHIPPED_DOCUMENTS, tmp_path / "documents")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.4 rac")
    source = tmp_path / "Kế hoạch Lâm Đồng.txt"
    source.write_text(TEXT, encoding="utf-8")
    common = ["--documents", str(folder), "--index", str(tmp_path / "index"), "-q"]
    assert main(["add", str(source), "--title", "Kế hoạch Lâm Đồng", "--date", "2026-03-10", "--json",
                 *common]) == 0
    added = json.loads(capsys.readouterr().out)
    assert (added["doc_id"], added["title"], added["date"]) == ("ke-hoach-lam-dong", "Kế hoạch Lâm Đồng",
                                                                 "2026-03-10")
    assert added["chunks"] >= 1
    assert main(["add", str(source), *common]) == 2                       # id taken
    assert "Đã có văn bản với mã 'ke-hoach-lam-dong'" in capsys.readouterr().err
    assert main(["add", str(source), str(source), "--title", "x", *common]) == 2
    assert main(["documents", "--json", *common]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert len(listing["documents"]) == 6 and listing["skipped"][0]["file"] == "hong.pdf"
    assert main(["documents", *common]) == 0
    out = capsys.readouterr().out
    assert "ke-hoach-lam-dong" in out and "6 văn bản" in out and "hong.pdf" in out
    assert main(["remove", "ke-hoach-lam-dong", *common]) == 0
    assert main(["remove", "ke-hoach-lam-dong", *common]) == 2
    assert "Không có văn bản với mã 'ke-hoach-lam-dong'" in capsys.readouterr().err
    assert main(["documents", "--json", *common]) == 0
    assert len(json.loads(capsys.readouterr().out)["documents"]) == 5
