"""The Data page's mapping step: how each uploaded file was read, and how to read it otherwise.

Per file and sheet: the source and table it was read as (with confidence, or the saved profile
that read it); for a sheet a preset does not settle, each column with a sample value and the
field it feeds, constants for what the export lacks, derived columns, CRM outcome rules, and
how dates and numbers are written. **Apply** re-reads the files with that mapping through the
ingest worker (the mapping travels as a preset, data); **Save as profile** stores it, and the
next file with the same header is read that way without asking. The pure half is
:mod:`scorecard.sources.mapping`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from scorecard.formatting import MISSING
from scorecard.ingest.raw import Upload
from scorecard.sources import mapping as m
from scorecard.sources.preset import Preset
from scorecard.sources.profiles import SavedProfile, load_profile, presets_of, saved_by_line
from scorecard.ui import cache, upload
from scorecard.ui.mapping_form import form_fields
from scorecard.ui.text import literal

if TYPE_CHECKING:
    from scorecard.ingest import IngestResult
    from scorecard.ingest.readers import SourceNote

#: Session: mappings applied (or loaded from a JSON file) but not saved, id → preset JSON.
DRAFTS = "mapping_drafts"
FLASH = "mapping_flash"


@st.cache_data(show_spinner="Checking the files…", max_entries=4)
def _ingest(uploads: tuple[Upload, ...], profiles: tuple[str, ...]) -> IngestResult:
    """The ingest result of the uploads read with ``profiles`` (preset JSON) first."""
    from scorecard.ingest.worker import run_ingest

    presets = presets_of([SavedProfile("", "", text, "", "") for text in profiles])
    return run_ingest(list(uploads), profiles=presets)


def _drafts() -> dict[str, str]:
    return st.session_state.setdefault(DRAFTS, {})


def validate(uploads: tuple[Upload, ...]) -> IngestResult:
    """The uploads read with this session's applied mappings, then the saved profiles."""
    saved = tuple(p.preset_json for p in cache.store().profiles())
    result = _ingest(uploads, (*reversed(_drafts().values()), *saved))
    if upload.is_transient(result):  # a busy machine, not the file: read it again next time
        _ingest.clear()
    return result


def _known() -> tuple[dict[str, Preset], dict[str, SavedProfile]]:
    """Every preset a note may name (registry, saved profiles, drafts) and the saved rows."""
    from scorecard.sources.registry import BY_ID

    saved = {}
    for row in cache.store().profiles():
        try:
            saved[row.preset.id] = row
        except (ValueError, TypeError, KeyError):
            continue
    presets = dict(BY_ID)
    presets.update({pid: row.preset for pid, row in saved.items()})
    presets.update({pid: Preset.from_json(text) for pid, text in _drafts().items()})
    return presets, saved


def _read_as(note: SourceNote, presets: dict[str, Preset], saved: dict[str, SavedProfile]) -> str:
    if note.preset_id in saved:
        return f"{saved[note.preset_id].sentence} → {note.table}"
    if note.preset_id and note.preset_id.startswith(m.DRAFT_PREFIX):
        return f"mapped as you set it (not saved as a profile yet) → {note.table}"
    if note.preset_id in _drafts():
        return f"mapped with the profile '{presets[note.preset_id].tool}' you loaded → {note.table}"
    if _unmapped(note):
        return "matches no known export: map its columns below"
    return note.read_as


def _label(note: SourceNote) -> str:
    return note.file if note.sheet == note.file else f"{note.file} › {note.sheet}"


def _mappable(note: SourceNote) -> bool:
    return note.layout is not None and bool(note.layout.headers) and not note.layout.template


def _unmapped(note: SourceNote) -> bool:
    return _mappable(note) and note.preset_id is None and note.read_as.startswith(m.UNMAPPED_PREFIX)


def section(result: IngestResult, uploader: str) -> bool:
    """How each file was read, and the mapping step for exports no preset knows.

    True when the mapping step stands in for the problem list (a file matches no preset and
    the upload has errors): the page shows nothing more.
    """
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(literal(message), icon=":material/check_circle:")
    presets, saved = _known()
    if result.sources:
        st.subheader("How each file was read")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "file": _label(n),
                        "read as": _read_as(n, presets, saved),
                        "table": n.table or "",
                        "confidence": "" if n.confidence is None else f"{n.confidence:.2f}",
                    }
                    for n in result.sources
                ]
            ),
            hide_index=True,
            width="stretch",
            key="mapping_sources",
            placeholder=MISSING,
        )
        for note in result.sources:  # say it in words too: the table is for scanning
            if note.preset_id in saved:
                st.caption(
                    f":material/bookmark: {literal(_label(note))}: "
                    f"{literal(saved[note.preset_id].sentence)}"
                )
    _load_profile_file()
    unmapped = [n for n in result.sources if _unmapped(n)]
    if not unmapped or result.report.ok:
        return False
    names = ", ".join(f"'{_label(n)}'" for n in unmapped)
    st.warning(
        f"{literal(names)} {'matches' if len(unmapped) == 1 else 'match'} no export the "
        "app knows. Say below which field each column feeds, then press **Apply**; "
        "**Save as profile** remembers it for the next file with the same columns."
    )
    for note in unmapped:
        _editor(note, presets, uploader, _read_as(note, presets, saved))
    with st.expander(f"Errors as the files stand ({len(result.report.errors)})"):
        st.dataframe(
            upload.problems_frame(result.report, "error"),
            hide_index=True,
            width="stretch",
            key="mapping_problems",
            placeholder=MISSING,
        )
    return True


def adjust(result: IngestResult, uploader: str) -> None:
    """ "Adjust how a file is read": the mapping step for any file, open when there are errors
    (an undated totals report needs its period, a channel export its account)."""
    notes = [n for n in result.sources if _mappable(n)]
    if not notes:
        return
    presets, saved = _known()
    # Open while something needs doing: errors to fix, or a mapping applied but not saved.
    unsaved = [i for i, n in enumerate(notes) if (n.preset_id or "").startswith(m.DRAFT_PREFIX)]
    with st.expander(
        "Adjust how a file is read",
        expanded=not result.report.ok or bool(unsaved),
        icon=":material/tune:",
    ):
        failing = {p.sheet for p in result.report.errors}
        first = next((i for i, n in enumerate(notes) if _label(n) in failing), None)
        first = first if first is not None else (unsaved or [0])[0]
        chosen = st.selectbox(
            "File",
            range(len(notes)),
            index=first,
            key="mapping_file",
            format_func=lambda i: _label(notes[i]),
        )
        _editor(notes[chosen], presets, uploader, _read_as(notes[chosen], presets, saved))


def _load_profile_file() -> None:
    """A profile downloaded earlier (or from a colleague), applied for this session."""
    with st.expander("Load a mapping profile (JSON)", icon=":material/upload_file:"):
        file = st.file_uploader(
            "Mapping profile",
            type=["json"],
            key="mapping_profile_file",
            help="A profile downloaded from this page; it applies to files with the same "
            "columns until you save it here.",
        )
        if file is None:
            return
        try:
            preset = load_profile(file.getvalue().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            st.error(
                f"The profile '{literal(file.name)}' cannot be used: {literal(exc)}. Download "
                "it again from the mapping step and load that file."
            )
            return
    if _drafts().get(preset.id) != preset.to_json():
        _drafts()[preset.id] = preset.to_json()
        st.rerun()


def _base(note: SourceNote, presets: dict[str, Preset]) -> Preset | None:
    return presets.get(note.preset_id) if note.preset_id else None


def _editor(note: SourceNote, presets: dict[str, Preset], uploader: str, read_as: str) -> None:
    """One sheet's mapping: table, columns, constants, derived, rules; Apply / Save / Download."""
    assert note.layout is not None
    sid = m.draft_id(note.file, note.sheet)
    base = _base(note, presets)
    start = m.draft_from_preset(base, note.layout) if base else m.draft_for_unknown(note.layout)
    st.markdown(f"**{literal(_label(note))}** · {literal(read_as)}")
    if base is not None and base.notes:
        st.caption(literal(base.notes))
    if base is not None and base.expansions:
        again = "; ".join(e.reason for e in base.expansions)
        st.caption(
            f"The {literal(base.tool)} rules also read each row again for: {literal(again)}."
        )
    table = st.selectbox(
        "Table it feeds",
        m.MAPPABLE_TABLES,
        index=m.MAPPABLE_TABLES.index(start.table),
        key=f"map_{sid}_table",
    )
    start = m.with_table(start, table)
    notices = st.container()  # filled once the form's values are known, shown above it
    with st.form(f"map_{sid}_form", border=True):
        draft, errors = form_fields(sid, start)
        name = st.text_input(
            "Profile name",
            value=base.tool if base else "",
            key=f"map_{sid}_name",
            placeholder="e.g. Brandwatch weekly",
        )
        left, right = st.columns(2)
        apply = left.form_submit_button(
            "Apply", type="primary", key=f"map_{sid}_apply", icon=":material/sync:"
        )
        save = right.form_submit_button(
            "Save as profile", key=f"map_{sid}_save", icon=":material/bookmark_add:"
        )
    for error in errors:
        notices.error(literal(error))
    missing = m.missing_required(draft)
    if missing:
        notices.warning(
            f"Nothing feeds {', '.join(missing)}: choose a column or set a constant below."
        )
    sheet = "" if note.layout.is_file else note.sheet
    title = name.strip() or (base.tool if base else note.file)
    profile = m.to_profile(draft, title, base=base, preset_id=sid, sheet=sheet)
    st.download_button(
        "Download profile",
        data=profile.to_json(),
        mime="application/json",
        file_name=f"{m.profile_id(title, draft.headers)}.json",
        key=f"map_{sid}_download",
        icon=":material/download:",
    )
    if errors or not (apply or save):
        return
    if not save:
        _drafts()[sid] = profile.to_json()
        st.rerun()
    if not name.strip():
        st.error("Give the profile a name to save it (e.g. the tool and the report).")
        return
    by = uploader.strip() or "anonymous"
    today = datetime.now(UTC).date().isoformat()
    stored = m.to_profile(
        draft, name.strip(), base=base, sheet=sheet, documented_by=saved_by_line(by, today)
    )
    cache.store().save_profile(
        name.strip(), m.header_fingerprint(draft.headers), stored.to_json(), by
    )
    _drafts().pop(sid, None)
    st.session_state[FLASH] = (
        f"Saved the profile '{name.strip()}': files with these columns "
        "are now read this way without asking."
    )
    st.rerun()
