"""The documents folder fault matrix (issue 10): every faulty file is either read right or skipped
with one line naming it and the reason; a bad file never stops the folder from loading."""

from __future__ import annotations

import codecs
import logging
import os
import random
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from qa_bot.documents import MAX_FILE_BYTES, DocumentError, load_directory, read_directory
from qa_bot.textfile import decode

BODY = ("Chiều 3-2, Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp thứ ba của Ban Chỉ đạo. "
        "Phiên họp được kết nối trực tuyến tới 63 địa phương, hoà cùng cả nước.")
TITLE = "Phiên họp thứ ba Ban Chỉ đạo cải cách hành chính của Chính phủ"
MD = f"---\ntitle: {TITLE}\ndate: 2023-02-03\nsource: Báo Chính phủ\n---\n{BODY}\n"
HTML = (f"<HTML><HEAD><TITLE>{TITLE}</TITLE><SCRIPT>var x = 1;</SCRIPT><STYLE>p {{}}</STYLE></HEAD>"
        f"<BODY><H1>{TITLE}</H1><P>{BODY}</P></BODY></HTML>")
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes of Vietnamese text: base letters precomposed, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def _sparse(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with open(path, "wb") as f:
            f.truncate(size)
    return write


def _target(path: Path) -> None:
    (path.parent / ".dich.md").write_text(MD, encoding="utf-8")  # hidden: not a document itself
    os.symlink(path.parent / ".dich.md", path)


#: Faulty files that must be read right: (file name, how to write it).
READ: dict[str, tuple[str, Callable[[Path], None]]] = {
    "utf-8": ("a.md", _bytes(MD.encode())),
    "utf-8 with BOM": ("a.md", _bytes(codecs.BOM_UTF8 + MD.encode())),
    "utf-16 LE with BOM": ("a.md", _bytes(MD.encode("utf-16"))),
    "utf-16 BE with BOM": ("a.md", _bytes(codecs.BOM_UTF16_BE + MD.encode("utf-16-be"))),
    "utf-16 LE without BOM": ("a.md", _bytes(MD.encode("utf-16-le"))),
    "utf-16 BE without BOM": ("a.md", _bytes(MD.encode("utf-16-be"))),
    "utf-32 with BOM": ("a.md", _bytes(MD.encode("utf-32"))),
    "cp1258 markdown": ("a.md", _bytes(cp1258(MD))),
    "cp1258 text": ("a.txt", _bytes(cp1258(f"{TITLE}\n\n{BODY}\n"))),
    "NFD text": ("a.md", _bytes(unicodedata.normalize("NFD", MD).encode())),
    "CRLF line ends": ("a.md", _bytes(MD.replace("\n", "\r\n").encode())),
    "NUL bytes inside": ("a.md", _bytes(MD.replace("Phiên họp được", "Phiên\x00 họp được").encode())),
    "NUL padding": ("a.md", _bytes(MD.encode() + b"\x00" * 4096)),
    "control characters": ("a.md", _bytes(MD.replace("chủ trì", "chủ\x07 trì\x1b").encode())),
    "last character cut": ("a.md", _bytes((MD + "đ").encode()[:-1])),
    "upper-case .MD": ("a.MD", _bytes(MD.encode())),
    "mixed-case .Md": ("a.Md", _bytes(MD.encode())),
    "upper-case .TXT": ("a.TXT", _bytes(f"{TITLE}\n\n{BODY}\n".encode())),
    "upper-case .HTML": ("a.HTML", _bytes(HTML.encode())),
    "mixed-case .Htm": ("a.Htm", _bytes(HTML.encode())),
    "symbolic link to a file": ("a.md", _target),
}
#: Faulty files that must be skipped: (file name, how to write it, words of the reason).
SKIPPED: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "empty": ("x.md", _bytes(b""), "tệp trống"),
    "white space only": ("x.md", _bytes(b" \n\t\r\n "), "tệp trống"),
    "front matter only": ("x.md", _bytes(b"---\ntitle: x\n---\n"), "không còn nội dung"),
    "front matter never closed": ("x.md", _bytes(b"---\ntitle: x\n\nText."), "không đóng"),
    "front matter line without colon": ("x.md", _bytes("---\ntitle: x\nsai\n---\nNội dung.".encode()),
                                        "key: value"),
    "date not ISO": ("x.md", _bytes(b"---\ndate: 03/02/2023\n---\nText."), "YYYY-MM-DD"),
    "impossible date": ("x.md", _bytes(b"---\ndate: 2024-13-45\n---\nText."), "không có thật"),
    "30 February": ("x.md", _bytes(b"---\ndate: 2023-02-30\n---\nText."), "không có thật"),
    "PNG named .md": ("x.md", _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "PNG"),
    "ELF named .txt": ("x.txt", _bytes(b"\x7fELF\x02\x01\x01" + bytes(500)), "ELF"),
    "PDF named .txt": ("x.txt", _bytes(b"%PDF-1.4\n" + bytes(range(256))), "PDF"),
    "Word .docx named .md": ("x.md", _bytes(b"PK\x03\x04" + bytes(range(256)) * 4), "ZIP"),
    "random bytes": ("x.txt", _bytes(random.Random(10).randbytes(20000)), "không phải văn bản"),
    "NUL bytes only": ("x.txt", _bytes(b"\x00" * 500), "không có chữ nào"),
    "control characters only": ("x.txt", _bytes(bytes(range(1, 9)) * 100), "nhị phân"),
    "directory named .md": ("x.md", lambda p: p.mkdir(), "thư mục"),
    "FIFO named .md": ("x.md", lambda p: os.mkfifo(p), "không phải tệp thường"),
    "symbolic link loop": ("x.md", lambda p: os.symlink(p.name, p), "lặp vòng"),
    "dangling symbolic link": ("x.md", _symlink("khong-co.md"), "không tồn tại"),
    "read error (EIO)": ("x.md", _symlink("/proc/self/mem"), "không đọc được tệp"),
    "file name not UTF-8": (os.fsdecode(b"x\xff.md"), _bytes(MD.encode()), "tên tệp"),
    "too large": ("x.txt", _sparse(MAX_FILE_BYTES + 1), "quá lớn"),
    "unsupported format": ("x.xlsx", _bytes(b"PK\x03\x04xlsx"), "chưa được hỗ trợ"),
    "damaged pdf": ("x.pdf", _bytes(b"%PDF-1.4\n"), "PDF bị hỏng"),
    "damaged docx": ("x.docx", _bytes(b"PK\x03\x04broken"), ".docx bị hỏng"),
    "pdf named .txt": ("x.txt", _bytes(b"%PDF-1.4\n"), "PDF bị hỏng"),
    "id of another file": ("ok.txt", _bytes(f"{TITLE}\n\n{BODY}\n".encode()), "trùng mã văn bản"),
}


def _folder(tmp_path: Path, name: str, write: Callable[[Path], None]) -> Path:
    """A documents folder with one good file (``ok.md``) and the file under test."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "ok.md").write_text(MD, encoding="utf-8")
    write(folder / name)
    return folder


@pytest.mark.parametrize("case", list(READ))
def test_faulty_file_read_right(case: str, tmp_path: Path) -> None:
    name, write = READ[case]
    folder = read_directory(_folder(tmp_path, name, write))
    assert folder.skipped == []
    doc = next(d for d in folder.documents if d.doc_id == "a")
    assert doc.text == unicodedata.normalize("NFC", BODY) and doc.title == TITLE
    if name.lower().endswith(".md"):
        assert (doc.date, doc.source) == ("2023-02-03", "Báo Chính phủ")
    assert "var x" not in doc.text and "<" not in doc.text and "---" not in doc.text


@pytest.mark.parametrize("case", list(SKIPPED))
def test_faulty_file_skipped_with_one_line(case: str, tmp_path: Path,
                                           caplog: pytest.LogCaptureFixture) -> None:
    name, write, reason = SKIPPED[case]
    path = _folder(tmp_path, name, write)
    folder = read_directory(path)
    assert [d.doc_id for d in folder.documents] == ["ok"]
    (skipped,) = folder.skipped
    assert reason in skipped.reason and skipped.detail.isascii()
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    assert skipped.to_dict() == {"file": shown, "reason": skipped.reason}
    with caplog.at_level(logging.WARNING, logger="qa_bot"):
        assert [d.doc_id for d in load_directory(path)] == ["ok"]
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and shown in lines[0] and skipped.reason in lines[0]
    with pytest.raises(DocumentError, match=reason):
        load_directory(path, strict=True)


def test_unreadable_file_skipped(tmp_path: Path) -> None:
    """A file without read permission (root runs the check without its override capability)."""
    folder = _folder(tmp_path, "x.md", _bytes(MD.encode()))
    (folder / "x.md").chmod(0)
    code = ("import sys; from qa_bot.documents import read_directory; "
            "print(read_directory(sys.argv[1]).skipped[0].reason)")
    cmd = [sys.executable, "-c", code, str(folder)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("root reads any file; setpriv is needed to drop that right")
        drop = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert "không có quyền đọc" in out.stdout, out.stderr


def test_every_fault_in_one_folder(tmp_path: Path) -> None:
    """All the faults side by side: the good files are read, each bad one skipped once."""
    folder = tmp_path / "documents"
    folder.mkdir()
    for i, (name, write) in enumerate(READ.values()):
        write(folder / f"{i}-{name}")
    for i, (name, write, _) in enumerate(SKIPPED.values()):
        write(folder / (name if name == "ok.txt" else f"s{i}-{name}"))
    (folder / "ok.md").write_text(MD, encoding="utf-8")
    result = read_directory(folder)
    assert len(result.documents) == len(READ) + 1
    assert all(d.text == unicodedata.normalize("NFC", BODY) for d in result.documents)
    assert len(result.skipped) == len(SKIPPED)
    assert len({s.path for s in result.skipped}) == len(result.skipped)


def test_readme_and_hidden_files_are_not_documents(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "README.md", _bytes(b"notes"))
    (folder / ".gitkeep").write_bytes(b"")
    (folder / ".~lock.ok.md#").write_bytes(b"x")
    result = read_directory(folder)
    assert [d.doc_id for d in result.documents] == ["ok"] and result.skipped == []


def test_nfd_file_name_gives_nfc_id(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "phiên-họp.md")
    folder = _folder(tmp_path, name, _bytes(MD.encode()))
    ids = {d.doc_id for d in read_directory(folder).documents}
    assert unicodedata.normalize("NFC", "phiên-họp") in ids


def test_missing_folder_still_raises(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="Không tìm thấy thư mục tài liệu"):
        read_directory(tmp_path / "khong-co")


def test_decode_prefers_vietnamese_reading() -> None:
    """charset-normalizer alone reads some Windows-1258 texts as HP Roman-8."""
    text = (Path(__file__).parents[1] / "documents" / "2024-02-02-bcd-cchc-trien-khai-nhiem-vu-nam-2024.md"
            ).read_text(encoding="utf-8")
    decoded, encoding = decode(cp1258(text))
    assert encoding == "cp1258" and unicodedata.normalize("NFC", decoded) == text
