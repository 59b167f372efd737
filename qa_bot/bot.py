"""The Python API: one object that loads (or builds) the index and answers questions.

    from qa_bot import QABot
    bot = QABot.from_directory("documents")
    answer = bot.ask("Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?")
    print(answer.answer, answer.citations[0].hit.document.title)
    answer.to_dict()   # the JSON answer object of docs/contract.md

The CLI, the HTTP API and the chat UI are thin layers over this class.

A bad file never stops it: unreadable files are skipped, each logged once in one line and listed
by :meth:`QABot.skipped_files`; a damaged index is reported and rebuilt; an index folder that
cannot be written leaves the existing index answering, with :attr:`QABot.index_notice` saying why.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from . import spelling
from .answer import reading_depth, respond
from .config import Settings
from .documents import Folder, SkippedFile, read_directory
from .errors import IndexDamagedError, InputError
from .followup import annotate, rewrite_question
from .index import Index, is_fresh, load_index, read_manifest
from .index.ensure import ensure_index
from .index.follow import follow_once
from .index.integrity import check_files
from .index.upkeep import last_good
from .models import Answer, Document, SearchResult, document_full, document_listing
from .progress import ProgressFn
from .query import Query
from .retrieve import Retriever

log = logging.getLogger(__name__)


class QABot:
    """Question answering over an indexed folder of documents."""

    def __init__(self, index: Index, settings: Settings, skipped: Sequence[SkippedFile] = (),
                 notice: str | None = None) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None
        self._skipped: list[SkippedFile] = list(skipped)
        self._logged: set[str] = {s.line() for s in skipped}
        #: Why the index answering is not the index of the current documents (Vietnamese), or None.
        self.index_notice = notice
        self.retriever = Retriever(index, settings)
        self._stamps = _stamps(index)

    @property
    def index(self) -> Index:
        """The index answering now (a rebuild swaps in a new one atomically)."""
        return self.retriever.index

    def skipped_files(self) -> list[dict[str, str]]:
        """The files of the documents folder that are not indexed: ``[{"file", "reason"}]``, the
        reason in Vietnamese (for ``/healthz`` and ``GET /api/documents``)."""
        return [s.to_dict() for s in self._skipped]

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def from_settings(cls, settings: Settings, progress: ProgressFn | None = None,
                      rebuild: bool = False, background: bool = False) -> QABot:
        """Load the index of ``settings.documents_dir``, building it if missing, stale or damaged.
        With ``background``, a damaged index is replaced at once by the last good one, which
        answers while the rebuild runs in a background thread (for servers)."""
        folder = _read(settings)
        opened = ensure_index(settings, folder.documents, progress, rebuild, fallback_first=background)
        bot = cls(opened.index, settings, folder.skipped, opened.notice)
        if opened.stale:
            threading.Thread(target=bot._repair, name="qa-bot-rebuild", daemon=True).start()
        return bot

    @classmethod
    def from_directory(cls, documents: str | Path = "documents", index: str | Path | None = None,
                       progress: ProgressFn | None = None, **overrides) -> QABot:
        """Bot over a documents folder; the index goes to ``index`` (default: from settings)."""
        settings = Settings.from_env(documents=documents, index=index, **overrides)
        return cls.from_settings(settings, progress=progress)

    def _swap(self, index: Index, notice: str | None) -> None:
        self.retriever = Retriever(index, self.settings)  # one assignment: requests see old or new
        self._stamps = _stamps(index)
        self.index_notice = notice

    def _note_skipped(self, skipped: list[SkippedFile]) -> None:
        """Keep the skipped list; log the lines not logged before (once per file and reason)."""
        for s in skipped:
            if s.line() not in self._logged:
                log.warning("%s", s.line())
        self._logged = {s.line() for s in skipped}
        self._skipped = skipped

    def refresh(self, progress: ProgressFn | None = None, force: bool = False) -> bool:
        """Rebuild if the documents changed (or ``force``); keeps answering from the old index
        meanwhile. An index another process built for the same documents is loaded instead.
        Returns True if a new index was swapped in."""
        with self._lock:
            folder = read_directory(self.settings.documents_dir)
            self._note_skipped(folder.skipped)
            index_dir = Path(self.settings.index_dir)
            if not force and is_fresh(index_dir, folder.documents, self.settings):
                if (read_manifest(index_dir) or {}).get("data") == self.index.folder.name:
                    return False
                try:
                    self._swap(load_index(index_dir), None)
                    return True
                except IndexDamagedError as exc:
                    log.warning("chỉ mục hỏng, đang lập lại từ tài liệu (%s)", exc.detail)
            if not folder.documents:
                raise _no_documents(self.settings)
            opened = ensure_index(self.settings, folder.documents, progress, rebuild=True)
            if opened.index is self.index or opened.index.folder == self.index.folder:
                self.index_notice = opened.notice
                return False
            self._swap(opened.index, opened.notice)
            return True

    def check_index(self) -> bool:
        """Check the answering index's files on disk: when one changed since it was loaded and no
        longer matches its checksum, report it in one line, answer from the last good folder if
        there is one, and rebuild. Returns True when the index was found damaged. A folder that
        another process's build replaced is not damage: its index is loaded instead."""
        if _stamps(self.index) == self._stamps:
            return False
        index, index_dir = self.index, Path(self.settings.index_dir)
        current = (read_manifest(index_dir) or {}).get("data")
        if current and current != index.folder.name:
            log.info("chỉ mục đã được lập lại ở nơi khác (%s); nạp chỉ mục đó", current)
            self.refresh()
            return False
        try:
            check_files(index.folder, index.manifest)
        except IndexDamagedError as exc:
            log.warning("chỉ mục đang dùng bị hỏng, đang lập lại từ tài liệu (%s)", exc.detail)
            good = last_good(index_dir, exclude=[index.folder.name])
            if good is not None:
                self._swap(good, "Đang lập lại chỉ mục; tạm trả lời từ chỉ mục cũ.")
            self.refresh(force=True)
            return True
        self._stamps = _stamps(index)
        return False

    def _repair(self) -> None:
        try:
            self.refresh(force=True)
        except Exception as exc:  # noqa: BLE001 - a background thread reports, never raises
            log.warning("lập lại chỉ mục thất bại: %s", exc)

    def watch(self, interval: float = 10.0, on_error: Callable[[Exception], None] | None = None) -> None:
        """Check the documents folder every ``interval`` seconds (file names, sizes and times) and
        rebuild in the background when it changed; also check the index files (sizes and times,
        then checksums if they changed: a damaged index is rebuilt). Questions are answered
        meanwhile."""
        if self._watcher is not None or interval <= 0:
            return

        def signature() -> tuple:
            folder = Path(self.settings.documents_dir)
            out = []
            for p in folder.iterdir():
                try:
                    info = p.stat()
                except OSError:  # a symbolic link loop, a file removed meanwhile
                    info = None
                out.append((p.name, info and (info.st_size, info.st_mtime_ns)))
            return tuple(sorted(out, key=lambda x: x[0]))

        last = signature()

        def loop() -> None:
            nonlocal last
            while True:
                time.sleep(interval)
                try:
                    self.check_index()
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
        """Load what the first questions would otherwise load lazily (diacritics model, the
        dictionary, the years of every document, caches) and have the texts read ahead."""
        self.index.read_ahead()
        spelling.load_tables()  # ~0.1 s, else paid by the first question with an unknown name
        self.ask("ha giang cung cap bao nhieu dich vu cong truc tuyen")
        self.ask("Năm 2024 tỉnh Hà Giang cung cấp bao nhiêu dịch vụ công trực tuyến?")
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
               doc_ids: Sequence[str] | None = None, **meta: str | None) -> SearchResult:
        """The best passages for ``query``, without an answer. ``meta``: ``doc_type``,
        ``issuer``, ``number`` filters (see :meth:`Retriever.filter_doc_ids`)."""
        k = self._check(query, top_k)
        retriever = self.retriever  # one index for the whole query, even during a rebuild
        doc_ids = _narrowed(retriever, doc_ids, meta)
        return SearchResult(query, retriever.search(retriever.analyze(query, year, doc_ids), k))

    def ask(self, question: str, top_k: int | None = None, year: int | None = None,
            doc_ids: Sequence[str] | None = None, history: Sequence | None = None,
            **meta: str | None) -> Answer:
        """Answer ``question`` from the documents, with citations (``status``: answered, partial
        or not_found; see :func:`qa_bot.answer.respond`). ``history``: the earlier turns of the
        conversation, oldest first, each ``{"question", "answer"}`` (an answer's ``to_dict()``
        fits); a follow-up is answered as the standalone question in ``interpreted_as``
        (:mod:`qa_bot.followup`). ``meta``: ``doc_type``, ``issuer``, ``number`` filters."""
        k = self._check(question, top_k)
        retriever = self.retriever  # one index for the whole question, even during a rebuild
        doc_ids = _narrowed(retriever, doc_ids, meta)
        rewrite = rewrite_question(retriever.analyze, question, history, self.settings.max_question_chars)
        q = retriever.analyze(rewrite.standalone, year=year, doc_ids=doc_ids)
        depth = max(k, self.settings.answer_passages + 3)
        if q.temporal:
            depth = max(depth, 20)
        answer = respond(q, retriever.search(q, depth), retriever.sources, k)
        if (deeper := reading_depth(q, depth, answer)) > depth:  # a definition further down the ranking
            answer = respond(q, retriever.search(q, deeper), retriever.sources, k)
        return annotate(answer, rewrite)

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

    def load_published(self) -> bool:
        """Swap in the index another process (worker) published, if newer; True if swapped."""
        return follow_once(self, Path(self.settings.index_dir))

    def stats(self) -> dict:
        return {"documents": len(self.index.documents), "chunks": self.index.n_passages}

    # -- managing the documents folder (qa_bot.manage; CLI, HTTP and UI share these) -----------
    def add_document(self, data: bytes | str | Path, name: str | None = None, meta: dict | None = None,
                     replace: bool = False) -> dict:
        """Add a file (its bytes and ``name``, or a path) to the documents folder, ``meta``
        (title, date, source, url...) over what it says, then re-index: only the new document is
        analysed and the new index is swapped in while questions are answered. Returns its entry
        of :meth:`documents` (with ``notice`` when the index could not be refreshed). Errors:
        :class:`qa_bot.manage.ManageError` and subclasses."""
        from . import manage

        if isinstance(data, bytes):
            added = manage.add_file(self.settings, data, name or "tai-lieu.txt", meta, replace)
        else:
            added = manage.add_path(self.settings, data, meta, replace)
        self.refresh()
        doc_id = added.document.doc_id
        listed = [d for d in self.documents() if d["doc_id"] == doc_id]
        entry = listed[0] if listed else document_listing(added.document, 0)
        return {**entry, "notice": self.index_notice} if self.index_notice else entry

    def remove_document(self, doc_id: str) -> None:
        """Take document ``doc_id`` out of the folder (its file moves to ``documents/.removed/``)
        and re-index. :class:`qa_bot.manage.UnknownDocument` when there is no such document."""
        from . import manage

        if self.index.document(doc_id) is not None and len(self.index.documents) == 1:
            raise manage.ManageError("Không xoá được văn bản cuối cùng: cần ít nhất một văn bản để trả lời.",
                                     "refusing to remove the last document")
        manage.remove(self.settings, doc_id)
        self.refresh()

    def document_file(self, doc_id: str) -> Path | None:
        """The original file of document ``doc_id`` (for downloads), or None."""
        from .manage import original_file

        return original_file(self.settings, doc_id)


def _stamps(index: Index) -> tuple:
    """Size and modification time of every file of an index, to notice a change cheaply."""
    out = []
    for name in index.manifest.get("files") or {}:
        try:
            info = (index.folder / name).stat()
            out.append((name, info.st_size, info.st_mtime_ns))
        except OSError:
            out.append((name, -1, -1))
    return tuple(out)


def _read(settings: Settings, documents: Sequence[Document] | None = None) -> Folder:
    """The documents to index; each skipped file logged in one line; InputError when none."""
    folder = Folder(list(documents), []) if documents is not None else read_directory(settings.documents_dir)
    for s in folder.skipped:
        log.warning("%s", s.line())
    if not folder.documents:
        raise _no_documents(settings)
    return folder


def _no_documents(settings: Settings) -> InputError:
    return InputError(f"Không có tài liệu nào trong thư mục {settings.documents_dir} "
                      "(hoặc không tệp nào đọc được).")


def open_index(settings: Settings, documents: Sequence[Document] | None = None,
               progress: ProgressFn | None = None, rebuild: bool = False) -> Index:
    """The index of ``settings.documents_dir`` (or of ``documents``): loaded if fresh and intact,
    else (re)built; see :func:`qa_bot.index.upkeep.ensure_index`."""
    return ensure_index(settings, _read(settings, documents).documents, progress, rebuild).index


__all__ = ["InputError", "QABot", "open_index"]


#: A document id no index has: the filters matched no document.
NO_DOCUMENT = "\x00"


def _narrowed(retriever, doc_ids: Sequence[str] | None, meta: dict) -> Sequence[str] | None:
    """``doc_ids`` narrowed by the ``doc_type`` / ``issuer`` / ``number`` filters of ``meta``."""
    unknown = set(meta) - {"doc_type", "issuer", "number"}
    if unknown:
        raise TypeError(f"unknown filters: {sorted(unknown)}")
    if not any(meta.values()):
        return doc_ids
    return retriever.filter_doc_ids(doc_ids, **meta) or [NO_DOCUMENT]
