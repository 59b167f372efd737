"""Abbreviations and field synonyms of Vietnamese administration, curated and learned.

A query that writes an abbreviation also searches its full form, and the reverse ("TTHC" <->
"thủ tục hành chính"). Besides the curated list, every corpus teaches its own abbreviations at
indexing time from the pattern "full form (ABBR)". An abbreviation with several meanings ("CP":
Chính phủ or cổ phần) is resolved by the corpus's own evidence: its definition in the corpus if
there is one, else the meaning whose words the corpus uses most.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .tones import tokenize

#: Curated administrative abbreviations (several meanings: most common first).
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "CCHC": ("cải cách hành chính",),
    "TTHC": ("thủ tục hành chính",),
    "UBND": ("Ủy ban nhân dân",),
    "HĐND": ("Hội đồng nhân dân",),
    "BCĐ": ("Ban Chỉ đạo",),
    "KT-XH": ("kinh tế - xã hội",),
    "CBCCVC": ("cán bộ, công chức, viên chức",),
    "CBCC": ("cán bộ, công chức",),
    "CCVC": ("công chức, viên chức",),
    "QPPL": ("quy phạm pháp luật",),
    "VBQPPL": ("văn bản quy phạm pháp luật",),
    "MTTQ": ("Mặt trận Tổ quốc",),
    "MTTQVN": ("Mặt trận Tổ quốc Việt Nam",),
    "NĐ-CP": ("Nghị định của Chính phủ",),
    "NQ-CP": ("Nghị quyết của Chính phủ",),
    "QĐ-TTg": ("Quyết định của Thủ tướng Chính phủ",),
    "CT-TTg": ("Chỉ thị của Thủ tướng Chính phủ",),
    "TTg": ("Thủ tướng",),
    "TW": ("Trung ương",),
    "T.Ư": ("Trung ương",),
    "TƯ": ("Trung ương",),
    "BTV": ("Ban Thường vụ",),
    "BCH": ("Ban Chấp hành",),
    "CP": ("Chính phủ", "cổ phần"),
    "DVC": ("dịch vụ công",),
    "DVCTT": ("dịch vụ công trực tuyến",),
    "CNTT": ("công nghệ thông tin",),
    "CĐS": ("chuyển đổi số",),
    "CSDL": ("cơ sở dữ liệu",),
    "HCC": ("hành chính công",),
    "PAR": ("cải cách hành chính",),
    "SIPAS": ("sự hài lòng của người dân, tổ chức",),
    "PCI": ("năng lực cạnh tranh cấp tỉnh",),
    "PAPI": ("hiệu quả quản trị và hành chính công cấp tỉnh",),
    "ĐVSNCL": ("đơn vị sự nghiệp công lập",),
    "ĐVSN": ("đơn vị sự nghiệp",),
    "THPT": ("trung học phổ thông",),
    "GD-ĐT": ("giáo dục và đào tạo",),
    "LĐ-TB&XH": ("lao động - thương binh và xã hội",),
    "TP": ("thành phố",),
    "TX": ("thị xã",),
    "NSNN": ("ngân sách nhà nước",),
    "ĐTC": ("đầu tư công",),
}

#: Curated synonyms of the field, used as extra query words at a lower weight.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("tinh giản biên chế", "cắt giảm biên chế", "giảm biên chế", "cắt giảm nhân sự", "giảm nhân sự"),
    ("hạn chế", "tồn tại", "yếu kém", "bất cập", "điểm yếu"),
    ("toàn quốc", "cả nước"),
    ("yêu cầu", "đề nghị", "chỉ đạo"),
    ("giải pháp", "biện pháp"),
    ("kết quả", "thành tựu"),
    ("chủ trì", "chủ tọa"),
    ("phiên họp", "hội nghị", "cuộc họp"),  # "Hội nghị trực tuyến toàn quốc (phiên thứ 7)"
    ("trực tuyến", "online", "qua mạng"),
    ("chuyển đổi số", "số hóa", "digital transformation"),
    # the English a foreign researcher writes for the field's terms
    ("chính phủ điện tử", "e-government"),
    ("người đứng đầu", "thủ trưởng"),
    ("chỉ số cải cách hành chính", "par index"),
    # everyday words for the words of laws and regulations
    ("lệ phí", "chi phí", "tốn tiền"),
    ("ít nhất", "tối thiểu"),
    ("nhiều nhất", "tối đa"),
    ("anh văn", "tiếng anh"),
    ("email", "mail", "thư điện tử"),
    ("website", "trang web"),
    ("giáo viên", "giảng viên"),
    ("khôi phục", "lấy lại"),
    ("lãnh đạo", "đứng đầu"),
    # a native word and its Sino-Vietnamese equivalent ("Anh em Hồi giáo" is "Huynh đệ Hồi giáo")
    ("anh em", "huynh đệ"),
    ("thi thể", "tử thi"),
    ("phê bình", "chỉ trích", "phê phán"),
)

def curated_synonyms() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each phrase of :data:`SYNONYMS` with the other phrases of its group."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for group in SYNONYMS:
        phrases = [syllables(p) for p in group]
        for p in phrases:
            out[p] = [q for q in phrases if q != p]
    return out


_WORD = re.compile(r"\w+")
_ABBR_IN_PARENS = re.compile(r"\(\s*([A-ZĐ][A-ZĐa-zđ.&\-]{1,11})\s*\)")


def syllables(text: str) -> tuple[str, ...]:
    """Normalised ``\\w+`` syllables of a text (:func:`qa_bot.tones.tokenize`, as a tuple)."""
    return tuple(tokenize(text))


def _is_initials(abbr: str, words: Sequence[str]) -> bool:
    """True when the letters of ``abbr`` are the initials of ``words`` (case-insensitive)."""
    letters = "".join(c for c in abbr if c.isalpha()).lower()
    return letters == "".join(w[0] for w in words).lower()


def learn_definitions(texts: Iterable[str]) -> dict[str, Counter]:
    """Abbreviations a corpus defines itself with "full form (ABBR)": {ABBR: Counter(full forms)}.

    The full form is the shortest run of words before the parenthesis whose initials spell the
    abbreviation (CCHC <- "Cải cách hành chính", CBCCVC <- "cán bộ, công chức, viên chức").
    """
    found: dict[str, Counter] = {}
    for text in texts:
        for m in _ABBR_IN_PARENS.finditer(text):
            abbr = m.group(1)
            before = text[max(0, m.start() - 100) : m.start()].rsplit("(", 1)[-1].rsplit(")", 1)[-1]
            words = _WORD.findall(before.rsplit("\n", 1)[-1])
            letters = sum(c.isalpha() for c in abbr)
            for n in range(1, min(len(words), letters + 2) + 1):
                cand = words[-n:]
                if _is_initials(abbr, cand):
                    found.setdefault(abbr, Counter())[" ".join(cand)] += 1
                    break
    return found


@dataclass(eq=False)  # hashed by identity: caches of text views key on the index's lexicon
class Lexicon:
    """Abbreviation and synonym tables keyed by normalised syllable sequences."""

    #: abbreviation syllables -> full-form syllables (one meaning, already resolved)
    expand: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    #: full-form syllables -> abbreviation syllables
    contract: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    #: phrase syllables -> synonym phrases
    synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def build(cls, texts: Iterable[str], phrase_count: Callable[[tuple[str, ...]], int] | None = None,
              ) -> Lexicon:
        """Curated entries plus the corpus's own definitions, ambiguities resolved by the corpus.

        ``phrase_count(syllables)`` tells how often the corpus uses a phrase (for ambiguous
        abbreviations without a definition); without it the first curated meaning wins.
        """
        learned = learn_definitions(texts)
        lex = cls()
        for abbr, meanings in ABBREVIATIONS.items():
            if abbr in learned:
                continue
            options = [syllables(m) for m in meanings]
            best = max(options, key=lambda o: phrase_count(o) if phrase_count else 0) if len(
                options) > 1 and phrase_count else options[0]
            lex._add(syllables(abbr), best)
        for abbr, forms in learned.items():
            lex._add(syllables(abbr), syllables(forms.most_common(1)[0][0]))
        lex.synonyms = curated_synonyms()
        return lex

    def _add(self, abbr: tuple[str, ...], full: tuple[str, ...]) -> None:
        if not abbr or not full or abbr == full:
            return
        self.expand[abbr] = full
        self.contract.setdefault(full, abbr)

    @functools.cached_property
    def _starts(self) -> dict[str, list[tuple[str, ...]]]:
        """Every known phrase, listed under its first word (longest first)."""
        starts: dict[str, list[tuple[str, ...]]] = {}
        for key in {*self.expand, *self.contract, *self.synonyms}:
            starts.setdefault(key[0], []).append(key)
        for keys in starts.values():
            keys.sort(key=len, reverse=True)
        return starts

    def variants(self, words: Sequence[str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        """Phrases to add to a query of normalised ``words``: (abbreviation variants, synonyms)."""
        abbr_out: list[tuple[str, ...]] = []
        syn_out: list[tuple[str, ...]] = []
        starts = self._starts
        for i, word in enumerate(words):
            for key in starts.get(word, ()):
                if tuple(words[i : i + len(key)]) != key:
                    continue
                if key in self.expand:
                    abbr_out.append(self.expand[key])
                if key in self.contract:
                    abbr_out.append(self.contract[key])
                syn_out.extend(self.synonyms.get(key, ()))
        return abbr_out, syn_out

    def to_dict(self) -> dict:
        return {
            "expand": [[list(k), list(v)] for k, v in self.expand.items()],
            "contract": [[list(k), list(v)] for k, v in self.contract.items()],
            "synonyms": [[list(k), [list(x) for x in v]] for k, v in self.synonyms.items()],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Lexicon:
        """A saved lexicon; curated synonyms always come from this code (they are not learned)."""
        return cls(
            {tuple(k): tuple(v) for k, v in data.get("expand", [])},
            {tuple(k): tuple(v) for k, v in data.get("contract", [])},
            curated_synonyms(),
        )
