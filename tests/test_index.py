import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from qa_bot import QABot
from qa_bot.bot import open_index
from qa_bot.config import Settings
from qa_bot.documents import load_directory
from qa_bot.index import Index, build_index, is_fresh, load_index, read_manifest
from qa_bot.tokens import query_tokens
from tests.corpus import copy_documents


def _settings(tmp_path: Path) -> Settings:
    return Settings.from_env(documents=copy_documents(tmp_path), index=tmp_path / "index")


def test_save_load_round_trip(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    docs = load_directory(s.documents_dir)
    built = build_index(docs, s)
    loaded = load_index(s.index_dir)
    q = sum(query_tokens("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?"), [])
    assert np.allclose(built.scores(q), loaded.scores(q))
    assert loaded.n_passages == built.n_passages > 0
    for i in range(loaded.n_passages):
        hit = loaded.hit(i, 1.0)
        full = loaded.document(hit.document.doc_id)
        assert full.text[hit.passage.start : hit.passage.end] == hit.text
        for a, b, sentence in hit.sentences:
            assert full.text[a:b] == sentence
    manifest = read_manifest(s.index_dir)
    assert set(manifest["documents"]) == {d.doc_id for d in docs}
    assert {"format", "tokenizer"} <= set(manifest["signature"])


def test_stale_index_is_rebuilt_and_unchanged_documents_are_reused(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    docs = load_directory(s.documents_dir)
    build_index(docs, s)
    assert is_fresh(s.index_dir, docs, s)
    target = sorted(s.documents_dir.glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nMột câu mới về giá vàng SJC.\n", "utf-8")
    docs2 = load_directory(s.documents_dir)
    assert not is_fresh(s.index_dir, docs2, s)
    calls: list[tuple[int, int]] = []
    index = open_index(s, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (len(docs) - 1, len(docs))  # only the edited document is analysed again
    assert is_fresh(s.index_dir, docs2, s)
    assert index.scores(["sjc"]).max() > 0
    # settings that change tokens or passages make the index stale too
    assert not is_fresh(s.index_dir, docs2, replace(s, passage_chars=s.passage_chars + 1))


def test_missing_index_is_built_on_first_use(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    bot = QABot.from_settings(s)
    assert (s.index_dir / "manifest.json").is_file() and bot.stats()["documents"] == 5
    shutil.rmtree(s.index_dir)
    assert QABot.from_settings(s).stats() == bot.stats()


QUERIES = ["dịch vụ công trực tuyến", "hội nghị trực tuyến toàn quốc", "phiên họp trực tuyến", "Hà Giang",
           "tinh giản biên chế công chức", "thủ tục hành chính tỉnh", "chuyển đổi số"]


def assert_same_ranking(ours: np.ndarray, ref: np.ndarray, label: str) -> None:
    """Our top 10 is the reference's top 10 in the reference's order (ties in any order)."""
    ranked = [i for i, _ in Index.top(ours, 10)]
    expected = np.sort(ref[ref > 0])[::-1][:10]
    assert np.allclose(ref[ranked], expected, rtol=1e-5), label


def _reference(index: Index) -> BM25Okapi:
    """rank-bm25 over exactly the passages and tokens our index holds."""
    rows = [json.loads(x) for x in (index.folder / "analysis.jsonl").read_text("utf-8").splitlines()]
    tokens = [toks for row in rows for toks in row["tokens"]]
    assert len(tokens) == index.n_passages
    return BM25Okapi(tokens, k1=1.2, b=0.75)


def test_engine_ranks_like_rank_bm25(tmp_path: Path) -> None:
    """Built with the Okapi (Robertson) formula, our index scores and ranks the shipped passages
    exactly as rank-bm25's BM25Okapi does (bm25s leaves out the constant factor k1 + 1). Terms in
    more than half of the passages are left out of the comparison: there Okapi's idf is negative
    and the two libraries floor it differently (rank-bm25 to a share of the mean idf)."""
    s = replace(_settings(tmp_path), bm25_method="robertson")
    index = build_index(load_directory(s.documents_dir), s)
    reference = _reference(index)
    for q in QUERIES:
        vocab, half = index.scorer.vocabulary, index.n_passages / 2
        tokens = [t for t in sum(query_tokens(q), []) if t in vocab and index.scorer.df(t) < half]
        assert tokens, q
        ref = reference.get_scores(tokens)
        ours = index.scores(tokens)
        assert np.allclose(ours * (1.2 + 1), ref, rtol=1e-4, atol=1e-4), q
        assert_same_ranking(ours, ref, q)


def test_lucene_variant_used_by_the_product_keeps_the_okapi_order_per_term(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    index = build_index(load_directory(s.documents_dir), s)
    reference = _reference(index)
    for term in ("hà_giang", "biên_chế", "trực_tuyến", "phiên"):
        ours = index.scores([term])
        ref = reference.get_scores([term])
        assert_same_ranking(ours, ref, term)


def test_background_rebuild_keeps_answering(tmp_path: Path) -> None:
    """A watched folder is re-indexed in the background; questions asked meanwhile are answered
    from the old index, and the new document is found once the new index is swapped in."""
    import time

    s = _settings(tmp_path)
    bot = QABot.from_settings(s)
    before = bot.stats()
    bot.watch(0.2)
    (s.documents_dir / "moi.md").write_text(
        "---\ntitle: Văn bản mới về lệ phí hộ chiếu\ndate: 2025-05-05\n---\n"
        "Lệ phí cấp hộ chiếu phổ thông là 200.000 đồng.\n", encoding="utf-8")
    deadline = time.monotonic() + 120
    answered = 0
    while bot.stats() == before and time.monotonic() < deadline:
        assert bot.ask("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?").found
        answered += 1
    assert bot.stats()["documents"] == before["documents"] + 1, "no rebuild within 120 s"
    assert answered > 0
    a = bot.ask("Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?")
    assert a.found and "200.000 đồng" in a.answer
