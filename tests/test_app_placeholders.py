"""No "None" or "nan" in a table on screen: empty cells show "—" (issue 13, part 6).

``st.dataframe``'s ``placeholder`` is the text of a missing cell; the Data page's problem list is
an ``st.table`` (it wraps long messages) whose display copy holds "—" itself.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from scorecard.formatting import MISSING
from scorecard.store import Store
from scorecard.workbook import workbook_bytes
from tests.companies import ops_trio

APP = Path(__file__).resolve().parent.parent / "app.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIMEOUT = 180  # the machine is shared; this bounds a hang, it is not a speed assertion


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    published = Store(url)
    published.publish(ops_trio(), uploader="Test Setup", file_name="tiny.xlsx", sha256="tiny-v1")
    return published


def page(name: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.switch_page(f"pages/{name}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_problem_table_shows_a_dash_for_a_blank_value_and_wraps(store: Store):
    book = load_workbook(io.BytesIO(workbook_bytes(ops_trio())))
    book["activity"]["A3"] = None  # the second activity row loses its date: a blank cell
    out = io.BytesIO()
    book.save(out)
    at = page("data")
    at.file_uploader(key="data_files").set_value(("blank.xlsx", out.getvalue(), XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    problems = at.table[0].value  # st.table: the one table element that wraps its cells
    assert problems.to_dict("records") == [
        {
            "Severity": "error",
            "Sheet": "activity",
            "Row (in Excel)": "3",
            "Column": "date",
            "Value": MISSING,  # the blank cell: "—", never "None"
            "What is wrong": "Column 'date' must not be blank\\.",  # Markdown-escaped "."
            "How to fix it": "Fill it in \\(for example 2026\\-03\\-04\\), or delete the row if it "
            "should not be there\\.",
        }
    ]
    shown = problems.astype(str).to_numpy().ravel()
    assert not {"None", "nan", "<NA>"} & set(shown)


def test_the_everyone_table_shows_a_dash_where_a_ratio_has_no_denominator(store: Store):
    at = page("scorecards")
    at.session_state["cards_view"] = "Everyone"
    at.run()
    everyone = next(t for t in at.dataframe if "person_id" in t.value.columns)
    assert everyone.value.isna().any().any()  # ops_trio has a ratio over zero somewhere …
    assert everyone.proto.placeholder == MISSING  # … and the browser draws it as "—"


def test_every_table_of_the_scorecards_and_data_pages_shows_missing_cells_as_a_dash(store: Store):
    for name in ("scorecards", "data"):
        at = page(name)
        if name == "scorecards":
            at.session_state["cards_view"] = "Everyone"  # tabs draw only the open one
            at.run()
        tables = at.dataframe
        assert len(tables) >= 1, name  # scorecards: everyone's table; data: the history
        assert [t.proto.placeholder for t in tables] == [MISSING] * len(tables), name


def test_the_problem_table_escapes_markdown_and_leaves_the_frame_alone():
    import pandas as pd

    from scorecard.ui.upload import problems_table

    frame = pd.DataFrame(
        {
            "severity": ["error"],
            "sheet": ["people"],
            "row": pd.array([None], dtype="Int64"),
            "column": [""],
            "value": ["**b** $x$"],
            "message": ["Bad."],
            "fix": ["Fix it."],
        }
    )
    before = frame.copy()
    shown = problems_table(frame).iloc[0].to_dict()
    # st.table renders Markdown: the user's "**b** $x$" must show as typed
    assert shown["Value"] == "\\*\\*b\\*\\* \\$x\\$"
    assert (shown["Row (in Excel)"], shown["Column"]) == (MISSING, MISSING)  # NA and ""
    pd.testing.assert_frame_equal(frame, before)


def test_the_blank_template_uploaded_is_refused_as_empty(store: Store):
    from scorecard.template import build_template

    at = page("data")
    at.file_uploader(key="data_files").set_value(("template.xlsx", build_template(), XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "nothing was published" in at.error[0].value
    problems = at.table[0].value
    assert list(problems["Sheet"]) == ["people"]
    assert "no people, no activity" in problems["What is wrong"].iloc[0]
    with pytest.raises(KeyError):  # nothing to publish
        at.button(key="data_publish")
    assert store.current().version == 1
