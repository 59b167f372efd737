"""Measurements that run in a fresh process each: ``python -m benchmarks.worker COMMAND JSON``.

* ``build-real``: index the real corpus with ``workers`` processes; optionally time re-indexing.
* ``scale``: recombine the real passages into a corpus of ``size`` passages, index it (analyses
  precomputed, no tokenizer), then run the usual pipeline of peer projects on the same passages.
* ``probe``: only load an index (time, RSS), then time ``ask`` and ``search`` (and profile).
* ``refresh``: ask questions while ``QABot.refresh`` rebuilds the index in another thread.

Each writes its result as JSON to ``args["result"]``, progressively, so a run that is killed for
exceeding its time budget still reports what it measured.
"""

from __future__ import annotations

import cProfile
import gc
import io
import json
import pstats
import resource
import shutil
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from qa_bot.bot import QABot, open_index
from qa_bot.config import Settings
from qa_bot.documents import document_hash
from qa_bot.index import build_index, load_index

from .common import dir_size, mib, percentiles, proc_status, rss, write_json
from .corpus import Synthesizer, read_analyses, real_documents, syllable_count


class Result(dict):
    """A dict saved to the result file on every update."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = Path(path)

    def save(self, **kw) -> None:
        self.update(kw)
        write_json(self.path, self)


def _settings(index_dir: str, workers: int = 0) -> Settings:
    return replace(Settings(), index_dir=Path(index_dir), workers=workers)


class _Timeline:
    """``progress`` callback that notes when analysis (tokenization) finished."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.analysed_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        if done >= total and self.analysed_at is None:
            self.analysed_at = time.perf_counter() - self.t0

    def start(self) -> None:
        self.t0 = time.perf_counter()


def _index_files(folder: Path) -> dict:
    """Size on disk of the parts of an index data folder (MiB)."""
    parts: dict[str, int] = {}
    for p in folder.rglob("*"):
        if not p.is_file():
            continue
        rel = p.relative_to(folder)
        if rel.parts[0] == "bm25":
            key = "bm25 (postings, vocabulary)"
        elif p.suffix == ".npy":
            key = "offset arrays"
        else:
            key = p.name
        parts[key] = parts.get(key, 0) + p.stat().st_size
    return {k: mib(v) for k, v in sorted(parts.items(), key=lambda kv: -kv[1])}


# -- build-real -------------------------------------------------------------------------------
def build_real(a: dict, res: Result) -> None:
    docs, sources = real_documents(Path(a["shared"]))
    index_dir = Path(a["index_dir"])
    shutil.rmtree(index_dir, ignore_errors=True)
    settings = _settings(index_dir, a["workers"])
    res.save(documents=len(docs), sources=sources, syllables=syllable_count(docs),
             workers=a["workers"])
    timeline = _Timeline()
    timeline.start()
    cpu0 = time.process_time()
    index = build_index(docs, settings, progress=timeline)
    seconds = time.perf_counter() - timeline.t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    res.save(passages=index.n_passages, build_s=round(seconds, 3),
             analysis_s=round(timeline.analysed_at or 0.0, 3),
             parent_cpu_s=round(time.process_time() - cpu0, 2),
             workers_cpu_s=round(children.ru_utime + children.ru_stime, 2),
             passages_per_s=round(index.n_passages / seconds, 1),
             syllables_per_s=round(res["syllables"] / seconds, 1),
             disk_mib=mib(dir_size(index.folder)), parts=_index_files(index.folder),
             data_folder=str(index.folder))
    if a.get("reindex"):
        del index
        gc.collect()
        t0 = time.perf_counter()
        open_index(settings, docs)  # what `qa-bot index` and QABot.from_settings do
        unchanged = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = build_index(docs, settings)  # forced: every analysis comes from the cache
        forced = time.perf_counter() - t0
        res.save(reindex_unchanged_s=round(unchanged, 4), rebuild_cached_s=round(forced, 3),
                 data_folder=str(index.folder))


# -- scale ------------------------------------------------------------------------------------
def scale(a: dict, res: Result) -> None:
    size = int(a["size"])
    docs, _ = real_documents(Path(a["shared"]))
    analyses = read_analyses(Path(a["real_data"]))
    t0 = time.perf_counter()
    syn = Synthesizer(docs, analyses)
    pairs = list(syn.documents(size))
    gen_s = time.perf_counter() - t0
    syn_docs = [d for d, _ in pairs]
    precomputed = {document_hash(d): an for d, an in pairs}
    n_tokens = sum(len(t) for _, an in pairs for t in an.tokens)
    res.save(size=size, documents=len(syn_docs), base_passages=len(syn.base),
             base_vocabulary=syn.v0, rare_tokens=len(syn.rare), heaps=syn.heaps,
             replicas=-(-size // len(syn.base)), tokens=n_tokens, generate_s=round(gen_s, 2),
             text_chars=sum(len(d.text) for d in syn_docs))
    del analyses, syn
    gc.collect()
    index_dir = Path(a["index_dir"])
    shutil.rmtree(index_dir, ignore_errors=True)
    settings = _settings(index_dir, 0)
    rss0 = rss()
    timeline = _Timeline()
    timeline.start()
    index = build_index(syn_docs, settings, progress=timeline, precomputed=precomputed)
    build_s = time.perf_counter() - timeline.t0
    res.save(passages=index.n_passages, build_s=round(build_s, 2),
             vocabulary=len(index.scorer.vocabulary),
             build_peak_rss_mib=mib(proc_status("VmHWM")), rss_before_build_mib=mib(rss0),
             disk_mib=mib(dir_size(index.folder)), parts=_index_files(index.folder),
             data_folder=str(index.folder))


def baseline(a: dict, res: Result) -> None:
    """The usual pipeline of peer projects on the same passages: underthesea ``word_tokenize``
    of the question, rank-bm25 ``BM25Okapi.get_scores`` over every passage, top-k by a full
    sort. The passages' tokens are the same recombined ones (no tokenizer run at any size)."""
    from rank_bm25 import BM25Okapi

    size = int(a["size"])
    docs, _ = real_documents(Path(a["shared"]))
    syn = Synthesizer(docs, read_analyses(Path(a["real_data"])))
    corpus_tokens = [t for _, an in syn.documents(size) for t in an.tokens]
    del syn, docs
    gc.collect()
    questions = [q["question"] for q in json.loads(Path(a["questions"]).read_text("utf-8"))]
    _peer_tokens("khởi động")  # load the tokenizer model outside the timings
    rss0 = rss()
    t0 = time.perf_counter()
    bm25 = BM25Okapi(corpus_tokens)
    build_s = time.perf_counter() - t0
    res.save(size=size, build_s=round(build_s, 2), memory_mib=mib(rss() - rss0),
             passages=bm25.corpus_size)
    del corpus_tokens
    gc.collect()
    deadline = time.perf_counter() + float(a["query_budget_s"])
    k, lat = int(a.get("top_k", 5)), []
    for q in questions[: int(a["max_queries"])]:
        t = time.perf_counter()
        scores = bm25.get_scores(_peer_tokens(q))
        np.argsort(scores)[::-1][:k]
        lat.append(time.perf_counter() - t)
        if t > deadline and len(lat) >= int(a.get("min_queries", 10)):
            break
        if len(lat) % 5 == 0:
            res.save(latency=percentiles(lat))
    res.save(latency=percentiles(lat))


def _peer_tokens(question: str) -> list[str]:
    from underthesea import word_tokenize

    return [w.lower().replace(" ", "_") for w in word_tokenize(question)]


# -- probe ------------------------------------------------------------------------------------
def probe(a: dict, res: Result) -> None:
    index_dir = a["index_dir"]
    top_k = int(a.get("top_k", 5))
    rss0 = rss()
    t0 = time.perf_counter()
    index = load_index(Path(index_dir))
    bot = QABot(index, _settings(index_dir))
    load_s = time.perf_counter() - t0
    res.save(load_s=round(load_s, 4), rss_after_load_mib=mib(rss()),
             rss_before_load_mib=mib(rss0), passages=index.n_passages)
    # Whatever loads lazily (tokenizer model, query models) loads on the first question.
    t0 = time.perf_counter()
    bot.ask(a.get("first_question", "Thủ tục hành chính là gì?"), top_k)
    first = time.perf_counter() - t0
    res.save(first_ask_ms=round(first * 1000, 1), load_first_answer_s=round(load_s + first, 3),
             rss_after_first_ask_mib=mib(rss()))
    if not a.get("latency"):
        return
    questions = [q["question"] for q in json.loads(Path(a["questions"]).read_text("utf-8"))]
    t0 = time.perf_counter()
    bot.warm_up()  # as `qa-bot serve` does before it listens
    res.save(warm_up_s=round(time.perf_counter() - t0, 3))
    for q in a.get("warmup", []):
        bot.ask(q, top_k)
    timings: dict[str, list[float]] = {"ask": [], "search": []}
    found = 0
    for q in questions:
        t = time.perf_counter()
        ans = bot.ask(q, top_k)
        timings["ask"].append(time.perf_counter() - t)
        found += bool(ans.found)
    for q in questions:
        t = time.perf_counter()
        bot.search(q, top_k)
        timings["search"].append(time.perf_counter() - t)
    res.save(ask=percentiles(timings["ask"]),
             ask_ms=[round(t * 1000, 3) for t in timings["ask"]],
             search=percentiles(timings["search"]), found_share=round(found / len(questions), 3),
             rss_after_queries_mib=mib(rss()), peak_rss_mib=mib(proc_status("VmHWM")))
    if a.get("profile"):
        res.save(profile=_profile(bot, questions, top_k, Path(a["profile"])))


def _profile(bot: QABot, questions: list[str], top_k: int, path: Path) -> list[dict]:
    """cProfile of ``ask`` over the questions; the functions with the largest own time."""
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for q in questions:
        bot.ask(q, top_k)
    prof.disable()
    wall = time.perf_counter() - t0
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(40)
    stats.sort_stats("cumulative").print_stats(50)
    path.write_text(buf.getvalue(), encoding="utf-8")
    total = sum(v[2] for v in stats.stats.values())  # own time of all functions
    rows = []
    for (file, line, name), (_cc, nc, tt, ct, _callers) in stats.stats.items():
        rows.append({"function": f"{_short(file)}:{line}({name})", "calls": nc,
                     "own_share": round(tt / total, 4) if total else 0.0,
                     "cum_share": round(ct / total, 4) if total else 0.0,
                     "own_ms_per_ask": round(tt * 1000 / len(questions), 3)})
    rows.sort(key=lambda r: -r["own_share"])
    return [{"wall_ms_per_ask": round(wall * 1000 / len(questions), 3)}, *rows[:25]]


def _short(file: str) -> str:
    for marker in ("site-packages/", "/work/main/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# -- refresh ----------------------------------------------------------------------------------
def refresh(a: dict, res: Result) -> None:
    """Answers keep coming from the old index while ``refresh`` builds the new one."""
    from .common import ROOT

    work = Path(a["dir"])
    shutil.rmtree(work, ignore_errors=True)
    docs_dir = work / "documents"
    shutil.copytree(ROOT / "documents", docs_dir)
    settings = replace(Settings(), documents_dir=docs_dir, index_dir=work / "index")
    bot = QABot.from_settings(settings)
    questions = [q["question"] for q in json.loads(Path(a["questions"]).read_text("utf-8"))]
    before = bot.index.folder
    first = sorted(docs_dir.glob("*.md"))[0]
    first.write_text(first.read_text("utf-8") + "\n\nĐoạn bổ sung để kiểm tra việc lập lại chỉ mục.\n",
                     encoding="utf-8")
    errors: list[str] = []
    swapped: list[bool] = []

    def rebuild() -> None:
        try:
            swapped.append(bot.refresh())
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            errors.append(f"refresh: {exc!r}")

    lat = []
    thread = threading.Thread(target=rebuild)
    t0 = time.perf_counter()
    thread.start()
    i = 0
    while thread.is_alive() and time.perf_counter() - t0 < 300:
        q = questions[i % len(questions)]
        i += 1
        t = time.perf_counter()
        try:
            bot.ask(q, 5)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"ask: {exc!r}")
        lat.append(time.perf_counter() - t)
    thread.join()
    res.save(rebuild_s=round(time.perf_counter() - t0, 2), answered_during_rebuild=len(lat),
             latency=percentiles(lat), errors=errors[:5], n_errors=len(errors),
             swapped=bool(swapped and swapped[0]), new_folder=bot.index.folder != before)
    shutil.rmtree(work, ignore_errors=True)


COMMANDS = {"build-real": build_real, "scale": scale, "baseline": baseline, "probe": probe,
            "refresh": refresh}


def main() -> int:
    command, args = sys.argv[1], json.loads(sys.argv[2])
    res = Result(args["result"])
    res.save(command=command)
    COMMANDS[command](args, res)
    res.save(done=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
