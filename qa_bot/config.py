"""All settings of qa-bot, library and server, in one object.

Each field can be set from the environment (``QA_BOT_<FIELD>``, e.g. ``QA_BOT_PORT=8080``;
``QA_BOT_DOCUMENTS`` and ``QA_BOT_INDEX`` for the two folders) and, for the ones the CLI exposes,
by a flag, which wins. The numbers of retrieval and answering were chosen by measurement; the
README says how, and lists every field in one table.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import InputError

#: Bumped whenever the on-disk index layout changes; a different value forces a rebuild.
INDEX_FORMAT_VERSION = 4
#: Bumped whenever tokenization or sentence splitting changes (normalisation, extra tokens, sentence
#: cuts); forces a re-analysis.
TOKENIZER_VERSION = 7  # 7: a text's relative years ("năm nay") as years
#: Bumped whenever the query models change (the restorer's question phrases, the lexicon's rules);
#: forces a rebuild that re-uses every cached analysis.
MODELS_VERSION = 2  # 2: the asker's frames ("cho mình hỏi") and time limits ("mất tối đa")
#: What a management route answers on a read-only replica (``Settings.read_only``).
READ_ONLY_MESSAGE = ("Máy chủ này chỉ đọc (--read-only): không thể thêm, sửa hay xoá tài liệu tại đây; "
                     "hãy dùng máy chủ quản trị (máy lập chỉ mục).")
#: Accepted values of ``log_level``.
LOG_LEVELS = ("debug", "info", "warning", "error")


@dataclass(frozen=True)
class Settings:
    """Runtime configuration. Build with :meth:`Settings.from_env` and override with ``replace``."""

    documents_dir: Path = Path("documents")
    index_dir: Path = Path("index")
    top_k: int = 5
    max_top_k: int = 50
    max_question_chars: int = 2000
    # BM25 (Lucene variant, as bm25s implements it).
    k1: float = 1.2
    b: float = 0.75
    bm25_method: str = "lucene"
    # Query weights: syllables of compound words count for half of the question's own words
    # (nDCG@10 +0.005..+0.008 on the three public sets); curated synonyms are used as answer
    # evidence, where they help, and weigh 0 in ranking, where they measured neutral.
    syllable_weight: float = 0.5
    synonym_weight: float = 0.0
    # A year named in the question multiplies the scores of that year's documents.
    year_hint_boost: float = 1.3
    # Segment questions by longest match against the index vocabulary instead of underthesea:
    # `qa-bot ask` starts in ~0.4 s instead of ~1.1 s; nDCG@10 moves by -0.01..+0.005 (README).
    fast_query_segmentation: bool = True
    # Passages: sentences are packed up to this many characters, never cut.
    passage_chars: int = 600
    # Answers: how many top passages feed sentence selection, how many sentences at most.
    answer_passages: int = 3
    answer_sentences: int = 2
    # Evidence threshold for ``found`` (idf-weighted share of the question's content words that the
    # best passage holds); calibrated on tests/data/questions.jsonl, see README.
    found_threshold: float = 0.45
    # Index build: worker processes for tokenization (0 = all cores).
    workers: int = 0
    # Serving (qa-bot serve): where to listen, which browser origins may call the API (none), how
    # often to look for changed documents (0: never), the largest request body in bytes.
    host: str = "127.0.0.1"
    port: int = 7860
    cors: tuple[str, ...] = ()
    watch: float = 10.0
    max_body: int = 64 * 1024
    # Document management (qa-bot add/remove, POST/DELETE /api/documents, the UI's "Tài liệu" tab):
    # the admin key (or a file holding it; none: the HTTP/UI management is off) and the largest
    # file accepted, in bytes.
    admin_key: str = field(default="", repr=False)
    admin_key_file: str = ""
    max_upload: int = 50 * 1024 * 1024
    # Scale-out (qa-bot serve --workers, --read-only; qa-bot index --dask): server processes on one
    # port (0 = one per core); a read-only replica never builds nor writes into the index folder
    # and follows the versions a writer publishes (management routes refuse, READ_ONLY_MESSAGE);
    # the Dask scheduler address ("" = analyse on this machine).
    web_workers: int = 0
    read_only: bool = False
    dask: str = ""
    # HTTP hardening (qa-bot serve): requests a minute per client address on the API and the chat
    # UI's questions (0: no limit; --rate-limit N/min, QA_BOT_RATE_LIMIT=N or N/min); seconds a
    # request's line and headers may take to arrive, and the longest wait for the next piece of a
    # request body (408 after it).
    rate_limit: int = 0
    header_timeout: float = 10.0
    body_timeout: float = 10.0
    # Messages on stderr at this level and above; "debug" adds the English detail of errors and
    # one line per HTTP request.
    log_level: str = "info"

    def __post_init__(self) -> None:
        if self.log_level not in LOG_LEVELS:
            raise InputError(f"Mức ghi nhật ký không hợp lệ: {self.log_level!r}; "
                             f"chọn một trong {', '.join(LOG_LEVELS)}.",
                             f"log_level must be one of {LOG_LEVELS}, got {self.log_level!r}")
        if self.rate_limit < 0:
            raise InputError(f"Giới hạn tốc độ không hợp lệ: {self.rate_limit}; dùng N/min với N >= 0.",
                             f"rate_limit must be >= 0, got {self.rate_limit}")
        if not 0 <= self.port <= 65535:
            raise InputError(f"Cổng không hợp lệ: {self.port}; cổng là số từ 0 đến 65535.",
                             f"port out of range: {self.port}")

    @staticmethod
    def env_name(field: str) -> str:
        """The environment variable of a field: ``QA_BOT_PORT``; ``QA_BOT_DOCUMENTS``, ``QA_BOT_INDEX``."""
        return "QA_BOT_" + {"documents_dir": "documents", "index_dir": "index"}.get(field, field).upper()

    @classmethod
    def from_env(cls, documents: str | Path | None = None, index: str | Path | None = None,
                 env: Mapping[str, str] | None = None, **overrides) -> Settings:
        """Settings from explicit values (``None``: not given), else ``QA_BOT_*`` environment
        variables, else the defaults. A malformed variable raises :class:`InputError`."""
        env = os.environ if env is None else env
        values = {}
        for f in fields(cls):
            raw = env.get(cls.env_name(f.name))
            if raw is not None and raw.strip() != "":
                values[f.name] = _parse(cls.env_name(f.name), raw, f.default)
        given = {"documents_dir": documents, "index_dir": index, **overrides}
        values.update({k: v for k, v in given.items() if v is not None})
        for name in ("documents_dir", "index_dir"):
            if name in values:
                values[name] = Path(values[name])
        if "cors" in values:
            values["cors"] = tuple(values["cors"])
        return replace(cls(), **values)


def parse_rate(text: str) -> int:
    """Requests a minute from ``N/min``, ``N/phút`` or ``N``; ValueError otherwise."""
    number, _, unit = text.strip().partition("/")
    if unit.strip().lower() not in ("", "min", "m", "phút", "minute"):
        raise ValueError(text)
    value = int(number)
    if value < 0:
        raise ValueError(text)
    return value


def _parse(name: str, raw: str, default: object) -> object:
    """An environment value as the type of the field's default."""
    raw = raw.strip()
    try:
        if name == "QA_BOT_RATE_LIMIT":
            return parse_rate(raw)
        if isinstance(default, bool):
            if raw.lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
                raise ValueError(raw)
            return raw.lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, tuple):
            return tuple(x.strip() for x in raw.split(",") if x.strip())
        if isinstance(default, Path):
            return Path(raw)
        return raw.lower() if name == "QA_BOT_LOG_LEVEL" else raw
    except ValueError:
        kind = {bool: "true hoặc false", int: "một số nguyên", float: "một số"}.get(type(default), "hợp lệ")
        raise InputError(f"Biến môi trường {name} phải là {kind} (đang là {raw!r}).",
                         f"environment variable {name}: cannot parse {raw!r}") from None


__all__ = ["INDEX_FORMAT_VERSION", "LOG_LEVELS", "MODELS_VERSION", "READ_ONLY_MESSAGE", "TOKENIZER_VERSION",
           "Settings", "parse_rate"]
