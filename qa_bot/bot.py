"""The Python API: one object that loads (or builds) the index and answers questions.

    from qa_bot import QABot
    bot = QABot.from_directory("documents")
    answer = bot.ask("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?")
    print(answer.answer, answer.citations[0].hit.document.title)
    answer.to_dict()   # the JSON answer object of docs/contract.md

The CLI, the HTTP API and the chat UI are thin layers over this class.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .answer import respond
from .config import Settings
from .documents import load_directory
from .errors import InputError
from .followup import annotate, rewrite_question
from .index import Index, build_index, is_fresh, load_index
from .models import Answer, Document, SearchResult, document_full, document_listing
from .progress import ProgressFn
from .query import Query
from .retrieve import Retriever


class QABot:
    """Question answering over an indexed folder of documents."""

    def __init__(self, index: Index, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None
        self.retriever = Retriever(index, settings)

    @property
    def index(self) -> Index:
        """The index answering now (a rebuild swaps in a new one atomically)."""
        return self.retriever.index

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def from_settings(cls, settings: Settings, progress: ProgressFn | None = None,
                      rebuild: bool = False) -> QABot:
        """Load the index of ``settings.documents_dir``, building it if missing or stale."""
        return cls(open_index(settings, progress=progress, rebuild=rebuild), settings)

    @classmethod
    def from_directory(cls, documents: str | Path = "documents", index: str | Path | None = None,
                       progress: ProgressFn | None = None, **overrides) -> QABot:
        """Bot over a documents folder; the index goes to ``index`` (default: from settings)."""
        settings = Settings.from_env(documents=documents, index=index, **overrides)
        return cls.from_settings(settings, progress=progress)

    def refresh(self, progress: ProgressFn | None = None) -> bool:
        """Rebuild if the documents changed; keeps answering from the old index meanwhile.
        Returns True if a new index was swapped in."""
        with self._lock:
            docs = load_directory(self.settings.documents_dir)
            if is_fresh(Path(self.settings.index_dir), docs, self.settings):
                return False
            new = build_index(docs, self.settings, progress=progress)
            self.retriever = Retriever(new, self.settings)  # one assignment: requests see old or new
            return True

    def watch(self, interval: float = 10.0, on_error: Callable[[Exception], None] | None = None) -> None:
        """Check the documents folder every ``interval`` seconds (file names, sizes and times) and
        rebuild in the background when it changed; questions are answered meanwhile."""
        if self._watcher is not None or interval <= 0:
            return

        def signature() -> tuple:
            folder = Path(self.settings.documents_dir)
            return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                                for p in folder.iterdir() if p.is_file()))

        last = signature()

        def loop() -> None:
            nonlocal last
            while True:
                time.sleep(interval)
                try:
                    now = signature()
                    if now != last:
                        self.refresh()
                        last = now
                except Exception as exc:  # a bad file must not stop the watcher or the server
                    if on_error:
                        on_error(exc)

        self._watcher = threading.Thread(target=loop, name="qa-bot-watch", daemon=True)
        self._watcher.start()

    def warm_up(self) -> None:
        """Load what the first questions would otherwise load lazily (diacritics model, caches)."""
        self.ask("ha giang cung cap bao nhieu dich vu cong truc tuyen")
        self.ask("Phiên họp thứ ba kết nối tới bao nhiêu địa phương?")
        self.ask("Ai chủ trì?", history=[{"question": "Phiên họp thứ ba diễn ra khi nào?", "answer": ""}])

    # -- validation -------------------------------------------------------------------------
    def _check(self, question: str, top_k: int | None) -> int:
        if not isinstance(question, str) or not question.strip():
            raise InputError("Câu hỏi trống: hãy nhập nội dung cần hỏi.")
        if len(question) > self.settings.max_question_chars:
            raise InputError(
                f"Câu hỏi quá dài ({len(question)} ký tự); tối đa "
                f"{self.settings.max_question_chars} ký tự."
            )
        k = self.settings.top_k if top_k is None else top_k
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= self.settings.max_top_k:
            raise InputError(f"top_k phải là số nguyên từ 1 đến {self.settings.max_top_k}.")
        return k

    # -- queries ----------------------------------------------------------------------------
    def query(self, question: str, year: int | None = None,
              doc_ids: Sequence[str] | None = None) -> Query:
        """How the question is understood (tokens, filters)."""
        return self.retriever.analyze(question, year=year, doc_ids=doc_ids)

    def search(self, query: str, top_k: int | None = None, year: int | None = None,
               doc_ids: Sequence[str] | None = None) -> SearchResult:
        """The best passages for ``query``, without an answer."""
        k = self._check(query, top_k)
        retriever = self.retriever  # one index for the whole query, even during a rebuild
        return SearchResult(query, retriever.search(retriever.analyze(query, year, doc_ids), k))

    def ask(self, question: str, top_k: int | None = None, year: int | None = None,
            doc_ids: Sequence[str] | None = None, history: Sequence | None = None) -> Answer:
        """Answer ``question`` from the documents, with citations (``status``: answered, partial
        or not_found; see :func:`qa_bot.answer.respond`). ``history``: the earlier turns of the
        conversation, oldest first, each ``{"question", "answer"}`` (an answer's ``to_dict()``
        fits); a follow-up is answered as the standalone question in ``interpreted_as``
        (:mod:`qa_bot.followup`)."""
        k = self._check(question, top_k)
        retriever = self.retriever  # one index for the whole question, even during a rebuild
        rewrite = rewrite_question(retriever.analyze, question, history, self.settings.max_question_chars)
        q = retriever.analyze(rewrite.standalone, year=year, doc_ids=doc_ids)
        depth = max(k, self.settings.answer_passages + 3)
        if q.temporal:
            depth = max(depth, 20)
        return annotate(respond(q, retriever.search(q, depth), retriever.sources, k), rewrite)

    # -- documents --------------------------------------------------------------------------
    def documents(self) -> list[dict]:
        """``GET /api/documents``: metadata and passage count of every document."""
        idx = self.index
        return [document_listing(d, int(idx.chunks[i])) for i, d in enumerate(idx.documents)]

    def document(self, doc_id: str) -> dict | None:
        """``GET /api/documents/{doc_id}``: metadata plus text, or None."""
        index = self.index
        doc = index.document(doc_id)
        if doc is None:
            return None
        return document_full(doc, int(index.chunks[index.doc_index(doc_id)]))

    def stats(self) -> dict:
        return {"documents": len(self.index.documents), "chunks": self.index.n_passages}


def open_index(settings: Settings, documents: Sequence[Document] | None = None,
               progress: ProgressFn | None = None, rebuild: bool = False) -> Index:
    """The index of ``settings.documents_dir``: loaded if fresh, else (re)built."""
    docs = list(documents) if documents is not None else load_directory(settings.documents_dir)
    if not docs:
        raise InputError(f"Không có tài liệu nào trong thư mục {settings.documents_dir}.")
    index_dir = Path(settings.index_dir)
    if not rebuild and is_fresh(index_dir, docs, settings):
        return load_index(index_dir)
    return build_index(docs, settings, progress=progress)


__all__ = ["InputError", "QABot", "open_index"]
