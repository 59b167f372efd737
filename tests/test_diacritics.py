"""Diacritic folding, tone normalisation and restoration (qa_bot.diacritics)."""

from __future__ import annotations

import json
import unicodedata

import pytest

from qa_bot.diacritics import (
    DiacriticRestorer,
    normalize_tone,
    prior_sentences,
    spelled_number_runs,
    strip_diacritics,
    tokenize,
)

# Every Vietnamese vowel with every tone, in both cases, plus đ/Đ.
VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
)
VIETNAMESE_LETTERS += VIETNAMESE_LETTERS.upper()

CORPUS = """
Tỉnh Hà Giang cung cấp dịch vụ công trực tuyến cho người dân và doanh nghiệp.
Người dân có thể nộp hồ sơ trực tuyến tại cổng dịch vụ công của tỉnh.
Doanh nghiệp có thể tra cứu kết quả giải quyết hồ sơ trên cổng dịch vụ công.
Cơ quan có thẩm quyền phải báo cáo kết quả giải quyết thủ tục hành chính.
Người lao động được hưởng bảo hiểm xã hội theo quy định của pháp luật.
Hồ sơ bao gồm tờ khai và bản sao giấy tờ tùy thân.
Hành vi gây tổn hại cho sức khỏe cơ thể người khác bị xử phạt.
Thời hạn giải quyết là 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.
Ủy ban nhân dân tỉnh Hà Giang ban hành kế hoạch cải cách hành chính năm 2024.
Người dân có thể gửi phản ánh kiến nghị về thủ tục hành chính.
"""


def corpus_sentences() -> list[list[str]]:
    return [tokenize(line) for line in CORPUS.strip().splitlines()]


@pytest.fixture(scope="module")
def restorer() -> DiacriticRestorer:
    return DiacriticRestorer(priors=False).fit(corpus_sentences())


# ---------------------------------------------------------------------------- strip_diacritics
def test_strip_diacritics_examples() -> None:
    assert strip_diacritics("Đường Hồ Chí Minh") == "Duong Ho Chi Minh"
    assert strip_diacritics("Thủ tục hành chính, năm 2024!") == "Thu tuc hanh chinh, nam 2024!"
    assert strip_diacritics("NGƯỜI DÂN") == "NGUOI DAN"
    assert strip_diacritics("đĐ") == "dD"


def test_strip_diacritics_every_letter_one_for_one() -> None:
    folded = strip_diacritics(VIETNAMESE_LETTERS)
    assert len(folded) == len(VIETNAMESE_LETTERS)
    assert set(folded) <= set("aeiouydAEIOUYD")
    assert folded.isascii()


@pytest.mark.parametrize(
    "text",
    ["Việt Nam", "Hoà bình — THUỶ LỢI; 東京 2024 naïve café", "ủy ban nhân dân", "", "abc"],
)
def test_strip_diacritics_keeps_length_of_nfc_input(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    folded = strip_diacritics(text)
    assert len(folded) == len(text)
    assert unicodedata.is_normalized("NFC", folded)


def test_strip_diacritics_accepts_decomposed_input() -> None:
    assert strip_diacritics(unicodedata.normalize("NFD", "Việt Nam")) == "Viet Nam"


# ---------------------------------------------------------------------------- normalize_tone
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hoà", "hòa"),
        ("hòa", "hòa"),
        ("HOÀ", "HÒA"),
        ("Hoà", "Hòa"),
        ("oà", "òa"),
        ("thuỷ", "thủy"),
        ("Uỷ", "Ủy"),
        ("uỷ", "ủy"),
        ("khoẻ", "khỏe"),
        ("xoè", "xòe"),
        ("hoạ", "họa"),
        ("Khoá", "Khóa"),
        ("Thuý", "Thúy"),
        ("quả", "quả"),  # qu is the onset
        ("qủa", "quả"),
        ("quý", "quý"),
        ("QUÝ", "QUÝ"),
        ("quỳnh", "quỳnh"),
        ("gìa", "già"),  # gi is the onset
        ("giữa", "giữa"),
        ("gìn", "gìn"),
        ("giúp", "giúp"),
        ("hòan", "hoàn"),  # final consonant: tone on the last vowel
        ("hoàn", "hoàn"),
        ("tóan", "toán"),
        ("khỏang", "khoảng"),
        ("hoạch", "hoạch"),
        ("thùyên", "thuyền"),  # marked vowel takes the tone
        ("ngừơi", "người"),
        ("đựơc", "được"),
        ("tủôi", "tuổi"),
        ("thủơ", "thuở"),
        ("cưú", "cứu"),
        ("rượu", "rượu"),
        ("hòai", "hoài"),  # three vowels: the middle one
        ("khủyu", "khuỷu"),
        ("của", "của"),  # two vowels, no final: the first one
        ("mùa", "mùa"),
        ("cafe", "cafe"),  # nothing to move
        ("hoàhoà", "hoàhoà"),  # not one syllable
        ("ǹ", "ǹ"),
    ],
)
def test_normalize_tone(word: str, expected: str) -> None:
    result = normalize_tone(word)
    assert result == expected
    assert len(result) == len(word)
    assert [c.isupper() for c in result] == [c.isupper() for c in word]


def test_normalize_tone_makes_spellings_identical() -> None:
    for variants in (["hoà", "hòa"], ["thuỷ", "thủy"], ["khoẻ", "khỏe"], ["uỷ", "ủy"]):
        assert len({normalize_tone(v) for v in variants}) == 1


def test_tokenize() -> None:
    assert tokenize("Hoà bình, THUỶ lợi! Năm 2024") == ["hòa", "bình", "thủy", "lợi", "năm", "2024"]


# ---------------------------------------------------------------------------- restoration
def bare(text: str) -> list[str]:
    return strip_diacritics(text).split()


@pytest.mark.parametrize(
    "sentence",
    [
        "hà giang cung cấp dịch vụ công trực tuyến",
        "người dân có thể nộp hồ sơ",
        "doanh nghiệp tra cứu kết quả giải quyết thủ tục hành chính",
        "người lao động được hưởng bảo hiểm xã hội",
        "hồ sơ bao gồm tờ khai",
        "cơ quan phải báo cáo kết quả",
    ],
)
def test_restores_unseen_sentences(restorer: DiacriticRestorer, sentence: str) -> None:
    assert restorer.restore(bare(sentence)) == sentence.split()


def test_context_chooses_between_forms(restorer: DiacriticRestorer) -> None:
    # "co the" is usually "có thể", but "sức khỏe cơ thể" after "khỏe".
    assert restorer.restore(bare("người dân có thể")) == ["người", "dân", "có", "thể"]
    assert restorer.restore(bare("sức khỏe cơ thể")) == ["sức", "khỏe", "cơ", "thể"]


def test_partial_diacritics_are_kept_and_constrain_neighbours(
    restorer: DiacriticRestorer,
) -> None:
    assert restorer.restore("ha giang cung cấp dich vu cong".split()) == (
        "hà giang cung cấp dịch vụ công".split()
    )
    # The typed "cơ" forces "thể" after it; a typed form absent from the corpus is kept.
    assert restorer.restore(["cơ", "the"]) == ["cơ", "thể"]
    assert restorer.restore(["có", "the"]) == ["có", "thể"]
    assert restorer.restore(["cá", "the"])[0] == "cá"
    # Typed with the other tone-mark convention: kept, in the normalised spelling.
    assert restorer.restore(["uỷ", "ban"]) == ["ủy", "ban"]


def test_unknown_syllables_and_numbers_pass_through(restorer: DiacriticRestorer) -> None:
    assert restorer.restore(["xyzt", "2024", "ho", "so"]) == ["xyzt", "2024", "hồ", "sơ"]
    assert restorer.restore([]) == []


def test_restore_text_keeps_case_and_punctuation(restorer: DiacriticRestorer) -> None:
    text = "Ha Giang cung cap dich vu cong (truc tuyen)?  NGUOI DAN co the nop ho so!"
    assert restorer.restore_text(text) == (
        "Hà Giang cung cấp dịch vụ công (trực tuyến)?  NGƯỜI DÂN có thể nộp hồ sơ!"
    )


def test_persistence_round_trip(restorer: DiacriticRestorer) -> None:
    state = restorer.to_dict()
    loaded = DiacriticRestorer.from_dict(json.loads(json.dumps(state)))
    assert loaded.to_dict() == state
    for sentence in ("hà giang cung cấp dịch vụ công", "sức khỏe cơ thể", "hồ sơ bao gồm"):
        assert loaded.restore(bare(sentence)) == restorer.restore(bare(sentence))
    with pytest.raises(ValueError):
        DiacriticRestorer.from_dict({"format": "something else"})


def test_fit_is_incremental_and_weighted() -> None:
    restorer = DiacriticRestorer(priors=False).fit([["bảo", "hiểm"]])
    assert restorer.restore(["bao"]) == ["bảo"]
    restorer.fit([["báo", "cáo"]] * 3)
    assert restorer.restore(["bao"]) == ["báo"]
    assert restorer.restore(["bao", "hiem"]) == ["bảo", "hiểm"]
    restorer.fit([["bảo"]], weight=10)
    assert restorer.restore(["bao"]) == ["bảo"]


def test_bigram_table_is_bounded() -> None:
    restorer = DiacriticRestorer(priors=False, max_bigrams=50)
    restorer.fit([[f"từ{i}", "và", f"từ{i + 1}"] for i in range(100)] + corpus_sentences())
    assert len(restorer.to_dict()["bigrams"]) // 3 <= 50
    assert restorer.restore(bare("dịch vụ công")) == ["dịch", "vụ", "công"]


@pytest.mark.skipif(not prior_sentences(), reason="underthesea word list not installed")
def test_priors_cover_question_words_and_dictionary_words() -> None:
    restorer = DiacriticRestorer().fit(corpus_sentences())
    # Neither "bao nhiêu" nor "học sinh" occur in the corpus.
    assert restorer.restore_text("ha giang cung cap bao nhieu dich vu cong?") == (
        "hà giang cung cấp bao nhiêu dịch vụ công?"
    )
    assert restorer.restore(["hoc", "sinh"]) == ["học", "sinh"]
    plain = DiacriticRestorer(priors=False).fit(corpus_sentences())
    assert plain.restore(["hoc", "sinh"]) == ["hoc", "sinh"]


def test_the_askers_frames_and_time_limits_are_restored() -> None:
    assert DiacriticRestorer().restore_text("cho minh hoi giai quyet ho so mat toi da bao nhieu ngay") == (
        "cho mình hỏi giải quyết hồ sơ mất tối đa bao nhiêu ngày")


def _path_score(r: DiacriticRestorer, ids: list[int]) -> float:
    """The score of one path of ids (boundary at both ends) as the model defines it, summed in
    the order :meth:`DiacriticRestorer.restore` sums it."""
    import math

    norm = r._total + r.alpha * len(r._vocab)
    d, score = r.discount, 0.0
    for left, right in zip([0, *ids], [*ids, 0], strict=True):
        unigram = (r._unigrams.get(right, 0) + r.alpha) / norm
        seen = r._history[left] if left >= 0 else 0
        if seen:
            count = r._bigrams.get((left << 32) | right, 0)
            score += math.log((count - d * min(count, 1) + d * r._successors[left] * unigram) / seen)
        else:
            score += math.log(unigram)
    return score


def test_restore_finds_the_best_path_of_the_model() -> None:
    """Viterbi's path scores what the best of all paths scores, to the last bit (weighted counts
    below 1 included): the shortcuts of :meth:`DiacriticRestorer.restore` change no float."""
    from itertools import product

    r = DiacriticRestorer(priors=False).fit(corpus_sentences())
    r.fit([tokenize("hồ sơ hợp lệ tại cơ quan"), tokenize("hộ số hơp lê")], weight=0.3)
    for text in ("ho so hop le", "co quan co tham quyen", "nguoi dan co the", "ho so tai co quan",
                 "dich vu cong truc tuyen"):
        words = text.split()
        r.restore(words)  # prepares the model
        options = [r._options(w) for w in words]
        best = max(_path_score(r, [i for _, i in path]) for path in product(*options))
        got = r.restore(words)
        ids = [next(i for w, i in opts if w == g) for opts, g in zip(options, got, strict=True)]
        assert _path_score(r, ids) == best, text


def test_a_spelled_number_typed_without_marks_reads_as_a_number() -> None:
    """"hai nghin khong tram hai muoi" is 2020 spelled, not "hải nghìn trầm" (frequent syllables of
    prose); "tỷ lệ", "hai trạm" and two number words alone are left to the bigrams."""
    bot = DiacriticRestorer(priors=False).fit(
        corpus_sentences() + [tokenize("Hải quân đóng ở trầm tích biển, hải đảo và hải cảng.")])
    assert bot.restore_text("nam hai nghin khong tram hai muoi") == "năm hai nghìn không trăm hai mươi"
    assert bot.restore_text("muoi lam nghin chin tram ba muoi hai") == "mười lăm nghìn chín trăm ba mươi hai"
    assert bot.restore_text("mot nghin le nam") == "một nghìn lẻ năm"
    assert bot.restore_text("nam hai khong hai ba") == "năm hai không hai ba"  # 2023
    assert spelled_number_runs("nhan khoang hai tram ho so".split()) == {2: "hai", 3: "trăm"}
    assert spelled_number_runs("co hai tram y te".split()) == {}  # "hai trạm": two stations
    words = "ty le chin muoi sau phay hai tram y te hai nghin".split()
    assert spelled_number_runs(words) == {2: "chín", 3: "mươi", 4: "sáu"}


def test_an_hour_asked_without_marks_is_restored_as_asked() -> None:
    """"bat dau luc may gio?" is "lúc mấy giờ" (a time asked: the question phrases), not "lực máy giờ"."""
    bot = DiacriticRestorer().fit(corpus_sentences() + [tokenize("Máy phát điện có lực kéo lớn.")])
    assert bot.restore_text("phien hop bat dau luc may gio").endswith("lúc mấy giờ")
