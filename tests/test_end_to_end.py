"""End-to-end on the shipped corpus: every seed question gets its fact, cited in the first three
citations; every out-of-corpus question gets found=false."""

import pytest

from qa_bot import InputError, QABot
from tests.corpus import load_questions, shipped_bot  # noqa: F401

QUESTIONS = load_questions()


def test_question_set_is_large_enough() -> None:
    assert sum(q["found"] for q in QUESTIONS) >= 30
    assert sum(not q["found"] for q in QUESTIONS) >= 8


@pytest.mark.parametrize("row", [q for q in QUESTIONS if q["found"]], ids=lambda r: r["question"][:50])
def test_answerable(shipped_bot: QABot, row: dict) -> None:  # noqa: F811
    a = shipped_bot.ask(row["question"])
    assert a.found, a.debug
    assert row["answer"] in a.answer
    holders = [c for c in a.citations[:3] if row["answer"] in c.hit.text]
    assert holders, "no citation among the first three holds the fact"
    if row.get("doc_id"):
        assert any(c.hit.document.doc_id == row["doc_id"] for c in holders)
    # every sentence of the answer carries a citation marker of an existing citation
    ns = {c.n for c in a.citations}
    import re

    markers = [int(m) for m in re.findall(r"\[(\d+)\]", a.answer)]
    assert markers and set(markers) <= ns


@pytest.mark.parametrize("row", [q for q in QUESTIONS if not q["found"]], ids=lambda r: r["question"][:50])
def test_out_of_corpus(shipped_bot: QABot, row: dict) -> None:  # noqa: F811
    a = shipped_bot.ask(row["question"])
    assert not a.found, a.answer
    assert "không chứa thông tin" in a.answer


def test_answer_sentences_are_verbatim(shipped_bot: QABot) -> None:  # noqa: F811
    import re

    a = shipped_bot.ask("Phiên họp thứ ba kết nối tới bao nhiêu địa phương?")
    texts = {c.n: c.hit.text for c in a.citations}
    for sentence, n in re.findall(r"(.+?)\s\[(\d+)\]\s*", a.answer):
        assert sentence.strip() in texts[int(n)]


def test_input_errors_are_vietnamese(shipped_bot: QABot) -> None:  # noqa: F811
    with pytest.raises(InputError, match="trống"):
        shipped_bot.ask("  ")
    with pytest.raises(InputError, match="top_k"):
        shipped_bot.search("x", top_k=0)


def test_search_and_answer_to_dict(shipped_bot: QABot) -> None:  # noqa: F811
    r = shipped_bot.search("dịch vụ công trực tuyến", top_k=2).to_dict()
    assert r["query"] == "dịch vụ công trực tuyến" and len(r["results"]) == 2
    d = shipped_bot.ask("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?").to_dict()
    assert d["citations"][0]["n"] == 1 and "debug" not in d


def test_filters(shipped_bot: QABot) -> None:  # noqa: F811
    hits = shipped_bot.search("cải cách hành chính", top_k=10, year=2021).hits
    assert hits and all(h.document.date.startswith("2021") for h in hits)
    doc = "2023-02-03-phien-hop-thu-ba-bcd-cchc"
    hits = shipped_bot.search("cải cách hành chính", top_k=10, doc_ids=[doc]).hits
    assert hits and {h.document.doc_id for h in hits} == {doc}
