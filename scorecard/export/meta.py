"""What the title slide and the About sheet say about the data: company, period, version."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _get(meta: Any, key: str) -> Any:
    if meta is None:
        return None
    if isinstance(meta, Mapping):
        return meta.get(key)
    return getattr(meta, key, None)


def period_text(report: Mapping[str, Any]) -> str:
    """The report's period in words: "2026-01-01 to 2026-03-31"."""
    period = report.get("period") or {}
    if isinstance(period, Mapping):
        start = period.get("from") or period.get("start")
        end = period.get("to") or period.get("end")
        return f"{start} to {end}" if start and end else "—"
    return str(period)


def company_name(meta: Any) -> str:
    """"Sample company" for the bundled sample (version None), else the uploaded file's name."""
    if meta is None:
        return "Social scorecard"
    version = _get(meta, "version")
    if version is None:
        return "Sample company"
    return str(_get(meta, "file_name") or f"Version {version}")


def version_text(meta: Any) -> str:
    """"Dataset version 4 of 2026-03-31T09:12:00" or "Sample company (bundled)"."""
    if meta is None:
        return "Dataset version unknown"
    version, created = _get(meta, "version"), _get(meta, "created_at")
    if version is None:
        return f"Sample company dataset ({created or 'bundled'})"
    return f"Dataset version {version} of {created}"


def deck_facts(report: Mapping[str, Any], meta: Any) -> list[tuple[str, str]]:
    """Label/value pairs about the data, for the About sheet and the title slide's notes."""
    facts = [("Company", company_name(meta)), ("Period", period_text(report)),
             ("Dataset", version_text(meta))]
    for key, label in (("file_name", "File"), ("uploader", "Published by"),
                       ("sha256", "SHA-256")):
        value = _get(meta, key)
        if value:
            facts.append((label, str(value)))
    return facts
