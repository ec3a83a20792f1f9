"""The Data page's publish step: replace the current dataset with an upload, or add the upload
to it (:mod:`scorecard.merge`), with what adding changes shown before anything is stored.

Adding is the suggested (primary) action when the upload lacks a table the current dataset has
or brings dates inside its months (:func:`scorecard.merge.merge_by_default`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from scorecard.formatting import MISSING
from scorecard.merge import MergeSummary, merge_by_default
from scorecard.ui import access, cache
from scorecard.ui.text import literal

if TYPE_CHECKING:
    from scorecard.dataset import Dataset
    from scorecard.ingest import IngestResult
    from scorecard.ingest.raw import Upload
    from scorecard.store import PublishResult

#: Session key: the sha256 of the last upload completed with the current version's tables.
COMPLETED = "data_completed_with_current"


@st.cache_data(show_spinner="Comparing with the current dataset…", max_entries=4)
def preview(
    _upload: Dataset, sha256: str, base_version: int, url: str
) -> tuple[MergeSummary, bool]:
    """What adding the upload (``sha256``) to ``base_version`` changes, and whether adding is
    the suggested action. Only the months and tables the upload touches are read."""
    store = cache.store()
    return (store.plan_merge(_upload).summary, merge_by_default(store.held(base_version), _upload))


def people_frame(summary: MergeSummary) -> pd.DataFrame:
    """Who joined, left or moved department or manager, one row each."""
    rows = [(p, "joined", "", "") for p in summary.joined]
    rows += [(p, "left", "", "") for p in summary.left]
    for move in summary.moved:
        for what, (was, now) in (("department", move.department), ("manager", move.manager_id)):
            if was != now:
                rows.append((move.person_id, f"{what} changed", was or "—", now or "—"))
    return pd.DataFrame(rows, columns=["person_id", "change", "from", "to"])


def show_summary(summary: MergeSummary, label: str) -> None:
    if summary.unchanged:
        st.info(f"{label} already holds every row of these files, so adding them changes nothing.")
        return
    st.write(f"Adding these files to **{label}** changes: {literal(summary.one_line())}.")
    st.dataframe(
        summary.frame(),
        hide_index=True,
        width="stretch",
        key="data_merge_rows",
        placeholder=MISSING,
    )
    people = people_frame(summary)
    if not people.empty:
        st.dataframe(
            people, hide_index=True, width="stretch", key="data_merge_people", placeholder=MISSING
        )


def section(result: IngestResult, uploader: str, flash: Callable[[str, str], None]) -> None:
    """The publish buttons for a validated upload (none when it has errors, or is a file
    already published)."""
    store = cache.store()
    existing = store.find_by_sha256(result.sha256)
    if existing is not None:
        st.info(
            f"These files are identical to version {existing.version}, published "
            f"{literal(existing.created_at)} by {literal(existing.uploader)}, so there is "
            "nothing new to publish. To show that version again, make it current in the "
            "History tab."
        )
        return
    if not result.report.ok:
        return
    base = store.current()
    adding, summary = False, MergeSummary()
    if base is not None and base.version is not None:
        summary, adding = preview(result.dataset, result.sha256, base.version, store.url)
        adding = adding or st.session_state.get(COMPLETED) == result.sha256
        st.subheader("Publish")
        show_summary(summary, base.label)
        st.caption(
            "**Add to the current dataset** keeps everything and updates it: people, "
            "goals, assumptions and accounts by their key; activity and outcomes inside "
            "the files' dates. **Replace** makes these files the whole dataset."
        )
    left, right = st.columns(2)
    add = base is not None and left.button(
        "Add to the current dataset",
        type="primary" if adding else "secondary",
        key="data_merge",
        icon=":material/library_add:",
        disabled=summary.unchanged,
    )
    replace = right.button(
        "Publish as a new version" if base is None else "Replace: publish as a new version",
        type="secondary" if adding else "primary",
        key="data_publish",
        icon=":material/publish:",
    )
    outcome: PublishResult | None = None
    if add:
        outcome = store.merge(
            result.dataset,
            uploader=uploader,
            file_name=result.file_name,
            sha256=result.sha256,
            report=result.report,
        )
    elif replace:
        outcome = store.publish(
            result.dataset,
            uploader=uploader,
            file_name=result.file_name,
            sha256=result.sha256,
            report=result.report,
        )
    if outcome is not None:
        if outcome.stored:
            access.record(
                outcome.info.how,
                f"version {outcome.info.version} from {result.file_name}: {outcome.info.changes}",
            )
        flash("success" if outcome.stored else "info", outcome.message)


def check_edits(edited: Dataset, version: int | None, file_name: str) -> IngestResult:
    """Validate edited assumptions and goals as an upload would be.

    For a stored version only the tables an edit touches or refers to are checked (people and
    accounts for references, goals, assumptions): its activity and outcomes are stored already,
    checked when they were published, and shared by the new version unchanged, so a 1M-row
    dataset is not written to a workbook and read back for a one-cell edit. The sample company
    (``version`` None) is checked whole, since its edit becomes a first version.
    """
    from scorecard.dataset import empty_frame
    from scorecard.schema import ACTIVITY, OUTCOMES
    from scorecard.ui import upload

    if version is not None:
        edited = dataclasses.replace(
            edited, activity=empty_frame(ACTIVITY), outcomes=empty_frame(OUTCOMES)
        )
    return upload.revalidate(edited, file_name)


def with_current_tables(
    uploads: tuple[Upload, ...], validate: Callable[[tuple[Upload, ...]], IngestResult]
) -> IngestResult:
    """``validate(uploads)``; when the upload's only problem is a missing people or activity
    table and a version is current, validated again with that version's tables
    (:mod:`scorecard.monthly`), so that a month's export alone can be added."""
    from scorecard.monthly import REFERENCES, context_uploads, missing_only

    result = validate(uploads)
    missing, store = missing_only(result.report), cache.store()
    current = store.current() if missing else None
    if current is None or current.version is None:
        return result
    tables = store.load(current.version, REFERENCES)
    again = validate((*uploads, *context_uploads(missing, tables)))
    if again.dataset is None:
        return result
    st.session_state[COMPLETED] = again.sha256  # lacked tables: adding is the suggestion
    return again
