"""The API's models come from the one citation schema of qa_bot.models (no server needed)."""

from __future__ import annotations

from typing import get_type_hints

from qa_bot.models import FIELD_DOCS, Citation, CitationDict, Document, Hit, Passage, PassageDict
from qa_bot.web.schemas import AnswerOut, CitationOut, SearchHitOut


def test_citation_and_search_hit_follow_the_models_schema() -> None:
    assert list(CitationOut.model_fields) == list(get_type_hints(CitationDict))
    assert list(SearchHitOut.model_fields) == list(get_type_hints(PassageDict))
    for name, f in CitationOut.model_fields.items():
        assert f.is_required() and f.description == FIELD_DOCS[name]
    doc = Document("d", "Tiêu đề", "Một đoạn văn.", source=None, date="2024-02-02")
    c = Citation(1, Hit(doc, Passage("d", 0, 12), 1.5, "Một đoạn văn."), used=True)
    assert set(c.to_dict()) == set(CitationOut.model_fields)
    assert set(c.hit.to_dict()) == set(SearchHitOut.model_fields)
    assert CitationOut.model_validate(c.to_dict()).model_dump() == c.to_dict()


def test_answer_schema_declares_status_and_used() -> None:
    schema = AnswerOut.model_json_schema()
    status = schema["properties"]["status"]
    assert sorted(status["enum"]) == ["answered", "not_found", "partial"]
    used = schema["$defs"]["CitationOut"]["properties"]["used"]
    assert used["type"] == "boolean" and "[n]" in used["description"]
