from qa_bot.tokens import number_value, ordinal_tokens, query_tokens, tokenize_many, word_tokens


def test_compound_words_and_their_syllables() -> None:
    toks = word_tokens("Cải cách hành chính")
    assert "cải_cách" in toks and "hành_chính" in toks
    assert {"cải", "cách", "hành", "chính"} <= set(toks)
    assert all(t == t.lower() for t in toks)


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
    toks = query_tokens("Hà Giang có bao nhiêu dịch vụ công là gì?")
    assert "bao_nhiêu" not in toks and "là_gì" not in toks and "hà_giang" in toks


def test_tokenize_many_matches_single_process() -> None:
    texts = [f"Văn bản số {i} về cải cách thủ tục hành chính." for i in range(80)]
    assert tokenize_many(texts, workers=2) == [word_tokens(t) for t in texts]
