from qa_bot.tokens import (
    date_tokens,
    number_value,
    ordinal_tokens,
    query_tokens,
    relative_year_tokens,
    surface_tokens,
    word_tokens,
)


def test_compound_words_and_their_syllables() -> None:
    toks = word_tokens("Cải cách hành chính")
    assert "cải_cách" in toks and "hành_chính" in toks
    assert {"cải", "cách", "hành", "chính"} <= set(toks)
    assert all(t == t.lower() for t in toks)


def test_years_said_relative_to_the_document() -> None:
    """An article's "năm nay" is its own year, "năm ngoái" the one before, "năm tới" the next;
    "3 năm tới" and "những năm tới" are spans, and an undated text has none."""
    text = ("Năm nay, Ban Chỉ đạo thống nhất. So với năm ngoái tăng; kế hoạch năm tới. "
            "Trong 3 năm tới, những năm tới.")
    assert relative_year_tokens(text, 2023) == ["2023", "2022", "2024"]
    assert relative_year_tokens(text, None) == []
    assert relative_year_tokens("Thời gian năm tháng", 2023) == []


def test_numbers_in_words_with_hundreds_and_thousands() -> None:
    assert number_value("một nghìn tám trăm mười tám dịch vụ".split()) == (1818, 6)
    assert number_value("hai trăm lẻ năm".split()) == (205, 4)
    assert number_value("hai trăm sáu mươi bảy".split()) == (267, 5)
    assert number_value("ba nghìn".split()) == (3000, 2)
    # millions written out in full; "hai triệu" alone stays a number and a word ("2 triệu" in texts)
    assert number_value("một triệu không trăm bảy mươi hai nghìn sáu trăm ba mươi chín hồ sơ".split()) \
        == (1072639, 13)
    assert number_value("hai triệu năm trăm nghìn".split()) == (2500000, 5)
    assert number_value("hai triệu đồng".split()) == (2, 1)
    assert number_value("mười trăm".split()) == (10, 1)  # no such number: "mười" alone
    assert number_value("năm năm".split()) == (5, 1)


def test_numbers_written_one_way() -> None:
    toks = word_tokens("cung cấp 1.818 dịch vụ, đạt 96,81%")
    assert "1818" in toks and "96,81" in toks
    assert "," not in toks and "%" not in toks


def test_ordinals_in_words_and_digits_match() -> None:
    assert "thứ_9" in word_tokens("Phiên họp thứ chín")
    assert "thứ_9" in word_tokens("phiên thứ 9")
    assert "thứ_7" in word_tokens("phiên họp thứ bảy") and "thứ_7" in word_tokens("phiên thứ 7")
    assert ordinal_tokens(["thứ", "hai", "mươi", "lăm"]) == ["thứ_25"]
    assert number_value(["mười", "một"]) == (11, 2) and number_value(["xin"]) is None


def test_question_words_left_out_of_queries() -> None:
    words, syllables = query_tokens("Hà Giang có bao nhiêu dịch vụ công là gì?")
    toks = words + syllables
    assert "bao_nhiêu" not in toks and "bao" not in toks and "gì" not in toks
    assert "hà_giang" in words and {"hà", "giang"} <= set(syllables)
    # "bao lâu" asks for a duration, "nhiêu" is "bao nhiêu" as typed in chat: no words of a passage
    words, syllables = query_tokens("Học kỳ hè kéo dài bao lâu, tối thiểu nhiêu tuần?")
    assert not {"bao", "lâu", "bao_lâu", "nhiêu"} & set(words + syllables)
    assert {"kéo_dài", "tuần"} <= set(words)


def test_surface_tokens_match_index_tokens_for_numbers_and_dates() -> None:
    syls, words = surface_tokens("Chiều 2.2, Hà Giang cung cấp 1.818 dịch vụ (96,81%) phiên thứ bảy")
    assert syls[:3] == ["chiều", "2", "2"]
    assert {"1818", "96,81", "ngày_2_2", "thứ_7", "hà"} <= words
    assert {"1818", "96,81", "ngày_2_2", "thứ_7"} <= set(
        word_tokens("Chiều 2.2, Hà Giang cung cấp 1.818 dịch vụ (96,81%) phiên thứ bảy"))


def test_dates_in_every_written_form() -> None:
    assert date_tokens("Chiều ngày 15/1/2025") == ["ngày_15_1", "tháng_1_2025"]
    assert date_tokens("ngày 15 tháng 01 năm 2025") == ["ngày_15_1", "tháng_1_2025"]
    assert date_tokens("Chiều 2.2, Ban Chỉ đạo") == ["ngày_2_2"]
    assert date_tokens("tháng hai năm 2024") == date_tokens("tháng 2/2024") == ["tháng_2_2024"]
    assert date_tokens("đạt 96,81% và 2.5 lần") == []
    assert word_tokens("đạt 96.81")[-1] == word_tokens("đạt 96,81")[-1] == "96,81"


def test_number_value_ignores_digits_int_cannot_read():
    # "²" is a digit to str.isdigit() but not a decimal: it must not end the question with a 500
    assert number_value(["²"]) is None
    assert number_value(["12"]) == (12, 1)
