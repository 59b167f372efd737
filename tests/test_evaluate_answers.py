"""Answer-level evaluation (``qa-bot eval DIR --answers``) on a tiny BEIR set, real index."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from qa_bot.evaluate import DatasetError
from qa_bot.evaluate_answers import answer_text, evaluate_answers, has_gold, normalize, strip_markers
from qa_bot.models import NOT_FOUND, Answer

ROOT = Path(__file__).resolve().parents[1]

CORPUS = [
    ("c1", "Mũ bảo hiểm", "Người điều khiển xe mô tô phải đội mũ bảo hiểm khi tham gia giao thông. "
     "Người không đội mũ bảo hiểm bị phạt tiền từ 400.000 đồng đến 600.000 đồng."),
    ("c2", "Dịch vụ công trực tuyến", "Tỉnh Hà Giang cung cấp 1.818 dịch vụ công trực tuyến, đạt tỷ lệ "
     "96,81% thủ tục hành chính."),
    ("c3", "Sông Hồng", "Sông Hồng bắt nguồn từ Vân Nam, Trung Quốc. Sông Hồng dài khoảng 1.149 km và "
     "chảy qua thủ đô Hà Nội."),
    ("c4", "Thời hiệu khởi kiện", "Thời hiệu khởi kiện để yêu cầu giải quyết tranh chấp hợp đồng là 03 "
     "năm, kể từ ngày người có quyền yêu cầu biết quyền và lợi ích hợp pháp của mình bị xâm phạm."),
    ("c5", "Vịnh Hạ Long", "Vịnh Hạ Long thuộc tỉnh Quảng Ninh. Vịnh Hạ Long được UNESCO công nhận là di "
     "sản thiên nhiên thế giới vào năm 1994."),
    ("c6", "Phở", "Phở là món ăn truyền thống của Việt Nam. Nước dùng của phở bò được ninh từ xương bò "
     "trong nhiều giờ."),
]
#: (id, question, relevant document, gold answers); q5 has none, so it is not asked.
QUESTIONS = [
    # gold in NFD, other case, doubled space and a line break: still found after normalisation
    ("q1", "Không đội mũ bảo hiểm bị phạt bao nhiêu tiền?", "c1",
     [unicodedata.normalize("NFD", "Từ 400.000 ĐỒNG  đến\n600.000 đồng")]),
    ("q2", "Sông Hồng dài bao nhiêu km?", "c3", ["1.149 km"]),
    ("q3", "Vịnh Hạ Long được UNESCO công nhận là di sản thiên nhiên thế giới năm nào?", "c5",
     ["không có", "1994"]),  # any of the gold strings counts
    ("q4", "Phở bò thường được ăn kèm với loại rau gì?", "c6", ["rau thơm"]),  # not in the corpus
    ("q5", "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", "c2", []),
    ("q6", "Nước dùng của phở bò được ninh từ gì?", "c6", ["xương gà"]),  # answered, wrong fact
]


def write_set(folder: Path, answers: bool = True) -> Path:
    (folder / "qrels").mkdir(parents=True)

    def jsonl(name: str, rows: list[dict]) -> None:
        (folder / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                   encoding="utf-8")

    jsonl("corpus.jsonl", [{"_id": i, "title": t, "text": x} for i, t, x in CORPUS])
    jsonl("queries.jsonl", [{"_id": q, "text": text} for q, text, _, _ in QUESTIONS])
    (folder / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\n" + "".join(f"{q}\t{d}\t1\n" for q, _, d, _ in QUESTIONS),
        encoding="utf-8")
    if answers:
        jsonl("answers.jsonl", [{"_id": q, "answers": g} for q, _, _, g in QUESTIONS])
    return folder


@pytest.fixture(scope="module")
def beir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_set(tmp_path_factory.mktemp("beir") / "tiny")


def test_comparison_form() -> None:
    listed = "- Phạt tiền từ 400.000 đồng [1]\n- đến  600.000 ĐỒNG. [2]\n- TOEIC[450] [3]"
    assert strip_markers(listed) == "- Phạt tiền từ 400.000 đồng\n- đến  600.000 ĐỒNG.\n- TOEIC[450]"
    assert answer_text(listed) == "Phạt tiền từ 400.000 đồng\nđến  600.000 ĐỒNG.\nTOEIC[450]"
    assert normalize(unicodedata.normalize("NFD", " Hòa\n\tBình ")) == "hòa bình"
    answer = Answer("?", listed, True)
    assert has_gold(answer, ["từ 400.000 đồng đến 600.000 đồng"])  # across a marker and a bullet
    assert has_gold(answer, ["toeic[450]"])  # brackets in the text itself are kept
    assert not has_gold(answer, ["700.000 đồng"])
    assert not has_gold(answer, ["", "  "])
    assert not has_gold(Answer("?", "đến 600.000 đồng", False, status=NOT_FOUND), ["600.000 đồng"])


def test_figures(beir: Path) -> None:
    misses: list[dict] = []
    seen: list[tuple[int, int]] = []
    res = evaluate_answers(beir, misses=misses, question_progress=lambda d, t: seen.append((d, t)))
    assert list(res) == ["dataset", "queries", "answer_has_gold", "first_citation_relevant",
                         "answered", "median_answer_chars"]
    assert res["dataset"] == "tiny" and res["queries"] == 5  # q5 has no gold answer
    assert seen == [(i, 5) for i in range(1, 6)]
    # q4 (gold not in the corpus) and q6 (the corpus says otherwise) miss; q1-q3 hit
    assert res["answer_has_gold"] == 0.6
    by_id = {m["_id"]: m for m in misses}
    assert sorted(by_id) == ["q4", "q6"]
    assert by_id["q4"]["status"] == "not_found"
    assert by_id["q6"] == {"_id": "q6", "question": QUESTIONS[5][1], "gold": ["xương gà"],
                           "status": "answered", "answer": by_id["q6"]["answer"],
                           "first_citation": "c6", "relevant": ["c6"]}
    assert "xương bò" in by_id["q6"]["answer"]
    # every answered question cites its relevant article first; the not-found one counts only if
    # it still lists its relevant article first among related passages
    assert res["answered"] == 0.8
    assert res["first_citation_relevant"] == (4 + (by_id["q4"]["first_citation"] == "c6")) / 5
    # the median over the four answered questions, each answered by the sentence holding the fact,
    # which a short answer may follow with further sentences of its document within 200 characters
    sentences = ["Người không đội mũ bảo hiểm bị phạt tiền từ 400.000 đồng đến 600.000 đồng.",
                 "Sông Hồng dài khoảng 1.149 km và chảy qua thủ đô Hà Nội.",
                 "Vịnh Hạ Long được UNESCO công nhận là di sản thiên nhiên thế giới vào năm 1994.",
                 "Nước dùng của phở bò được ninh từ xương bò trong nhiều giờ."]
    assert statistics.median(len(s) for s in sentences) <= res["median_answer_chars"] <= 200


def test_limit_and_errors(beir: Path, tmp_path: Path) -> None:
    res = evaluate_answers(beir, limit=2)
    assert res["queries"] == 2 and res["answer_has_gold"] == 1.0
    with pytest.raises(DatasetError, match="answers.jsonl"):
        evaluate_answers(write_set(tmp_path / "plain", answers=False))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa_bot.cli", "eval", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_cli_json_and_misses(beir: Path, tmp_path: Path) -> None:
    misses = tmp_path / "misses.jsonl"
    r = run_cli(str(beir), "--answers", "--json", "--misses", str(misses))
    assert r.returncode == 0, r.stderr
    assert "Hỏi" in r.stderr  # progress of the questions
    obj = json.loads(r.stdout)
    assert obj == {"dataset": "tiny", "queries": 5, "answer_has_gold": 0.6,
                   "first_citation_relevant": obj["first_citation_relevant"], "answered": 0.8,
                   "median_answer_chars": obj["median_answer_chars"]}
    assert obj["first_citation_relevant"] in (0.8, 1.0)
    assert isinstance(obj["median_answer_chars"], int | float) and obj["median_answer_chars"] > 0
    rows = [json.loads(line) for line in misses.read_text(encoding="utf-8").splitlines()]
    assert [m["_id"] for m in rows] == ["q4", "q6"]


def test_cli_human_and_bad_sets(beir: Path, tmp_path: Path) -> None:
    r = run_cli(str(beir), "--answers", "-q", "--limit", "3", "--strip-diacritics")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "tiny: 3 câu hỏi"
    assert [line.split()[0] for line in lines[1:]] == ["answer_has_gold", "first_citation_relevant",
                                                      "answered", "median_answer_chars"]
    r = run_cli(str(write_set(tmp_path / "plain", answers=False)), "--answers")
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "answers.jsonl" in r.stderr
