"""The preset registry: its checks, and detection confidences computed by hand."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from scorecard.ingest.readers import Grid
from scorecard.schema import TABLES
from scorecard.sources import FieldRule, OutcomeRule, Preset, RowRule
from scorecard.sources.registry import (
    BY_ID,
    PRESETS,
    THRESHOLD,
    check_presets,
    detect,
    is_template_sheet,
    load_presets,
)


def grid(rows: list[list[object]], name: str = "Sheet1", is_file: bool = False) -> Grid:
    width = max(map(len, rows))
    cells = np.array([r + [None] * (width - len(r)) for r in rows], dtype=object)
    filled = np.array([any(c is not None for c in r) for r in cells], dtype=bool)
    return Grid(name, cells, np.arange(1, len(rows) + 1), filled, is_file)


BLOG = Preset(
    id="blog",
    tool="Blog",
    table="activity",
    fingerprint=("Slug", "Published"),
    optional_headers=("Views", "Author"),
    fields=(FieldRule("date", ("Published",)),),
)
NAMED = dataclasses.replace(BLOG, id="named", file_pattern=r"^blog_.*\.csv$")


def test_every_registered_preset_is_sound_and_ids_are_unique():
    assert check_presets(PRESETS) == []
    assert len(BY_ID) == len(PRESETS) == len(load_presets())
    for preset in PRESETS:
        table = TABLES.get("outcomes" if preset.outcome_rules else preset.table)
        assert table is not None, preset.id
        for rule in preset.fields:
            assert rule.field in table.column_names, (preset.id, rule.field)
        assert Preset.from_json(preset.to_json()) == preset, preset.id


def test_check_presets_names_every_mistake():
    broken = Preset(
        id="blog",
        tool="B",
        table="activity",
        fingerprint=(),
        fields=(
            FieldRule("impressionz", ("V",)),
            FieldRule("minutes", ("T",), unit="weeks"),
            FieldRule("theme", ("N",), split="First Last"),
        ),
        constants={"colour": "red"},
        file_pattern="(",
        drop_rows=(RowRule("x", "[a"),),
        date_order="DDM",
        number_locale="xx",
    )  # type: ignore[arg-type]
    errors = check_presets(
        [
            BLOG,
            broken,
            Preset(
                id="t",
                tool="T",
                table="nope",  # type: ignore
                fingerprint=("A",),
            ),
        ]
    )
    assert errors == [
        "preset id 'blog' is used twice",
        "blog: the fingerprint is empty",
        "blog: 'impressionz' is not a column of activity",
        "blog: 'colour' is not a column of activity",
        (
            "blog: unit 'weeks' of minutes is unknown (use one of minutes, seconds, milliseconds, "
            "hours, percent, fraction)"
        ),
        "blog: split 'First Last' of theme is unknown",
        "blog: '(' is not a regular expression",
        "blog: '[a' is not a regular expression",
        "blog: date_order 'DDM' is not one of DMY, MDY, YMD",
        "blog: number_locale 'xx' is not en, de or fr",
        "t: table 'nope' is not a table of the contract",
    ]


def test_outcome_presets_are_checked_against_the_outcomes_table():
    crm = Preset(
        id="crm",
        tool="C",
        table="outcomes",
        fingerprint=("Owner",),
        outcome_rules=(OutcomeRule("won", "Close"),),
    )
    assert check_presets([crm]) == []


def test_confidence_is_the_share_of_headers_found_with_a_file_name_bonus():
    sheet = grid([["Title row"], ["Slug", "Published", "Views", "Other"], ["a", "2026-03-02", 1]])
    # BLOG: 2 fingerprint + 1 of 2 optional found = 3 / 4 = 0.75
    match = detect(sheet, "x.csv", (BLOG,))
    assert match is not None and match.confidence == pytest.approx(0.75)
    assert (match.header_at, match.headers_found) == (1, 3)
    # NAMED has a file pattern: 0.85 x 0.75 + 0.15 when the name matches, + 0 when not
    assert detect(sheet, "blog_march.csv", (NAMED,)).confidence == pytest.approx(0.7875)
    assert detect(sheet, "x.csv", (NAMED,)).confidence == pytest.approx(0.6375)
    assert "Blog → activity, confidence 0.75" == match.read_as


def test_no_match_without_every_fingerprint_header_or_below_the_threshold():
    assert detect(grid([["Slug", "Views", "Author"]]), "x.csv", (BLOG,)) is None
    thin = dataclasses.replace(BLOG, optional_headers=("A", "B", "C", "D", "E"))
    # 2 of 7 headers = 0.29 < THRESHOLD
    assert 2 / 7 < THRESHOLD
    assert detect(grid([["Slug", "Published"]]), "x.csv", (thin,)) is None


def test_the_best_of_competing_presets_wins():
    rich = dataclasses.replace(
        BLOG, id="rich", fingerprint=("Slug", "Published", "Views"), optional_headers=("Author",)
    )
    sheet = grid([["Slug", "Published", "Views", "Author"]])
    # BLOG: 4/4 = 1.0 with 4 headers; rich: 4/4 = 1.0 with 4 headers: a tie keeps the first
    assert detect(sheet, "x.csv", (BLOG, rich)).preset.id == "blog"
    assert detect(sheet, "x.csv", (rich, BLOG)).preset.id == "rich"
    partial = grid([["Slug", "Published", "Views"]])
    # BLOG: 3/4 = 0.75; rich: 3/4 = 0.75, equal headers found: first wins; a sheet-limited
    # preset is not a candidate on another sheet
    limited = dataclasses.replace(rich, sheets=("Posts",))
    assert detect(partial, "x.xlsx", (limited, BLOG)).preset.id == "blog"
    assert (
        detect(grid([["Slug", "Published", "Views"]], "Posts"), "x.xlsx", (limited,)).preset.id
        == "rich"
    )


def test_template_sheets_are_never_matched_by_a_preset():
    template = Preset(
        id="tpl", tool="T", table="activity", fingerprint=("date", "person_id", "channel", "action")
    )
    header = ["date", "person_id", "channel", "action"]
    assert is_template_sheet(grid([header], "activity"))
    assert is_template_sheet(grid([header], "activity.csv", is_file=True))
    assert detect(grid([header], "activity"), "book.xlsx", (template,)) is None
    # the same headers on a sheet not named after a table are fair game for a preset
    assert detect(grid([header], "Export"), "book.xlsx", (template,)).preset.id == "tpl"


def test_detection_finds_no_registered_preset_in_the_template_workbook(tmp_path):
    from scorecard.ingest.raw import Limits, Upload
    from scorecard.ingest.readers import read_grids
    from scorecard.template import write_template

    path = tmp_path / "template.xlsx"
    write_template(path)
    grids, _ = read_grids(Upload(path.name, path.read_bytes()), Limits())
    assert grids and all(detect(g, path.name) is None for g in grids)
