"""Indexing on a Dask cluster (issue 13): a ``distributed.LocalCluster`` of two worker processes
analyses the documents; the index equals the one built locally (same file hashes in the
manifest), also when a worker is killed mid-build (its tasks rerun on the other)."""

from __future__ import annotations

import os
import signal
from dataclasses import replace
from pathlib import Path

import pytest

from qa_bot.config import Settings
from qa_bot.documents import read_directory
from qa_bot.index.build import build_index
from qa_bot.index.dask import batches
from qa_bot.index.storage import read_manifest
from qa_bot.models import Document
from tests.conftest import SHIPPED_DOCUMENTS

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


def _corpus() -> list[Document]:
    """The shipped documents cut into documents of 2 paragraphs each (about 25)."""
    out = []
    for doc in read_directory(SHIPPED_DOCUMENTS).documents:
        paras = [p for p in doc.text.split("\n") if p.strip()]
        for j in range(0, len(paras), 2):
            out.append(replace(doc, doc_id=f"{doc.doc_id}-{j // 2}", title=f"{doc.title} ({j // 2})",
                               text="\n".join(paras[j:j + 2])))
    return out


def _files(index_dir: Path) -> dict:
    manifest = read_manifest(index_dir)
    assert manifest is not None
    return manifest["files"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_files(tmp_path_factory: pytest.TempPathFactory) -> dict:
    index_dir = tmp_path_factory.mktemp("local") / "index"
    build_index(_corpus(), Settings(index_dir=index_dir, workers=1))
    return _files(index_dir)


def test_batches_cover_every_job_once() -> None:
    for n, w in [(1, 2), (40, 2), (1000, 3), (5, 64)]:
        parts = batches(n, w)
        assert [i for p in parts for i in p] == list(range(n))
        assert all(1 <= len(p) <= 64 for p in parts)


def test_dask_build_equals_local_build(cluster, local_files: dict, tmp_path: Path) -> None:
    docs = _corpus()
    assert len(docs) >= 20
    seen = []
    build_index(docs, Settings(index_dir=tmp_path / "index", dask=cluster.scheduler_address),
                progress=lambda done, total: seen.append((done, total)))
    assert _files(tmp_path / "index") == local_files
    assert seen[-1] == (len(docs), len(docs))


def test_a_worker_killed_mid_build_is_survived(cluster, local_files: dict, tmp_path: Path) -> None:
    with distributed.Client(cluster.scheduler_address) as client:
        pids = sorted(client.run(os.getpid).values())
    assert len(pids) == 2
    docs = _corpus()
    killed: list[int] = []

    def progress(done: int, total: int) -> None:
        if 0 < done < total and not killed:  # results are coming in, tasks still running
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    build_index(docs, Settings(index_dir=tmp_path / "index", dask=cluster.scheduler_address),
                progress=progress)
    assert killed, "no worker was killed: the build ended before any result came in"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    assert _files(tmp_path / "index") == local_files


def test_cli_index_dask_flag(cluster, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    local = tmp_path / "local"
    build_index(read_directory(SHIPPED_DOCUMENTS).documents, Settings(index_dir=local, workers=1))
    r = subprocess.run([sys.executable, "-m", "qa_bot.cli", "index", "--json", "-q", "--documents",
                        str(SHIPPED_DOCUMENTS), "--index", str(tmp_path / "index"), "--dask",
                        cluster.scheduler_address], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["rebuilt"] is True
    assert _files(tmp_path / "index") == _files(local)
