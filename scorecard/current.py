"""Which dataset the app shows: the store's current version, or the bundled sample company.

An empty store is normal on a fresh machine: the sample workbook in ``sample_data/`` is then the
current dataset, read through the same ingest path as any upload, so ``make run`` shows a real
dashboard at once.
"""

from __future__ import annotations

from pathlib import Path

from scorecard.dataset import Dataset, DatasetInfo
from scorecard.ingest import load_paths
from scorecard.store import PROJECT_ROOT, Store

SAMPLE_WORKBOOK = PROJECT_ROOT / "sample_data" / "sample_company.xlsx"


class SampleUnreadableError(RuntimeError):
    """The bundled sample workbook failed validation: a packaging bug, not a user error."""


def sample_info(path: Path = SAMPLE_WORKBOOK) -> DatasetInfo:
    return DatasetInfo(
        version=None,
        created_at="bundled",
        uploader="sample company",
        file_name=path.name,
        sha256="",
    )


def load_sample(path: Path = SAMPLE_WORKBOOK) -> Dataset:
    """The sample company, validated like an upload."""
    result = load_paths([path])
    if result.dataset is None:
        raise SampleUnreadableError(result.report.as_text())
    return result.dataset


def current_info(store: Store) -> DatasetInfo:
    """Metadata of what the app shows now (the sample's when nothing was published)."""
    return store.current() or sample_info()


def load_current(store: Store) -> tuple[DatasetInfo, Dataset]:
    """The current version and its tables, or the sample company when the store is empty."""
    info = store.current()
    if info is None or info.version is None:
        return sample_info(), load_sample()
    return info, store.load(info.version)
