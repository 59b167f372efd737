"""The command line as docs/contract.md describes it, run as a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus import copy_documents

CITATION_FIELDS = {"n": int, "doc_id": str, "title": str, "source": (str, type(None)),
                   "url": (str, type(None)), "date": (str, type(None)), "text": str, "start": int,
                   "end": int, "score": float, "used": bool,
                   # issue 11: where the passage is and what document it is (null for articles)
                   "path": (str, type(None)), "doc_type": (str, type(None)), "number": (str, type(None)),
                   "issuer": (str, type(None))}
SEARCH_FIELDS = set(CITATION_FIELDS) - {"n", "used"}
HA_GIANG = "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("cli")
    e = dict(os.environ)
    e["QA_BOT_DOCUMENTS"] = str(copy_documents(tmp))
    e["QA_BOT_INDEX"] = str(tmp / "index")
    return e


def run(env: dict, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa_bot.cli", *args], env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def check_answer_object(obj: dict, docs_text: dict[str, str]) -> None:
    assert set(obj) >= {"question", "answer", "found", "status", "interpreted_as", "citations"}
    assert isinstance(obj["answer"], str) and isinstance(obj["found"], bool)
    assert obj["status"] in ("answered", "partial", "not_found")
    assert obj["found"] is (obj["status"] == "answered")
    assert obj["interpreted_as"] == obj["question"]
    flags = [c["used"] for c in obj["citations"]]
    assert flags == sorted(flags, reverse=True)  # used citations first
    for n, c in enumerate(obj["citations"], 1):
        assert set(c) == set(CITATION_FIELDS)
        for k, typ in CITATION_FIELDS.items():
            assert isinstance(c[k], typ), (k, c[k])
        assert c["n"] == n
        assert docs_text[c["doc_id"]][c["start"] : c["end"]] == c["text"]
        if c["date"]:
            assert len(c["date"]) == 10 and c["date"][4] == "-"


def _texts(env: dict) -> dict[str, str]:
    from qa_bot.index import load_index

    index = load_index(Path(env["QA_BOT_INDEX"]))
    return {d.doc_id: index.document(d.doc_id).text for d in index.documents}


def test_index_then_ask_json_matches_contract(env: dict) -> None:
    r = run(env, "index")
    assert r.returncode == 0, r.stderr
    assert "5 tài liệu" in r.stderr
    again = run(env, "index", "--json")
    assert json.loads(again.stdout)["rebuilt"] is False
    r = run(env, "ask", "Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?", "--json", "-k", "3")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    check_answer_object(obj, _texts(env))
    assert obj["found"] and "1.818" in obj["answer"] and "[1]" in obj["answer"]
    assert len(obj["citations"]) == 3


def test_ask_human_output_and_stdin_batch(env: dict) -> None:
    r = run(env, "ask", "Phiên họp thứ ba kết nối tới bao nhiêu địa phương?")
    assert r.returncode == 0 and "63 địa phương" in r.stdout and "[1]" in r.stdout
    r = run(env, "ask", "-", "--json", stdin="Phiên họp thứ ba kết nối tới bao nhiêu địa phương?\n\n"
            "Giá vàng SJC hôm nay bao nhiêu?\n")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 2 and lines[0]["found"] and not lines[1]["found"]
    assert "không chứa thông tin" in lines[1]["answer"] and lines[1]["citations"] == []


def source_lines(out: str, label: str) -> list[str]:
    """The ``  [n] ...`` lines under ``label`` (``Nguồn:`` or ``Liên quan:``) of a printed answer."""
    lines = out.splitlines()
    if label not in lines:
        return []
    got = []
    for line in lines[lines.index(label) + 1:]:
        if not line.startswith("  ["):
            break
        got.append(line)
    return got


def test_ask_human_output_found(env: dict) -> None:
    r = run(env, "ask", HA_GIANG, "-k", "3")
    assert r.returncode == 0, r.stderr
    obj = json.loads(run(env, "ask", HA_GIANG, "-k", "3", "--json").stdout)
    lines = r.stdout.splitlines()
    assert lines[0] == obj["answer"].splitlines()[0]  # no partial marker: the answer comes first
    assert "[Trả lời một phần]" not in r.stdout
    assert "1.818" in r.stdout
    used = [c for c in obj["citations"] if c["used"]]
    unused = [c for c in obj["citations"] if not c["used"]]
    cited = source_lines(r.stdout, "Nguồn:")
    assert len(cited) == len(used) >= 1
    assert cited[0].startswith("  [1] Ban Chỉ đạo Cải cách hành chính của Chính phủ triển khai nhiệm vụ")
    assert "Báo Hà Giang (baohagiang.vn), 2024-02-02, http://baohagiang.vn/" in cited[0]
    for line, c in zip(cited + source_lines(r.stdout, "Liên quan:"), used + unused, strict=True):
        assert line.startswith(f"  [{c['n']}] {c['title']}") and line.endswith(f" [{c['start']}:{c['end']}]")
    assert ("Liên quan:" in lines) == bool(unused)


def test_ask_human_output_not_found(env: dict) -> None:
    r = run(env, "ask", "Giá vàng SJC hôm nay bao nhiêu?")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Xin lỗi") and "không chứa thông tin" in lines[0]
    assert "Nguồn:" not in lines and "[Trả lời một phần]" not in r.stdout
    # related passages, if the answer carries any, are listed as related, never as sources
    assert [x for x in lines if x.startswith("  [")] == source_lines(r.stdout, "Liên quan:")


def test_ask_human_output_partial_and_related(capsys: pytest.CaptureFixture) -> None:
    from qa_bot.cli import PARTIAL_MARKER, _print_answer
    from qa_bot.models import Answer, Citation, Document, Hit, Passage

    doc = Document("d", "Văn bản thử", "x" * 100, source="Báo A", date="2024-02-02")
    hit = lambda s, e: Hit(doc, Passage("d", s, e), 1.0, doc.text[s:e])  # noqa: E731
    answer = Answer("Năm 2026 có bao nhiêu?", "Tài liệu không có số liệu năm 2026; số liệu gần nhất "
                    "(năm 2024) là: 12 hồ sơ. [1]", found=False, status="partial",
                    citations=[Citation(1, hit(0, 10)), Citation(2, hit(20, 30), used=False)])
    _print_answer(answer, as_json=False)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == PARTIAL_MARKER == "[Trả lời một phần]"
    assert out[1].startswith("Tài liệu không có số liệu năm 2026")
    assert out[2:] == ["Nguồn:", "  [1] Văn bản thử (Báo A, 2024-02-02) [0:10]",
                       "Liên quan:", "  [2] Văn bản thử (Báo A, 2024-02-02) [20:30]", ""]
    _print_answer(Answer("q", "Không có.", found=False, citations=[Citation(1, hit(0, 10), used=False)]),
                  as_json=False)
    out = capsys.readouterr().out.splitlines()
    assert out == ["Không có.", "Liên quan:", "  [1] Văn bản thử (Báo A, 2024-02-02) [0:10]", ""]


def test_search_json(env: dict) -> None:
    r = run(env, "search", "tinh giản biên chế", "--json", "-k", "2")
    obj = json.loads(r.stdout)
    assert obj["query"] == "tinh giản biên chế" and len(obj["results"]) == 2
    texts = _texts(env)
    for res in obj["results"]:
        assert set(res) == SEARCH_FIELDS
        assert texts[res["doc_id"]][res["start"] : res["end"]] == res["text"]
    scores = [x["score"] for x in obj["results"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    "args",
    [("ask", ""), ("ask", "   "), ("ask", "x" * 2001), ("ask", "câu hỏi", "-k", "0"),
     ("ask", "câu hỏi", "-k", "51"), ("search", "x", "-k", "abc"), ("eval", "/no/such/dir"),
     ("nosuchcommand",), ()],
)
def test_bad_input_exits_2_with_one_line(env: dict, args: tuple) -> None:
    r = run(env, *args)
    assert r.returncode == 2
    assert r.stderr.strip() and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_missing_documents_folder(env: dict, tmp_path: Path) -> None:
    r = run(env, "ask", "x", "--documents", str(tmp_path / "none"), "--index", str(tmp_path / "i"))
    # the message users see is Vietnamese (it was English before the error family) and names the folder
    assert r.returncode == 2 and "Không tìm thấy thư mục tài liệu" in r.stderr and "none" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_eval_on_a_small_beir_folder(env: dict, tmp_path: Path) -> None:
    (tmp_path / "qrels").mkdir()
    corpus = [{"_id": "d1", "title": "Dịch vụ công", "text": "Hà Giang cung cấp 1.818 dịch vụ công."},
              {"_id": "d2", "title": "Biên chế", "text": "Tỉnh tinh giản 172 biên chế công chức."},
              {"_id": "d3", "title": "Họp", "text": "Phiên họp kết nối tới 63 địa phương."}]
    queries = [{"_id": "q1", "text": "dịch vụ công Hà Giang"}, {"_id": "q2", "text": "tinh giản biên chế"},
               {"_id": "q3", "text": "không hỏi"}]
    (tmp_path / "corpus.jsonl").write_text("\n".join(json.dumps(x) for x in corpus), "utf-8")
    (tmp_path / "queries.jsonl").write_text("\n".join(json.dumps(x) for x in queries), "utf-8")
    qrels = "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n"
    (tmp_path / "qrels" / "test.tsv").write_text(qrels, "utf-8")
    r = run(env, "eval", str(tmp_path), "--json")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert set(obj) == {"dataset", "queries", "ndcg@10", "recall@1", "recall@5", "recall@10", "mrr@10"}
    assert obj["queries"] == 2 and obj["ndcg@10"] == 1.0 and obj["recall@1"] == 1.0


def test_ask_help_has_examples_and_says_how_to_read_stdin() -> None:
    r = subprocess.run([sys.executable, "-m", "qa_bot.cli", "ask", "--help"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0
    assert "ví dụ:" in r.stdout and 'qa-bot ask "Hà Giang' in r.stdout
    assert "qa-bot ask - <" in r.stdout and "'-'" in r.stdout and "--log-level" in r.stdout


def test_unknown_doc_exits_2_like_the_api_404(env: dict) -> None:
    for cmd in ("ask", "search"):
        r = run(env, cmd, HA_GIANG, "--doc", "khong-co-van-ban-nay", "-q")
        assert r.returncode == 2 and r.stdout == ""
        assert r.stderr.strip().startswith("qa-bot: Không có văn bản với mã: khong-co-van-ban-nay")
        assert len(r.stderr.strip().splitlines()) == 1


def test_plain_batch_output_repeats_each_question(env: dict) -> None:
    questions = ["Phiên họp thứ ba kết nối tới bao nhiêu địa phương?", "Giá vàng SJC hôm nay bao nhiêu?"]
    r = run(env, "ask", "-", "-q", stdin="\n".join(questions) + "\n")
    assert r.returncode == 0, r.stderr
    asked = [line for line in r.stdout.splitlines() if line.startswith("Hỏi: ")]
    assert asked == [f"Hỏi: {q}" for q in questions]
    assert r.stdout.index("63 địa phương") > r.stdout.index(asked[0]) and r.stdout.index(asked[1]) > 0
    single = run(env, "ask", questions[0], "-q")
    assert "Hỏi:" not in single.stdout  # one question on the command line: not repeated


def test_log_level_and_environment_errors(env: dict, tmp_path: Path) -> None:
    r = run(env, "ask", "x", "--documents", str(tmp_path / "none"), "--log-level", "debug")
    assert r.returncode == 2
    assert r.stderr.splitlines() == [f"qa-bot: Không tìm thấy thư mục tài liệu: {tmp_path / 'none'}",
                                     f"qa-bot: chi tiết: documents folder not found: {tmp_path / 'none'}"]
    r = run({**env, "QA_BOT_PORT": "abc"}, "serve")
    assert r.returncode == 2 and "QA_BOT_PORT" in r.stderr and len(r.stderr.splitlines()) == 1
    quiet = run(env, "index", "--log-level", "warning")
    assert quiet.returncode == 0 and "tài liệu" not in quiet.stderr
