"""The shared sidebar: which dataset, which period, which department; kept across pages.

The sidebar widgets live in ``app.py``'s run, before the page, so their keys persist in
``st.session_state`` while the user moves between pages. The resolved choice is handed to the
page as a :class:`Selection` (``selection()``), so pages never re-read widgets of another file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from scorecard.dataset import DatasetInfo, Filters, Period
from scorecard.ui import access, cache, legacy, periods, profiling
from scorecard.ui.text import literal

ALL_DEPARTMENTS = "All departments"
KEY_PERIOD = "sidebar_period"
KEY_CUSTOM = "sidebar_custom_range"
KEY_DEPARTMENT = "sidebar_department"
_SELECTION = "scorecard_selection"


@dataclass(frozen=True)
class Selection:
    """Everything a page needs to know about the user's choice."""

    info: DatasetInfo
    key: str
    choice: str
    period: Period
    previous: Period
    department: str | None
    has_activity: bool
    currency: str

    @property
    def filters(self) -> Filters:
        return Filters(departments=(self.department,) if self.department else ())

    @property
    def scope(self) -> str:
        return self.department or "the whole company"


def dataset_caption(info: DatasetInfo) -> str:
    """One line about the current dataset: who published what, when."""
    if info.version is None:
        return "The bundled sample company. Publish your own workbook on the Data page."
    return f"Published {info.created_at} by {info.uploader} · {info.file_name}"


def period_caption(period: Period) -> str:
    return f"{period.start:%d %b %Y} – {period.end:%d %b %Y}"


def _keep_valid(key: str, options: tuple[str, ...] | list[str]) -> None:
    """Drop a remembered choice the new dataset no longer offers (a department that left)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


def _custom_range(first: date, last: date) -> tuple[date, date] | None:
    chosen = st.date_input(
        "From – to",
        value=(max(first, last.replace(day=1)), last),
        min_value=first,
        max_value=last,
        key=KEY_CUSTOM,
        format="YYYY-MM-DD",
        help="Pick the first and the last day; the figures cover both.",
    )
    if isinstance(chosen, (tuple, list)) and len(chosen) == 2:
        return chosen[0], chosen[1]
    st.caption("Pick the last day of the range too.")
    return None


def sidebar() -> Selection:
    """Render the sidebar and remember the resolved choice for the page about to run."""
    now = cache.current()
    facts = cache.facts(now.key)
    with st.sidebar:
        st.markdown(f"**Dataset:** {literal(now.info.label)}")
        st.caption(literal(dataset_caption(now.info)))  # the uploader and file name: user text
        choice = st.selectbox(
            "Period",
            periods.CHOICES,
            key=KEY_PERIOD,
            help="Counted back from the last day with activity in the dataset, not from today.",
        )
        last = facts.last_day or date.today()
        first = facts.first_day or last
        custom = _custom_range(first, last) if choice == periods.CUSTOM else None
        period = periods.resolve(choice, last, custom)
        st.caption(
            f"{period_caption(period)}  \ncompared with "
            f"{period_caption(periods.previous(choice, period))}"
        )
        options = access.department_options(ALL_DEPARTMENTS, facts.departments)  # the scope
        _keep_valid(KEY_DEPARTMENT, options)
        department = st.selectbox("Department", options, key=KEY_DEPARTMENT)
    selection = Selection(
        info=now.info,
        key=now.key,
        choice=choice,
        period=period,
        previous=periods.previous(choice, period),
        department=None if department == ALL_DEPARTMENTS else department,
        has_activity=facts.last_day is not None,
        currency=facts.currency,
    )
    st.session_state[_SELECTION] = selection
    return selection


def enter_frame() -> None:
    """Mark this run as framed by ``app.py`` (navigation and sidebar before the page)."""
    profiling.start()
    legacy.enter_frame()


def leave_frame() -> None:
    """Forget this run's choice once the page has run (see :func:`selection`)."""
    legacy.leave_frame()
    st.session_state.pop(_SELECTION, None)
    profiling.stop()


def selection() -> Selection:
    """The choice made in this run's sidebar (``app.py`` renders it before every page)."""
    if not legacy.in_frame():  # Streamlit's legacy pages/ mode: scorecard.ui.legacy
        legacy.leave()
        return sidebar()
    chosen = st.session_state.get(_SELECTION)
    if chosen is None:
        raise RuntimeError("the current dataset could not be read")
    return chosen
