"""Retrieval quality on a BEIR-layout folder: nDCG@10, Recall@1/5/10, MRR@10.

The set's corpus (title and text) is indexed with the same pipeline as ``documents/``, in a
temporary folder; a corpus entry split into several passages ranks by its best passage.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .bot import ProgressFn, open_index
from .config import Settings
from .documents import normalize_body
from .errors import DatasetError
from .index import top
from .models import Document
from .query import Query
from .retrieve import Retriever


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a JSON-lines file (blank lines skipped); DatasetError if missing or bad."""
    if not path.is_file():
        raise DatasetError(f"Thiếu tệp: {path}", f"missing file: {path}")
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise DatasetError(f"{path}:{n}: không phải JSON ({exc})",
                                       f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def load_beir(folder: str | Path) -> tuple[list[Document], dict[str, str], dict[str, dict]]:
    """Corpus documents, queries by id and qrels (``{query: {doc: grade}}``) of a BEIR set."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"Không phải thư mục: {folder}", f"not a folder: {folder}")
    docs = [
        Document(doc_id=str(r["_id"]), title=str(r.get("title") or ""),
                 text=normalize_body(str(r.get("text") or "")) or str(r.get("title") or ""))
        for r in read_jsonl(folder / "corpus.jsonl")
    ]
    queries = {str(r["_id"]): str(r["text"]) for r in read_jsonl(folder / "queries.jsonl")}
    qrels: dict[str, dict] = {}
    qrels_path = folder / "qrels" / "test.tsv"
    if not qrels_path.is_file():
        raise DatasetError(f"Thiếu tệp: {qrels_path}", f"missing file: {qrels_path}")
    for n, line in enumerate(qrels_path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if n == 0 and parts[0] == "query-id" or not line.strip():
            continue
        if len(parts) < 3:
            raise DatasetError(f"{qrels_path}:{n + 1}: cần 3 cột cách nhau bằng tab",
                               f"{qrels_path}:{n + 1}: expected 3 tab-separated columns")
        qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return docs, queries, qrels


def rank_documents(retriever: Retriever, query: Query, depth: int = 10) -> list[str]:
    """Document ids ranked by their best passage."""
    index = retriever.index
    best = index.best_per_document(retriever.scores(query))
    return [index.documents[i].doc_id for i, _ in top(best, depth)]


def metrics(ranked: list[str], relevant: dict[str, int]) -> dict[str, float]:
    """nDCG@10, Recall@1/5/10 and MRR@10 of one ranking."""
    dcg = sum(relevant.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    rel = {d for d, g in relevant.items() if g > 0}
    out = {"ndcg@10": dcg / idcg if idcg else 0.0}
    for k in (1, 5, 10):
        out[f"recall@{k}"] = len(rel & set(ranked[:k])) / len(rel) if rel else 0.0
    rr = next((1 / (i + 1) for i, d in enumerate(ranked[:10]) if d in rel), 0.0)
    out["mrr@10"] = rr
    return out


def evaluate(
    folder: str | Path,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
    transform: Callable[[str], str] | None = None,
    limit: int | None = None,
) -> dict:
    """Index a BEIR set in a temporary folder and score its ``qrels/test.tsv`` queries.

    ``transform`` rewrites each query first (e.g. strip its diacritics).
    """
    folder = Path(folder)
    docs, queries, qrels = load_beir(folder)
    asked = [q for q in qrels if q in queries][:limit]
    if not asked:
        raise DatasetError(f"{folder}: không câu hỏi nào của qrels/test.tsv có trong queries.jsonl",
                           f"{folder}: no query of qrels/test.tsv is in queries.jsonl")
    settings = settings or Settings()
    with tempfile.TemporaryDirectory(prefix="qa-bot-eval-") as tmp:
        index = open_index(replace(settings, index_dir=Path(tmp)), docs, progress=progress)
        retriever = Retriever(index, settings)
        totals: dict[str, float] = {}
        for qid in asked:
            text = transform(queries[qid]) if transform else queries[qid]
            m = metrics(rank_documents(retriever, retriever.analyze(text)), qrels[qid])
            for k, v in m.items():
                totals[k] = totals.get(k, 0.0) + v
    n = len(asked)
    return {"dataset": folder.name, "queries": n, **{k: round(v / n, 4) for k, v in totals.items()}}
