from collections import Counter

from qa_bot.lexicon import Lexicon, learn_definitions, syllables


def test_corpus_definitions_are_learned() -> None:
    texts = ["Ban Chỉ đạo (BCĐ) Cải cách hành chính (CCHC) của Chính phủ họp.",
             "đội ngũ cán bộ, công chức, viên chức (CBCCVC) và Sở Giáo dục và Đào tạo (SGDĐT)"]
    found = learn_definitions(texts)
    assert found["BCĐ"] == Counter({"Ban Chỉ đạo": 1})
    assert found["CCHC"] == Counter({"Cải cách hành chính": 1})
    assert found["CBCCVC"] == Counter({"cán bộ công chức viên chức": 1})
    assert "SGDĐT" not in found  # initials do not spell it: nothing is guessed


def test_expansion_both_ways() -> None:
    lex = Lexicon.build([])
    abbr, _ = lex.variants(syllables("số TTHC của UBND tỉnh"))
    assert syllables("thủ tục hành chính") in abbr and syllables("Ủy ban nhân dân") in abbr
    abbr, _ = lex.variants(syllables("kinh tế - xã hội và cải cách hành chính"))
    assert ("kt", "xh") in abbr and ("cchc",) in abbr
    assert lex.variants(syllables("T.Ư"))[0] == [syllables("Trung ương")]


def test_ambiguous_abbreviation_follows_the_corpus() -> None:
    counts = Counter({syllables("cổ phần"): 12, syllables("Chính phủ"): 1})
    business = Lexicon.build([], phrase_count=counts.__getitem__)
    assert business.expand[("cp",)] == syllables("cổ phần")
    government = Lexicon.build([], phrase_count=Counter({syllables("Chính phủ"): 5}).__getitem__)
    assert government.expand[("cp",)] == syllables("Chính phủ")
    defined = Lexicon.build(["Công ty cổ phần (CP) Sông Đà"],
                            phrase_count=Counter({syllables("Chính phủ"): 50}).__getitem__)
    assert defined.expand[("cp",)] == syllables("cổ phần")  # the corpus's own definition wins


def test_synonyms_and_round_trip() -> None:
    lex = Lexicon.build(["Cải cách hành chính (CCHC)"])
    _, syn = lex.variants(syllables("cắt giảm biên chế"))
    assert syllables("tinh giản biên chế") in syn
    again = Lexicon.from_dict(lex.to_dict())
    assert again.expand == lex.expand and again.contract == lex.contract
    assert again.synonyms == lex.synonyms
