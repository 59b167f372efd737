"""The command line as CONTRACT.md describes it, run as a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus import copy_documents

CITATION_FIELDS = {"n": int, "doc_id": str, "title": str, "source": (str, type(None)),
                   "url": (str, type(None)), "date": (str, type(None)), "text": str, "start": int,
                   "end": int, "score": float}


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
    assert set(obj) >= {"question", "answer", "found", "citations"}
    assert isinstance(obj["answer"], str) and isinstance(obj["found"], bool)
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


def test_search_json(env: dict) -> None:
    r = run(env, "search", "tinh giản biên chế", "--json", "-k", "2")
    obj = json.loads(r.stdout)
    assert obj["query"] == "tinh giản biên chế" and len(obj["results"]) == 2
    texts = _texts(env)
    for res in obj["results"]:
        assert set(res) == set(CITATION_FIELDS) - {"n"}
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
    assert r.returncode == 2 and "documents folder not found" in r.stderr


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
