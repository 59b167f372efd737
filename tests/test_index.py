import shutil
from dataclasses import replace
from pathlib import Path

import bm25s
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


CORPUS = [
    "cải_cách thủ_tục hành_chính tại tỉnh hà_giang",
    "dịch_vụ công trực_tuyến đạt tỷ_lệ cao",
    "ban chỉ_đạo cải_cách hành_chính của chính_phủ họp phiên thứ chín",
    "tinh_giản biên_chế công_chức viên_chức",
    "chuyển_đổi số quốc_gia và chính_phủ số",
    "hà_giang cung_cấp dịch_vụ công trực_tuyến cho người dân",
    "phiên họp kết_nối trực_tuyến tới các địa_phương",
    "giải_ngân vốn đầu_tư công",
    "công_chức tỉnh tham_gia họp trực_tuyến",
    "chỉ_số cải_cách hành_chính cấp tỉnh",
    "thủ_tướng chính_phủ chủ_trì phiên họp",
    "số_hóa hồ_sơ kết_quả giải_quyết thủ_tục hành_chính",
]
QUERIES = ["dịch_vụ công trực_tuyến", "cải_cách hành_chính", "phiên họp trực_tuyến", "hà_giang công",
           "chính_phủ số", "thủ_tục hành_chính tỉnh"]


def test_engine_ranks_like_rank_bm25() -> None:
    """bm25s with the Robertson formula gives BM25Okapi's scores; our Index.top keeps its order."""
    tokens = [d.split() for d in CORPUS]
    reference = BM25Okapi(tokens, k1=1.2, b=0.75, epsilon=0.25)
    engine = bm25s.BM25(k1=1.2, b=0.75, method="robertson")
    engine.index(tokens, show_progress=False)
    for q in QUERIES:
        ref = reference.get_scores(q.split())
        ids = [engine.vocab_dict[t] for t in q.split() if t in engine.vocab_dict]
        ours = engine.get_scores_from_ids(ids)
        # bm25s leaves out the constant factor (k1 + 1) of the Okapi formula
        assert np.allclose(ours * (1.2 + 1), ref, atol=1e-4), q
        ranked = [i for i, _ in Index.top(ours, len(CORPUS))]
        expected = [int(i) for i in np.argsort(-ref, kind="stable") if ref[i] > 0]
        assert ranked == expected, q


def test_lucene_variant_used_by_the_product_agrees_on_order_for_single_terms() -> None:
    tokens = [d.split() for d in CORPUS]
    reference = BM25Okapi(tokens, k1=1.2, b=0.75)
    engine = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    engine.index(tokens, show_progress=False)
    for term in ("công", "trực_tuyến", "hà_giang", "phiên"):
        ref = reference.get_scores([term])
        ours = engine.get_scores_from_ids([engine.vocab_dict[term]])
        assert [i for i, _ in Index.top(ours, 12)] == [
            int(i) for i in np.argsort(-ref, kind="stable") if ref[i] > 0
        ]
