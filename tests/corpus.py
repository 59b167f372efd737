"""Shared test helpers: the shipped corpus in a temporary copy, and a bot over it.

Import the fixtures into a test module (``from tests.corpus import shipped_bot``); the index is
built in a temporary folder so that tests never touch the repository's ``index/``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qa_bot import QABot

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "documents"
DATA = Path(__file__).resolve().parent / "data"


def load_questions(name: str = "questions.jsonl") -> list[dict]:
    """An end-to-end question set: each row a question, ``found`` and the expected fact."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def copy_documents(dest: Path) -> Path:
    """A private copy of the shipped documents folder."""
    target = dest / "documents"
    shutil.copytree(DOCUMENTS, target)
    return target


@pytest.fixture(scope="session")
def shipped_bot(tmp_path_factory: pytest.TempPathFactory) -> QABot:
    """A bot over the shipped corpus, index built from scratch in a temporary folder."""
    tmp = tmp_path_factory.mktemp("shipped")
    return QABot.from_directory(copy_documents(tmp), index=tmp / "index")
