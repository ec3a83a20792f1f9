"""The source-preset engine: each rule on a tiny hand-made export, cells pinned by hand.

Presets here are small and imaginary (the real tools' presets have their own tests); files go
through the production path: bytes → :func:`scorecard.ingest.readers.read_grids` → preset.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.ingest import Upload, load_uploads
from scorecard.sources import AccountRule, FieldRule, OutcomeRule, Preset, RowRule, read_export

CHIRP = Preset(
    id="chirp_posts",
    tool="Chirp",
    export="posts export",
    table="activity",
    documented_by="imaginary, for tests",
    fingerprint=("Post ID", "Posted", "Kind", "Views"),
    optional_headers=("Likes", "Replies", "Watch time (s)", "Link"),
    file_pattern=r"chirp_@(?P<account>[A-Za-z0-9_]+)_.*\.csv",
    fields=(
        FieldRule("post_id", ("Post ID",)),
        FieldRule("date", ("Posted",)),
        FieldRule(
            "action",
            ("Kind",),
            vocabulary={"photo": "post", "clip": "video", "reply": "reply"},
            default="post",
        ),
        FieldRule("impressions", ("Impressions", "Views")),
        FieldRule("reactions", ("Likes",)),
        FieldRule("comments_received", ("Replies",)),
        FieldRule("minutes", ("Watch time (s)",), unit="seconds"),
        FieldRule("url", ("Link",)),
    ),
    constants={"channel": "Chirp"},
    drop_rows=(RowRule("total row", header="Post ID", pattern=r"total", warn=False),),
    date_formats=("%a, %b %d, %Y",),
    account_from=AccountRule(),
)

CHIRP_CSV = [
    ["Post ID", "Posted", "Kind", "Views", "Likes", "Replies", "Watch time (s)", "Link"],
    ["p1", "Mon, Mar 02, 2026", "Photo", "1,200", "40", "3", "90", "https://c.example/@ada/p1"],
    ["p2", "Tue, Mar 03, 2026", "Clip", "300", "-", "N/A", "600", "https://c.example/@ada/p2"],
    ["Total", "", "", "1,500", "40", "3", "690", ""],
]


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def cells(preset: Preset, name: str, rows: list[list[str]]) -> dict[str, list]:
    """Column → cells of the single table ``preset`` makes of a CSV, plus "_rows"."""
    applied = read_export(preset, name, csv_bytes(rows))
    assert len(applied.tables) == 1, applied.problems
    table = applied.tables[0]
    out = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    out["_rows"] = table.row_numbers.tolist()
    return out


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def test_worked_example_maps_every_rule_of_the_chirp_preset():
    got = cells(CHIRP, "chirp_@ada_2026-03.csv", CHIRP_CSV)
    assert got == {
        "post_id": ["p1", "p2"],
        "date": [day("2026-03-02"), day("2026-03-03")],  # "%a, %b %d, %Y"
        "action": ["post", "video"],  # Photo → post, Clip → video
        "impressions": [1200.0, 300.0],  # "1,200" read with the en locale
        "reactions": [40.0, None],  # "-" is blank
        "comments_received": [3.0, None],  # "N/A" is blank
        "minutes": [1.5, 10.0],  # 90 s / 60, 600 s / 60
        "url": ["https://c.example/@ada/p1", "https://c.example/@ada/p2"],
        "channel": ["Chirp", "Chirp"],
        "account": ["ada", "ada"],  # the file name's account group
        "person_id": ["ada", "ada"],  # no person column: the account stands for the person
        "source": ["chirp_@ada_2026-03.csv"] * 2,
        "_rows": [2, 3],  # CSV lines; the Total row (line 4) dropped silently
    }


def tiny(**overrides: object) -> Preset:
    base = {
        "id": "tiny",
        "tool": "Tiny",
        "table": "activity",
        "fingerprint": ("When", "Who"),
        "fields": (FieldRule("date", ("When",)), FieldRule("person_id", ("Who",))),
        "constants": {"channel": "X", "action": "post"},
    }
    return Preset(**{**base, **overrides})  # type: ignore[arg-type]


def test_first_present_header_wins_and_sum_adds_every_present_header():
    preset = tiny(
        fields=(
            FieldRule("date", ("When",)),
            FieldRule("person_id", ("Who",)),
            FieldRule("impressions", ("Impressions", "Reach", "Video Views")),
            FieldRule("shares_received", ("Retweets", "Quote Tweets"), combine="sum"),
        )
    )
    both = [
        ["When", "Who", "Reach", "Impressions", "Retweets", "Quote Tweets"],
        ["2026-03-02", "a", "50", "80", "2", "1"],
        ["2026-03-03", "a", "7", "9", "", ""],
    ]
    got = cells(preset, "t.csv", both)
    assert got["impressions"] == [80.0, 9.0]  # Impressions before Reach, wherever it stands
    assert got["shares_received"] == [3.0, None]  # 2 + 1; a row blank in both stays blank
    only_reach = [[c for c in row if c != row[3]] for row in both]
    assert cells(preset, "t.csv", only_reach)["impressions"] == [50.0, 7.0]


@pytest.mark.parametrize(
    ("locale", "written", "expected"),
    [
        ("en", ["1,234", "1,234.5", "3.2%", "12"], [1234.0, 1234.5, 0.032, 12.0]),
        ("de", ["1.234", "1.234,5", "3,2%", "12"], [1234.0, 1234.5, 0.032, 12.0]),
        ("fr", ["1 234", "1 234,5", "3,2 %", "12"], [1234.0, 1234.5, 0.032, 12.0]),
    ],
)
def test_numbers_by_locale_and_percent(locale, written, expected):
    preset = tiny(
        number_locale=locale,
        fields=(
            FieldRule("date", ("When",)),
            FieldRule("person_id", ("Who",)),
            FieldRule("clicks", ("Clicks",)),
        ),
    )
    rows = [["When", "Who", "Clicks"]] + [["2026-03-02", "a", w] for w in written]
    assert cells(preset, "t.csv", rows)["clicks"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("seconds", 2.0), ("minutes", 120.0), ("hours", 7200.0), ("milliseconds", 0.002)],
)
def test_units_become_minutes(unit, expected):
    preset = tiny(
        fields=(
            FieldRule("date", ("When",)),
            FieldRule("person_id", ("Who",)),
            FieldRule("minutes", ("Time",), unit=unit),
        )
    )
    # 120 s / 60 = 2; 120 min; 120 h x 60 = 7200; 120 ms / 60,000 = 0.002
    got = cells(preset, "t.csv", [["When", "Who", "Time"], ["2026-03-02", "a", "120"]])
    assert got["minutes"] == pytest.approx([expected])


def test_vocabulary_default_multi_value_and_unknown_kept():
    preset = tiny(
        constants={"channel": "X"},
        fields=(
            FieldRule("date", ("When",)),
            FieldRule("person_id", ("Who",)),
            FieldRule(
                "action",
                ("Type",),
                vocabulary={"Photos": "post", "Quote Tweet": "post", "Reply": "reply"},
                multi_value=";",
            ),
        ),
    )
    rows = [
        ["When", "Who", "Type"],
        ["2026-03-02", "a", "PHOTOS; Link"],
        ["2026-03-02", "a", "quote tweet"],
        ["2026-03-02", "a", "Reply"],
        ["2026-03-02", "a", "Poll"],
        ["2026-03-02", "a", ""],
    ]
    assert cells(preset, "t.csv", rows)["action"] == ["post", "post", "reply", "Poll", None]
    with_default = tiny(
        constants={"channel": "X"},
        fields=(
            FieldRule("date", ("When",)),
            FieldRule("person_id", ("Who",)),
            FieldRule("action", ("Type",), vocabulary={"Reply": "reply"}, default="post"),
        ),
    )
    assert cells(with_default, "t.csv", rows)["action"] == ["post", "post", "reply", "post", None]


def test_people_split_derived_and_constants():
    preset = Preset(
        id="hr",
        tool="HR",
        table="people",
        fingerprint=("Worker", "Emp #"),
        fields=(
            FieldRule("person_id", ("Emp #",)),
            FieldRule("name", ("Worker",), split="Last, First"),
        ),
        derived={"title": "{Grade} {Job}"},
        constants={"department": "Sales"},
    )
    rows = [
        ["Emp #", "Worker", "Grade", "Job", "Department"],
        ["007", "Byrne, Ada", "Senior", "Analyst", ""],
        ["008", "Ben Okafor", "", "Rep", ""],
        ["009", "Chloe Reyes", "", "", ""],
    ]
    got = cells(preset, "hr.csv", rows)
    assert got["person_id"] == ["007", "008", "009"]  # text: leading zeros kept
    assert got["name"] == ["Ada Byrne", "Ben Okafor", "Chloe Reyes"]
    assert got["title"] == ["Senior Analyst", "Rep", None]  # missing parts blank
    assert got["department"] == ["Sales"] * 3


def test_a_constant_fills_only_the_blanks_of_a_mapped_column():
    preset = tiny(
        fields=(
            FieldRule("date", ("When",)),
            FieldRule("person_id", ("Who",)),
            FieldRule("channel", ("Network",)),
        )
    )
    rows = [["When", "Who", "Network"], ["2026-03-02", "a", "LinkedIn"], ["2026-03-02", "a", ""]]
    assert cells(preset, "t.csv", rows)["channel"] == ["LinkedIn", "X"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("MDY", ["2026-03-04", "2026-12-01"]),  # 03/04 = March 4; 12/01 = December 1
        ("DMY", ["2026-04-03", "2026-01-12"]),
    ],
)
def test_date_order_reads_a_column_whose_days_are_all_at_most_12(order, expected):
    preset = tiny(date_order=order)
    rows = [["When", "Who"], ["03/04/2026", "a"], ["12/01/2026", "a"]]
    assert cells(preset, "t.csv", rows)["date"] == [day(e) for e in expected]


def test_dotted_dates_are_day_first_and_formats_keep_the_local_date():
    preset = tiny(date_formats=("%Y-%m-%d %H:%M %z",), date_order="MDY")
    rows = [
        ["When", "Who"],
        ["04.03.2026", "a"],
        ["2026-03-04 23:30 -0800", "a"],
        ["2026-03-05T10:00:00Z", "a"],
    ]
    got = cells(preset, "t.csv", rows)["date"]
    # dotted: 4 March; the -0800 post at 23:30 keeps its local day (UTC would say March 5);
    # ISO text the formats do not cover is passed on as written for the validator.
    assert got == [day("2026-03-04"), day("2026-03-04"), "2026-03-05T10:00:00Z"]


def test_footer_block_first_total_row_and_one_counting_warning_for_non_people():
    preset = Preset(
        id="dir",
        tool="Directory",
        table="people",
        fingerprint=("Mail", "Display"),
        fields=(FieldRule("person_id", ("Mail",)), FieldRule("name", ("Display",))),
        constants={"department": "Ops"},
        drop_rows=(
            RowRule("total", pattern="total", position="first", warn=False),
            RowRule("footer", pattern=r"grand totals.*", and_below=True, warn=False),
            RowRule("guest accounts", header="Type", pattern="guest"),
            RowRule("rooms", header="Type", pattern="room|resource"),
        ),
    )
    rows = [
        ["Mail", "Display", "Type"],
        ["Total", "", ""],
        ["ada@x.com", "Ada", "Member"],
        ["g1@y.com", "Guest One", "Guest"],
        ["room1@x.com", "Room 1", "Room"],
        ["g2@y.com", "Guest Two", "GUEST"],
        ["ben@x.com", "Ben", "Member"],
        ["Grand Totals (6 records)", "", ""],
        ["Confidential Information - Do Not Distribute", "", ""],
    ]
    applied = read_export(preset, "dir.csv", csv_bytes(rows))
    table = applied.tables[0]
    assert table.columns[0].tolist() == ["ada@x.com", "ben@x.com"]
    assert table.row_numbers.tolist() == [3, 7]
    [warning] = applied.problems
    assert warning.code == "rows_dropped" and warning.severity == "warning"
    assert "2 guest accounts, 1 rooms" in warning.message and warning.sheet == "dir.csv"


def test_a_second_label_row_under_the_header_is_skipped():
    preset = tiny(header_rows_below=1)
    rows = [["Report title"], ["When", "Who"], ["Date", "User"], ["2026-03-02", "a"]]
    got = cells(preset, "t.csv", rows)
    assert got["_rows"] == [4] and got["person_id"] == ["a"]


def test_account_from_a_url_column():
    preset = tiny(
        fields=(FieldRule("date", ("When",)),),
        account_from=AccountRule("Link", r"x\.com/(?P<account>[^/]+)/status"),
    )
    rows = [
        ["When", "Who", "Link"],
        ["2026-03-02", "", "https://x.com/ada_b/status/1"],
        ["2026-03-02", "", "https://x.com/BenO/status/2"],
    ]
    got = cells(preset, "t.csv", rows)
    assert got["account"] == ["ada_b", "BenO"] and got["person_id"] == ["ada_b", "BenO"]


SALESFORCE = Preset(
    id="crm",
    tool="CRM",
    table="outcomes",
    fingerprint=("Opportunity Owner", "Stage"),
    outcome_rules=(
        OutcomeRule(
            "won_amount",
            "Close Date",
            "Opportunity Owner",
            when={"Stage": ("Closed Won",)},
            value="Amount",
        ),
        OutcomeRule("qualified_leads", "MQL Date", "Opportunity Owner", when={"MQL Date": ()}),
    ),
    date_order="MDY",
    drop_rows=(RowRule("footer", pattern=r"grand totals.*", and_below=True, warn=False),),
)


def test_outcome_rules_group_by_owner_and_month():
    rows = [
        ["Opportunity Owner", "Stage", "Amount", "Close Date", "MQL Date"],
        ["Ada Byrne", "Closed Won", "1,000", "3/2/2026", "2/20/2026"],
        ["Ada Byrne", "Closed Won", "500.50", "3/30/2026", ""],
        ["Ada Byrne", "Closed Lost", "9,999", "3/9/2026", "2/21/2026"],
        ["Ben Okafor", "closed won", "200", "4/1/2026", "3/1/2026"],
        ["Grand Totals (4 records)", "", "11,699.50", "", ""],
    ]
    got = cells(SALESFORCE, "opps.csv", rows)
    # won_amount: Ada March = 1,000 + 500.50 = 1,500.50 (the lost 9,999 not counted);
    #             Ben April = 200 ("closed won" matches case-insensitively).
    # qualified_leads: Ada February = 2 rows with an MQL date; Ben March = 1.
    table = sorted(zip(got["metric"], got["person_id"], got["date"], got["value"], strict=True))
    assert table == [
        ("qualified_leads", "Ada Byrne", day("2026-02-01"), 2.0),
        ("qualified_leads", "Ben Okafor", day("2026-03-01"), 1.0),
        ("won_amount", "Ada Byrne", day("2026-03-01"), 1500.5),
        ("won_amount", "Ben Okafor", day("2026-04-01"), 200.0),
    ]


def test_profile_round_trips_through_json():
    for preset in (CHIRP, SALESFORCE, tiny(header_rows_below=1)):
        text = json.dumps(preset.to_dict())
        assert Preset.from_json(text) == preset
    with pytest.raises(ValueError, match="no field"):
        Preset.from_dict({**CHIRP.to_dict(), "colour": "red"})


PEOPLE_CSV = [
    ["person_id", "name", "department", "manager_id"],
    ["ada", "Ada Byrne", "Marketing", ""],
    ["ben", "Ben Okafor", "Sales", "ada"],
]


def test_two_exports_of_one_table_are_concatenated_and_posts_counted_once(monkeypatch):
    monkeypatch.setattr("scorecard.sources.registry.PRESETS", (CHIRP,))
    ben = [
        CHIRP_CSV[0],
        ["b1", "Mon, Mar 02, 2026", "Photo", "100", "1", "0", "", "https://c.example/@ben/b1"],
        # the same post as Ada's p1 (an overlapping export): counted once
        ["p1", "Mon, Mar 02, 2026", "Photo", "1,200", "40", "3", "90", "https://c.example/@ada/p1"],
    ]
    result = load_uploads(
        [
            Upload("people.csv", csv_bytes(PEOPLE_CSV)),
            Upload("chirp_@ada_2026-03.csv", csv_bytes(CHIRP_CSV)),
            Upload("chirp_@ben_2026-03.csv", csv_bytes(ben)),
        ]
    )
    assert result.dataset is not None, result.report.as_text()
    activity = result.dataset.activity
    assert activity["post_id"].tolist() == ["p1", "p2", "b1"]
    assert activity["source"].tolist() == ["chirp_@ada_2026-03.csv"] * 2 + [
        "chirp_@ben_2026-03.csv"
    ]
    assert activity["impressions"].sum() == 1600.0  # 1,200 + 300 + 100, the repeat once
    assert [p.code for p in result.report.warnings] == ["duplicate_post"]
    assert [n.as_text() for n in result.sources] == [
        "people.csv: template sheet → people",
        "chirp_@ada_2026-03.csv: Chirp posts export → activity, confidence 1.00",
        "chirp_@ben_2026-03.csv: Chirp posts export → activity, confidence 1.00",
    ]


def test_a_bad_cell_is_reported_at_the_exports_row_and_column(monkeypatch):
    monkeypatch.setattr("scorecard.sources.registry.PRESETS", (CHIRP,))
    bad = [CHIRP_CSV[0], CHIRP_CSV[1], ["p3", "Tue, Mar 03, 2026", "Photo", "lots", "", "", "", ""]]
    result = load_uploads(
        [Upload("people.csv", csv_bytes(PEOPLE_CSV)), Upload("chirp_@ada_x.csv", csv_bytes(bad))]
    )
    assert result.dataset is None
    [error] = result.report.errors
    assert (error.code, error.sheet, error.row, error.column, error.value) == (
        "not_a_number",
        "chirp_@ada_x.csv",
        3,
        "Views",
        "lots",
    )


def test_other_sheets_of_a_matched_workbook_are_skipped_silently(monkeypatch, tmp_path):
    from openpyxl import Workbook

    monkeypatch.setattr("scorecard.sources.registry.PRESETS", (CHIRP,))
    book = Workbook()
    book.active.title = "Metrics"  # named like the outcomes table: must NOT be read as it
    book.active.append(["Date", "Impressions (organic)", "Clicks (organic)"])
    book.active.append([datetime(2026, 3, 1), 500, 10])
    posts = book.create_sheet("All posts")
    for row in CHIRP_CSV[:2]:
        posts.append(row)
    people = book.create_sheet("people")
    for row in PEOPLE_CSV:
        people.append(row)
    path = tmp_path / "chirp_@ada_book.xlsx"
    book.save(path)
    result = load_uploads([Upload(path.name, path.read_bytes())])
    assert result.dataset is not None, result.report.as_text()
    assert len(result.dataset.outcomes) == 0 and len(result.dataset.activity) == 1
    assert [n.read_as for n in result.sources] == [
        "not a data sheet of the Chirp export; skipped",
        "Chirp posts export → activity, confidence 0.85",  # the pattern wants .csv
        "template sheet → people",
    ]


JUNK = st.lists(
    st.sampled_from(["Junk", "Notes", "Campaign ID", "Impressions"]), max_size=3, unique=True
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(CHIRP_CSV[0]))), junk=JUNK)
def test_column_order_and_junk_columns_change_nothing(order, junk):
    """Shuffled columns and added junk give the same cells. "Impressions" is junk here too: it
    outranks "Views", so it is filled with the Views values to keep the expected output."""
    views = CHIRP_CSV[0].index("Views")
    rows = []
    for i, row in enumerate(CHIRP_CSV):
        extra = junk if i == 0 else [row[views] if j == "Impressions" else f"x{i}" for j in junk]
        rows.append([row[k] for k in order] + extra)
    expected = cells(CHIRP, "chirp_@ada_2026-03.csv", CHIRP_CSV)
    assert cells(CHIRP, "chirp_@ada_2026-03.csv", rows) == expected


def test_conversions_never_change_their_input():
    from scorecard.sources.convert import blank_out, to_dates, to_numbers, to_text

    column = np.array(["1,5", "N/A", None, 7.0, "03.04.2026"], dtype=object)
    before = column.copy()
    blank_out(column, ("n/a",))
    to_numbers(column, "de", "seconds")
    to_dates(column, (), "DMY")
    to_text(column, {"7": "x"}, "y", ";", "Last, First")
    assert (column == before).all() or all(
        a is b or a == b for a, b in zip(column, before, strict=True)
    )


def test_validate_cli_reads_exports_with_a_saved_profile_and_says_how(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    profile = tmp_path / "chirp.json"
    profile.write_text(CHIRP.to_json(), encoding="utf-8")
    (tmp_path / "people.csv").write_bytes(csv_bytes(PEOPLE_CSV))
    (tmp_path / "chirp_@ada_2026-03.csv").write_bytes(csv_bytes(CHIRP_CSV))
    files = [str(tmp_path / "people.csv"), str(tmp_path / "chirp_@ada_2026-03.csv")]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "SCORECARD_DATABASE_URL": "sqlite://"}
        return subprocess.run(
            [sys.executable, "-m", "scorecard", "validate", *args],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    done = run(*files, "--profile", str(profile))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.splitlines() == [
        "Read as:",
        "  people.csv: template sheet → people",
        "  chirp_@ada_2026-03.csv: Chirp posts export → activity, confidence 1.00",
    ]
    assert done.stdout.splitlines()[-1].startswith("Rows read: 2 people, 2 activity")
    profile.write_text("{not json", encoding="utf-8")
    broken = run(*files, "--profile", str(profile))
    assert broken.returncode == 2 and "cannot be used" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_blank_values_in_their_usual_spellings_and_nothing_else():
    from scorecard.sources.convert import blank_out

    column = np.array(["N/A", " n/a ", "NULL", "-", "None", "x-", "n/a!", None, 0], dtype=object)
    assert blank_out(column, ("-", "n/a", "null", "none")).tolist() == [
        None,
        None,
        None,
        None,
        None,
        "x-",
        "n/a!",
        None,
        0,
    ]


def test_workbook_cells_numbers_and_dates_are_scaled_and_kept(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Posts"
    sheet.append(["Report: posts, March 2026"])  # a title row above the header
    sheet.append(CHIRP_CSV[0])
    sheet.append(["p1", datetime(2026, 3, 2, 9, 30), "Photo", 1200, 40, 3, 90, None])
    sheet.append(["p2", datetime(2026, 3, 3), "Clip", 300.0, None, None, 7.5, None])
    path = tmp_path / "chirp_@ada_book.xlsx"
    book.save(path)
    applied = read_export(CHIRP, path.name, path.read_bytes())
    [table] = applied.tables
    got = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    assert table.sheet == "chirp_@ada_book.xlsx › Posts" and table.row_numbers.tolist() == [3, 4]
    assert got["impressions"] == [1200, 300.0]  # numeric cells kept as read
    assert got["minutes"] == [1.5, 0.125]  # 90 s / 60; 7.5 s / 60
    # date cells pass as calamine reads them (a midnight one as a date); the validator types them
    assert got["date"] == [datetime(2026, 3, 2, 9, 30), datetime(2026, 3, 3).date()]
