"""What the title slide and the About sheet say about the data: company, period, version."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scorecard.report import Report


def _get(meta: Any, key: str) -> Any:
    if meta is None:
        return None
    if isinstance(meta, Mapping):
        return meta.get(key)
    return getattr(meta, key, None)


def period_text(report: Report) -> str:
    """The report's period in words: "2026-01-01 to 2026-03-31"."""
    return report.period.text()


def is_sample(meta: Any) -> bool:
    """The bundled sample company (see :func:`scorecard.current.sample_info`)."""
    return _get(meta, "version") is None and _get(meta, "uploader") == "sample company"


def company_name(meta: Any) -> str:
    """ "Sample company" for the bundled sample, else the uploaded file's name."""
    if meta is None:
        return "Social scorecard"
    if is_sample(meta):
        return "Sample company"
    version = _get(meta, "version")
    return str(_get(meta, "file_name") or (f"Version {version}" if version else "Unnamed file"))


def version_text(meta: Any) -> str:
    """ "Dataset version 4 of 2026-03-31 09:12 UTC", "Sample company dataset (bundled)", or
    "Unpublished file march.xlsx, read 2026-04-01 08:00 UTC" for a file read directly."""
    if meta is None:
        return "Dataset version unknown"
    version, created = _get(meta, "version"), _get(meta, "created_at")
    if is_sample(meta):
        return f"Sample company dataset ({created or 'bundled'})"
    if version is None:
        return f"Unpublished file {_get(meta, 'file_name')}, read {created}"
    return f"Dataset version {version} of {created}"


def deck_facts(report: Report, meta: Any, company: str | None = None) -> list[tuple[str, str]]:
    """Label/value pairs about the data, for the About sheet and the title slide's notes;
    ``company`` (the assumption, :func:`scorecard.export.context.company_of`) names the company,
    else :func:`company_name`."""
    facts = [
        ("Company", company_name(meta) if company is None else company),
        ("Period", period_text(report)),
        ("Dataset", version_text(meta)),
    ]
    for key, label in (("file_name", "File"), ("uploader", "Published by"), ("sha256", "SHA-256")):
        value = _get(meta, key)
        if value:
            facts.append((label, str(value)))
    return facts
