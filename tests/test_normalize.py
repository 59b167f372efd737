import pytest

from qa_bot.normalize import fold, has_diacritics, nfc, normalize_word


@pytest.mark.parametrize(
    ("a", "b"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("Uỷ", "Ủy"), ("khoẻ", "khỏe"), ("HOÀ BÌNH", "hòa bình")],
)
def test_tone_placement_variants_match(a: str, b: str) -> None:
    assert [normalize_word(w) for w in a.split()] == [normalize_word(w) for w in b.split()]


def test_nfd_input_becomes_nfc() -> None:
    decomposed = "Ho\u0300a"  # o + combining grave
    assert nfc(decomposed) == "Hòa"
    assert normalize_word(decomposed) == "hòa"


def test_fold_removes_every_mark_and_keeps_length() -> None:
    text = "Đường Hòa Bình, Ủy ban nhân dân"
    assert fold(text) == "duong hoa binh, uy ban nhan dan"
    assert len(fold(text)) == len(text)
    assert has_diacritics(text) and not has_diacritics("ha giang")


def test_distinct_words_stay_distinct() -> None:
    assert normalize_word("hòa") != normalize_word("hóa")
    assert normalize_word("quả") == "quả"
