"""The command line, run as users run it: `python -m scorecard ...` in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.uploads import clean_sheets, planted_sheets, write_workbook

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCORECARD_DATABASE_URL": f"sqlite:///{db}" if db else "sqlite://"}
    return subprocess.run(
        [sys.executable, "-m", "scorecard", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_validate_reports_all_ten_planted_problems_and_exits_1(tmp_path):
    path = write_workbook(tmp_path / "planted.xlsx", planted_sheets())
    done = run("validate", str(path))
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    errors = [line for line in lines if line.startswith("ERROR ")]
    assert len(errors) == 10
    assert errors[0].startswith("ERROR sheet 'people', row 4, column 'Employee ID' (value: '002'):")
    assert errors[5].startswith("ERROR sheet 'activity', row 4, column 'Count' (value: '-2'):")
    assert all(" Fix: " in line for line in errors)
    assert lines[-1] == "10 errors, 0 warnings."
    assert "Traceback" not in done.stderr


def test_validate_a_clean_file_exits_0_and_counts_rows(tmp_path):
    path = write_workbook(tmp_path / "march.xlsx", clean_sheets())
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "No problems found.",
        ("Rows read: 3 people, 2 activity, 0 outcomes, 0 goals, 0 accounts, 0 assumptions."),
    ]


def test_validate_a_hostile_file_is_a_message_not_a_traceback(tmp_path):
    fake = tmp_path / "photo.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    done = run("validate", str(fake))
    assert done.returncode == 1
    assert done.stdout.startswith("ERROR ")
    assert "Traceback" not in done.stderr


def test_validate_a_missing_file_is_a_usage_error(tmp_path):
    done = run("validate", str(tmp_path / "nope.xlsx"))
    assert done.returncode == 2 and "No such file" in done.stderr


def test_template_is_written_and_opens(tmp_path):
    out = tmp_path / "template.xlsx"
    done = run("template", str(out))
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out).sheetnames == [
        "Instructions",
        "people",
        "activity",
        "outcomes",
        "goals",
        "accounts",
        "assumptions",
    ]


def test_publish_then_versions_then_report_on_the_current_dataset(tmp_path):
    db = tmp_path / "cli.db"
    path = write_workbook(tmp_path / "march.xlsx", clean_sheets())
    done = run("publish", str(path), "--by", "Mia", db=db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Published version 1; it is now the current dataset." in done.stdout
    again = run("publish", str(path), "--by", "Raj", db=db)
    assert "This file is identical to version 1" in again.stdout

    listing = run("versions", db=db).stdout.splitlines()
    assert len(listing) == 1 and listing[0].startswith("*    1  ")
    assert "Mia" in listing[0] and "march.xlsx (5 rows)" in listing[0]

    report = json.loads(run("report", "--from", "2026-03-01", "--to", "2026-03-31", db=db).stdout)
    # clean_sheets: 007 posts 1 on 2 March, 12 replies 4 on 3 March → 5 actions, 1 post, 4 replies
    assert report["period"]["from"] == "2026-03-01"
    assert report["company"]["actions"] == 5
    assert report["company"]["posts"] == 1
    assert report["company"]["dialogue_ratio"] == 4 / 5  # full precision in the JSON
    assert set(report) >= {
        "period",
        "company",
        "departments",
        "people",
        "goals",
        "bonus",
        "benchmarks",
        "cascade",
    }


def test_report_defaults_to_the_data_range_and_refuses_a_reversed_period(tmp_path):
    path = write_workbook(tmp_path / "march.xlsx", clean_sheets())
    report = json.loads(run("report", str(path)).stdout)
    assert (report["period"]["from"], report["period"]["to"]) == ("2026-03-02", "2026-03-03")
    bad = run("report", str(path), "--from", "2026-03-31", "--to", "2026-03-01")
    assert bad.returncode == 2 and "is before" in bad.stderr


def test_report_of_an_invalid_file_prints_its_problems(tmp_path):
    path = write_workbook(tmp_path / "planted.xlsx", planted_sheets())
    done = run("report", str(path))
    assert done.returncode == 1 and "10 errors, 0 warnings." in done.stderr


@pytest.mark.parametrize("command", ["validate", "publish", "report"])
def test_a_missing_file_is_a_usage_error_for_every_command(tmp_path, command):
    done = run(command, str(tmp_path / "nope.xlsx"), db=tmp_path / "cli.db")
    assert done.returncode == 2
    assert done.stderr.strip() == f"No such file: {tmp_path / 'nope.xlsx'}"
    assert "Traceback" not in done.stderr


def test_report_takes_the_apps_filters(tmp_path):
    path = write_workbook(tmp_path / "march.xlsx", clean_sheets())
    # clean_sheets: 007 (Sales, VP) 1 LinkedIn post; 12 (Ops, Staff) 4 X replies
    sales = json.loads(run("report", str(path), "--department", "Sales").stdout)
    assert sales["filters"] == {"departments": ["Sales"], "tiers": [], "channels": []}
    assert sales["company"]["actions"] == 1
    both = json.loads(
        run(
            "report",
            str(path),
            "--department",
            "Sales",
            "--department",
            "Ops",
            "--tier",
            "Staff",
            "--channel",
            "X",
        ).stdout
    )
    assert both["filters"]["departments"] == ["Sales", "Ops"]
    assert both["company"]["actions"] == 4  # only 12's replies: Staff on X
    text = run("report", str(path), "--tier", "Staff", "--format", "text").stdout
    assert "Filters: tiers: Staff" in text
    assert re.search(r"^  Dialogue ratio +100\.0%$", text, re.MULTILINE)  # 4 replies / 4
    bad = run("report", str(path), "--department", "Nowhere")
    assert bad.returncode == 2 and "Choose one of: Ops, Sales." in bad.stderr
    assert "Traceback" not in bad.stderr
