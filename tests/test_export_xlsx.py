"""The workbook: read back with openpyxl, numbers equal the JSON report's, user text stays text."""

from __future__ import annotations

import io
import math
from datetime import date

import openpyxl
import pytest

from scorecard.dataset import DatasetInfo
from scorecard.dictionary import REGISTRY, metric
from scorecard.export import full_report, write_report
from scorecard.export.safe_text import is_formula_like
from scorecard.export.tables import header
from scorecard.export.xlsx import SHEETS, build_xlsx
from scorecard.report import Report
from tests.companies import INJECTIONS, JANUARY
from tests.companies import sales_four as tiny_dataset


def read_back(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def sheet_rows(ws) -> list[dict[str, object]]:
    """The sheet as records keyed by header text."""
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def same(cell: object, value: object) -> bool:
    if value is None:
        return cell is None or cell == "—"
    return math.isclose(float(cell), float(value), abs_tol=1e-12)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def report() -> Report:
    return full_report(tiny_dataset(), JANUARY)


@pytest.fixture(scope="module")
def book(report: Report) -> openpyxl.Workbook:
    return read_back(
        build_xlsx(report, DatasetInfo(3, "2026-02-01T09:00:00", "me", "jan.xlsx", "abc"))
    )


def test_sheets_are_named_for_the_board_pack(book: openpyxl.Workbook) -> None:
    assert tuple(book.sheetnames[: len(SHEETS) - 2]) == SHEETS[:-2]
    assert {
        "People scorecards",
        "Departments",
        "Cascade",
        "Goals",
        "Bonus pool",
        "Definitions",
    } <= set(book.sheetnames)


def test_people_numbers_equal_the_report(book: openpyxl.Workbook, report: Report) -> None:
    rows = {r[header("person_id")]: r for r in sheet_rows(book["People scorecards"])}
    assert set(rows) == set(report.people) == {"001", "002", "003", "004"}
    checked = 0
    for pid, person in report.people.items():
        values = person.metrics
        for m in REGISTRY:
            if m.id in values:
                assert same(rows[pid][m.label], values[m.id]), (pid, m.id)
                checked += 1
    assert checked > 4 * 20
    # by hand: 001 did one row of 3 posts; 003 wrote 2 replies of its 2 actions
    assert rows["001"]["Actions"] == 3
    assert rows["003"]["Dialogue ratio"] == 1


def test_departments_and_company_equal_the_report(book: openpyxl.Workbook, report: Report) -> None:
    rows = sheet_rows(book["Departments"])
    assert rows[0]["Scope"] == "Company"
    for m in REGISTRY:
        if m.id in report.company:
            assert same(rows[0][m.label], report.company[m.id]), m.id
    sales = next(r for r in rows if r["Department"] == "Sales")
    assert sales["Actions"] == 4  # 1 blog + 2 replies + 1 share
    assert rows[0]["Dialogue ratio"] == 2 / 7  # 2 replies / 7 actions, unrounded


def test_number_formats_follow_the_registry_units(book: openpyxl.Workbook) -> None:
    ws = book["People scorecards"]
    heads = {c.value: c.column_letter for c in ws[1]}
    assert ws[f"{heads[metric('dialogue_ratio').label]}2"].number_format == "#,##0.0%"
    assert ws[f"{heads[metric('time_cost').label]}2"].number_format == '"$"#,##0'
    assert ws[f"{heads[metric('actions').label]}2"].number_format == "#,##0"
    assert ws.freeze_panes == "B2"
    assert ws.conditional_formatting  # colour scale on the leadership score


def test_goals_bonus_and_definitions(book: openpyxl.Workbook, report: Report) -> None:
    goal = sheet_rows(book["Goals"])[0]
    assert goal["Actual"] == report.goals[0].actual == 4  # Sales did 4 actions
    assert goal["Status"] == report.goals[0].status
    bonus = sheet_rows(book["Bonus pool"])
    assert math.isclose(sum(r["Share"] or 0 for r in bonus), report.bonus.allocated, abs_tol=0.005)
    definitions = sheet_rows(book["Definitions"])
    assert [d["Id"] for d in definitions] == [m.id for m in REGISTRY]
    multi = next(d for d in definitions if d["Id"] == "multi_daily")
    assert multi["Benchmark"] == 0.40


@pytest.mark.parametrize("text", INJECTIONS)
def test_user_text_that_looks_like_a_formula_stays_text(text: str) -> None:
    dataset = tiny_dataset(names=(text, "Ben", "Cy", "Di"), sales=text)
    wb = read_back(build_xlsx(full_report(dataset, JANUARY)))
    found = 0
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.value)
                    found += 1
    assert found >= 3  # the name, and the department on People and Departments at least


def test_write_report_writes_each_format(tmp_path) -> None:
    dataset = tiny_dataset()
    out = write_report(dataset, JANUARY, "xlsx", tmp_path / "pack.xlsx")
    assert read_back(out.read_bytes())["People scorecards"].max_row == 5  # header + 4 people
    out = write_report(dataset, JANUARY, "json", tmp_path / "pack.json")
    assert out.read_text(encoding="utf-8").lstrip().startswith("{")
    assert not list(tmp_path.glob("*.partial"))


def test_one_excel_writer_for_template_dataset_workbook_and_board_pack(book) -> None:
    from scorecard.export.excel import HEADER_FILL, value_cell
    from scorecard.template import build_template

    template = read_back(build_template())
    required = template["people"]["A1"]  # person_id: a required column
    pack_header = book["People scorecards"]["A1"]
    assert required.fill.start_color.rgb == pack_header.fill.start_color.rgb
    assert pack_header.fill.start_color.rgb == "00" + HEADER_FILL.start_color.rgb[-6:]
    ws = openpyxl.Workbook().active
    value_cell(ws["A1"], "=HYPERLINK(1)")  # the one injection rule: a quoted text cell
    value_cell(ws["A2"], date(2026, 3, 4))
    value_cell(ws["A3"], float("nan"))
    value_cell(ws["A4"], 0.25, "#,##0.0%")
    assert (ws["A1"].data_type, ws["A1"].quotePrefix) == ("s", True)
    assert ws["A2"].number_format == "yyyy-mm-dd" and ws["A3"].value is None
    assert (ws["A4"].value, ws["A4"].number_format) == (0.25, "#,##0.0%")


def about(book: openpyxl.Workbook) -> dict[object, object]:
    return {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}


def test_the_about_sheet_names_the_company_from_its_assumption_never_the_file(tmp_path) -> None:
    from tests.companies import one_month_two_goals

    # assumptions company_name "Acme Corp"; the file uploaded was "jan.xlsx"
    dataset = one_month_two_goals(brand=("Acme Corp", "#AA3300"))
    info = DatasetInfo(3, "2026-02-01T09:00:00", "me", "jan.xlsx", "abc")
    out = write_report(dataset, JANUARY, "xlsx", tmp_path / "pack.xlsx", meta=info)
    facts = about(openpyxl.load_workbook(out))
    assert facts["Company"] == "Acme Corp"
    assert facts["File"] == "jan.xlsx"  # the file is named on its own line


def test_without_a_company_name_the_about_sheet_says_your_company(book) -> None:
    # the module's workbook: no assumptions, file "jan.xlsx"; the default of company_name
    assert about(book)["Company"] == "Your company"
