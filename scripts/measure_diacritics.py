"""Measure diacritic restoration on the public benchmark sets.

For each set: fit a DiacriticRestorer on the corpus (title + text, split into sentences), strip
the diacritics of every query, restore them, and compare with the original syllables (lowercase,
tone-normalised). Reports syllable accuracy, exact-query accuracy and the share of query
syllables the model has seen at all (an upper bound), for the corpus alone, each prior alone,
the default (both priors), and the default fitted on the three corpora together. Then times
``fit`` on about 1M syllables and ``restore`` on a 15-syllable query.

Usage: /work/venv/bin/python scripts/measure_diacritics.py [--sets DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qa_bot.diacritics import (  # noqa: E402
    QUESTION_PHRASES,
    DiacriticRestorer,
    prior_sentences,
    strip_diacritics,
    tokenize,
)

SETS = ("alqac2022", "uit_regulation_qa", "xquad_vi")
_SENTENCE_END = re.compile(r"[.!?;:\n]+")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_sentences(path: Path) -> list[list[str]]:
    """Tokenised sentences of the title and text of every passage."""
    sentences = []
    for doc in read_jsonl(path):
        for text in (doc.get("title", ""), doc.get("text", "")):
            sentences += [t for t in map(tokenize, _SENTENCE_END.split(text)) if t]
    return sentences


def query_syllables(path: Path) -> list[list[str]]:
    return [q for q in (tokenize(d["text"]) for d in read_jsonl(path)) if q]


def evaluate(restorer: DiacriticRestorer, queries: list[list[str]]) -> dict[str, float]:
    """Syllable accuracy, exact-query accuracy, seen-syllable share, mean ms per query."""
    right = total = exact = 0
    elapsed = 0.0
    vocab = set(restorer.to_dict()["vocab"])
    seen = sum(s in vocab or any(c.isdigit() for c in s) for q in queries for s in q)
    for gold in queries:
        bare = [strip_diacritics(s) for s in gold]
        start = time.perf_counter()
        guess = restorer.restore(bare)
        elapsed += time.perf_counter() - start
        hits = sum(g == r for g, r in zip(gold, guess, strict=True))
        right, total, exact = right + hits, total + len(gold), exact + (hits == len(gold))
    return {
        "syllable": right / total,
        "exact": exact / len(queries),
        "seen": seen / total,
        "ms": 1000 * elapsed / len(queries),
    }


def variants() -> dict[str, Callable[[list[list[str]]], DiacriticRestorer]]:
    """Ways to build a restorer from corpus sentences."""
    questions = [p.split() for p in QUESTION_PHRASES]
    weight = DiacriticRestorer().lexicon_weight

    def lexicon_only(s: list[list[str]]) -> DiacriticRestorer:
        restorer = DiacriticRestorer(priors=False).fit(s)
        return restorer.fit(prior_sentences(), weight=weight, boundaries=False)

    return {
        "corpus only": lambda s: DiacriticRestorer(priors=False).fit(s),
        "+ Viet74K": lexicon_only,
        "+ questions": lambda s: DiacriticRestorer(priors=False).fit(s).fit(questions),
        "default (both)": lambda s: DiacriticRestorer().fit(s),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=Path, default=Path("/work/shared/benchmarks"))
    args = parser.parse_args()

    data = {
        name: (
            corpus_sentences(args.sets / name / "corpus.jsonl"),
            query_syllables(args.sets / name / "queries.jsonl"),
        )
        for name in SETS
    }
    print(f"{'set':<18} {'model':<22}{'syllable':>9}{'exact':>7}{'seen':>8}{'ms/query':>9}")

    def report(name: str, label: str, restorer: DiacriticRestorer) -> None:
        m = evaluate(restorer, data[name][1])
        print(f"{name:<18} {label:<22}{m['syllable']:>9.4f}{m['exact']:>7.3f}"
              f"{m['seen']:>8.4f}{m['ms']:>9.2f}")

    for name, (sentences, _) in data.items():
        for label, build in variants().items():
            report(name, label, build(sentences))
    combined = DiacriticRestorer()
    for sentences, _ in data.values():
        combined.fit(sentences)
    for name in data:
        report(name, "default, 3 corpora", combined)

    # Speed: fit on ~1M syllables (the three corpora, three times over), restore 15 syllables.
    sentences = [s for corpus, _ in data.values() for s in corpus] * 3
    start = time.perf_counter()
    restorer = DiacriticRestorer().fit(sentences)
    fitted = time.perf_counter() - start
    restorer.restore([])  # adds the priors and derives the tables
    prepared = time.perf_counter() - start - fitted
    query = "ha giang cung cap bao nhieu dich vu cong truc tuyen cho nguoi dan va doanh nghiep"
    syllables = query.split()
    runs = 500
    start = time.perf_counter()
    for _ in range(runs):
        restored = restorer.restore(syllables)
    per_query = 1000 * (time.perf_counter() - start) / runs
    print(f"\nfit: {sum(map(len, sentences)):,} syllables in {fitted:.2f} s "
          f"(+ {prepared:.2f} s priors and tables on first use)")
    print(f"restore: {len(syllables)} syllables in {per_query:.2f} ms -> {' '.join(restored)}")


if __name__ == "__main__":
    main()
