"""Trust on the shipped corpus: tests/data/questions_hard.jsonl (questions written from the
documents, with the key strings a right answer holds, and questions the documents do not answer:
another year, session, province, person, or an adjacent fact).

Targets (issue 8): answerable questions answered with their key strings >= 90%; unanswerable
ones never ``answered`` (``not_found`` or ``partial``) >= 85%. The rates per kind are printed.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from qa_bot import QABot
from tests.corpus import shipped_bot  # noqa: F401


def _rows(name: str) -> list[dict]:
    path = Path(__file__).parent / "data" / name
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


ROWS = _rows("questions_hard.jsonl")
#: Written later without looking at ROWS (tests/heldout_report.py prints its failures): whether the
#: rules generalise. 4 of its 60 failed when it was written; their causes were fixed as rules.
HELDOUT = _rows("questions_heldout.jsonl")
#: A second such set (tests/data/questions_heldout2.jsonl), written from the documents alone at stop 18:
#: 48 of its 50 passed; the two causes were fixed as rules (a text's "năm nay" is its year; "TTHC"
#: in a question asks about "thủ tục" in the text).
HELDOUT2 = _rows("questions_heldout2.jsonl")
#: A third (questions_heldout3.jsonl; officials' and citizens' phrasings): 43 of its 50 passed when
#: written; four causes were fixed as rules (shortcomings or solutions asked without "những";
#: "bao nhiêu DVC"; "phiên 9" without "thứ"), three are left (README: "Known limits").
HELDOUT3 = _rows("questions_heldout3.jsonl")
#: A fourth (questions_heldout4.jsonl; dates, shares, ranks, roles, places asked many ways): 42/50
#: when written; five causes fixed as rules ("buổi sáng hay buổi chiều", "Trung tâm HCC",
#: "Ai là Chủ tịch ...?" answered with the Phó Chủ tịch, "ngày nào" met by a bare year).
HELDOUT4 = _rows("questions_heldout4.jsonl")
#: A fifth (questions_heldout5.jsonl; lists, temporal words, numbers in words): 45/50 when written;
#: two causes fixed as rules ("tháo gỡ khó khăn" is no list of shortcomings; "tăng bao nhiêu" is
#: met by "tăng gần 4 lần").
HELDOUT5 = _rows("questions_heldout5.jsonl")
#: A sixth (questions_heldout6.jsonl; 26 of its 50 unanswerable, each beside an answerable twin):
#: 45/50 when written (46 once 5c1b888 landed); one cause fixed (a yes/no answer must hold as much
#: of the question as a typed one); "tại sao" questions answered with the fact are left (README).
HELDOUT6 = _rows("questions_heldout6.jsonl")
#: A seventh (questions_heldout7.jsonl; users' own words and synonyms): 44/50 when written; two
#: causes fixed (a board's head names the board; "Riêng X" needs X in the answer sentence).
HELDOUT7 = _rows("questions_heldout7.jsonl")
#: An eighth (questions_heldout8.jsonl; facts from every part of every article): 48/50 when written.
HELDOUT8 = _rows("questions_heldout8.jsonl")
#: A ninth (questions_heldout9.jsonl; typed as a helpdesk types: 24 without diacritics, 32 with
#: abbreviations): 48/50 when written; two causes fixed (a period "giai đoạn 2031-2040" is a
#: constraint; "Ban Chỉ đạo" unqualified in an article on the Government's committee is national).
HELDOUT9 = _rows("questions_heldout9.jsonl")
#: A tenth (questions_heldout10.jsonl; officials' register and adjacent facts: a figure for another
#: level, a deputy for the head, a half-year review for the year's session, "vì sao" the text does
#: not answer): 40/50 when written, unanswerable 9/18. Four causes fixed as rules (a period's
#: figure is not one year's; "6 tháng đầu năm" is a constraint; "riêng X" of any X; a role asked
#: after "Đề nghị cho biết"); stop 21: a level asked is read in the list item that counts the noun,
#: and it reached 16/18, so it is in test_rates at the full thresholds.
HELDOUT10 = _rows("questions_heldout10.jsonl")
#: An eleventh (questions_heldout11.jsonl; a citizen at a helpdesk and a journalist checking facts):
#: 49/50 when written; its failure ("mất tối đa bao nhiêu ngày" met by "ngày cao điểm lên đến 600
#: hồ sơ", a number counting another noun) is left (README, known limits).
HELDOUT11 = _rows("questions_heldout11.jsonl")
#: A twelfth (questions_heldout12.jsonl; a provincial office's angle and facts across sessions,
#: 15 without diacritics): 45/50 when written, unanswerable 14/18. Four causes fixed as rules (a
#: why-question's reason must explain its premise; a change asked "so với" needs a sentence that
#: compares; a phone question needs a phone number; "nhiệm vụ, giải pháp" is a plan's tasks and a
#: list is of the year its paragraph names), and an unmarked "Quang" is no slip of a foreign name.
HELDOUT12 = _rows("questions_heldout12.jsonl")
#: A thirteenth (questions_heldout13.jsonl; helpdesk and citizen wording, 4 without diacritics,
#: CCHC / TTHC / UBND / BCĐ, "thứ chín", "năm ngoái", "gần đây nhất"): 47/50 when written,
#: unanswerable 16/18, list 7/8. Causes fixed as rules: "Tham dự ... có những ai?" asks for people
#: and the person the question names by role is not one; a programme's period yields to a
#: sentence's own years; a motto asked needs a sentence stating one; a figure of another level or
#: kind of unit ("đơn vị sự nghiệp" for "đơn vị hành chính cấp huyện") counts something else.
HELDOUT13 = _rows("questions_heldout13.jsonl")
#: A fourteenth (questions_heldout14.jsonl; 21 without diacritics or with chat abbreviations, what a
#: named official said, comparisons with a year, wrong body / year / session / person): 44/50 when
#: written, unanswerable 13/18. Causes fixed as rules: another body of the same kind (UBND for HĐND,
#: Sở Tư pháp for Sở Nội vụ) is no answer; a share the question gives must be the one said; a figure
#: "từ năm X đến nay" is no figure of a later year alone; "vào" of "vào buổi nào" only asks.
HELDOUT14 = _rows("questions_heldout14.jsonl")
#: A fifteenth (questions_heldout15.jsonl; 20 without diacritics or with chat abbreviations): 44/50
#: when written, unanswerable 16/18, list 6/8. Causes fixed as rules: a founding asked ("được thành
#: lập năm nào?") is dated only by a sentence saying it; a province asked as a bridge point ("tại
#: điểm cầu Khánh Hòa") is met only where the text speaks of it as one; a comma ends the meeting a
#: year dates; "riêng X" ends at a question word; a list asked about a topic ("về tuyên truyền")
#: comes from regions on it; a speaker is said by the title the article gave them.
HELDOUT15 = _rows("questions_heldout15.jsonl")
#: A sixteenth (questions_heldout16.jsonl; yes/no with false premises, facts mixed across articles,
#: why / where / ranks, tone slips): 42/50 when written, unanswerable 14/18. Causes fixed as rules:
#: "hợp" for "họp" after a meeting noun; "hội nghị" is a "phiên họp"; a year after an index name
#: ("PAR INDEX 2020") and a year said aloud are years; a yes/no rank claim needs a stated rank; a
#: why answered by "Chính vì ... như vậy mà ..." takes the sentence before.
HELDOUT16 = _rows("questions_heldout16.jsonl")
#: A seventeenth (questions_heldout17.jsonl; one detail of a real fact swapped, paraphrases, figures
#: inside semicolon lists): 42/50 when written, unanswerable 12/18. Causes fixed as rules: the
#: opposite change and another level of government are no answer; "Đề án 6" is "Đề án 06"; "hằng
#: năm" is no day. Its unanswerable rate (14/18: a level inside a list sentence, a unit of another
#: figure of the sentence, a count given in the question) is under 0.85, so it is held at its level.
HELDOUT17 = _rows("questions_heldout17.jsonl")
#: An eighteenth (questions_heldout18.jsonl; adjacent facts the articles leave out: a breakdown of a
#: given total, a deadline, a date of another act, a ranking): 36/50 when written, unanswerable 7/18.
#: Causes fixed as rules: a deadline asked is a date; a day or year asked is never met by a
#: condition, and "Nêu" is no "nếu"; a time phrase asked no longer hides one overlapping it; "which
#: body did most" needs a sentence that ranks; a figure the question spells ("năm mươi bảy") is no
#: answer; "tăng mấy lần" asks a multiplier; "toàn trình" services are a part of all online
#: services; the rank of one index is no rank of another. Held at its level: unanswerable 12/18 (a
#: breakdown of a total given, an act the texts never report, a date of another clause remain).
HELDOUT18 = _rows("questions_heldout18.jsonl")
#: A nineteenth (questions_heldout19.jsonl; an official and a journalist checking facts: yes/no
#: claims with one detail wrong, attendee lists, figures inside long lists): 36/50 when written,
#: unanswerable 9/18. Causes fixed as rules: a yes/no claim naming a person, a day or (with a
#: person) a role the text does not give is partial, the correcting sentence quoted; a motto
#: "chosen" needs one stated; "ai làm Trưởng ban" asks who holds the role; "từ thứ N đến thứ mấy"
#: is the range that starts at N; money is read with its marks. Held at its level: unanswerable
#: 16/18, answerable 28/32.
HELDOUT19 = _rows("questions_heldout19.jsonl")
#: A twentieth (questions_heldout20.jsonl; a citizen or a clerk typing fast: half without
#: diacritics, chat spellings, "năm nay (2024)", "bài tháng 3/2024"): 33/50 when written,
#: unanswerable 11/18, temporal 3/8. Causes fixed as rules: a year written beside a relative one
#: is the year meant, and an article named by its date is what "năm nay" is relative to; "từ 2016
#: tới nay" is a period; "ĐVSN" is "đơn vị sự nghiệp"; "nghị quyết số mấy" asks a document number;
#: "đúng ko ạ" is a yes/no; a part of the day or a deputy's role claimed is corrected (partial);
#: a year compared with ("so với năm 2021") dates nothing unless asked; "tháng mấy" asks a month;
#: "bao nhiêu %" a share; "ai làm tổ trưởng" a role. Held at its level: unanswerable 14/18,
#: answerable 28/32.
HELDOUT20 = _rows("questions_heldout20.jsonl")
#: A twenty-first (questions_heldout21.jsonl; a ministry analyst comparing sessions and years):
#: 29/50 when written, unanswerable 8/18, lists 4/8, numbers in words 3/7. Causes fixed as rules:
#: "tỉnh nào" needs a named province; "tỷ lệ" is no "tỷ" of money; a superlative said apart ("nhiều
#: văn bản ... nhất"); a change is neither "tăng cường" nor a comparison with a norm; a session's
#: parenthetical year dates it; a role claimed of an attendee is read in their own list item.
#: Held at its level: unanswerable 13/18, answerable 23/32.
HELDOUT21 = _rows("questions_heldout21.jsonl")
#: A twenty-second (questions_heldout22.jsonl; a Sở Nội vụ official, a journalist and a citizen,
#: every article evenly), written after the rules of sets 18-21: 35/50 when written (unanswerable
#: 12/18, temporal 2/8: "... là số liệu / kết quả của năm nào?"). Cause fixed as a rule: the year
#: of figures a question quotes comes from the sentence that says them or the earlier sentence of
#: its paragraph that dates them. Held at its level: unanswerable 12/18, answerable 25/32.
HELDOUT22 = _rows("questions_heldout22.jsonl")
#: A twenty-third (questions_heldout23.jsonl; a helpdesk operator at a Public Administration
#: Service Centre and a provincial Inspectorate officer, every article evenly): 45/50 at the
#: session's start, 46/50 when written (unanswerable 15/18). Causes fixed as rules: a spelled
#: number typed without marks is restored as one; a deadline is a date said as one; a role
#: claimed of no one by name that the text gives another is corrected (partial). 50/50.
HELDOUT23 = _rows("questions_heldout23.jsonl")
#: A twenty-fourth (questions_heldout24.jsonl; a provincial journalist comparing sessions and years
#: and a district official asking for figures, tasks and deadlines): 44/50 at the session's start,
#: 45/50 when written (after the rules of set 23). Causes fixed as rules: a year said digit by
#: digit ("năm hai không hai tư"); a round figure said approximately ("hơn 16.000 người") is no
#: word to find; "tỉnh nào làm đầu tiên" needs a first said; "X là A hay B?" needs a sentence
#: about X naming an option. 50/50.
HELDOUT24 = _rows("questions_heldout24.jsonl")
#: A twenty-fifth (questions_heldout25.jsonl; a State Audit auditor checking every figure, share,
#: rank and comparison, and a student asking which programme, resolution or period): 42/50 at the
#: session's start and when written (after the rules of sets 23-24), unanswerable 12/18. Causes
#: fixed as rules: a yes/no claim of another figure ("1.720 biên chế", "gấp 10 lần", "xếp thứ 3")
#: is corrected (partial); the rank of an index is the one said right after its name; a decimal
#: said aloud is a figure; "NQ số mấy" asks a document number. 50/50.
HELDOUT25 = _rows("questions_heldout25.jsonl")
#: A twenty-sixth (questions_heldout26.jsonl; a Government Office official comparing the national
#: sessions, and a citizen typing phone shorthand: "hg co bn dvc truc tuyen", "phien 9 ai chu tri
#: z?"): 45/50 at the session's start and when written. Causes fixed as rules: chat shorthand
#: is written out; two number words after a word of quantity are a figure; who did an act of a
#: meeting ("ai trình bày", "do đơn vị nào xây dựng") needs a sentence saying the act. 50/50.
HELDOUT26 = _rows("questions_heldout26.jsonl")
#: A twenty-seventh (questions_heldout27.jsonl; a Department of Justice legal officer and a
#: People's Council member preparing an interpellation, mixing up HĐND and UBND): 45/50 at the
#: session's start, 46/50 when written (after the rules of sets 23-26). Causes fixed as rules: a
#: yes/no claim of a council the paragraph never names is corrected (partial); a part of a total
#: the question quotes is said with it; "VBQPPL" is counted by "văn bản QPPL". 50/50.
HELDOUT27 = _rows("questions_heldout27.jsonl")
#: A twenty-eighth (questions_heldout28.jsonl; a business owner and an elderly citizen asking as
#: users of public services, and a TV reporter quizzing "impressive figures"): 43/50 at the
#: session's start, 46/50 when written (after the rules of sets 23-27), unanswerable 11/18 -> 14/18.
#: Causes fixed as rules: the counted noun leaves a closing particle out ("bao nhiêu ngày ạ"); a
#: figure claimed of one subject is read in its own clause. 48/50 (left: a yes/no about a fee the
#: text never names; a share of dossiers submitted online answered by the share of services).
HELDOUT28 = _rows("questions_heldout28.jsonl")
#: A twenty-ninth (questions_heldout29.jsonl; a Ministry of Home Affairs researcher across the
#: articles, mixing levels and years, and a teacher asking "vì sao / nhằm mục đích gì"): 44/50 at
#: the session's start, 45/50 when written (after the rules of sets 23-28). Causes fixed as rules:
#: an opposite change claimed ("tụt hạng" / "thăng hạng") is corrected; a part of a quoted total
#: asked at a level needs that level; the asker pointing at the documents is no content; the
#: meeting that reviewed a year is not the one that planned it. 49/50 (left: the list of fields
#: "trọng tâm, trọng điểm" answered from another paragraph).
HELDOUT29 = _rows("questions_heldout29.jsonl")
#: A thirtieth (questions_heldout30.jsonl; a fact-checker citing articles by their source, "theo
#: bài của Báo Hà Giang", "bài QBĐT", and a CCHC civil servant): 40/50 at the session's start,
#: 39/50 when written (after the rules of sets 23-29: the index-rank rule of set 25 read "chỉ số
#: cải cách TTHC trong Chỉ số CCHC" as asking the overall index; mended). Causes fixed as rules:
#: an article cited by its source narrows the question to it and its publisher's province is no
#: place asked; who said something needs a sentence saying most of it. 47/50.
HELDOUT30 = _rows("questions_heldout30.jsonl")
#: A thirty-first (questions_heldout31.jsonl; a new Sở Nội vụ staff member paraphrasing the field's
#: terms, "cắt giảm nhân sự", "làm hồ sơ qua mạng", "điểm yếu", and a foreign researcher writing
#: "The ninth meeting", "e-government"): 36/50 at the session's start, 37/50 when written (after
#: the rules of sets 23-30). Causes fixed as rules: "hạng mấy" asks a rank; a figure of the whole
#: country is not a province's; curated synonyms for the paraphrases; a session named in English.
#: Held at its level: 44/50 (unanswerable 15/18, answerable 29/32; left: "kế hoạch 2024" is read
#: as a document number, which keeps two unaccented "là sở nào" questions of sets 23 and 29 from a
#: wrong answer: mending it alone turned them wrong, so it is left with them).
HELDOUT31 = _rows("questions_heldout31.jsonl")


def passes(bot: QABot, row: dict) -> bool:
    """Answered with the keys; for a yes/no claim the documents correct ("expect": "partial"),
    partial with the keys (the correcting fact); otherwise not_found or partial."""
    a = bot.ask(row["question"])
    if row["expect"] not in ("answered", "partial"):
        return a.status in ("not_found", "partial") and not a.found
    text = re.sub(r"\s\[\d+\]", "", a.answer)
    return a.status == row["expect"] and sum(k in text for k in row["keys"]) >= row["min_keys"]


def test_set_has_every_kind() -> None:
    kinds = defaultdict(int)
    for r in ROWS:
        kinds[r["kind"]] += 1
    assert kinds["unanswerable"] >= 30 and kinds["list"] >= 25 and kinds["temporal"] >= 20
    assert kinds["answer_type"] >= 15 and kinds["number_words"] >= 10 and len(ROWS) >= 100


@pytest.mark.parametrize("rows", [ROWS, HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6, HELDOUT7,
                                  HELDOUT8, HELDOUT9, HELDOUT11, HELDOUT12, HELDOUT13, HELDOUT14,
                                  HELDOUT15, HELDOUT16, HELDOUT10, HELDOUT23, HELDOUT24,
                                  HELDOUT25, HELDOUT26, HELDOUT27, HELDOUT28, HELDOUT29, HELDOUT30],
                         ids=["hard", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                              "heldout7", "heldout8", "heldout9", "heldout11", "heldout12", "heldout13",
                              "heldout14", "heldout15", "heldout16", "heldout10", "heldout23", "heldout24",
                              "heldout25", "heldout26", "heldout27", "heldout28", "heldout29",
                              "heldout30"])
def test_rates(shipped_bot: QABot, rows: list[dict]) -> None:  # noqa: F811
    ok: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        ok[row["kind"]].append(passes(shipped_bot, row))
    for kind, results in sorted(ok.items()):
        print(f"{kind}: {sum(results)}/{len(results)} = {sum(results) / len(results):.2f}")
    unanswerable = ok["unanswerable"]
    answerable = [x for k, v in ok.items() if k != "unanswerable" for x in v]
    assert sum(unanswerable) / len(unanswerable) >= 0.85
    assert sum(answerable) / len(answerable) >= 0.90


@pytest.mark.parametrize("rows, unanswerable_floor, answerable_floor",
                         [(HELDOUT17, 14, 31), (HELDOUT18, 15, 31), (HELDOUT19, 17, 28), (HELDOUT20, 16, 29),
                          (HELDOUT21, 14, 26), (HELDOUT22, 17, 26), (HELDOUT31, 15, 29)],
                         ids=["heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22",
                              "heldout31"])
def test_held_at_its_level(shipped_bot: QABot, rows: list[dict], unanswerable_floor: int,  # noqa: F811
                           answerable_floor: int) -> None:
    """Sets whose unanswerable rate is under 0.85 are held at what they reach, to catch regressions."""
    ok: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        ok[row["kind"]].append(passes(shipped_bot, row))
    unanswerable = ok.pop("unanswerable")
    answerable = [x for v in ok.values() for x in v]
    print(f"unanswerable {sum(unanswerable)}/{len(unanswerable)}, "
          f"answerable {sum(answerable)}/{len(answerable)}")
    assert sum(unanswerable) >= unanswerable_floor and sum(answerable) >= answerable_floor


def test_partial_says_what_is_missing_first(shipped_bot: QABot) -> None:  # noqa: F811
    a = shipped_bot.ask("Năm 2024 Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?")
    assert a.status == "partial" and not a.found
    first, rest = a.answer.split("\n", 1)
    assert "năm 2024" in first and "năm 2023" in first and "1.818" in rest
    assert [c.used for c in a.citations][:1] == [True]


def test_ordinal_in_digits_and_words_give_the_same_answer(shipped_bot: QABot) -> None:  # noqa: F811
    digits = shipped_bot.ask("Phiên họp thứ 9 diễn ra khi nào?")
    words = shipped_bot.ask("Phiên họp thứ chín diễn ra khi nào?")
    assert digits.found and words.found and "15/1/2025" in digits.answer
    assert digits.answer == words.answer


def test_year_filter_does_not_turn_an_unrelated_sentence_into_an_answer(shipped_bot: QABot) -> None:  # noqa: F811
    a = shipped_bot.ask("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", year=2021)
    assert not a.found


def test_citations_numbered_in_order_of_use_and_bounded_by_top_k(shipped_bot: QABot) -> None:  # noqa: F811
    for q in ("Phiên họp năm 2024 của Ban Chỉ đạo yêu cầu những gì?",
              "Phiên họp thứ chín chỉ ra những tồn tại, hạn chế nào?",
              "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"):
        for k in (1, 3, 5):
            a = shipped_bot.ask(q, top_k=k)
            assert len(a.citations) <= k
            first_use = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", a.answer)))
            used = [c.n for c in a.citations if c.used]
            assert first_use == used == list(range(1, len(used) + 1))
            assert all(not c.used for c in a.citations[len(used):])


def test_a_period_asked_for_must_be_the_period_the_text_speaks_of(shipped_bot: QABot) -> None:  # noqa: F811
    other = shipped_bot.ask("chuong trinh tong the CCHC giai doan 2031-2040 co muc tieu gi?")
    assert other.status == "partial" and "giai đoạn 2031-2040" in other.answer.split("\n")[0]
    assert "giai đoạn 2021-2030" in other.answer.split("\n")[0]
    same = shipped_bot.ask("Chương trình tổng thể CCHC giai đoạn 2021-2030 có trọng tâm là gì?")
    assert same.status == "answered" and "2021-2030" in same.answer


def test_the_steering_committee_unqualified_is_the_one_the_article_is_about(shipped_bot: QABot) -> None:  # noqa: F811
    a = shipped_bot.ask("tinh Khanh Hoa cung cap bao nhieu dich vu cong truc tuyen?")
    assert a.status != "answered" and not a.found


def test_a_day_claimed_that_the_text_corrects_is_a_partial_answer(shipped_bot: QABot) -> None:  # noqa: F811
    """"... diễn ra chiều 16/1/2025, đúng không?": the text says 15/1/2025, so the claim is not
    confirmed (partial, the day asked first, the day said after); the true day is answered."""
    a = shipped_bot.ask("Phiên họp thứ chín của BCĐ CCHC Chính phủ diễn ra chiều 16/1/2025, đúng không?")
    assert a.status == "partial" and not a.found
    first, rest = a.answer.split("\n", 1)
    assert "16/1/2025" in first and "15/1/2025" in rest
    a = shipped_bot.ask("Phiên họp thứ chín của BCĐ CCHC Chính phủ diễn ra chiều 15/1/2025, đúng không?")
    assert a.status == "answered" and "15/1/2025" in a.answer


def test_a_part_of_the_day_or_a_deputy_role_claimed_is_corrected(shipped_bot: QABot) -> None:  # noqa: F811
    """"họp sáng 15/1/2025 đúng ko ạ": the text says "Chiều ngày 15/1/2025"; "với tư cách Chủ tịch
    UBND tỉnh": the attendee list says "Phó Chủ tịch UBND tỉnh". Both partial, saying so."""
    a = shipped_bot.ask("cho em hỏi phiên họp thứ chín của BCĐ CCHC CP họp sáng 15/1/2025 đúng ko ạ")
    assert a.status == "partial" and "sáng 15/1/2025" in a.answer.split("\n")[0]
    a = shipped_bot.ask("Ông Phan Mạnh Hùng dự buổi làm việc CCHC ngày 3-3 với tư cách Chủ tịch UBND tỉnh "
                        "phải không?")
    assert a.status == "partial" and "Phó Chủ tịch" in a.answer.split("\n")[0]
    a = shipped_bot.ask("Ông Phan Mạnh Hùng dự buổi làm việc CCHC ngày 3-3 với tư cách Phó Chủ tịch UBND "
                        "tỉnh phải không?")
    assert a.status == "answered" and "Phan Mạnh Hùng" in a.answer


def test_a_role_claimed_of_an_attendee_is_read_in_their_own_item(shipped_bot: QABot) -> None:  # noqa: F811
    """"Hoàng Gia Long ... với cương vị Trưởng BCĐ CCHC tỉnh?": the attendee list gives that title to
    Nguyễn Văn Sơn, and "Phó Chủ tịch Thường trực UBND tỉnh" to him: partial; said of Nguyễn Văn Sơn,
    answered."""
    a = shipped_bot.ask("Có phải ông Hoàng Gia Long dự hội nghị phiên thứ 7 tại Hà Giang với cương vị "
                        "Trưởng BCĐ CCHC tỉnh?")
    assert a.status == "partial" and "Phó Chủ tịch" in a.answer.split("\n")[0]
    a = shipped_bot.ask("Có phải ông Nguyễn Văn Sơn dự hội nghị phiên thứ 7 tại Hà Giang với cương vị "
                        "Trưởng BCĐ CCHC tỉnh?")
    assert a.status == "answered" and "Nguyễn Văn Sơn" in a.answer


def test_the_year_of_a_quoted_figure_comes_from_its_paragraph(shipped_bot: QABot) -> None:  # noqa: F811
    """"... rút ngắn 30% thời gian ... đối với 267 TTHC ... là kết quả của năm nào?": the sentence
    with the figures names no year; the earlier sentence of its paragraph ("Trong năm 2023, ...")
    dates it and is quoted with it."""
    a = shipped_bot.ask("Việc Hà Giang rút ngắn 30% thời gian giải quyết đối với 267 TTHC được báo cáo là "
                        "kết quả của năm nào?")
    assert a.status == "answered" and "năm 2023" in a.answer and "267 TTHC" in a.answer
