"""Batch extraction: in order, failures as items, in processes and on a Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.extract.batch import BatchItem, extract_batch
from accord.extract.pipeline import DEFAULT_EXTRACTOR, get_extractor
from accord.ingest import MetadataOverrides

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"


@pytest.fixture
def paths(tmp_path: Path) -> list[Path]:
    """Three real documents with a broken file and a missing one between them."""
    found = sorted(DOCS.glob("*.txt"))[:3]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    return [found[0], empty, found[1], tmp_path / "missing.txt", found[2]]


def check(items: list[BatchItem], paths: list[Path]) -> None:
    assert [item.path for item in items] == paths
    failed = [item for item in items if item.error is not None]
    assert [item.path.name for item in failed] == ["empty.txt", "missing.txt"]
    assert all(item.error and item.error.startswith(str(item.path)) for item in failed)
    assert all("\n" not in (item.error or "") for item in failed)
    good = [item for item in items if item.error is None]
    assert all(item.extraction is not None and item.document is not None for item in good)
    assert [i.extraction.document.text_sha256 for i in good if i.extraction] == [
        i.document.sha256 for i in good if i.document
    ]


def test_extract_batch_in_this_process_keeps_order_and_reports_failures(paths: list[Path]) -> None:
    check(list(extract_batch(paths)), paths)


def test_extract_batch_applies_overrides(paths: list[Path]) -> None:
    items = list(extract_batch(paths[:1], MetadataOverrides(outlet="Test Wire")))
    assert items[0].document is not None and items[0].document.outlet == "Test Wire"


def test_extract_batch_skips_documents_already_extracted_by_this_extractor(
    paths: list[Path],
) -> None:
    first = next(extract_batch(paths[:1]))
    assert first.document is not None
    extractor = get_extractor(DEFAULT_EXTRACTOR)
    skip = {first.document.sha256: (extractor.name, extractor.version)}
    again = next(extract_batch(paths[:1], skip=skip))
    assert again.skipped and again.document == first.document
    older = next(extract_batch(paths[:1], skip={first.document.sha256: (extractor.name, "0")}))
    assert not older.skipped and older.extraction == first.extraction


@pytest.mark.slow
def test_extract_batch_in_worker_processes_matches_one_process(paths: list[Path]) -> None:
    here = list(extract_batch(paths))
    pooled = list(extract_batch(paths, workers=2))
    check(pooled, paths)
    assert pooled == here


@pytest.fixture
def cluster_address() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_extract_batch_on_a_dask_cluster_matches_one_process(
    paths: list[Path], cluster_address: str
) -> None:
    here = list(extract_batch(paths))
    on_cluster = list(extract_batch(paths, cluster=cluster_address))
    check(on_cluster, paths)
    assert on_cluster == here
