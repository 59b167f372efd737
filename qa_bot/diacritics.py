"""Vietnamese diacritic restoration (folding and tone-mark normalisation, from :mod:`qa_bot.tones`,
are re-exported here).

Users often type queries without diacritics ("ha giang cung cap bao nhieu dich vu cong") or with
only some of them. :class:`DiacriticRestorer` learns from the indexed corpus which accented
syllables fold to each bare syllable and how syllables follow each other, then picks the most
likely accented sequence with a Viterbi search over an interpolated bigram model.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .tones import normalize_tone, strip_diacritics, tokenize

_WORD_RE = re.compile(r"\w+")

__all__ = [
    "QUESTION_PHRASES",
    "DiacriticRestorer",
    "normalize_tone",
    "prior_sentences",
    "strip_diacritics",
    "tokenize",
]

#: How people ask questions. Indexed documents are statements, so without this the restorer
#: prefers "bảo nhiều" or "thể nào" (frequent in prose) over the question words.
QUESTION_PHRASES: tuple[str, ...] = (
    "là gì", "cái gì", "những gì", "điều gì", "việc gì", "làm gì", "gì",
    "bao nhiêu", "là bao nhiêu", "bao lâu", "mất bao lâu", "bao giờ", "khi nào", "lúc nào",
    "mấy", "thứ mấy", "mấy giờ", "lúc mấy giờ", "thế nào", "như thế nào", "thế nào là", "ra sao", "làm sao",
    "làm thế nào", "bằng cách nào", "ở đâu", "tại đâu", "từ đâu", "đi đâu", "do đâu", "đâu",
    "nơi nào", "nào", "cái nào", "loại nào", "năm nào", "ngày nào", "ai", "là ai", "của ai",
    "những ai", "tại sao", "vì sao", "sao", "có phải", "phải không", "có không", "được không",
    "có được không", "hay không", "không", "chưa", "hay chưa", "đúng không", "cần những gì",
    "thì sao", "vậy", "ạ", "nhỉ", "nhé", "xin hỏi", "cho hỏi", "tôi muốn",
    # the asker's frames and time limits: "cho mình hỏi", "mất tối đa bao nhiêu ngày"
    "cho mình hỏi", "cho em hỏi", "cho tôi hỏi", "mình muốn hỏi", "em muốn hỏi", "ad ơi",
    "tối đa", "tối thiểu", "mất tối đa", "mất bao nhiêu", "bao nhiêu ngày", "mấy ngày",
    "trong bao lâu", "thời hạn",
    # what is asked of a meeting: "do ai chủ trì", "diễn ra khi nào", "phiên họp thứ tư"
    "do ai", "do ai chủ trì", "ai chủ trì", "diễn ra", "diễn ra khi nào", "diễn ra ở đâu",
    "diễn ra bao giờ", "diễn ra vào ngày nào", "họp", "cuộc họp", "phiên họp", "phiên họp thứ tư",
    "lần thứ tư", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ tám", "thứ chín", "thứ mười",
)


#: Number words typed without marks, as a spelled number reads them ("hai nghin khong tram hai
#: muoi" -> "hai nghìn không trăm hai mươi"); "muoi" after a digit word is "mươi", else "mười";
#: "mot" after "muoi" is "mốt", "tu" "tư". A run of SPELLED_RUN such words or more holding a scale
#: word or tens ("chin muoi sau") is read so, whatever the bigrams prefer ("hải nghìn trầm").
_NUMBER_WORDS = {"mot": "một", "hai": "hai", "ba": "ba", "bon": "bốn", "nam": "năm", "lam": "lăm",
                 "sau": "sáu", "bay": "bảy", "tam": "tám", "chin": "chín", "muoi": "mười", "tram": "trăm",
                 "nghin": "nghìn", "ngan": "ngàn", "trieu": "triệu", "ty": "tỷ", "khong": "không", "le": "lẻ",
                 "linh": "linh"}
_SCALE_WORDS = frozenset({"tram", "nghin", "ngan", "trieu", "ty"})
_TENS_BEFORE = frozenset({"hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin"})
_DIGIT_WORDS = _TENS_BEFORE | {"mot", "muoi"}
SPELLED_RUN = 3
#: Words after which a shorter run is a figure ("khoang hai tram", "gan ba nghin", "len den sau tram").
_QUANTITY_BEFORE = frozenset({"khoang", "gan", "hon", "tren", "duoi", "chung", "xap", "xi", "den", "toi",
                              "ngot"})
#: A year said digit by digit after "năm" ("nam hai khong hai tu": "năm hai không hai tư").
_YEAR_DIGITS = {"khong": "không", "mot": "một", "hai": "hai", "ba": "ba", "bon": "bốn", "tu": "tư",
                "nam": "năm", "sau": "sáu", "bay": "bảy", "tam": "tám", "chin": "chín"}


def spelled_number_runs(syllables: Sequence[str]) -> dict[int, str]:
    """Positions of lower-case syllables typed without marks that spell a number, with their
    accented forms (see ``_NUMBER_WORDS``)."""
    fixed: dict[int, str] = {}
    i, n = 0, len(syllables)
    while i < n:
        year = syllables[i:i + 4]
        if i and syllables[i - 1] == "nam" and len(year) == 4 and year[0] in ("mot", "hai") and all(
                s in _YEAR_DIGITS for s in year):
            fixed.update((i + k, _YEAR_DIGITS[s]) for k, s in enumerate(year))  # "nam hai khong hai ba"
            i += 4
            continue
        j = i
        # a run opens with a digit word ("tỷ lệ", "lẻ" open none); "lẻ / linh" follow a scale word
        while j < n and (syllables[j] in _NUMBER_WORDS and (j > i or syllables[j] in _DIGIT_WORDS) and (
                syllables[j] not in ("le", "linh") or syllables[j - 1] in _SCALE_WORDS) or (
                syllables[j] == "tu" and j > i and syllables[j - 1] == "muoi")):
            j += 1
        run = syllables[i:j]
        # two words after a word of quantity are a figure too ("khoang hai tram ho so")
        counted = j - i == 2 and i and syllables[i - 1] in _QUANTITY_BEFORE
        # tens: "chin muoi"
        tens = any(a in _TENS_BEFORE and b == "muoi" for a, b in zip(run, run[1:], strict=False))
        if (j - i >= SPELLED_RUN or counted) and (tens or any(s in _SCALE_WORDS for s in run)):
            for k in range(i, j):
                s, prev = syllables[k], syllables[k - 1] if k > i else ""
                if s == "muoi" and prev in _TENS_BEFORE:
                    fixed[k] = "mươi"
                elif prev == "muoi" and s in ("mot", "tu"):
                    fixed[k] = "mốt" if s == "mot" else "tư"
                else:
                    fixed[k] = _NUMBER_WORDS.get(s, s)
            i = j
        else:  # a year said digit by digit may start inside it ("nam hai khong hai ba")
            i += 1
    return fixed


def viet74k_path() -> Path | None:
    """The Viet74K word list shipped inside the underthesea wheel (one word per line), located
    without importing underthesea (slow to import); None if it is not installed."""
    spec = find_spec("underthesea")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder, "corpus", "data", "Viet74K.txt")
        if path.is_file():
            return path
    return None


@cache
def viet74k_words() -> tuple[str, ...]:
    """The lines of the Viet74K word list (:func:`viet74k_path`), read once; empty if not installed."""
    path = viet74k_path()
    return tuple(path.read_text(encoding="utf-8").splitlines()) if path is not None else ()


@cache
def prior_sentences() -> tuple[tuple[str, ...], ...]:
    """Tokenised words of the Viet74K word list (:func:`viet74k_path`); empty if not installed."""
    return tuple(t for t in (tuple(tokenize(w)) for w in viet74k_words()) if t)


def _pack(left: int, right: int) -> int:
    return (left << 32) | right


class DiacriticRestorer:
    """Restore missing Vietnamese diacritics with a bigram model learnt from a corpus.

    Counts: syllable unigrams and bigrams, with ``<s>`` at sentence boundaries and every token
    that contains a digit collapsed to ``<num>``. Memory is bounded for large corpora (1M
    passages): whenever the bigram table exceeds ``max_bigrams`` entries (default 2,000,000,
    about 150 MB of Python objects, twice that briefly while pruning) the rarest bigrams are
    dropped, raising the count threshold until at most half the cap remains. The vocabulary
    itself is not capped (one entry per distinct token).

    Model: interpolated absolute discounting (Kneser-Ney style), ``P(w|v) = (c(v,w) - D) / c(v)
    + D T(v) / c(v) P(w)``, with ``T(v)`` the number of distinct successors of ``v`` and ``P(w)``
    an add-``alpha`` unigram; a count below 1 (weighted text) is discounted by ``D c(v,w)``.
    Discounting keeps rare syllables with one lucky context ("người đan và") from beating
    frequent ones ("người dân và"). Measured alternatives (Witten-Bell, a trigram, pruning rare
    candidates) did no better on the benchmark sets.

    Priors (``priors=True``), added once before the first restoration: :data:`QUESTION_PHRASES`
    with weight 1 (queries are questions, documents are not) and the word list of
    :func:`prior_sentences` with weight ``lexicon_weight`` (0.03: a dictionary word counts as
    3% of a corpus occurrence), so that query syllables missing from the corpus can be restored.
    """

    BOUNDARY = "<s>"
    NUMBER = "<num>"

    def __init__(
        self,
        *,
        priors: bool = True,
        discount: float = 0.75,
        lexicon_weight: float = 0.03,
        alpha: float = 0.1,
        max_candidates: int = 8,
        max_bigrams: int = 2_000_000,
    ) -> None:
        self.priors = priors
        self.discount = discount
        self.lexicon_weight = lexicon_weight
        self.alpha = alpha
        self.max_candidates = max_candidates
        self.max_bigrams = max_bigrams
        self._priors_added = False
        self._vocab: list[str] = [self.BOUNDARY, self.NUMBER]
        self._ids: dict[str, int] = {self.BOUNDARY: 0, self.NUMBER: 1}
        self._unigrams: Counter[int] = Counter()
        self._bigrams: Counter[int] = Counter()  # key: _pack(left id, right id)
        self._dirty = True
        self._candidates: dict[str, list[int]] = {}
        self._history: list[float] = []  # c(v): count of v followed by anything
        self._successors: list[float] = []  # T(v): distinct successors, weight < 1 counts less
        self._total = 0.0

    # ------------------------------------------------------------------ counting
    def _id(self, syllable: str) -> int:
        """Id of a syllable, adding its normalised form to the vocabulary when new."""
        found = self._ids.get(syllable)
        if found is not None:
            return found
        key = normalize_tone(syllable.lower())
        if any(c.isdigit() for c in key):
            key = self.NUMBER
        found = self._ids.get(key)
        if found is None:
            found = len(self._vocab)
            self._vocab.append(key)
            self._ids[key] = found
        self._ids[syllable] = found
        return found

    def fit(
        self,
        sentences: Iterable[Sequence[str]],
        *,
        weight: float = 1.0,
        boundaries: bool = True,
    ) -> DiacriticRestorer:
        """Count the syllables and bigrams of tokenised sentences (see :func:`tokenize`).

        ``weight`` scales the counts (e.g. a low weight for a word list, which should also use
        ``boundaries=False``). Can be called repeatedly to add text; returns ``self``.
        """
        unigrams, bigrams, ident = self._unigrams, self._bigrams, self._id
        for sentence in sentences:
            ids = [*map(ident, sentence)]
            pairs = [_pack(a, b) for a, b in zip(ids, ids[1:], strict=False)]
            if boundaries and ids:
                pairs += [_pack(0, ids[0]), _pack(ids[-1], 0)]
            if weight == 1:
                unigrams.update(ids)
                bigrams.update(pairs)
            else:
                for key in ids:
                    unigrams[key] += weight
                for key in pairs:
                    bigrams[key] += weight
            if len(bigrams) > self.max_bigrams:
                self._prune()
                bigrams = self._bigrams
        self._dirty = True
        return self

    def _prune(self) -> None:
        threshold = 1
        while len(self._bigrams) > self.max_bigrams // 2:
            self._bigrams = Counter({k: c for k, c in self._bigrams.items() if c > threshold})
            threshold += 1

    def _prepare(self) -> None:
        """Add the priors once, then derive candidate lists and per-history statistics."""
        if self.priors and not self._priors_added:
            self._priors_added = True
            self.fit([phrase.split() for phrase in QUESTION_PHRASES])
            self.fit(prior_sentences(), weight=self.lexicon_weight, boundaries=False)
        size = len(self._vocab)
        history, successors = [0.0] * size, [0.0] * size
        for key, count in self._bigrams.items():
            left = key >> 32
            history[left] += count
            successors[left] += min(count, 1)
        candidates: dict[str, list[int]] = {}
        for ident, _ in self._unigrams.most_common():
            if ident > 1:
                candidates.setdefault(strip_diacritics(self._vocab[ident]), []).append(ident)
        self._candidates = {k: v[: self.max_candidates] for k, v in candidates.items()}
        self._history, self._successors = history, successors
        self._total = sum(self._unigrams.values())
        self._dirty = False

    # ------------------------------------------------------------------ restoration
    def _options(self, syllable: str) -> list[tuple[str, int]]:
        """Candidate (output, id) pairs for one lowercase input syllable; id -1 is unknown."""
        if any(c.isdigit() for c in syllable):
            return [(syllable, 1)]
        if strip_diacritics(syllable) != syllable:  # typed with diacritics: keep it
            fixed = normalize_tone(syllable)
            return [(fixed, self._ids.get(fixed, -1))]
        ids = self._candidates.get(syllable)
        if not ids:
            return [(syllable, -1)]
        return [(self._vocab[i], i) for i in ids]

    def restore(self, syllables: Sequence[str]) -> list[str]:
        """Restore the diacritics of a syllable sequence; returns lowercase syllables.

        Syllables that already carry a diacritic are kept (tone-normalised) and constrain their
        neighbours; syllables never seen in training pass through unchanged.
        """
        if self._dirty:
            self._prepare()
        lowered = [s.lower() for s in syllables]
        spelled = spelled_number_runs(lowered)  # "hai nghin khong tram": not "hải nghìn trầm"
        lattice = [[(spelled[i], self._ids.get(spelled[i], -1))] if i in spelled else self._options(s)
                   for i, s in enumerate(lowered)]
        lattice.append([(self.BOUNDARY, 0)])
        unigrams, bigrams = self._unigrams, self._bigrams
        history, successors = self._history, self._successors
        norm = self._total + self.alpha * len(self._vocab)
        d = self.discount
        previous: list[tuple[float, int, int]] = [(0.0, 0, -1)]  # (score, id, back-pointer)
        steps: list[list[tuple[float, int, int]]] = []
        log, get = math.log, bigrams.get
        for options in lattice:
            current = []
            # what each left option contributes whatever the right one: its score, its bigram
            # key prefix, how often it was followed and by how many words (0: never)
            lefts = [(score, left << 32, history[left], d * successors[left]) if left >= 0 and history[left]
                     else (score, 0, 0, 0.0) for score, left, _ in previous]
            for _, right in options:
                if right < 0:  # unknown: no evidence either way, and it breaks the context
                    scores = [score for score, _, _ in previous]
                    best = max(range(len(scores)), key=scores.__getitem__)
                    current.append((scores[best], right, best))
                    continue
                unigram = (unigrams.get(right, 0) + self.alpha) / norm
                log_unigram = log(unigram)
                best_score, best = -math.inf, 0
                for k, (score, key, seen, spread) in enumerate(lefts):
                    if seen:
                        # (c(v,w) - D min(c(v,w), 1) + D T(v) P(w)) / c(v), without calling min:
                        # an unseen pair adds nothing before its share of the unigram
                        count = get(key | right)  # key | right: _pack(left, right)
                        if count is None:
                            score += log(spread * unigram / seen)
                        else:
                            score += log((count - d * (count if count < 1 else 1) + spread * unigram) / seen)
                    else:
                        score += log_unigram
                    if score > best_score:
                        best_score, best = score, k
                current.append((best_score, right, best))
            steps.append(current)
            previous = current
        output: list[str] = []
        k = steps[-1][0][2]
        for i in range(len(lattice) - 2, -1, -1):
            output.append(lattice[i][k][0])
            k = steps[i][k][2]
        output.reverse()
        return output

    def restore_text(self, text: str) -> str:
        """Restore diacritics in a raw string, keeping everything else (spacing, punctuation,
        letter case: "Ha Giang" -> "Hà Giang")."""
        text = unicodedata.normalize("NFC", text)
        matches = list(_WORD_RE.finditer(text))
        restored = self.restore([m.group().lower() for m in matches])
        pieces, last = [], 0
        for match, word in zip(matches, restored, strict=True):
            original = match.group()
            if len(word) == len(original):
                word = "".join(w.upper() if o.isupper() else w for w, o in zip(word, original, strict=True))
            else:
                word = original
            pieces += [text[last : match.start()], word]
            last = match.end()
        pieces.append(text[last:])
        return "".join(pieces)

    # ------------------------------------------------------------------ persistence
    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable state (priors included): vocabulary, counts, flat bigram triples."""
        if self._dirty:
            self._prepare()
        bigrams: list[float] = []
        for key, count in self._bigrams.items():
            bigrams += [key >> 32, key & 0xFFFFFFFF, _compact(count)]
        return {
            "format": "qa_bot.diacritics",
            "version": 1,
            "params": {
                "priors": self.priors,
                "discount": self.discount,
                "lexicon_weight": self.lexicon_weight,
                "alpha": self.alpha,
                "max_candidates": self.max_candidates,
                "max_bigrams": self.max_bigrams,
            },
            "vocab": self._vocab,
            "unigrams": [_compact(self._unigrams.get(i, 0)) for i in range(len(self._vocab))],
            "bigrams": bigrams,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DiacriticRestorer:
        """Rebuild a restorer saved with :meth:`to_dict`."""
        if data.get("format") != "qa_bot.diacritics" or data.get("version") != 1:
            raise ValueError("not a qa_bot.diacritics version 1 state")
        restorer = cls(**data["params"])
        restorer._priors_added = True
        restorer._vocab = list(data["vocab"])
        restorer._ids = {word: i for i, word in enumerate(restorer._vocab)}
        restorer._unigrams = Counter({i: c for i, c in enumerate(data["unigrams"]) if c})
        flat = data["bigrams"]
        restorer._bigrams = Counter(
            {_pack(a, b): c for a, b, c in zip(flat[::3], flat[1::3], flat[2::3], strict=True)}
        )
        return restorer


def _compact(count: float) -> float:
    """A count as a short JSON number: integral counts as ints, others to 4 decimals."""
    return int(count) if float(count).is_integer() else round(count, 4)
