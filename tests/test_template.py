"""The template workbook: generated from the schema, opened back with openpyxl, read clean."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest

from scorecard.schema import TABLES
from scorecard.template import EXAMPLES_TITLE, build_template, type_label, write_template


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("template") / "template.xlsx"
    write_template(out)
    return out


@pytest.fixture(scope="module")
def book(path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def test_instructions_first_then_one_sheet_per_table(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == [
        "Instructions",
        "people",
        "activity",
        "outcomes",
        "goals",
        "accounts",
        "assumptions",
    ]


def test_headers_are_the_schema_columns_bold_filled_and_frozen(book) -> None:
    for name, table in TABLES.items():
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        header = next(sheet.iter_rows(max_row=1))
        assert [c.value for c in header] == list(table.column_names)
        assert all(c.font.b for c in header)
        assert all(c.fill.fill_type == "solid" for c in header)


def test_required_headers_are_dark_and_optional_ones_light(book) -> None:
    people = book["people"]
    assert people["A1"].fill.start_color.rgb == "001F4E79"  # person_id: required
    assert people["C1"].fill.start_color.rgb == "00D9E2F3"  # title: optional


def test_header_notes_carry_the_description(book) -> None:
    note = book["activity"]["H1"].comment.text  # minutes
    assert note == (
        "Optional, number (0 or more). "
        "Minutes the whole row took; blank: the action's default minutes."
    )
    for name, table in TABLES.items():
        for index, column in enumerate(table.columns, start=1):
            assert column.description in book[name].cell(1, index).comment.text


def _dropdowns(sheet) -> dict[str, tuple[str, str]]:
    """Header of each validated column → (list formula, error style)."""
    out = {}
    for validation in sheet.data_validations.dataValidation:
        (cells,) = str(validation.sqref).split()
        letter = cells.split(":")[0].rstrip("0123456789")
        assert cells == f"{letter}2:{letter}1048576"
        out[sheet[f"{letter}1"].value] = (validation.formula1, validation.errorStyle)
    return out


def test_dropdowns_on_enumerated_columns_only(book) -> None:
    assert _dropdowns(book["people"]) == {"tier": ('"C-suite,VP,Director,Manager,Staff"', "stop")}
    assert _dropdowns(book["activity"]) == {
        "action": ('"post,video,blog,article,reply,comment,share,like,message,live"', "warning"),
        "purpose": ('"marketing,employees,reputation,initiatives,customers"', "warning"),
    }
    assert _dropdowns(book["goals"]) == {"direction": ('"up,down"', "stop")}
    assert _dropdowns(book["outcomes"]) == {}
    assert _dropdowns(book["assumptions"]) == {}


def example_rows(book, name: str) -> list[tuple]:
    """The example cells of table ``name`` on the Instructions sheet: the rows under its name
    and its header line in the Examples section, up to the next blank row."""
    sheet = book["Instructions"]
    rows = list(sheet.iter_rows())
    start = next(i for i, r in enumerate(rows) if r[0].value == EXAMPLES_TITLE)
    width = len(TABLES[name].columns)
    for i in range(start, len(rows) - 1):
        header = [c.value for c in rows[i + 1][:width]]
        if rows[i][0].value == name and header == list(TABLES[name].column_names):
            block = []
            for row in rows[i + 2 :]:
                if all(c.value is None for c in row):
                    break
                block.append(tuple(row[:width]))
            return block
    raise AssertionError(f"no examples for {name}")


def test_table_sheets_hold_headers_only(book) -> None:
    for name in TABLES:
        assert book[name].max_row == 1, name  # no example rows: a blank template is empty


def test_id_columns_are_text_formatted_so_typed_zeros_survive(book) -> None:
    people = book["people"]
    assert people.column_dimensions["A"].number_format == "@"  # person_id
    assert people.column_dimensions["E"].number_format == "@"  # manager_id
    examples = example_rows(book, "people")
    assert (examples[0][0].value, examples[0][0].number_format) == ("001", "@")
    assert (examples[1][4].value, examples[1][4].data_type) == ("001", "s")


def test_examples_are_typed_cells_on_the_instructions_sheet(book) -> None:
    activity = example_rows(book, "activity")
    assert len(activity) == 3
    assert activity[0][0].value == datetime(2026, 3, 2) and activity[0][0].is_date
    assert activity[0][6].value == 1 and activity[2][7].value is None  # count; blank minutes
    assert [c.value for c in example_rows(book, "goals")[1]] == [
        "response_minutes",
        30,
        datetime(2026, 1, 1),
        datetime(2026, 12, 31),
        "Customer Experience",
        None,
        "down",
    ]
    assert {name: len(example_rows(book, name)) for name in TABLES} == {
        "people": 5,
        "activity": 3,
        "outcomes": 3,
        "goals": 2,
        "accounts": 2,
        "assumptions": 3,
    }


def test_column_widths_fit_the_longest_header_or_example(book) -> None:
    # "comments_received" is 17 characters, plus 4 of padding
    assert book["activity"].column_dimensions["K"].width == 21
    # "Chief Marketing Officer" is 23 characters, plus 4
    assert book["people"].column_dimensions["C"].width == 27


def test_instructions_list_every_table_and_column(book) -> None:
    # eight columns: the Examples section below makes the sheet wider (activity's 17)
    rows = list(book["Instructions"].iter_rows(max_col=8, values_only=True))
    header_at = rows.index(
        (
            "Table",
            "Column",
            "Required",
            "Type",
            "Default",
            "Description",
            "Accepted aliases",
            "Example",
        )
    )
    blank = next(i for i in range(header_at + 1, len(rows)) if not any(rows[i]))
    lines = rows[header_at + 1 : blank]  # the column list ends at a blank row; Examples follow
    # 6 table lines + 9 people + 17 activity + 5 outcomes + 7 goals + 5 accounts
    # + 2 assumptions columns
    assert len(lines) == 6 + 9 + 17 + 5 + 7 + 5 + 2
    by_column = {(r[0], r[1]): r for r in lines}
    assert by_column[("activity", "count")][2:5] == ("optional", "whole number (0 or more)", "1")
    assert by_column[("people", "tier")][3] == "one of: C-suite, VP, Director, Manager, Staff"
    assert "reports to" in by_column[("people", "manager_id")][6].split(", ")
    assert by_column[("goals", "target")][3] == "number"  # signed: may be negative


def test_type_labels() -> None:
    assert type_label(TABLES["people"].column("person_id")) == "ID (text)"
    assert type_label(TABLES["outcomes"].column("value")) == "number"
    assert type_label(TABLES["activity"].column("impressions")) == "number (0 or more)"


def test_build_template_bytes_is_a_workbook() -> None:
    book = openpyxl.load_workbook(io.BytesIO(build_template()))
    assert book.sheetnames[0] == "Instructions"


def test_the_blank_template_is_refused_as_empty_not_read_as_data(path) -> None:
    from scorecard.ingest import load_paths

    result = load_paths([path])
    assert result.dataset is None
    assert [(p.severity, p.code, p.sheet) for p in result.report.problems] == [
        ("error", "empty_upload", "people")
    ]
    assert "no people, no activity" in result.report.problems[0].message


def test_the_template_filled_with_its_examples_reads_clean(book, tmp_path) -> None:
    from scorecard.ingest import load_paths

    filled = openpyxl.load_workbook(io.BytesIO(build_template()))
    for name in TABLES:
        for row in example_rows(book, name):
            filled[name].append([c.value for c in row])
    path = tmp_path / "filled.xlsx"
    filled.save(path)
    result = load_paths([path])
    # The examples are consistent with each other: not even a warning.
    assert [p.message for p in result.report.problems] == []
    dataset = result.dataset
    assert dataset.people["person_id"].tolist() == ["001", "002", "003", "004", "017"]
    assert dataset.people["manager_id"].tolist()[1:] == ["001", "001", "001", "002"]
    assert dataset.activity["count"].tolist() == [1, 4, 1]
    assert dataset.goals["direction"].tolist() == ["up", "down"]
    assert dataset.row_counts == {
        "people": 5,
        "activity": 3,
        "outcomes": 3,
        "goals": 2,
        "accounts": 2,
        "assumptions": 3,
    }
    # The accounts examples: a brand page run by 017, and 002's own X handle.
    assert dataset.accounts[["kind", "person_id", "steward_id"]].astype(object).where(
        dataset.accounts[["kind", "person_id", "steward_id"]].notna(), None
    ).values.tolist() == [["brand", None, "017"], ["personal", "002", None]]
