"""What the store hands back: the result of storing a version, a merge before it is stored,
and a version's manifest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from scorecard.dataset import DatasetInfo
from scorecard.merge import MergeSummary
from scorecard.storage.blobs import Blob

#: What a version holds: (table, month) → (blob sha256, rows); month is "" for keyed tables.
Manifest = dict[tuple[str, str], tuple[str, int]]


@dataclass(frozen=True)
class PublishResult:
    """The version a publish, merge, edit or rollback produced; or the identical upload it
    found (``duplicate``); or the current version, when the change changed nothing
    (``unchanged``). ``summary`` says what changed against the version before."""

    info: DatasetInfo
    duplicate: bool
    unchanged: bool = False
    summary: MergeSummary = field(default_factory=MergeSummary)

    @property
    def stored(self) -> bool:
        """Whether a new version was stored."""
        return not (self.duplicate or self.unchanged)

    @property
    def message(self) -> str:
        if self.duplicate:
            return (
                f"This file is identical to version {self.info.version}, published "
                f"{self.info.created_at} by {self.info.uploader}; nothing new was stored."
            )
        if self.unchanged:
            return (
                f"Version {self.info.version} already holds every row of this; nothing "
                "changed, so no new version was stored."
            )
        verb = {"merge": "Merged into", "edit": "Saved", "rollback": "Rolled back to"}
        lead = (
            f"{verb.get(self.info.how, 'Published')} version {self.info.version}"
            if self.info.how != "rollback"
            else f"{self.info.changes.split(':')[0].capitalize()}, as version {self.info.version}"
        )
        return f"{lead}; it is now the current dataset."


@dataclass(frozen=True)
class MergePlan:
    """What merging an upload into the current version would store (before it is stored)."""

    base: DatasetInfo | None
    manifest: Manifest
    blobs: tuple[Blob, ...]
    summary: MergeSummary

    @property
    def unchanged(self) -> bool:
        return self.base is not None and self.summary.unchanged


def publish_key(sha256: str) -> str:
    return f"publish:{sha256}"


def manifest_of(blobs: Iterable[Blob]) -> Manifest:
    return {(b.table, b.month): (b.sha256, b.rows) for b in blobs}


def manifest_sha256(manifest: Manifest) -> str:
    """A name for a version made without a file (an edit): the hash of what it holds."""
    text = json.dumps(sorted((t, m, sha) for (t, m), (sha, _) in manifest.items()))
    return hashlib.sha256(text.encode()).hexdigest()
