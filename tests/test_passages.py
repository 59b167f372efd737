from pathlib import Path

from qa_bot.documents import load_directory
from qa_bot.passages import MAX_SENTENCE_CHARS, chunk_sentences, make_passages, split_sentences

DOCS = load_directory(Path(__file__).parent.parent / "documents")


def test_passages_are_exact_slices_of_whole_sentences() -> None:
    for doc in DOCS:
        sentences = split_sentences(doc.text)
        starts = {a for a, _ in sentences}
        ends = {b for _, b in sentences}
        passages = make_passages(doc, 600)
        assert passages
        for p in passages:
            assert doc.text[p.start : p.end].strip() == doc.text[p.start : p.end]
            assert p.start in starts and p.end in ends  # never cuts a sentence
            assert p.sentences[0][0] == p.start and p.sentences[-1][1] == p.end


def test_passages_cover_all_the_text() -> None:
    for doc in DOCS:
        covered = "".join(doc.text[p.start : p.end] for p in make_passages(doc, 600))
        assert "".join(covered.split()) == "".join(doc.text.split())


def test_size_bound_and_long_sentences() -> None:
    spans = [(0, 100), (101, 900), (901, 1000), (1001, 1100)]
    passages = chunk_sentences("d", spans, 300)
    assert [(p.start, p.end) for p in passages] == [(0, 100), (101, 900), (901, 1100)]


def test_sentence_split_respects_numbers_and_abbreviations() -> None:
    text = "Chiều 2.2, Ban Chỉ đạo họp. Hà Giang cung cấp 1.818 dịch vụ, đạt 96,81%. Hết."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["Chiều 2.2, Ban Chỉ đạo họp.", "Hà Giang cung cấp 1.818 dịch vụ, đạt 96,81%.", "Hết."]


def test_text_without_sentence_marks_is_cut_into_bounded_passages() -> None:
    """Issue 10: a 'sentence' that never ends is cut at white space (inside a word only when the
    word itself is longer); no passage is longer than MAX_SENTENCE_CHARS; nothing is lost."""
    words = [f"từ{i % 97}" for i in range(30_000)]
    text = " ".join(words[:12_000]) + "\n" + " ".join(words[12_000:]) + "\n\n" + "x" * 4500
    spans = split_sentences(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE_CHARS
    assert all(text[a:b] == text[a:b].strip() and text[a:b] for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans).split()[:30_000] == words  # cut between words
    assert "".join("".join(text[a:b] for a, b in spans).split()) == "".join(text.split())
    passages = chunk_sentences("d", spans, 600)
    assert max(p.end - p.start for p in passages) <= MAX_SENTENCE_CHARS


def test_web_addresses_and_emails_are_not_cut_at_their_dots():
    text = ("Diễn đàn Trường: http://forum.uit.edu.vn/threads/29653 hoặc http://forum.uit.edu.vn. "
            "Liên hệ qua email daotaodh@uit.edu.vn để biết thêm. Cổng dichvucong.gov.vn hoạt động.Từ nay")
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences[0] == "Diễn đàn Trường: http://forum.uit.edu.vn/threads/29653 hoặc http://forum.uit.edu.vn."
    assert sentences[1] == "Liên hệ qua email daotaodh@uit.edu.vn để biết thêm."
    assert sentences[2].startswith("Cổng dichvucong.gov.vn hoạt động.")  # a missing space still cuts
    assert sentences[-1] == "Từ nay"
