"""One error family (qa_bot.errors): a QABotError base, Vietnamese messages, English detail."""

from __future__ import annotations

from pathlib import Path

import pytest

import qa_bot
from qa_bot import DatasetError, DocumentError, IndexDamagedError, InputError, QABotError
from qa_bot.documents import load_directory, load_file
from qa_bot.evaluate import load_beir

VIETNAMESE = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


def is_vietnamese(text: str) -> bool:
    return any(c in VIETNAMESE for c in text.lower())


def test_family_is_exported_and_keeps_the_old_bases() -> None:
    for cls in (InputError, DocumentError, IndexDamagedError, DatasetError):
        assert issubclass(cls, QABotError) and cls.__name__ in qa_bot.__all__
    for cls in (InputError, DocumentError, DatasetError):
        assert issubclass(cls, ValueError)  # as before the family existed
    assert not issubclass(IndexDamagedError, IndexError)  # does not shadow the builtin
    # the old import places still work
    from qa_bot.bot import InputError as old_input
    from qa_bot.documents import DocumentError as old_document
    from qa_bot.evaluate import DatasetError as old_dataset
    assert (old_input, old_document, old_dataset) == (InputError, DocumentError, DatasetError)


def test_message_in_vietnamese_detail_in_english(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        load_directory(tmp_path / "khong-co")
    assert is_vietnamese(str(caught.value)) and "khong-co" in str(caught.value)
    assert caught.value.detail.startswith("documents folder not found")
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: x\ndate: 03/02/2023\n---\nNội dung.\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="YYYY-MM-DD") as caught:
        load_file(bad)
    assert is_vietnamese(str(caught.value)) and "date must be" in caught.value.detail
    with pytest.raises(DatasetError) as caught:
        load_beir(tmp_path / "khong-co")
    assert is_vietnamese(str(caught.value)) and caught.value.detail.startswith("not a folder")
    plain = QABotError("Thông báo.")
    assert plain.detail == "Thông báo." == str(plain)
