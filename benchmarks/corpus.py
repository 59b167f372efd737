"""The benchmark's data: the real corpus, the questions, and larger corpora recombined from it.

Real corpus: the shipped ``documents/`` plus every BEIR set of ``../shared/benchmarks`` (ids
prefixed with the set's name, as ids repeat across sets).

Synthetic corpora (see README.md): replica ``r`` of the real passages is shuffled and regrouped
into new documents; in replica ``r > 0`` a hash-chosen share ``p(r)`` of the *rare* tokens
(document frequency <= 2 in the real corpus) gets a replica-specific form ``token~r``, chosen so
that the vocabulary follows Heaps' law ``V(n) = V0 * (n / n0) ** beta`` with ``beta`` fitted on
the real passages. The analysis (sentences, passages, tokens) of every synthetic document is
built from the real ones, so indexing does not re-run the tokenizer.
"""

from __future__ import annotations

import json
import math
import random
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from qa_bot.documents import document_hash, load_directory
from qa_bot.evaluate import load_beir
from qa_bot.index import Analysis, read_manifest
from qa_bot.index.cache import read_analyses as cached_analyses
from qa_bot.models import Document

from .common import ROOT

_SYLLABLE = re.compile(r"\w+")
RARE_DF = 2


# -- the real corpus --------------------------------------------------------------------------
def set_folders(shared: Path) -> list[Path]:
    return sorted(p for p in Path(shared).iterdir() if (p / "corpus.jsonl").is_file())


def real_documents(shared: Path) -> tuple[list[Document], dict]:
    """The shipped documents plus every corpus of ``shared``; and per-source counts."""
    docs = load_directory(ROOT / "documents")
    sources = {"documents (shipped)": len(docs)}
    for folder in set_folders(shared):
        corpus, _, _ = load_beir(folder)
        docs += [replace(d, doc_id=f"{folder.name}:{d.doc_id}") for d in corpus]
        sources[folder.name] = len(corpus)
    return docs, sources


def syllable_count(docs: list[Document]) -> int:
    return sum(len(_SYLLABLE.findall(d.text)) for d in docs)


def read_analyses(index_folder: Path) -> dict[str, Analysis]:
    """The analyses a built index holds (``qa_bot.index.cache``): document hash -> analysis."""
    manifest = read_manifest(index_folder)  # the data folder's own copy
    if manifest is None:
        raise ValueError(f"{index_folder} has no manifest")
    return cached_analyses(index_folder, manifest)


# -- questions --------------------------------------------------------------------------------
#: Abbreviations as people type them in questions (administration, law, university).
ABBREVIATIONS = (
    ("cải cách hành chính", "CCHC"), ("thủ tục hành chính", "TTHC"), ("ủy ban nhân dân", "UBND"),
    ("hội đồng nhân dân", "HĐND"), ("dịch vụ công trực tuyến", "DVCTT"), ("dịch vụ công", "DVC"),
    ("chuyển đổi số", "CĐS"), ("công nghệ thông tin", "CNTT"), ("cơ sở dữ liệu", "CSDL"),
    ("ban chỉ đạo", "BCĐ"), ("thủ tướng", "TTg"), ("trung ương", "TW"),
    ("thành phố hồ chí minh", "TP.HCM"), ("thành phố", "TP"), ("việt nam", "VN"),
    ("bộ luật hình sự", "BLHS"), ("bộ luật dân sự", "BLDS"), ("bộ luật lao động", "BLLĐ"),
    ("trách nhiệm hình sự", "TNHS"), ("người sử dụng lao động", "NSDLĐ"), ("người lao động", "NLĐ"),
    ("hợp đồng lao động", "HĐLĐ"), ("bảo hiểm xã hội", "BHXH"), ("an ninh mạng", "ANM"),
    ("sinh viên", "SV"), ("học phần", "HP"), ("tín chỉ", "TC"), ("đại học", "ĐH"),
    ("giảng viên", "GV"), ("điểm trung bình", "ĐTB"),
)
_ABBR_RE = [(re.compile(rf"(?<!\w){re.escape(full)}(?!\w)", re.IGNORECASE), short)
            for full, short in ABBREVIATIONS]


def strip_marks(text: str) -> str:
    """The question as typed without diacritics (``qa_bot.diacritics`` if present)."""
    try:
        from qa_bot.diacritics import strip_diacritics
    except ImportError:  # module not there yet: plain Unicode folding
        text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))
    return strip_diacritics(text)


def abbreviate(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for pattern, short in _ABBR_RE:
        text = pattern.sub(short, text)
    return text


def real_queries(shared: Path) -> dict[str, list[str]]:
    """Questions by source: every set's ``queries.jsonl`` and ``tests/data/questions.jsonl``."""
    out: dict[str, list[str]] = {}
    for folder in set_folders(shared):
        path = folder / "queries.jsonl"
        if path.is_file():
            with open(path, encoding="utf-8") as f:
                out[folder.name] = [json.loads(x)["text"] for x in f if x.strip()]
    own = ROOT / "tests" / "data" / "questions.jsonl"
    if own.is_file():
        with open(own, encoding="utf-8") as f:
            out["tests/data/questions.jsonl"] = [json.loads(x)["question"] for x in f if x.strip()]
    return out


def question_set(shared: Path, n: int, seed: int = 5) -> list[dict]:
    """``n`` distinct questions, a third each accented as written, without diacritics and with
    abbreviations, drawn round-robin from every source so that each domain is represented."""
    kinds = ("accented", "no diacritics", "abbreviated")
    variant = {"accented": lambda q: q, "no diacritics": strip_marks, "abbreviated": abbreviate}
    pools: dict[tuple[str, str], list[str]] = {}
    sources = real_queries(shared)
    for ki, kind in enumerate(kinds):
        for src, qs in sources.items():
            qs = list(dict.fromkeys(q.strip() for q in qs if q.strip()))
            if kind == "abbreviated":
                qs = [q for q in qs if abbreviate(q) != q]
            random.Random(f"{seed}-{ki}-{src}").shuffle(qs)
            pools[(kind, src)] = qs
    out: list[dict] = []
    seen: set[str] = set()
    cursor = dict.fromkeys(pools, 0)
    turn = 0
    while len(out) < n:
        progressed = False
        for src in sources:
            kind = kinds[turn % len(kinds)]
            turn += 1
            pool = pools[(kind, src)]
            while cursor[(kind, src)] < len(pool):
                q = pool[cursor[(kind, src)]]
                cursor[(kind, src)] += 1
                text = variant[kind](q)
                if text in seen:
                    continue
                seen.add(text)
                out.append({"question": text, "kind": kind, "source": src})
                progressed = True
                break
            if len(out) >= n:
                break
        if not progressed and turn % len(kinds) == 0:
            break
    return out


# -- synthetic corpora ------------------------------------------------------------------------
@dataclass
class BasePassage:
    doc: int  # index into the real documents
    text: str
    sentences: list[tuple[int, int]]  # relative to ``text``
    tokens: list[str]


def base_passages(docs: list[Document], analyses: dict[str, Analysis]) -> list[BasePassage]:
    out = []
    for di, d in enumerate(docs):
        an = analyses[document_hash(d)]
        for (s0, s1), toks in zip(an.passages, an.tokens, strict=True):
            a, b = an.sentences[s0][0], an.sentences[s1 - 1][1]
            sents = [(x - a, y - a) for x, y in an.sentences[s0:s1]]
            out.append(BasePassage(di, d.text[a:b], sents, toks))
    return out


def fit_heaps(passages: list[BasePassage], seed: int = 7) -> dict:
    """Heaps' law ``V = K * n ** beta`` fitted on the real passages taken in random order."""
    order = list(range(len(passages)))
    random.Random(seed).shuffle(order)
    seen: set[str] = set()
    points = []
    marks = {max(1, len(order) >> k) for k in range(7)}
    for i, pi in enumerate(order, 1):
        seen.update(passages[pi].tokens)
        if i in marks:
            points.append((i, len(seen)))
    x = np.log([p[0] for p in points])
    y = np.log([p[1] for p in points])
    beta, logk = np.polyfit(x, y, 1)
    return {"beta": round(float(beta), 3), "k": round(float(math.exp(logk)), 2),
            "points": points}


class Synthesizer:
    """Documents and analyses of ``size`` passages recombined from the real ones."""

    def __init__(self, docs: list[Document], analyses: dict[str, Analysis], seed: int = 11,
                 max_doc_passages: int = 12) -> None:
        self.docs = docs
        self.base = base_passages(docs, analyses)
        self.seed = seed
        self.max_doc_passages = max_doc_passages
        df: Counter = Counter()
        for p in self.base:
            df.update(set(p.tokens))
        self.v0 = len(df)
        self.rare = sorted(t for t, c in df.items() if c <= RARE_DF)
        self.heaps = fit_heaps(self.base)

    def rename_share(self, r: int) -> float:
        """Share of the rare tokens renamed in replica ``r``: the new types that replica must
        add for the vocabulary to follow Heaps' law."""
        if r == 0 or not self.rare:
            return 0.0
        beta = self.heaps["beta"]
        new_types = self.v0 * ((r + 1) ** beta - r ** beta)
        return min(1.0, new_types / len(self.rare))

    def _renames(self, r: int) -> dict[str, str]:
        p = self.rename_share(r)
        if p <= 0:
            return {}
        limit = int(p * 2**32)
        suffix = f"~{r:x}"
        return {t: t + suffix for t in self.rare
                if zlib.crc32(f"{r}\0{t}".encode()) < limit}

    def documents(self, size: int) -> Iterator[tuple[Document, Analysis]]:
        """Synthetic documents (with their analyses) holding exactly ``size`` passages."""
        made, r = 0, 0
        n_base = len(self.base)
        while made < size:
            rng = random.Random(self.seed * 1_000_003 + r)
            order = list(range(n_base))
            rng.shuffle(order)
            renames = self._renames(r)
            i, j = 0, 0
            while i < n_base and made < size:
                g = min(rng.randint(1, self.max_doc_passages), n_base - i, size - made)
                group = [self.base[k] for k in order[i : i + g]]
                yield self._compose(r, j, group, renames)
                i += g
                j += 1
                made += g
            r += 1

    def _compose(self, r: int, j: int, group: list[BasePassage],
                 renames: dict[str, str]) -> tuple[Document, Analysis]:
        first = self.docs[group[0].doc]
        texts, sentences, passages, tokens = [], [], [], []
        offset = 0
        for p in group:
            s0 = len(sentences)
            sentences.extend((offset + a, offset + b) for a, b in p.sentences)
            passages.append((s0, len(sentences)))
            tokens.append([renames.get(t, t) for t in p.tokens] if renames else p.tokens)
            texts.append(p.text)
            offset += len(p.text) + 2
        doc = Document(doc_id=f"syn-{r}-{j}", title=f"{first.title} (tổng hợp {r}.{j})",
                       text="\n\n".join(texts), source=first.source, date=first.date)
        return doc, Analysis(sentences, passages, tokens)
