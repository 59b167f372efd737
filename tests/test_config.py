"""One settings object (qa_bot.config.Settings): environment, flags, defaults, the README table."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from qa_bot import InputError, Settings

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_are_the_measured_ones() -> None:
    s = Settings()
    assert (s.documents_dir, s.index_dir, s.top_k, s.max_top_k, s.max_question_chars) == (
        Path("documents"), Path("index"), 5, 50, 2000)
    assert (s.k1, s.b, s.bm25_method, s.syllable_weight, s.found_threshold) == (
        1.2, 0.75, "lucene", 0.5, 0.45)
    assert (s.host, s.port, s.cors, s.watch, s.max_body, s.log_level) == (
        "127.0.0.1", 7860, (), 10.0, 65536, "info")


def test_environment_then_explicit_values() -> None:
    env = {"QA_BOT_DOCUMENTS": "/srv/docs", "QA_BOT_INDEX": "/srv/index", "QA_BOT_PORT": "8080",
           "QA_BOT_CORS": "https://a.example, https://b.example", "QA_BOT_WATCH": "0",
           "QA_BOT_MAX_BODY": "1024", "QA_BOT_LOG_LEVEL": "DEBUG", "QA_BOT_TOP_K": "3",
           "QA_BOT_FAST_QUERY_SEGMENTATION": "false", "QA_BOT_HOST": ""}
    s = Settings.from_env(env=env)
    assert s.documents_dir == Path("/srv/docs") and s.index_dir == Path("/srv/index")
    assert (s.port, s.cors, s.watch, s.max_body, s.log_level, s.top_k) == (
        8080, ("https://a.example", "https://b.example"), 0.0, 1024, "debug", 3)
    assert s.fast_query_segmentation is False and s.host == "127.0.0.1"  # empty: not set
    # flags win; a flag not given (None) leaves the environment's value
    s = Settings.from_env(documents="here", index=None, env=env, port=9000, cors=["https://c.example"],
                          log_level=None)
    assert (s.documents_dir, s.index_dir, s.port, s.cors, s.log_level) == (
        Path("here"), Path("/srv/index"), 9000, ("https://c.example",), "debug")


@pytest.mark.parametrize("env, words", [
    ({"QA_BOT_PORT": "abc"}, "QA_BOT_PORT phải là một số nguyên"),
    ({"QA_BOT_WATCH": "often"}, "QA_BOT_WATCH phải là một số"),
    ({"QA_BOT_FAST_QUERY_SEGMENTATION": "maybe"}, "true hoặc false"),
    ({"QA_BOT_LOG_LEVEL": "loud"}, "Mức ghi nhật ký không hợp lệ"),
    ({"QA_BOT_PORT": "70000"}, "Cổng không hợp lệ"),
])
def test_malformed_environment_is_an_input_error_in_vietnamese(env: dict, words: str) -> None:
    with pytest.raises(InputError, match=words):
        Settings.from_env(env=env)


def test_readme_lists_every_setting_in_one_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `") and "QA_BOT_" in line]
    for f in fields(Settings):
        env = Settings.env_name(f.name)
        assert any(re.search(rf"`{f.name}`.*`{env}`", row) for row in rows), f"{f.name} ({env}) not in README"
