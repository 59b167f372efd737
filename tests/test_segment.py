"""qa_bot.segment gives exactly underthesea's words (the real tokenizer on both sides)."""

from __future__ import annotations

from pathlib import Path

import pytest
from underthesea import word_tokenize
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from qa_bot.segment import CRFSegmenter, UnsupportedModel, read_crfsuite, regex_tokens, segmenter

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"

#: What the regex tokenizer's look-arounds and normalisations could see differently when a text
#: is tokenized piece by piece: ends of text, abbreviations before a space or the end, emoticons,
#: URLs, e-mails, dates, numbers, odd white space, non-standard characters.
EDGE_CASES = [
    "", "   ", "\n", "TP.", "TP. HCM", "UBND TP.\n", "Ông A. Nguyễn đi.", "ABC.  ", "ABC.\n", "ABC.\nDEF",
    "vui :D", "vui :D\n", "vui :D nhé", ":)) =)) <3", "xem https://chinhphu.vn/a-b?x=1, rồi vnexpress.net.",
    "gửi a.b@c.vn hoặc @abc.com", "ngày 02/05/2014, 20.08.2014 lúc 10:20:50 và 08-2014", "1.600m-2.000m",
    "60.542.000 đồng, 4.123,2 và 100,000,000", "H'Mông, xã N’Thôn Hạ, H&M", "Th.S Trần, v.v... ==> ->",
    "43H-0530 4K 3x4 °C", "Nghị định 08/2024/NĐ-CP", "\t Cải\u00a0cách\u2003hành  chính\t\n", "Ðà Nẵng ðây",
    "hoà, thuỷ, Hoà Bình", "-5 +3 2147483648 2147483647 007", "Cộng hòa Xã hội Chủ nghĩa Việt Nam",
    "ΣΟΦΙΑ İstanbul ǅemal ß", "a\u0301 ba\u0300 e\u0323", "x" * 30, "A",
]


def _texts() -> list[str]:
    texts = list(EDGE_CASES)
    for path in sorted(DOCUMENTS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        texts += [p for p in text.split("\n\n") if p.strip()]
        texts.append(text)
    return texts


def test_same_tokens_as_underthesea_regex_tokenizer() -> None:
    for text in _texts():
        assert regex_tokens(text) == tokenize(text), text


def test_same_words_as_underthesea() -> None:
    seg = segmenter()
    assert isinstance(seg, CRFSegmenter)
    texts = _texts()
    assert len(texts) > 50
    for text in texts:
        assert seg(text) == word_tokenize(text), text
    for text in texts:  # again, every n-gram now remembered
        assert seg(text) == word_tokenize(text), text


def test_threads_share_one_segmenter() -> None:
    """Answering threads and a background rebuild segment at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"{t} {i}" for i, t in enumerate(_texts())]  # new n-grams: the tables grow meanwhile
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(segmenter(), texts))
    assert got == [word_tokenize(t) for t in texts]


def test_compounds() -> None:
    assert segmenter()("Cải cách hành chính") == ["Cải cách", "hành chính"]


def test_unreadable_model_is_refused(tmp_path: Path) -> None:
    (tmp_path / "models.bin").write_bytes(b"not a model")
    with pytest.raises(UnsupportedModel):
        read_crfsuite(tmp_path / "models.bin")


def test_parallel_analysis_is_the_serial_one() -> None:
    """Workers forked after the parent loaded the tokenizers analyse exactly as one process."""
    from dataclasses import replace

    from qa_bot.config import Settings
    from qa_bot.documents import document_hash, load_directory
    from qa_bot.index.build import _analyse, analyze

    base = load_directory(DOCUMENTS)
    docs = [replace(d, doc_id=f"{d.doc_id}-{i}", text=f"{d.text}\n\nBản {i}.")
            for i in range(8) for d in base]
    hashes = [document_hash(d) for d in docs]
    settings = Settings.from_env(documents=DOCUMENTS, workers=2)
    cache: dict = {}
    _analyse(docs, hashes, cache, settings, None)
    assert len(docs) >= 32  # the parallel path
    assert [cache[h] for h in hashes] == [analyze(d, settings.passage_chars) for d in docs]
