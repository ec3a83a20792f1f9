"""CRM exports (Salesforce opportunities report, HubSpot contacts) read by their presets
(:mod:`scorecard.sources.presets.crm`) into outcomes per owner and month, pinned by hand.

Fixtures: ``tests/fixtures/exports/<preset id>/`` (written by ``make_crm.py`` from the
documented layouts, see ``README_hr_crm.md``). Owners are Northwind Trails people: 1002 Jonas
Weber, 1004 Tomás Ríos, 1005 Chloé Martin, 1006 Ben Okafor, 1007 Sara Lindqvist.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from scorecard.ingest import load_paths
from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.sources import Preset, read_export
from scorecard.sources.presets.crm import PRESETS
from scorecard.sources.registry import BY_ID, THRESHOLD, candidates, detect
from scorecard.sources.registry import PRESETS as REGISTRY

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
SALESFORCE = EXPORTS / "salesforce_opportunities_report" / "report1775034000000.csv"
HUBSPOT = EXPORTS / "hubspot_contacts_export" / "hubspot-crm-exports-all-contacts-2026-04-01.csv"
WORKDAY = EXPORTS / "workday_custom_report" / "NWT_Worker_Directory.xlsx"
FEB, MAR = dt.datetime(2026, 2, 1), dt.datetime(2026, 3, 1)


def outcomes(preset_id: str, path: Path, data: bytes | None = None) -> list[tuple]:
    """(export row, month, metric, value, owner as written) of every outcome row."""
    data = path.read_bytes() if data is None else data
    applied = read_export(BY_ID[preset_id], path.name, data)
    assert [t.table for t in applied.tables] == ["outcomes"]
    assert [p.code for p in applied.problems] == []
    table = applied.tables[0]
    cols = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    owners = [None if pd.isna(o) else o for o in cols["person_id"]]
    return list(
        zip(
            table.row_numbers.tolist(),
            [pd.Timestamp(d).to_pydatetime() for d in cols["date"]],
            cols["metric"],
            cols["value"],
            owners,
            strict=True,
        )
    )


@pytest.mark.parametrize(
    ("preset_id", "path"),
    [("salesforce_opportunities_report", SALESFORCE), ("hubspot_contacts_export", HUBSPOT)],
)
def test_each_crm_export_is_detected_as_its_preset_and_read_as_outcomes(
    preset_id: str, path: Path
) -> None:
    (grid,), problems = read_grids(Upload(path.name, path.read_bytes()), Limits())
    assert problems == []
    match = detect(grid, path.name)
    assert match is not None and match.preset.id == preset_id
    assert match.confidence >= THRESHOLD
    assert match.preset.table == "outcomes"
    # No other preset of the registry (HR, social or CRM) comes near the threshold.
    rivals = [c for c in candidates(grid, path.name, REGISTRY) if c.preset.id != preset_id]
    assert all(c.confidence < THRESHOLD / 2 for c in rivals), rivals


def test_salesforce_closed_won_by_owner_and_close_month() -> None:
    """Closed Won only, by owner and month of Close Date (month first: 3/12/2026 is 12 March).

    Ben Okafor, March: 48,000 (Alpine, 3/12) + 12,500 (Fjord, 3/9) = 60,500 in 2 deals.
    Tomás Ríos, March: 90,000 (Summit, 3/11); Coastal Cycles 30,000 is Closed Lost: left out.
    Jonas Weber, March: 64,000 (Northern Lights, 3/5); Trailhead 150,000 is still open.
    Ben Okafor, February: 7,200 (Ridge & River, 2/10).
    The footer ("Grand Totals (7 records)", confidentiality, copyright) makes no row.
    Each group keeps the export row of its first deal (rows 2, 4, 7, 8).
    """
    assert outcomes("salesforce_opportunities_report", SALESFORCE) == [
        (2, MAR, "opportunities_won", 2.0, "Ben Okafor"),
        (2, MAR, "won_amount", 60_500.0, "Ben Okafor"),
        (4, MAR, "opportunities_won", 1.0, "Tomás Ríos"),
        (4, MAR, "won_amount", 90_000.0, "Tomás Ríos"),
        (7, FEB, "opportunities_won", 1.0, "Ben Okafor"),
        (7, FEB, "won_amount", 7_200.0, "Ben Okafor"),
        (8, MAR, "opportunities_won", 1.0, "Jonas Weber"),
        (8, MAR, "won_amount", 64_000.0, "Jonas Weber"),
    ]


def test_salesforce_footer_lines_alone_are_dropped_even_without_the_record_count() -> None:
    """Footers vary by org and version: confidentiality and copyright lines go without the
    "Grand Totals" line too, and a 'Closed Won' deal above them still counts once."""
    text = SALESFORCE.read_text(encoding="utf-8").replace('"Grand Totals (7 records)"\r\n', "")
    got = outcomes("salesforce_opportunities_report", SALESFORCE, text.encode("utf-8"))
    jonas = [(metric, value) for _, _, metric, value, owner in got if owner == "Jonas Weber"]
    assert jonas == [
        ("opportunities_won", 1.0),
        ("won_amount", 64_000.0),
    ]


def test_salesforce_export_in_latin_1_reads_the_same_owners() -> None:
    """The export dialog lets the user choose the file encoding (ISO-8859-1 among them): an
    accented owner must come out the same as from the UTF-8 file."""
    data = SALESFORCE.read_text(encoding="utf-8").encode("latin-1")
    got = outcomes("salesforce_opportunities_report", SALESFORCE, data)
    assert got == outcomes("salesforce_opportunities_report", SALESFORCE)
    assert (4, MAR, "won_amount", 90_000.0, "Tomás Ríos") in got


def test_hubspot_qualified_leads_by_owner_and_month_of_the_mql_date() -> None:
    """Contacts with a 'Became a Marketing Qualified Lead Date', counted by owner and month:

    Chloé Martin, March: 2 (rows 2 and 3: 3/03, 3/17); row 8 is a Subscriber, never an MQL.
    Sara Lindqvist, March: 2 (rows 4 and 10: 3/09, 3/28); row 5 is a Lead, never an MQL.
    Ben Okafor: February 1 (row 6, now a Customer: MQL 2/24); March 1 (row 7, SQL: MQL 3/20).
    No owner, March: 1 (row 9) — counts for the company.
    7 outcomes = 9 contacts − 2 without an MQL date.
    """
    assert outcomes("hubspot_contacts_export", HUBSPOT) == [
        (2, MAR, "qualified_leads", 2.0, "Chloé Martin"),
        (4, MAR, "qualified_leads", 2.0, "Sara Lindqvist"),
        (6, FEB, "qualified_leads", 1.0, "Ben Okafor"),
        (7, MAR, "qualified_leads", 1.0, "Ben Okafor"),
        (9, MAR, "qualified_leads", 1.0, None),
    ]


def test_hubspot_export_without_the_mql_date_is_not_taken_for_the_preset() -> None:
    """The MQL date is what dates a qualified lead; a view exported without it must go to the
    mapping step instead of yielding silently empty outcomes."""
    lines = HUBSPOT.read_text(encoding="utf-8").splitlines()
    column = lines[0].split(",").index("Became a Marketing Qualified Lead Date")
    text = "\n".join(",".join(c for j, c in enumerate(x.split(",")) if j != column) for x in lines)
    (grid,), _ = read_grids(Upload(HUBSPOT.name, text.encode("utf-8")), Limits())
    match = detect(grid, HUBSPOT.name)
    assert match is None or match.preset.id != "hubspot_contacts_export"


def test_crm_outcomes_reach_the_dataset_as_people_ids(one_post_activity_csv: Path) -> None:
    """The app's own path: owners written as display names (accents included) resolve against
    the people of an HR export; the ownerless MQL stays a company outcome."""
    result = load_paths([WORKDAY, SALESFORCE, HUBSPOT, one_post_activity_csv])
    assert result.dataset is not None, [p.message for p in result.report.problems]
    frame = result.dataset.outcomes
    got = sorted(
        (d.strftime("%Y-%m"), m, "(company)" if pd.isna(p) else p, v)
        for d, m, p, v in zip(
            frame["date"], frame["metric"], frame["person_id"], frame["value"], strict=True
        )
    )
    assert got == sorted(
        [
            ("2026-03", "opportunities_won", "1006", 2.0),
            ("2026-03", "won_amount", "1006", 60_500.0),
            ("2026-03", "opportunities_won", "1004", 1.0),
            ("2026-03", "won_amount", "1004", 90_000.0),
            ("2026-02", "opportunities_won", "1006", 1.0),
            ("2026-02", "won_amount", "1006", 7_200.0),
            ("2026-03", "opportunities_won", "1002", 1.0),
            ("2026-03", "won_amount", "1002", 64_000.0),
            ("2026-03", "qualified_leads", "1005", 2.0),
            ("2026-03", "qualified_leads", "1007", 2.0),
            ("2026-02", "qualified_leads", "1006", 1.0),
            ("2026-03", "qualified_leads", "1006", 1.0),
            ("2026-03", "qualified_leads", "(company)", 1.0),
        ]
    )


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.id)
def test_presets_are_data_that_round_trip_as_a_mapping_profile(preset: Preset) -> None:
    assert Preset.from_json(preset.to_json()) == preset
    assert "2026" in preset.documented_by  # names the date its source was read
    assert preset.table == "outcomes" and preset.outcome_rules
