"""Row expansions: one export row read twice (posts AND shares), as preset data.

An imaginary advocacy report ``advocates.csv``, one row per employee with totals::

    Name,Shares,Clicks,Posts
    Ada Lovelace,4,30,2        <- row 2: 4 shares (30 clicks on them) and 2 posts
    Alan Turing,0,0,3          <- row 3: no shares, 3 posts
    Grace Hopper,5,12,0        <- row 4: 5 shares, no posts
"""

from __future__ import annotations

import dataclasses

from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.sources import FieldRule, Preset, RowExpansion, RowRule, read_export
from scorecard.sources.mapping import draft_from_preset, sheet_layout, to_profile
from scorecard.sources.registry import check_presets

DATA = b"Name,Shares,Clicks,Posts\nAda Lovelace,4,30,2\nAlan Turing,0,0,3\nGrace Hopper,5,12,0\n"
ZERO = r"0+(\.0*)?|"

ADVOCATES = Preset(
    id="advocates_test",
    tool="Advocates",
    table="activity",
    fingerprint=("Name", "Shares", "Posts"),
    fields=(
        FieldRule("person_id", ("Name",)),
        FieldRule("count", ("Shares",)),
        FieldRule("clicks", ("Clicks",)),
    ),
    constants={"channel": "Advocates", "action": "share"},
    drop_rows=(RowRule("no shares", pattern=ZERO, header="Shares", warn=False),),
    expansions=(
        RowExpansion(
            "posts published",
            fields=(FieldRule("count", ("Posts",)), FieldRule("clicks", ())),
            constants={"action": "post"},
            drop_rows=(RowRule("no posts", pattern=ZERO, header="Posts", warn=False),),
        ),
    ),
)


def columns(table) -> dict[str, list]:
    return {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}


def test_the_same_rows_are_read_again_with_the_expansions_rules():
    applied = read_export(ADVOCATES, "advocates.csv", DATA)
    assert applied.problems == ()
    shares, posts = applied.tables
    # Shares: rows 2 and 4 (Alan shared nothing); count 4 + 5 = 9, clicks 30 + 12.
    assert shares.row_numbers.tolist() == [2, 4]
    assert columns(shares)["count"] == [4.0, 5.0] and columns(shares)["clicks"] == [30.0, 12.0]
    assert set(columns(shares)["action"]) == {"share"}
    # Posts: the same file's rows 2 and 3 (Grace posted nothing); count 2 + 3 = 5; the clicks
    # rule was removed (headers ()), so clicks are not counted twice; the person rule and the
    # channel constant are the preset's.
    assert posts.row_numbers.tolist() == [2, 3]
    got = columns(posts)
    assert got["count"] == [2.0, 3.0] and "clicks" not in got
    assert got["person_id"] == ["Ada Lovelace", "Alan Turing"]
    assert set(got["action"]) == {"post"} and set(got["channel"]) == {"Advocates"}
    # Messages about the posts table name the export's own column and file.
    assert posts.labels[posts.headers.index("count")] == "Posts"
    assert posts.sheet == shares.sheet == "advocates.csv"


def test_expansions_round_trip_as_json_and_are_checked_like_presets():
    assert Preset.from_json(ADVOCATES.to_json()) == ADVOCATES
    broken = dataclasses.replace(
        ADVOCATES,
        expansions=(RowExpansion("bad", fields=(FieldRule("likes", ("Posts",)),)),),
    )
    assert check_presets([ADVOCATES]) == []
    assert check_presets([broken]) == [
        "advocates_test: 'likes' is not a column of activity (expansion 'bad')"
    ]


def test_a_mapping_steps_constant_reaches_every_reading():
    grid = read_grids(Upload("advocates.csv", DATA), Limits())[0][0]
    draft = draft_from_preset(ADVOCATES, sheet_layout(grid, 0))
    draft = dataclasses.replace(draft, constants={**draft.constants, "date": "2026-03-01"})
    profile = to_profile(draft, "Advocates March", base=ADVOCATES)
    assert profile.expansions == ADVOCATES.expansions
    shares, posts = read_export(profile, "advocates.csv", DATA).tables
    assert columns(shares)["date"] == ["2026-03-01"] * 2
    assert columns(posts)["date"] == ["2026-03-01"] * 2
