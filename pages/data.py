"""Data (marketers): upload, check, publish; history; assumptions and goals in a table editor."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.assumptions import SETTINGS
from scorecard.formatting import MISSING
from scorecard.ingest.raw import Upload
from scorecard.schema import DIRECTIONS, TABLES
from scorecard.ui import access, cache, legacy, mapping, publishing, state, upload
from scorecard.ui.text import literal

FLASH = "data_flash"
ACCEPTED = ["xlsx", "xlsm", "xls", "ods", "csv"]
PREVIEW_ROWS = 200


def flash(kind: str, message: str) -> None:
    """Remember a message across the rerun that refreshes the sidebar after a change."""
    st.session_state[FLASH] = (kind, message)
    st.rerun()


def show_flash() -> None:
    kind, message = st.session_state.pop(FLASH, (None, None))
    if kind == "success":  # the message names the uploader and the file: user text
        st.success(literal(message), icon=":material/check_circle:")
    elif kind == "info":
        st.info(literal(message))


def show_report(result) -> None:
    report = result.report
    errors, warnings = len(report.errors), len(report.warnings)
    if errors:
        st.error(
            f"{report.summary()} Fix the errors below in your file and upload it again; "
            "nothing was published and the current dataset is unchanged."
        )
        # A refused file (too large, hostile, over the reader's limits) is said in words, not
        # only in a row of the table below.
        for problem in [p for p in report.errors if p.row is None and p.column is None][:3]:
            st.error(literal(f"{problem.message} {problem.fix}"), icon=":material/block:")
    elif warnings:
        st.warning(f"{report.summary()} You can publish; the warnings say what was assumed.")
    else:
        st.success("No problems found: the files are ready to publish.")
    for severity, count in (("error", errors), ("warning", warnings)):
        if count:
            st.subheader(f"{severity.capitalize()}s ({count})")
            problems = upload.problems_frame(report, severity)
            # st.table wraps long messages and fixes (st.dataframe cuts them at the column's
            # edge); it draws every row, so a long list continues in a scrolling table.
            st.table(upload.problems_table(problems.head(upload.WRAPPED_PROBLEMS)), hide_index=True)
            if len(problems) > upload.WRAPPED_PROBLEMS:
                with st.expander(f"All {len(problems):,} {severity}s"):
                    st.dataframe(
                        problems,
                        hide_index=True,
                        width="stretch",
                        key=f"data_problems_{severity}",
                        placeholder=MISSING,
                    )


def show_preview(dataset) -> None:
    st.subheader("Preview")
    counts = dataset.row_counts
    st.caption(" · ".join(f"{name}: {n:,} rows" for name, n in counts.items()))
    tabs = st.tabs([name.capitalize() for name in TABLES])
    for tab, name in zip(tabs, TABLES, strict=True):
        with tab:
            frame = dataset.table(name)
            if frame.empty:
                st.caption(f"No {name} rows: the sheet is optional or was empty.")
            else:
                st.dataframe(
                    frame.head(PREVIEW_ROWS),
                    hide_index=True,
                    width="stretch",
                    key=f"data_preview_{name}",
                    placeholder=MISSING,
                )


def upload_tab(uploader: str) -> None:
    st.write(
        "Upload the workbook (one sheet per table) or one CSV per table, straight from "
        "your tools. Every problem is listed with its sheet, row and column and how to fix "
        "it; nothing is published until you press **Publish**."
    )
    st.download_button(
        "Download the blank template",
        data=upload.template_bytes(),
        file_name="social_scorecard_template.xlsx",
        key="data_template",
        icon=":material/download:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    files = st.file_uploader(
        "Workbook or CSV files",
        type=ACCEPTED,
        accept_multiple_files=True,
        key="data_files",
        max_upload_size=upload.upload_limit_mb(),
        help="xlsx, xlsm, xls, ods, or CSV files named after their table "
        f"(people.csv, activity.csv, …). {upload.upload_rule()}",
    )
    st.caption(upload.upload_rule())  # a file the browser refuses shows only an icon otherwise
    if not files:
        st.info("Drop your filled-in template here, or the CSV exports of your tools.")
        return
    # A month's export alone is checked with the current people (scorecard.monthly).
    uploads = tuple(Upload(f.name, f.getvalue()) for f in files)
    result = publishing.with_current_tables(uploads, mapping.validate)
    if mapping.section(result, uploader):  # an export no preset knows: map it first
        return
    show_report(result)
    mapping.adjust(result, uploader)
    if result.dataset is None:
        return
    show_preview(result.dataset)
    publishing.section(result, uploader, flash)  # replace, or add to the current dataset


def history_tab(uploader: str) -> None:
    versions = cache.store().versions()
    if not versions:
        st.info(
            "Nothing has been published yet, so the app shows the sample company. Upload "
            "your workbook on the first tab to publish version 1."
        )
        return
    table = pd.DataFrame(
        {
            "version": [v.version for v in versions],
            "published": [v.created_at for v in versions],
            "by": [v.uploader for v in versions],
            "how": [v.how for v in versions],
            "what changed": [v.changes for v in versions],
            "file": [v.file_name for v in versions],
            "rows": [sum(v.row_counts.values()) for v in versions],
            "current": [v.is_current for v in versions],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="data_history",
        column_config={
            "current": st.column_config.CheckboxColumn("Current"),
            "what changed": st.column_config.TextColumn(width="large"),
        },
        placeholder=MISSING,
    )
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    chosen = left.selectbox("Version", [v.version for v in versions], key="data_version")
    if right.button(
        "Make current",
        key="data_make_current",
        help="Show this version everywhere in the app again. It is stored as a "
        "new version (a rollback), so nothing is lost or deleted.",
    ):
        info = cache.store().make_current(int(chosen), uploader=uploader)
        access.record("rollback", f"version {chosen} made current as version {info.version}")
        if info.version == chosen:
            flash("info", f"Version {chosen} is already the current dataset.")
        flash("success", f"Version {chosen} is current again (stored as version {info.version}).")


def edit_tab(uploader: str) -> None:
    try:
        chosen = state.selection()
    except RuntimeError:
        st.error(
            "The current dataset could not be read, so there is nothing to edit. Make "
            "another version current in the History tab."
        )
        return
    base = cache.dataset(chosen.key)
    st.write(
        f"Edit the assumptions and goals of **{literal(chosen.info.label)}**. Saving "
        "checks them like an upload and stores the result as a new version; the old one "
        "stays in the history."
    )
    st.subheader("Assumptions")
    assumptions = st.data_editor(
        base.assumptions,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key=f"data_edit_assumptions_{chosen.key}",
        column_config={
            "key": st.column_config.TextColumn("Key", required=True),
            "value": st.column_config.TextColumn("Value", required=True),
        },
        placeholder=MISSING,
    )
    with st.expander("Which keys can I set?"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "key": s.key + ("<name>" if s.is_family else ""),
                        "default": "" if s.default is None else str(s.default),
                        "unit": s.unit,
                        "meaning": s.description,
                    }
                    for s in SETTINGS
                ]
            ),
            hide_index=True,
            width="stretch",
            key="data_settings_help",
            placeholder=MISSING,
        )
    st.subheader("Goals")
    goals = st.data_editor(
        base.goals,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key=f"data_edit_goals_{chosen.key}",
        column_config={
            "metric": st.column_config.TextColumn("Metric", required=True),
            "target": st.column_config.NumberColumn("Target", required=True),
            "start": st.column_config.DateColumn("Start", required=True),
            "end": st.column_config.DateColumn("End", required=True),
            "direction": st.column_config.SelectboxColumn("Direction", options=DIRECTIONS),
        },
        placeholder=MISSING,
    )
    if not st.button("Check and save as a new version", type="primary", key="data_save_edits"):
        return
    try:
        edited = upload.edited_dataset(base, assumptions, goals)
    except (ValueError, TypeError) as error:
        st.error(f"A cell does not fit its column ({literal(error)}). Correct it and save again.")
        return
    result = publishing.check_edits(
        edited, chosen.info.version, f"edit of {chosen.info.label.lower()}.xlsx"
    )
    if result.dataset is None or not result.report.ok:
        show_report(result)
        return
    if chosen.info.version is None:  # the sample company: its edit is a first version
        outcome = cache.store().publish(
            result.dataset,
            uploader=uploader,
            file_name=result.file_name,
            sha256=result.sha256,
            report=result.report,
        )
    else:  # only the two edited tables are stored; activity and outcomes are shared
        outcome = cache.store().edit(
            chosen.info.version,
            {"assumptions": result.dataset.assumptions, "goals": result.dataset.goals},
            uploader=uploader,
            report=result.report,
        )
    if outcome.stored:
        access.record("edit", f"assumptions and goals saved as version {outcome.info.version}")
    flash("success" if outcome.stored else "info", outcome.message)


legacy.leave()  # outside app.py's frame (Streamlit's legacy pages/ mode): leave it first
st.title("Data")
show_flash()
# The uploader is who is signed in (local mode: this computer's user), never typed.
uploader = access.current().identity
st.caption(literal(f"Versions you publish are stored as published by {uploader}."))
uploads, history, edits = st.tabs(["Upload", "History", "Assumptions & goals"])
with uploads:
    upload_tab(uploader)
with history:
    history_tab(uploader)
with edits:
    edit_tab(uploader)
