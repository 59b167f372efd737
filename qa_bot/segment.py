"""underthesea's word segmentation, decoded here: same model, same words, a fraction of the CPU.

``underthesea.word_tokenize`` spends most of its time outside the model: its Rust featurizer
formats 43 feature strings per syllable and hands them to Python, and its tagger converts them
back to look up their weights. :class:`CRFSegmenter` reads the same model files (the feature
templates, the dictionary and the CRFsuite weights shipped in underthesea's wheel), looks up the
weights of each distinct syllable, pair and triple of syllables once, adds them per position in
the templates' order (the sums are bit for bit those of the tagger, which adds in that order)
and runs the same Viterbi decoding (ties go to the first label). Its regex tokenization is
underthesea's own pattern, without the per-token work done twice (character normalisation of
text that is already normalised, a match's groups scanned to find the one that matched).

:func:`segmenter` returns it, or underthesea's ``word_tokenize`` when the model files are not
what this module knows how to read (a new underthesea release), so segmentation never changes
silently. ``tests/test_segment.py`` checks that both give the same words.
"""

from __future__ import annotations

import functools
import logging
import re
import struct
import threading
from collections.abc import Callable, Sequence
from itertools import chain
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
_I32 = re.compile(r"[+-]?[0-9]+")
#: Distinct tokens, pairs or triples remembered per n-gram length before the tables restart (at
#: most about 70 MiB for the tokens' table, 40 and 20 for pairs' and triples').
MAX_GRAMS = 200_000


_FEATURE = np.dtype([("kind", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


class UnsupportedModel(ValueError):
    """The model files are not in the form this module reads."""


def _isdigit(text: str) -> bool:
    """Rust's ``text.parse::<i32>().is_ok()``, which the featurizer uses for ``isdigit``."""
    return bool(_I32.fullmatch(text)) and -(2**31) <= int(text) < 2**31


def _istitle(parts: Sequence[str]) -> bool:
    """The featurizer's ``istitle`` of the tokens ``parts`` joined by spaces: every one starts
    with a character that upper-casing leaves unchanged."""
    return all(part[:1] == part[:1].upper() for part in parts)


def read_crfsuite(path: Path) -> tuple[list[str], dict[str, tuple[float, float]], list[list[float]]]:
    """Labels, state weights by attribute (one per label) and the transition matrix of a
    two-label CRFsuite model file (the format of underthesea's ``models.bin``)."""
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise UnsupportedModel(f"{path}: not a CRFsuite model")
    off_features, off_labels, off_attrs = struct.unpack_from("<III", data, 28)

    def strings(off: int) -> list[str]:
        magic, _, _, _, size, bwd = struct.unpack_from("<4sIIIII", data, off)
        if magic != b"CQDB":
            raise UnsupportedModel(f"{path}: bad string table")
        out = []
        for i, entry in enumerate(struct.unpack_from(f"<{size}I", data, off + bwd)):
            sid, ksize = struct.unpack_from("<II", data, off + entry)
            if entry == 0 or sid != i:
                raise UnsupportedModel(f"{path}: string table with gaps")
            out.append(data[off + entry + 8 : off + entry + 8 + ksize].split(b"\0")[0].decode())
        return out

    labels, attrs = strings(off_labels), strings(off_attrs)
    if len(labels) != 2 or len(set(attrs)) != len(attrs):
        raise UnsupportedModel(f"{path}: {len(labels)} labels")
    magic, _, count = struct.unpack_from("<4sII", data, off_features)
    if magic != b"FEAT":
        raise UnsupportedModel(f"{path}: bad feature table")
    feats = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
    feats = feats[np.abs(feats["weight"]) > 1e-10]  # dropped by underthesea_core's loader
    trans = [[0.0, 0.0], [0.0, 0.0]]
    for src, dst, weight in feats[feats["kind"] == 1][["src", "dst", "weight"]].tolist():
        trans[src][dst] = weight
    state_rows = feats[feats["kind"] == 0]
    weights = np.zeros((len(attrs), 2))
    weights[state_rows["src"], state_rows["dst"]] = state_rows["weight"]
    used = np.unique(state_rows["src"]).tolist()
    return labels, dict(zip([attrs[i] for i in used], map(tuple, weights[used].tolist()), strict=True)), trans


def _load_pickle(path: Path) -> object:
    """A file that underthesea wrote with ``joblib.dump``: a plain pickle when it holds no arrays,
    which the C unpickler reads five times faster than ``joblib.load``."""
    import pickle

    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        import joblib

        return joblib.load(path)


_FUNCTIONS = (None, "lower", "isdigit", "istitle", "is_in_dict")
_BOS, _EOS = object(), object()  # the padding before and after a sentence's tokens
_PAD = 2  # padding tokens at each end: at least the largest offset of a template


class _Grams:
    """Weights of the templates that read ``length`` consecutive tokens, per distinct n-gram:
    row ``g`` of :attr:`table` holds, for n-gram number ``g``, one weight pair per template."""

    def __init__(self, templates: list[tuple[str, str | None]], weights: dict[str, dict],
                 dictionary: frozenset):
        zero = (0.0, 0.0)
        #: per template: which value it reads (0 the text, 1 lower-cased, 2 isdigit, 3 istitle,
        #: 4 is_in_dict) and the weights by value (by truth for the last three)
        self.getters: list[tuple[int, dict]] = []
        for syntax, func in templates:
            by_value = weights.get(syntax, {})
            code = _FUNCTIONS.index(func)
            if code >= 2:
                by_value = {False: by_value.get("False", zero), True: by_value.get("True", zero)}
            self.getters.append((code, by_value))
        self.bos = [weights.get(syntax, {}).get("BOS", zero) for syntax, _ in templates]
        self.eos = [weights.get(syntax, {}).get("EOS", zero) for syntax, _ in templates]
        self.reads = {code for code, _ in self.getters}
        self.dictionary = dictionary
        self.ids: dict = {}
        self.table = np.zeros((4096, len(templates), 2))

    def row(self, key: str | tuple) -> list[tuple[float, float]]:
        """The weight pairs of ``key`` (a token or a tuple of tokens) under each template. An
        n-gram that starts before the sentence reads as ``BOS``, else one that runs past its
        end as ``EOS``, as in the featurizer."""
        if isinstance(key, tuple):
            if key[0] is _BOS:
                return self.bos
            if _EOS in key:
                return self.eos
            text, parts = " ".join(key), key
        elif key is _BOS:
            return self.bos
        elif key is _EOS:
            return self.eos
        else:
            text, parts = key, (key,)
        reads = self.reads
        low = text.lower() if 1 in reads or 4 in reads else text
        values = (text, low, 2 in reads and _isdigit(text), 3 in reads and _istitle(parts),
                  4 in reads and low in self.dictionary)
        zero = (0.0, 0.0)
        return [by_value.get(values[code], zero) for code, by_value in self.getters]

    def lookup(self, keys: Sequence) -> np.ndarray:
        """Row numbers of ``keys`` (tokens, or tuples of them), adding the new ones."""
        ids = self.ids
        if len(ids) > MAX_GRAMS:
            ids.clear()
        out = [ids.get(key, -1) for key in keys]
        if -1 in out:
            new: dict = {}
            for i, key in enumerate(keys):
                if out[i] == -1:
                    g = ids.get(key)
                    if g is None:
                        g = ids[key] = len(ids)
                        new[g] = key
                    out[i] = g
            if len(ids) > len(self.table):
                grown = np.zeros((max(len(ids), 2 * len(self.table)), *self.table.shape[1:]))
                grown[: len(self.table)] = self.table
                self.table = grown
            pairs = chain.from_iterable(self.row(key) for key in new.values())
            self.table[list(new)] = np.fromiter(chain.from_iterable(pairs), dtype=float,
                                                count=len(new) * self.table.shape[1] * 2,
                                                ).reshape(len(new), -1, 2)
        return np.array(out, dtype=np.intp)


class CRFSegmenter:
    """Word segmentation with the CRF model of ``model_dir`` (underthesea's layout:
    ``features.bin``, ``dictionary.bin``, ``models.bin``); same words as ``word_tokenize``."""

    def __init__(self, model_dir: Path):
        templates = _load_pickle(Path(model_dir) / "features.bin")
        dictionary = frozenset(_load_pickle(Path(model_dir) / "dictionary.bin"))
        labels, state, self.trans = read_crfsuite(Path(model_dir) / "models.bin")
        if labels != ["B-W", "I-W"]:
            raise UnsupportedModel(f"labels {labels}")
        by_length: dict[int, list[tuple[str, str | None]]] = {}
        #: per template in order: (n-gram length, first offset, column in that length's table)
        self.columns: list[tuple[int, int, int]] = []
        for syntax in templates:
            m = _TEMPLATE.fullmatch(syntax)
            if not m:
                raise UnsupportedModel(f"feature template {syntax!r}")
            k1 = int(m.group(1))
            k2 = int(m.group(2)) if m.group(2) is not None else k1
            if not -_PAD <= k1 <= k2 <= _PAD:
                raise UnsupportedModel(f"feature template {syntax!r}")
            group = by_length.setdefault(k2 - k1 + 1, [])
            self.columns.append((k2 - k1 + 1, k1, len(group)))
            group.append((syntax, m.group(3)))
        self._lock = threading.Lock()
        weights: dict[str, dict] = {}  # by template, by value
        for attribute, pair in state.items():
            syntax, _, value = attribute.partition("=")
            weights.setdefault(syntax, {})[value] = pair
        self.grams = {n: _Grams(ts, weights, dictionary) for n, ts in by_length.items()}

    def emissions(self, tokens: Sequence[str]) -> np.ndarray:
        """Per token, the sum of its features' weights for each label, added in template order."""
        n = len(tokens)
        padded = [_BOS] * _PAD + list(tokens) + [_EOS] * _PAD
        rows = {length: g.lookup(padded if length == 1 else [tuple(padded[i : i + length])
                                                             for i in range(len(padded) - length + 1)])
                for length, g in self.grams.items()}
        blocks: dict[tuple[int, int], np.ndarray] = {}
        scores = np.zeros((n, 2))
        for length, k1, col in self.columns:
            block = blocks.get((length, k1))
            if block is None:  # the rows of the n-grams starting k1 tokens from each position
                block = blocks[length, k1] = self.grams[length].table[rows[length][_PAD + k1 : _PAD + k1 + n]]
            scores += block[:, col]
        return scores

    def tags(self, tokens: Sequence[str]) -> list[bool]:
        """Viterbi decoding: True for a token that continues the word before it (``I-W``)."""
        if not tokens:
            return []
        (t00, t01), (t10, t11) = self.trans
        with self._lock:  # the n-gram tables grow as they are read
            em = self.emissions(tokens).tolist()
        s0, s1 = em[0]
        back: list[tuple[int, int]] = []
        for e0, e1 in em[1:]:
            a, b = s0 + t00, s1 + t10  # into B-W from B-W, from I-W (ties: the first)
            c, d = s0 + t01, s1 + t11  # into I-W
            back.append((1 if b > a else 0, 1 if d > c else 0))
            s0, s1 = (b if b > a else a) + e0, (d if d > c else c) + e1
        label = 1 if s1 > s0 else 0
        out = [label]
        for step in reversed(back):
            label = step[label]
            out.append(label)
        out.reverse()
        return [bool(x) for x in out]

    def __call__(self, text: str) -> list[str]:
        tokens = regex_tokens(text)
        words: list[str] = []
        for token, inside in zip(tokens, self.tags(tokens), strict=True):
            if inside and words:
                words[-1] = words[-1] + " " + token
            else:
                words.append(token)
        return words


def regex_tokens(text: str) -> list[str]:
    """underthesea's ``regex_tokenize.tokenize(text)`` (character and token normalisation
    included): each match is the whole of the one named group that matched."""
    words = text.split()
    if not words:
        return []
    tail = text[len(text.rstrip()) :]
    out: list[str] = []
    for word in words[:-1]:
        out.extend(_chunk_tokens(word + " "))
    out.extend(_chunk_tokens(words[-1] + tail))
    return out


@functools.lru_cache(maxsize=200_000)
def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    """Tokens of one white-space-free piece of text followed by the white space that follows it
    in the text (one space when more text follows: no match spans white space, and the
    pattern's look-arounds see the same thing)."""
    from underthesea.pipeline.text_normalize import token_normalize
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
    from underthesea.pipeline.word_tokenize import regex_tokenize

    text = normalize_characters_in_text(chunk)
    return tuple(token_normalize(m.group()) for m in regex_tokenize.patterns.finditer(text))


@functools.cache
def segmenter() -> Callable[[str], list[str]]:
    """The word segmenter: :class:`CRFSegmenter` on underthesea's model, or underthesea's own
    ``word_tokenize`` when its model files are not in the form this module reads."""
    from underthesea import word_tokenize
    from underthesea.pipeline import word_tokenize as package

    try:
        return CRFSegmenter(Path(package.__file__).parent / "models" / "ws_crf_vlsp2013_20230727")
    except (OSError, ValueError, KeyError, struct.error) as e:
        log.warning("underthesea's segmentation model cannot be read here (%s): using word_tokenize", e)
        return word_tokenize
