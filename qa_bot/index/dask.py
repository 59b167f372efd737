"""Document analysis on a Dask cluster (``qa-bot index --dask ADDRESS`` or ``QA_BOT_DASK``).

The tokenizer-bound part of a build, :func:`~.build.analyze` of each new document, runs as Dask
tasks on the cluster's workers, in batches; the query models are fitted there too, as one more
task. The coordinator (the ``qa-bot index`` process) gathers the analyses into its per-document
cache and writes the index itself, so the result is the same index a local build makes (same
files, same hashes). A worker that dies mid-build loses nothing: the scheduler reruns its tasks
on the others (``distributed``'s ``allowed-failures``). Needs ``pip install -e .[dask]`` on the
coordinator, and qa-bot installed on every worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from ..errors import InputError
from ..models import Document

log = logging.getLogger(__name__)


def _analyze_batch(analyze: Callable, jobs: Sequence[tuple[Document, int]]) -> list:
    """One task: the analyses of a few documents (``analyze`` travels by reference: its module
    is imported on the worker)."""
    return [analyze(doc, max_chars) for doc, max_chars in jobs]


def connect(address: str):
    """A ``distributed.Client`` on the scheduler at ``address``; InputError (Vietnamese) when the
    extra is not installed or the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("Chưa cài Dask: hãy chạy pip install -e '.[dask]' để lập chỉ mục trên cụm Dask.",
                         "the dask extra is not installed") from None
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"Không kết nối được bộ lập lịch Dask tại {address} ({exc}).",
                         f"cannot reach the Dask scheduler at {address}: {exc}") from None


def batches(n: int, workers: int) -> list[range]:
    """Index ranges of ``n`` jobs cut for ``workers``: about 8 batches per worker, 1..64 jobs each."""
    size = max(1, min(64, n // max(1, workers * 8)))
    return [range(i, min(n, i + size)) for i in range(0, n, size)]


def analyse_on_dask(address: str, jobs: Sequence[tuple[Document, int]], documents: Sequence[Document],
                    on_result: Callable[[int, object], None], analyze: Callable,
                    build_models: Callable) -> tuple[dict, dict]:
    """Analyse ``jobs`` (``(document, passage_chars)``) with ``analyze`` on the Dask cluster at
    ``address``: calls ``on_result(job_index, analysis)`` as results arrive (any order), and
    returns ``build_models(documents)`` (restorer, lexicon), computed there too."""
    from distributed import as_completed

    client = connect(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = batches(len(jobs), workers)
        log.info("Dask %s: %d tài liệu, %d tác vụ, %d worker", address, len(jobs), len(parts), workers)
        models = client.submit(build_models, list(documents), pure=False)
        futures = {client.submit(_analyze_batch, analyze, [jobs[i] for i in part], pure=False): part
                   for part in parts}
        for future in as_completed(futures):
            for i, analysis in zip(futures[future], future.result(), strict=True):
                on_result(i, analysis)
        return models.result()
    finally:
        client.close()


__all__ = ["analyse_on_dask", "batches", "connect"]
