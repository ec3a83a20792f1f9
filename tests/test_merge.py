"""The monthly merge rule and the change summary, pinned on tables small enough to check by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from scorecard.dataset import Dataset
from scorecard.merge import Move, TableChange, merge, summarize, upload_months


def people(*rows: tuple[str, str, str, str | None]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["person_id", "name", "department", "manager_id"])


def activity(*rows: tuple) -> pd.DataFrame:
    """Rows of (date, person_id, count[, source])."""
    frame = pd.DataFrame([r[:3] for r in rows], columns=["date", "person_id", "count"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["channel"], frame["action"] = "LinkedIn", "post"
    if any(len(r) > 3 for r in rows):
        frame["source"] = [r[3] if len(r) > 3 else None for r in rows]
    return frame


CURRENT = Dataset.from_frames(
    people=people(
        ("007", "Ada", "Ops", None), ("0100", "Ben", "Sales", "007"), ("x-9", "Cy", "Sales", "0100")
    ),
    activity=activity(
        ("2026-01-10", "007", 1),
        ("2026-02-01", "007", 2),
        ("2026-02-14", "0100", 3),
        ("2026-02-28", "x-9", 4),
        ("2026-03-05", "007", 5),
    ),
    outcomes=pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-01-31", "2026-02-28"]),
            "metric": ["leads", "leads"],
            "value": [10.0, 20.0],
        }
    ),
    goals=pd.DataFrame(
        {
            "metric": ["leads", "leads"],
            "target": [100, 50],
            "start": ["2026-01-01"] * 2,
            "end": ["2026-12-31"] * 2,
            "department": [None, "Sales"],
        }
    ),
    assumptions=pd.DataFrame({"key": ["hourly_cost_default", "currency"], "value": ["85", "$"]}),
    accounts=pd.DataFrame(
        {"channel": ["X"], "account": ["@ada"], "person_id": ["007"], "kind": ["personal"]}
    ),
)


def test_people_are_upserted_in_place_and_new_people_appended() -> None:
    upload = Dataset.from_frames(
        people=people(("0100", "Ben", "Marketing", "007"), ("0200", "Dee", "Sales", "0100"))
    )
    merged = merge(CURRENT, upload)
    # 007 kept, 0100 replaced where it was (now Marketing), x-9 kept, 0200 appended.
    assert merged.people["person_id"].tolist() == ["007", "0100", "x-9", "0200"]
    assert merged.people["department"].tolist() == ["Ops", "Marketing", "Sales", "Sales"]
    # No activity, outcomes, goals... in the upload: those tables are the current ones.
    for name in ("activity", "outcomes", "goals", "assumptions", "accounts"):
        pd.testing.assert_frame_equal(merged.table(name), CURRENT.table(name))


def test_goals_are_keyed_by_metric_scope_and_window() -> None:
    upload = Dataset.from_frames(
        goals=pd.DataFrame(
            {
                "metric": ["leads", "leads"],
                "target": [120, 40],
                "start": ["2026-01-01", "2026-07-01"],
                "end": ["2026-12-31", "2026-12-31"],
            }
        )
    )
    merged = merge(CURRENT, upload).goals
    # (leads, company, Jan-Dec) replaced 100 → 120; (leads, Sales, ...) kept at 50 (another
    # scope); (leads, company, Jul-Dec) is another window: appended.
    assert merged["target"].tolist() == [120.0, 50.0, 40.0]
    assert merged["department"].isna().tolist() == [True, False, True]


def test_assumptions_and_accounts_are_upserted_by_their_keys() -> None:
    upload = Dataset.from_frames(
        assumptions=pd.DataFrame({"key": ["currency", "active_threshold"], "value": ["€", "2"]}),
        accounts=pd.DataFrame(
            {
                "channel": ["X", "LinkedIn"],
                "account": ["@ada", "@ada"],
                "person_id": ["0100", "007"],
                "kind": ["personal"] * 2,
            }
        ),
    )
    merged = merge(CURRENT, upload)
    assert merged.assumptions.values.tolist() == [
        ["hourly_cost_default", "85"],
        ["currency", "€"],
        ["active_threshold", "2"],
    ]
    # (X, @ada) now belongs to 0100; (LinkedIn, @ada) is another account.
    assert merged.accounts[["channel", "person_id"]].values.tolist() == [
        ["X", "0100"],
        ["LinkedIn", "007"],
    ]


def test_activity_inside_the_uploads_date_range_is_replaced_and_outside_kept() -> None:
    upload = Dataset.from_frames(
        activity=activity(("2026-02-01", "007", 7), ("2026-02-20", "x-9", 8))
    )
    merged = merge(CURRENT, upload).activity
    # Range 2026-02-01..2026-02-20: Feb 1 (2) and Feb 14 (3) replaced; Feb 28 (4) is after the
    # range: kept; January and March kept. Rows by month: Jan 1; Feb 4, 7, 8; Mar 5.
    assert merged["count"].tolist() == [1, 4, 7, 8, 5]
    assert merged["date"].dt.strftime("%m-%d").tolist() == [
        "01-10",
        "02-28",
        "02-01",
        "02-20",
        "03-05",
    ]
    assert merged["count"].sum() == 1 + 4 + 7 + 8 + 5  # 25


def test_dated_rows_are_replaced_per_source() -> None:
    current = Dataset.from_frames(
        activity=activity(
            ("2026-02-01", "007", 1, "ada.csv"),
            ("2026-02-02", "0100", 2, "ben.csv"),
            ("2026-02-03", "007", 3, None),
        )
    )
    upload = Dataset.from_frames(
        activity=activity(("2026-02-01", "007", 9, "ada.csv"), ("2026-02-05", "007", 6, "ada.csv"))
    )
    merged = merge(current, upload).activity
    # ada.csv's range 02-01..02-05 replaces ada.csv's row (1) only; ben.csv's row (2) and the
    # row without a source (3) stay although they fall inside that range.
    assert merged["count"].tolist() == [2, 3, 9, 6]
    upload = Dataset.from_frames(activity=activity(("2026-02-03", "007", 4)))  # no source
    assert merge(current, upload).activity["count"].tolist() == [1, 2, 4]


def test_outcomes_are_replaced_inside_the_range_and_the_months_are_named() -> None:
    upload = Dataset.from_frames(
        outcomes=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-02-28", "2026-03-31"]),
                "metric": ["leads"] * 2,
                "value": [25.0, 30.0],
            }
        )
    )
    merged = merge(CURRENT, upload).outcomes
    assert merged["value"].tolist() == [10.0, 25.0, 30.0]  # Jan kept; Feb 20 → 25; Mar added
    assert upload_months(upload) == {"outcomes": {"2026-02", "2026-03"}}


def test_merging_does_not_modify_its_inputs() -> None:
    before = CURRENT.activity.copy()
    upload = Dataset.from_frames(activity=activity(("2026-02-01", "007", 7)))
    merge(CURRENT, upload)
    pd.testing.assert_frame_equal(CURRENT.activity, before)


def test_the_summary_counts_rows_per_table_and_month_and_people_moves() -> None:
    upload = Dataset.from_frames(
        people=people(
            ("0100", "Ben", "Marketing", "007"),
            ("x-9", "Cy", "Sales", "007"),
            ("0200", "Dee", "Sales", "0100"),
        ),
        activity=activity(
            ("2026-02-01", "007", 7), ("2026-02-14", "0100", 3), ("2026-02-20", "x-9", 8)
        ),
    )
    merged = merge(CURRENT, upload)
    summary = summarize(CURRENT, merged)
    # people: 0200 added; 0100 (department) and x-9 (manager) replaced.
    # activity Feb: range 02-01..02-20 held (02-01, 007, 2) and (02-14, 0100, 3):
    #   (02-01, 007) now 7 → replaced; (02-14, 0100, 3) identical → not counted;
    #   (02-20, x-9) new → added. Nothing removed.
    assert summary.tables == (
        TableChange("people", "", 1, 2, 0),
        TableChange("activity", "2026-02", 1, 1, 0),
    )
    assert summary.joined == ("0200",) and summary.left == ()
    assert summary.moved == (
        Move("0100", "Ben", ("Sales", "Marketing"), ("007", "007")),
        Move("x-9", "Cy", ("Sales", "Sales"), ("0100", "007")),
    )
    assert summary.one_line() == (
        "people 1 added, 2 replaced; activity 1 added, 1 replaced in "
        "2026-02; people: 1 joined, 2 moved"
    )


def test_the_summary_says_who_left_and_what_was_removed() -> None:
    after = Dataset.from_frames(
        people=CURRENT.people.iloc[:2], activity=CURRENT.activity.iloc[[0, 4]]
    )
    summary = summarize(CURRENT, after)
    # x-9 left; activity lost Feb 1, Feb 14, Feb 28 (3 rows in 2026-02); outcomes lost both
    # rows (Jan, Feb); goals 2, assumptions 2, accounts 1 removed.
    assert summary.left == ("x-9",)
    assert summary.totals() == {
        "people": (0, 0, 1),
        "activity": (0, 0, 3),
        "outcomes": (0, 0, 2),
        "goals": (0, 0, 2),
        "accounts": (0, 0, 1),
        "assumptions": (0, 0, 2),
    }
    assert summarize(CURRENT, CURRENT).unchanged
    assert summarize(CURRENT, CURRENT).one_line() == "no change"


@pytest.mark.parametrize("table", ["activity", "outcomes"])
def test_repeated_rows_are_matched_in_order(table: str) -> None:
    frame = CURRENT.table(table)
    doubled = Dataset.from_frames(**{table: pd.concat([frame, frame.iloc[:1]])})
    once = Dataset.from_frames(**{table: frame})
    # The second copy of the first row is one added row, in January.
    assert summarize(once, doubled).tables == (TableChange(table, "2026-01", 1, 0, 0),)


def test_adding_is_the_default_for_some_tables_or_dates_inside_the_current_months() -> None:
    from scorecard.merge import merge_by_default

    held = {"people": ("",), "activity": ("2026-01", "2026-02", "2026-03")}
    whole = Dataset.from_frames(
        people=CURRENT.people, activity=activity(("2026-03-01", "007", 1), ("2026-04-02", "007", 1))
    )
    assert not merge_by_default(held, whole)  # every table, and April is new: replace
    assert merge_by_default(held, Dataset.from_frames(activity=whole.activity))  # no people
    inside = Dataset.from_frames(people=CURRENT.people, activity=activity(("2026-02-03", "007", 1)))
    assert merge_by_default(held, inside)  # February again
    assert not merge_by_default({}, inside)  # nothing published yet
