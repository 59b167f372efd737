"""Question analysis (qa_bot.query): kind, constraints, temporal words, one pass per question.

Run on the real analyzer with underthesea's segmenter; no index needed except where noted."""

from __future__ import annotations

import pytest

from qa_bot import language as L
from qa_bot.normalize import fold
from qa_bot.query import QueryAnalyzer, drop_ordinal_parts, question_kind

ANALYZER = QueryAnalyzer(reference_year=2025)


@pytest.mark.parametrize("question, kind, list_kind", [
    ("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", L.NUMBER, None),
    ("Phiên họp thứ chín diễn ra khi nào?", L.DATE, None),
    ("Phiên họp thứ 7 đánh giá công tác năm nào?", L.DATE, None),
    ("Phiên họp thứ chín do ai chủ trì?", L.PERSON, None),
    ("Phó Chủ tịch UBND tỉnh nào tham dự tại điểm cầu Khánh Hòa?", L.PERSON, None),
    ("Cơ quan nào tham mưu UBND tỉnh về cải cách thể chế?", L.ORGANISATION, None),
    ("Tại điểm cầu nào ông Đinh Văn Thiệu tham dự?", L.PLACE, None),
    ("Phiên họp thứ chín được tổ chức tại trụ sở nào?", L.PLACE, None),  # not "Sở nào"
    ("Phiên họp thứ chín chỉ ra những tồn tại, hạn chế nào?", L.LIST, L.SHORTCOMINGS),
    ("Thủ tướng yêu cầu gì tại phiên họp thứ ba?", L.LIST, L.REQUESTS),
    ("Thủ tướng yêu cầu bộ, ngành thực hiện những nhiệm vụ gì?", L.LIST, L.REQUESTS),
    # "gì" after a preposition asks for a thing of the action proposed, not for the proposals
    ("Alec Shelbrooke đã đề xuất thanh toán các khoản trợ cấp bằng gì?", L.OTHER, None),
    ("Kế hoạch CCHC năm 2024 đề ra những nhiệm vụ gì?", L.LIST, L.TASKS),
    ("Có phải Thủ tướng chủ trì phiên họp thứ chín không?", L.YES_NO, None),
    ("Đề án 06 là gì?", L.DEFINITION, None),
    ("Phương châm chỉ đạo của Chính phủ năm 2023 là gì?", L.DEFINITION, None),
    ("Tỉnh đã giảm những chi cục nào?", L.LIST, None),
    # "cơ sở nào", "văn bản nào", "số nào" are no bodies; "sở nào" is
    ("Chương trình được xây dựng trên cơ sở nào?", L.LIST, None),
    ("Sở nào thẩm định dự thảo?", L.ORGANISATION, None),
    ("Bất kỳ số nào lớn hơn 1 cũng là tích của cái gì?", L.OTHER, None),
    ("Tỷ lệ hài lòng của người dân năm 2024 là gì?", L.NUMBER, None),
    # a figure word asks for a number only when nothing else says what is asked
    ("Tỷ lệ hồ sơ giải quyết đúng hạn năm 2024?", L.NUMBER, None),
    # "Giáo" is no "giao" (the request verb would make it a list of requests); one movement asked for
    ("Trong lịch sử, Giáo hội Giám lý ủng hộ phong trào nào?", L.OTHER, None),
    ("Bên vay có nghĩa vụ gì nếu không trả đúng số lượng?", L.OTHER, None),
    # "ai" inside a clause is not what is asked
    ("Người phát hiện tài sản mà không biết ai là chủ sở hữu thì phải làm gì?", L.OTHER, None),
    # "khí nào" (which gas) and "quyền lực nào" are no "khi nào", "lúc nào"
    ("Loại khí nào đã làm lửa bùng phát trong cabin?", L.OTHER, None),
    ("Khi nao công bố điểm thực tập?", L.DATE, None),
    # a time of day asked for; a role's holder asked for ("X là ai" with a role is no definition)
    ("Phiên họp thứ ba diễn ra buổi sáng hay buổi chiều?", L.DATE, None),
    ("Giám đốc Sở Nội vụ tỉnh là ai?", L.PERSON, None),
    ("Trưởng ban Tổ chức Tỉnh ủy Hà Giang tên là gì?", L.PERSON, None),
    # difficulties being removed are not what is listed; results achieved asked without "những"
    ("Hà Giang tháo gỡ khó khăn, vướng mắc trong những lĩnh vực nào?", L.LIST, None),
    ("Tỉnh đã thực hiện những giải pháp nào để tháo gỡ khó khăn?", L.LIST, L.SOLUTIONS),
    ("Năm 2020 tỉnh đã đạt được kết quả gì trong công tác CCHC?", L.LIST, L.RESULTS),
    # shortcomings or solutions asked without "những": a list; the bare word: its meaning
    ("han che cua cchc nam 2024 la gi", L.LIST, L.SHORTCOMINGS),
    ("Kế hoạch năm 2024 của UBND tỉnh đưa ra giải pháp gì để tuyên truyền?", L.LIST, L.SOLUTIONS),
    ("Giải pháp là gì?", L.DEFINITION, None),
    ("Nhiệm vụ chính của GPhC là gì?", L.DEFINITION, None),
    # the least or most of something asked without an interrogative: a figure; not in a term asked for
    ("Điểm rèn luyện tối thiểu để nộp hồ sơ đề nghị xét tốt nghiệp?", L.NUMBER, None),
    ("Sinh viên đã hết thời hạn tối đa của khóa học được gọi là gì?", L.DEFINITION, None),
    ("Điền vào ...: Ngừng việc thì tiền lương được thỏa thuận ... mức lương tối thiểu?", L.OTHER, None),
    # a deadline asked is a date
    ("Thủ tướng yêu cầu hoàn thành cơ sở dữ liệu trước thời hạn nào?", L.DATE, None),
    ("han chot nop ho so la khi nao", L.DATE, None),
    # "không" typed as in a chat, with a closing particle
    ("phiên họp thứ chín họp sáng 15/1/2025 đúng ko ạ", L.YES_NO, None),
    ("phien thu 9 do pho thu tuong chu tri phai k", L.YES_NO, None),
    ("Phiên họp thứ ba diễn ra vào tháng mấy?", L.DATE, None),
    ("Tổ thư ký giúp việc BCĐ do ai làm tổ trưởng?", L.PERSON, None),
])
def test_question_kind(question: str, kind: str, list_kind: str | None) -> None:
    normalised = question.lower()
    assert question_kind(fold(normalised), normalised) == (kind, list_kind)


def test_counted_noun_is_one_word() -> None:
    """The counted noun keeps a second syllable only when it does not begin another word."""
    assert ANALYZER.analyze("Có bao nhiêu đợt xử lý học vụ?").counted == "dot"
    assert ANALYZER.analyze("Có bao nhiêu đại biểu tham dự?").counted == "dai bieu"
    assert ANALYZER.analyze("Denver bị giữ bao nhiêu lượt sau khi nhận bóng?").counted == "luot"


def test_sessions_in_words_digits_and_roman_numerals() -> None:
    for q in ("Phiên họp thứ 9 diễn ra khi nào?", "Phiên họp thứ chín diễn ra khi nào?",
              "Phiên họp lần thứ IX diễn ra khi nào?"):
        assert ANALYZER.analyze(q).sessions == [9], q
    # an ordinal is a session only after "phiên"/"hội nghị"/"kỳ họp"/"lần": not in a name
    assert ANALYZER.analyze("Bà Nguyễn Thị Bé Mười chủ trì ở đâu?").sessions == []
    # a session numbered without "thứ", as typed in a hurry; not a duration
    for q in ("phien 9 ngay nao", "Phiên họp 9 do ai chủ trì?"):
        query = ANALYZER.analyze(q)
        assert query.sessions == [9] and "9" not in query.tokens, q
    assert ANALYZER.analyze("Phiên họp 2 ngày bàn những gì?").sessions == []


def test_digit_and_word_ordinals_weigh_the_same() -> None:
    digits = ANALYZER.analyze("Phiên họp thứ 9 diễn ra khi nào?").tokens
    words = ANALYZER.analyze("Phiên họp thứ chín diễn ra khi nào?").tokens
    assert "thứ_9" in digits and digits == words
    assert drop_ordinal_parts(["phiên", "thứ", "9", "thứ_9"]) == ["phiên", "thứ_9"]


def test_years_relative_years_and_what_is_not_a_year() -> None:
    assert ANALYZER.analyze("Năm 2023 Hà Giang ban hành bao nhiêu văn bản?").years == [2023]
    assert ANALYZER.analyze("Năm ngoái tinh giản bao nhiêu biên chế?").years == [2024]
    assert ANALYZER.analyze("Năm nay có phiên họp nào?").years == [2025]
    assert ANALYZER.analyze("Trong 3 năm qua trung tâm đón bao nhiêu lượt người?").years == []
    assert ANALYZER.analyze("Tăng bao nhiêu lần so với năm 2021?").years == []
    assert ANALYZER.analyze("Chương trình giai đoạn 2021-2030 gồm gì?").years == []
    assert ANALYZER.analyze("Số TTHC là 1971 thủ tục phải không?").years == []
    # the year written beside a relative one, and a relative year of the article named by its date
    assert ANALYZER.analyze("nam nay (2024) TTg yeu cau CCHC lay ai lam trung tam").years == [2024]
    assert ANALYZER.analyze("Năm ngoái (năm 2023) tỉnh ban hành bao nhiêu văn bản?").years == [2023]
    dated = ANALYZER.analyze("Theo bài viết tháng 3/2021, năm ngoái tỉnh tiếp nhận bao nhiêu hồ sơ?")
    assert dated.years == [2020] and dated.event_months == [(2021, 3)]
    assert "bài" not in dated.tokens and "3" not in dated.tokens  # which article, not what it says
    meeting = ANALYZER.analyze("Thủ tướng yêu cầu những gì (hội nghị tháng 2/2024)?")
    assert meeting.event_years == [2024] and meeting.event_months == [(2024, 2)]


def test_event_year_dates_the_meeting() -> None:
    q = ANALYZER.analyze("Phiên họp năm 2024 của Ban Chỉ đạo yêu cầu những gì?")
    assert q.event_years == [2024] and q.years == [] and q.year_hint == 2024
    q = ANALYZER.analyze("Phiên họp thứ chín đánh giá kết quả năm 2024 ra sao?")
    assert q.event_years == [] and q.years == [2024]


def test_places_people_bodies_and_document_numbers() -> None:
    q = ANALYZER.analyze("Bến Tre cung cấp bao nhiêu dịch vụ công trực tuyến?")
    assert q.places == ["ben tre"]
    q = ANALYZER.analyze("Phó Thủ tướng Trương Hòa Bình yêu cầu gì?")
    assert q.people == ["Trương Hòa Bình"] and q.places == []  # "Hòa Bình" inside a name
    q = ANALYZER.analyze("Hà Giang ban hành bao nhiêu văn bản?")
    assert q.places == ["ha giang"] and q.people == []
    assert ANALYZER.analyze("Sở Tư pháp thẩm định bao nhiêu dự thảo?").bodies == ["so tu phap"]
    assert ANALYZER.analyze("Ban Chỉ đạo họp khi nào?").bodies == []  # too generic
    assert ANALYZER.analyze("Chỉ thị 05/CT-TTg yêu cầu gì?").doc_numbers == ["05/ct-ttg"]
    assert ANALYZER.analyze("Nghị quyết số 76 nói gì?").doc_numbers == ["76/nq"]


def test_temporal_words_and_counted_nouns() -> None:
    q = ANALYZER.analyze("Phiên họp gần đây nhất do ai chủ trì?")
    assert q.temporal == L.LATEST and "nhất" not in q.tokens
    assert ANALYZER.analyze("Phiên họp đầu tiên diễn ra khi nào?").temporal == L.EARLIEST
    assert ANALYZER.analyze("Phiên họp kết nối tới bao nhiêu địa phương?").counted == "dia phuong"
    assert ANALYZER.analyze("Tỷ lệ đạt bao nhiêu phần trăm?").counted == "phan tram"
    assert ANALYZER.analyze("Kết quả tinh giản là bao nhiêu?").counted is None


def test_no_diacritics_question_is_analysed_like_the_accented_one() -> None:
    plain = ANALYZER.analyze("phien hop thu 3 ket noi bao nhieu dia phuong")
    assert plain.kind == L.NUMBER and plain.sessions == [3] and plain.counted == "dia phuong"


def test_cardinals_in_words_become_digits():
    from qa_bot.query import cardinals_in_words

    assert cardinals_in_words(["trong", "bốn", "mươi", "sáu", "địa_phương"]) == ["trong", "46", "địa_phương"]
    assert cardinals_in_words(["mười", "hai", "tỉnh"]) == ["12", "tỉnh"]
    assert cardinals_in_words(["mười", "tỉnh"]) == ["10", "tỉnh"]
    # single number words are also articles and "year"; ordinals have their own token
    assert cardinals_in_words(["một", "trong", "năm", "2024"]) == ["một", "trong", "năm", "2024"]
    assert cardinals_in_words(["thứ", "mười", "hai"]) == ["thứ", "mười", "hai"]


def test_dictionary_compounds_join_words_the_documents_never_use():
    from qa_bot.query import dictionary_compounds

    # the segmenter left "học kỳ" and "kết thúc" as syllables (the index does not know them)
    assert dictionary_compounds(["học", "kỳ", "1", "kết", "thúc"]) == ["học_kỳ", "1", "kết_thúc"]
    assert dictionary_compounds(["cải_cách", "hành", "xyz"]) == ["cải_cách", "hành", "xyz"]


def test_dictionary_compounds_join_only_syllables_side_by_side_in_the_question():
    from qa_bot.query import dictionary_compounds

    # "đầu tiên" (a temporal word) left the tokens: "người" and "gửi" were never one word
    question = "Ai là người đầu tiên gửi sóng radio?"
    assert "người_gửi" in dictionary_compounds(["là", "người", "gửi"])
    assert dictionary_compounds(["là", "người", "gửi"], text=question) == ["là", "người", "gửi"]
    # "số thương vong": "số thương" and "thương vong" are both words; the head noun "số" comes first
    question = "Số thương vong của trận chiến là bao nhiêu?"
    assert dictionary_compounds(["số", "thương", "vong"]) == ["số_thương", "vong"]
    assert dictionary_compounds(["số", "thương", "vong"], text=question) == ["số", "thương_vong"]
    # side by side and unambiguous: still one word
    question = "Học kỳ 1 kết thúc khi nào?"
    assert dictionary_compounds(["học", "kỳ", "1", "kết", "thúc"], text=question) == [
        "học_kỳ", "1", "kết_thúc"]
    # typed without marks: compared unmarked
    assert dictionary_compounds(["học", "kỳ"], True, "hoc ky 1 ket thuc khi nao") == ["học_kỳ"]



def test_the_askers_words_are_no_content() -> None:
    """"em", "ạ", "muốn" say who asks, not what the texts must hold."""
    content = ANALYZER.analyze("Em muốn đăng ký học vượt thì cần điều kiện gì ạ?").content
    assert not {"em", "ạ", "muốn"} & set(content)
    assert any("đăng" in t for t in content)
    content = ANALYZER.analyze("Không biết chứng chỉ PET có được công nhận hay không?").content
    assert not {"biết", "hay"} & set(content)


def test_a_syllable_is_looked_up_as_the_corpus_spells_the_word() -> None:
    from qa_bot.spelling import respell, variants
    assert variants("kí") == ["ký"] and variants("nghành") == ["ngành"] and variants("ngỉ") == ["nghỉ"]
    assert variants("gì") == [] and variants("khoa") == [] and variants("nghề") == []
    known = {"đăng", "ký", "đăng_ký", "lí", "lý", "lý_thuyết", "thuyết", "ngành", "học", "kì", "kỳ", "kỳ_hè",
             "hè"}.__contains__
    assert respell("Đăng kí học chuyên nghành", known) == "Đăng ký học chuyên ngành"
    assert respell("tiết lí thuyết", known) == "tiết lý thuyết"  # "lí" is known, "lí thuyết" is not
    assert respell("Kì hè", known) == "Kỳ hè" and respell("giá vàng", known) == "giá vàng"
    known = {"tối", "tối_thiểu", "thiểu", "thiêu", "xử", "xử_lý", "xứ", "lý", "giá"}.__contains__
    # a slipped tone mark, put right only when the syllable then makes a word with a neighbour
    assert respell("tối thiều 50 sinh viên", known) == "tối thiểu 50 sinh viên"
    assert respell("xứ lý kỷ luật", known) == "xứ lý kỷ luật"  # "xứ" is a word of its own
    assert respell("giá vàng", known) == "giá vàng"


def test_a_foreign_name_is_looked_up_as_the_corpus_spells_it() -> None:
    """A capitalised name the corpus does not know, one letter off the only known word that
    close ("Bedigo": "Bendigo", "Shelly": "Shelley", "Maastrich": "Maastricht")."""
    from qa_bot.spelling import respell
    known = {"bendigo", "shelley", "maastricht", "đảng", "ở", "nào", "geelong", "hiệp_ước"}.__contains__
    assert respell("Đảng nào được ưa chuộng ở Bedigo và Geelong?", known) == (
        "Đảng nào được ưa chuộng ở Bendigo và Geelong?")
    assert respell("thơ của Percy Shelly", known) == "thơ của Percy Shelley"
    assert respell("Hiệp ước Maastrich", known) == "Hiệp ước Maastricht"
    assert respell("Thomas de Maiziere", {"maizière"}.__contains__) == "Thomas de Maizière"  # its mark
    assert respell("bedigo", known) == "bedigo"  # not a capitalised name
    known = {"bendigo", "bedign"}.__contains__  # two known words one letter off: left alone
    assert respell("Bedigo", known) == "Bedigo"
    assert respell("Ledo", {"lego"}.__contains__) == "Ledo"  # too short to tell a slip
    # a Vietnamese syllable typed without marks is no slip of a foreign name ("Quang" is not "quan")
    assert respell("UBND tinh Quang Binh", {"quan", "bình", "tỉnh"}.__contains__) == "UBND tinh Quang Binh"


def test_an_acronym_typed_a_letter_off_is_the_one_the_texts_spell_out() -> None:
    """"THCP", "TPHP": the "TCHP" (tín chỉ học phí) the documents spell out, two letters swapped or
    one changed; not a name they never spell out, nor one with a letter left out."""
    from qa_bot.spelling import respell
    known = {"tchp", "sita", "học", "lại", "là"}.__contains__
    spelt = {"tchp"}.__contains__
    assert respell("Thế nào là THCP học lại?", known, spelt) == "Thế nào là TCHP học lại?"
    assert respell("TPHP học cải thiện là gì?", known, spelt) == "TCHP học cải thiện là gì?"
    assert respell("ARPANET CITA", known, spelt) == "ARPANET CITA"  # "SITA" is spelt out nowhere
    assert respell("TCH học lại", known, spelt) == "TCH học lại"  # a letter fewer: another one
    assert respell("Thế nào là THCP học lại?", known) == "Thế nào là THCP học lại?"


def test_a_bid_to_name_or_list_only_asks() -> None:
    """"Kể tên", "Hãy liệt kê", "Nêu" bid the reader: the texts name the things, not the bidding."""
    from qa_bot.query import Query
    q = Query(text="Kể tên một trong những nguyên nhân gây suy giảm miễn dịch.", search_text="",
              tokens=["kể", "tên", "một", "nguyên_nhân", "gây", "suy_giảm", "miễn_dịch"])
    assert "kể" not in q.content and "tên" not in q.content and "nguyên_nhân" in q.content
    q = Query(text="Theo Bộ luật dân sự, hãy liệt kê các căn cứ xác lập quyền dân sự.", search_text="",
              tokens=["bộ_luật", "dân_sự", "hãy", "liệt_kê", "căn_cứ", "xác_lập", "quyền"])
    assert "liệt_kê" not in q.content and "hãy" not in q.content and "căn_cứ" in q.content
    q = Query(text="Kể từ năm 2000 ai giữ kỷ lục?", search_text="", tokens=["kể", "từ", "giữ", "kỷ_lục"])
    assert "kể" in q.content  # "kể từ": since
    q = Query(text="Nếu sinh viên nghỉ học thì sao?", search_text="", tokens=["nếu", "sinh_viên"])
    assert "nếu" in q.content  # "nếu" (if) is no "nêu"


def test_a_pronoun_in_the_question_is_no_content() -> None:
    """"Ông ấy", "nó" point to what the question does not name: the texts name it instead."""
    content = ANALYZER.analyze("Ông ấy được Nixon chọn vào năm nào?").content
    assert not {"ông", "ấy"} & set(content) and any("nixon" in t for t in content)
    content = ANALYZER.analyze("Làm thế nào nó được xác định?").content
    assert "nó" not in content
    content = ANALYZER.analyze("Họ của cầu thủ ghi điểm là gì?").content
    assert "họ" in content  # the family name, no pronoun


def test_a_fee_asked_in_everyday_words_is_looked_up_as_the_regulation_says_it() -> None:
    from qa_bot.lexicon import Lexicon, syllables
    _, synonyms = Lexicon.build([]).variants(list(syllables("có cần phải tốn tiền không")))
    assert syllables("lệ phí") in synonyms and syllables("chi phí") in synonyms


def test_a_period_is_a_constraint_not_two_years() -> None:
    q = ANALYZER.analyze("Chương trình tổng thể giai đoạn 2031-2040 có mục tiêu gì?")
    assert q.periods == [(2031, 2040)] and q.years == [] and q.constrained
    assert ANALYZER.analyze("Tăng bao nhiêu so với giai đoạn 2016-2020?").periods == []


def test_a_part_of_a_year_is_a_constraint() -> None:
    q = ANALYZER.analyze("Hội nghị sơ kết 6 tháng đầu năm 2024 tổ chức ngày nào?")
    assert q.year_parts == ["6 thang dau nam"] and q.constrained
    assert ANALYZER.analyze("Quý II năm 2024 có bao nhiêu hồ sơ?").year_parts == ["quy ii"]
    assert ANALYZER.analyze("Năm 2024 có bao nhiêu hồ sơ?").year_parts == []


def test_a_role_asked_after_the_askers_frame() -> None:
    for q in ("Đề nghị cho biết Chủ tịch UBND tỉnh Khánh Hòa là ai?", "Cho em hỏi Chủ tịch tỉnh là ai?",
              "Chủ tịch UBND tỉnh là ai?", "Ai là Chủ tịch UBND tỉnh?"):
        assert L.ROLE_ASKED.search(fold(q)), q


def test_a_why_question_is_told_from_words_that_fold_alike() -> None:
    assert L.ASKS_WHY.search("vì sao số lượt giao dịch tăng?")
    assert not L.ASKS_WHY.search("thoát lý, người đỡ đầu của thiết mộc chân bị lưu đày đến đâu?")
    assert ("làm", "căn", "cứ") in L.REASON_LINKS and ("vì",) in L.REASON_LINKS
    assert ("vị",) not in L.REASON_LINKS  # "đơn vị" gives no reason


def test_a_penalty_asked_how_is_one_penalty_not_a_list() -> None:
    def kind(q: str) -> str:
        return question_kind(fold(q.lower()), q.lower())[0]
    assert kind("Trong khu vực có chiến sự, nếu cố ý báo cáo sai trong hoạt động quân sự gây hậu quả "
                "nghiêm trọng thì bị phạt như thế nào?") == L.OTHER
    assert kind("Cán bộ mà cố ý từ bỏ nhiệm vụ công tác và lôi kéo người khác đào nhiệm thì bị phạt như "
                "thế nào?") == L.OTHER
    assert kind("Chủ tịch UBND tỉnh yêu cầu những gì?") == L.LIST


def test_the_làm_of_làm_sao_only_asks() -> None:
    from qa_bot.query import Query
    q = Query(text="Trường hợp làm mất bản gốc văn bằng thì làm sao?", search_text="",
              tokens=["trường_hợp", "làm", "mất", "bản_gốc", "văn_bằng", "thì", "làm"])
    assert "làm" not in q.content and "mất" in q.content
    q = Query(text="Sinh viên phải làm gì khi mất thẻ?", search_text="",
              tokens=["sinh_viên", "phải", "làm", "mất"])
    assert "làm" in q.content  # "làm gì" asks what to do: the doing is part of what is asked


def test_định_nghĩa_opening_a_question_only_asks() -> None:
    from qa_bot.query import Query
    q = Query(text="Định nghĩa học kỳ?", search_text="", tokens=["định", "nghĩa", "học_kỳ"])
    assert q.content == ["học_kỳ"]
    q = Query(text="Khái niệm lớp học phần?", search_text="", tokens=["khái_niệm", "lớp", "học_phần"])
    assert q.content == ["lớp", "học_phần"]
    q = Query(text="Nghĩa vụ của sinh viên?", search_text="", tokens=["nghĩa_vụ", "sinh_viên"])
    assert q.content == ["nghĩa_vụ", "sinh_viên"]


def test_a_change_asked_against_another_point_is_a_comparison() -> None:
    assert ANALYZER.analyze("So với năm 2023, số người tinh giản năm 2024 tăng hay giảm bao nhiêu?").compares
    assert ANALYZER.analyze("So voi nam 2022, so luot giao dich nam 2023 tang bao nhieu?").compares
    assert ANALYZER.analyze("Tỷ lệ hồ sơ trễ hẹn cao hơn bao nhiêu so với năm trước?").compares
    assert not ANALYZER.analyze("Năm 2024 có bao nhiêu người được tinh giản biên chế?").compares
    assert not ANALYZER.analyze("Siêu đô thị đứng thứ mấy về dân số so với toàn quốc?").compares


def test_tasks_and_solutions_named_together_ask_for_a_plans_tasks() -> None:
    q = ANALYZER.analyze("Kế hoạch CCHC năm 2024 do UBND tỉnh ban hành đề ra những nhiệm vụ, giải pháp gì?")
    assert (q.kind, q.list_kind) == (L.LIST, L.TASKS)
    assert ANALYZER.analyze("Cần những giải pháp gì để khắc phục hạn chế?").list_kind != L.TASKS


def test_a_date_questions_own_noun_tells_nothing() -> None:
    """"... là ngày nào?": that "ngày" asks for a date; the one naming the day is what it tells."""
    q = ANALYZER.analyze("Ngày quốc khánh Việt Nam là ngày nào?")
    assert q.kind == L.DATE and q.told.count("ngày") == q.tokens.count("ngày") - 1
    assert q.content.count("ngày") == 1
    q = ANALYZER.analyze("Vào năm nào Quốc hội thông qua Luật Tổ chức chính quyền địa phương?")
    assert "năm" not in q.content
    q = ANALYZER.analyze("Phiên họp thứ chín diễn ra khi nào?")
    assert q.told == q.tokens


def test_who_attended_asks_for_people_not_a_definition() -> None:
    """"Tham dự ... có những ai?" asks who attended (as "ai chủ trì" asks who chaired), while
    "Người thực hành là ai?" still asks what the term means."""
    def kind(q: str) -> str:
        return question_kind(fold(q.lower()), q.lower())[0]
    assert kind("Tham dự buổi làm việc về CCHC ngày 3-3 có những ai?") == L.PERSON
    assert kind("Những ai dự họp tại điểm cầu tỉnh?") == L.PERSON
    assert kind("Người thực hành là ai?") == L.DEFINITION


def test_a_comma_ends_the_meeting_a_year_dates() -> None:
    """"phiên họp thứ ba năm 2023" dates the meeting; in "Theo bài phiên họp thứ ba, năm 2022 số
    tiền ... tăng bao nhiêu lần?" the year opens another clause: the year the figure is of."""
    q = ANALYZER.analyze("phiên họp thứ ba năm 2023 diễn ra khi nào")
    assert q.event_years == [2023] and q.years == []
    q = ANALYZER.analyze("Theo bài phiên họp thứ ba, năm 2022 số tiền thanh toán tăng bao nhiêu lần?")
    assert q.event_years == [] and q.years == [2022] and q.sessions == [3]


def test_meet_typed_with_the_tone_of_fit_is_read_as_meet() -> None:
    """"họp" typed or restored as "hợp" after a meeting noun or before the time asked is "họp";
    "hợp" in its compounds stays."""
    assert "họp" in ANALYZER.analyze("Phiên hợp thứ ba diễn ra khi nào?").tokens
    assert "họp" in ANALYZER.analyze("BCĐ hợp vào ngày nào?").tokens
    q = ANALYZER.analyze("Tỉnh phối hợp với Sở Nội vụ ra sao?")
    assert "họp" not in q.tokens and "phối_hợp" in q.tokens


def test_a_year_after_an_index_or_plan_name_and_a_year_said_aloud_are_years() -> None:
    """"PAR INDEX 2020", "Chỉ số CCHC 2020", "KH CCHC 2024": the edition's year; "năm hai nghìn
    không trăm hai mươi" is 2020; "1971 thủ tục" stays a count."""
    from qa_bot.query import spelled_years
    from qa_bot.tokens import number_value

    assert ANALYZER.analyze("PAR INDEX 2020 cua tinh xep thu may").years == [2020]
    assert ANALYZER.analyze("Chỉ số CCHC 2019 của tỉnh xếp thứ mấy?").years == [2019]
    assert ANALYZER.analyze("Tỉnh có 1971 thủ tục hành chính không?").years == []
    assert number_value("hai nghìn không trăm hai mươi".split()) == (2020, 6)
    assert number_value("hai nghìn lẻ năm".split()) == (2005, 4)
    assert spelled_years("Trong năm hai nghìn không trăm hai mươi, tỉnh") == "Trong năm 2020, tỉnh"
    assert spelled_years("tuyển năm nghìn người") == "tuyển năm nghìn người"  # five thousand, no year
    assert ANALYZER.analyze("Trong năm hai nghìn không trăm hai mươi tỉnh tiếp nhận bao nhiêu hồ sơ?"
                            ).years == [2020]


def test_a_year_said_digit_by_digit_and_a_round_figure_said_approximately() -> None:
    """"năm hai không hai tư" is 2024 (typed with or without marks); "năm năm qua" no year; "hơn
    16.000 người" is no figure to find in the texts (they say "16.149"), "lớn hơn 1" and a figure
    quoted exactly are."""
    from qa_bot.query import spelled_years, without_approximations

    assert spelled_years("Năm hai không hai tư, cả nước") == "Năm 2024, cả nước"
    assert spelled_years("Năm năm qua tỉnh") == "Năm năm qua tỉnh"
    assert ANALYZER.analyze("Năm hai không hai tư cả nước tinh giản bao nhiêu người?").years == [2024]
    assert without_approximations(["hơn", "16000", "người"]) == ["hơn", "người"]
    assert without_approximations(["lớn", "hơn", "1"]) == ["lớn", "hơn", "1"]
    assert without_approximations(["hơn", "1818", "dịch_vụ"]) == ["hơn", "1818", "dịch_vụ"]


def test_a_figure_said_aloud_is_written_as_the_documents_write_it() -> None:
    """"một triệu không trăm bảy mươi hai nghìn sáu trăm ba mươi chín hồ sơ" is "1.072.639 hồ sơ"
    (the documents' figure); ordinals and numbers of two words stay as said."""
    from qa_bot.query import spelled_figures

    said = "Một triệu không trăm bảy mươi hai nghìn sáu trăm ba mươi chín hồ sơ"
    assert spelled_figures(said) == "1.072.639 hồ sơ"
    assert spelled_figures("Năm 2020 có một nghìn tám trăm mười tám dịch vụ") == "Năm 2020 có 1.818 dịch vụ"
    assert spelled_figures("Chín mươi sáu phẩy tám mốt phần trăm của Hà Giang") == "96,81% của Hà Giang"
    assert spelled_figures("tăng ba phẩy năm lần") == "tăng 3,5 lần"
    assert spelled_figures("phiên thứ chín, năm trăm người, tăng mười hai lần") == (
        "phiên thứ chín, năm trăm người, tăng mười hai lần")
    q = ANALYZER.analyze("Một nghìn tám trăm mười tám dịch vụ công trực tuyến là kết quả của năm nào?")
    assert "1818" in q.tokens


def test_chat_shorthand_is_written_out() -> None:
    """A citizen's phone shorthand: "bn" after a word is "bao nhiêu" (not "bn ơi", "bạn"), "ko",
    "dc", "ntn", a closing "z"; a clause's point "v" stays."""
    from qa_bot.query import written_out

    assert written_out("hg co bn dvc truc tuyen") == "hg co bao nhieu dvc truc tuyen"
    assert written_out("bn oi cho hoi") == "bn oi cho hoi"
    assert written_out("có được ko ạ") == "có được không ạ"
    assert written_out("phien 9 ai chu tri z?") == "phien 9 ai chu tri vay?"
    assert written_out("Điều 5 khoản 2 điểm v") == "Điều 5 khoản 2 điểm v"
    assert ANALYZER.analyze("hg co bn dvc truc tuyen").kind == L.NUMBER



def test_a_relative_year_said_of_a_named_session_is_that_sessions_year() -> None:
    """"Ở phiên họp thứ ba, năm nay ...": "năm nay" is the year of that session's article, which the
    session already names, not the newest document's (2025); without a session it is the newest."""
    q = ANALYZER.analyze("Ở phiên họp thứ ba, năm nay Ban Chỉ đạo thống nhất tập trung ưu tiên những gì?")
    assert q.sessions == [3] and q.years == []
    assert ANALYZER.analyze("Năm nay Ban Chỉ đạo thống nhất tập trung ưu tiên những gì?").years == [2025]


def test_the_counted_noun_leaves_a_closing_particle_out() -> None:
    """"mất bao nhiêu ngày ạ?" counts "ngày" (the polite "ạ" is no part of it: as "ngay a" its
    initials matched "năm")."""
    q = ANALYZER.analyze("Làm thủ tục đăng ký thường trú online thì mất bao nhiêu ngày ạ?")
    assert q.counted == "ngay"
    assert ANALYZER.analyze("Có bao nhiêu đại biểu tham dự?").counted == "dai bieu"


def test_the_asker_pointing_at_the_documents_and_nhat_la_are_no_content() -> None:
    """"... được nhắc đến trong các bài, phiên gần đây nhất là phiên thứ mấy?": "nhắc", "bài" say
    where to look, and "nhất là" (joined by the segmenter after "gần đây nhất") is no word to find."""
    q = ANALYZER.analyze("Trong các phiên họp của Ban Chỉ đạo CCHC Chính phủ được nhắc đến trong các bài, "
                         "phiên gần đây nhất là phiên thứ mấy?")
    assert q.temporal == L.LATEST
    assert not {"nhắc", "bài", "nhất_là"} & set(q.content), q.content


def test_a_session_named_in_english_and_paraphrased_terms() -> None:
    """A foreign reader's "The ninth meeting" is "phiên họp thứ chín"; "cắt giảm nhân sự", "qua
    mạng", "e-government" are the texts' "tinh giản biên chế", "trực tuyến", "Chính phủ điện tử"
    (curated synonyms)."""
    from qa_bot.lexicon import curated_synonyms
    from qa_bot.query import written_out

    said = written_out("The ninth meeting của Ban Chỉ đạo tổ chức ngày nào?")
    assert said.startswith("phiên họp thứ chín của")
    assert ANALYZER.analyze("The ninth meeting của Ban Chỉ đạo tổ chức ngày nào?").sessions == [9]
    synonyms = curated_synonyms()
    assert ("cắt", "giảm", "nhân", "sự") in synonyms[("tinh", "giản", "biên", "chế")]
    assert ("qua", "mạng") in synonyms[("trực", "tuyến")]
    assert ("e", "government") in synonyms[("chính", "phủ", "điện", "tử")]
