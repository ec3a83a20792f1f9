"""Hostile and broken files: each gets one clear error, never a traceback or a runaway read."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from openpyxl import Workbook

from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_tables

MB = 1024 * 1024
RESAVE_FIX = ("Open it in Excel and save it again as .xlsx (File › Save As), or export it as "
              "CSV, then upload it again.")
BOMB_FIX = ("If it is a real workbook, copy its data into a new workbook (or export it as CSV) "
            "and upload that; otherwise delete it.")


def valid_xlsx() -> bytes:
    wb = Workbook()
    wb.active.title = "people"
    wb.active.append(["person_id", "name"])
    wb.active.append(["007", "Ada Byrne"])
    activity = wb.create_sheet("activity")
    activity.append(["date", "person_id", "channel", "action"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None,
          add: dict[str, bytes] | None = None) -> bytes:
    """The workbook's zip with some parts replaced and some added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename,
                                                               source.read(info)))
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def only_problem(upload: Upload, limits: Limits = Limits()) -> tuple[str, str, str, str | None]:
    tables, problems = read_tables([upload], limits)
    assert tables == []
    assert len(problems) == 1, [p.as_text() for p in problems]
    p = problems[0]
    assert p.severity == "error" and p.sheet == upload.name
    return p.code, p.message, p.fix, p.value


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """A valid workbook plus one part of 300 MB of zeros, deflated to about 0.3 MB."""
    out = io.BytesIO(valid_xlsx())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/zeros.bin", "w", force_zip64=True) as part:
            chunk = bytes(MB)
            for _ in range(300):
                part.write(chunk)
    return out.getvalue()


def test_file_over_the_configured_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCORECARD_MAX_UPLOAD_MB", "1")
    data = b"a,b\n" * 300_000  # 1,200,000 bytes = 1.14 MB
    assert only_problem(Upload("big.csv", data), Limits.from_env())[:3] == (
        "file_too_large",
        "The file 'big.csv' is 1.1 MB, over the upload limit of 1 MB.",
        "Split it into smaller files (for example one per table or per quarter), or ask your "
        "administrator to raise SCORECARD_MAX_UPLOAD_MB.")


def test_empty_file() -> None:
    assert only_problem(Upload("march.xlsx", b""))[:3] == (
        "empty_file", "The file 'march.xlsx' is empty (0 bytes).",
        "Check that you picked the right file and that it finished saving, then upload it again.")


def test_workbook_without_data() -> None:
    out = io.BytesIO()
    Workbook().save(out)
    assert only_problem(Upload("empty.xlsx", out.getvalue()))[:3] == (
        "empty_workbook", "The file 'empty.xlsx' contains no data.",
        "Fill in its sheets (the template shows the layout) and upload it again.")


NOT_A_SPREADSHEET = (
    "not_a_spreadsheet",
    "The file '{}' is not a spreadsheet: it does not start like an xlsx, xls, ods or CSV file.",
    "Save it from Excel as .xlsx (File › Save As) or export it as CSV, then upload it again.")


@pytest.mark.parametrize("name, data", [
    ("chart.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),  # a PNG renamed
    ("people.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
    ("notes.xlsx", b"person_id,name\n007,Ada\n"),  # text with a workbook's extension
])
def test_non_spreadsheet_renamed(name: str, data: bytes) -> None:
    code, message, fix = NOT_A_SPREADSHEET
    assert only_problem(Upload(name, data))[:3] == (code, message.format(name), fix)


def test_word_document_renamed_xlsx() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    code, message, fix = NOT_A_SPREADSHEET
    assert only_problem(Upload("report.xlsx", out.getvalue()))[:3] == (
        code, message.format("report.xlsx"), fix)


def test_password_protected_workbook() -> None:
    # Excel wraps an encrypted xlsx in an OLE2 container holding an "EncryptedPackage" stream.
    ole2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
            + "EncryptionInfo".encode("utf-16-le") + bytes(50)
            + "EncryptedPackage".encode("utf-16-le") + bytes(1000))
    assert only_problem(Upload("secret.xlsx", ole2))[:3] == (
        "password_protected",
        "The file 'secret.xlsx' is protected with a password, so it cannot be read.",
        "Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with "
        "Password, then clear the box), save it and upload it again.")


def test_damaged_ole2_file_is_unreadable_not_a_traceback() -> None:
    code, message, fix, value = only_problem(
        Upload("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 2000))
    assert (code, message, fix) == (
        "unreadable_file",
        "The file 'old.xls' could not be read: it may be damaged or saved in a form the app "
        "does not read.", RESAVE_FIX)
    assert value  # calamine's own words, cut to a preview


def test_broken_workbook_xml_is_unreadable() -> None:
    data = rezip(valid_xlsx(), replace={"xl/workbook.xml": b"<workbook><sheets><sheet"})
    assert only_problem(Upload("broken.xlsx", data))[0] == "unreadable_file"


def test_zip_bomb_by_compression_ratio(zip_bomb: bytes) -> None:
    info = zipfile.ZipFile(io.BytesIO(zip_bomb)).getinfo("xl/media/zeros.bin")
    ratio = info.file_size / info.compress_size  # 314,572,800 bytes / ~305 KB ≈ 1,030
    assert ratio > 200
    assert only_problem(Upload("bomb.xlsx", zip_bomb))[:3] == (
        "zip_bomb",
        f"The file 'bomb.xlsx' was not opened: its part 'xl/media/zeros.bin' expands "
        f"{ratio:,.0f} times, far more than spreadsheet data ever does. That is the mark of a "
        "zip bomb, a file built to exhaust the computer that opens it.", BOMB_FIX)


def test_zip_bomb_by_total_size(zip_bomb: bytes) -> None:
    # 300 MB of zeros plus a few KB of workbook parts: "300" MB against a 200 MB limit.
    assert only_problem(Upload("bomb.xlsx", zip_bomb),
                        Limits(max_uncompressed_bytes=200 * MB))[1] == (
        "The file 'bomb.xlsx' was not opened: it would expand to 300 MB when opened, over the "
        "safety limit of 200 MB. That is the mark of a zip bomb, a file built to exhaust the "
        "computer that opens it.")


def test_zip_bomb_by_number_of_parts() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(11):
            archive.writestr(f"xl/part{i}.xml", "<x/>")
    assert only_problem(Upload("many.xlsx", out.getvalue()), Limits(max_zip_entries=5))[1] == (
        "The file 'many.xlsx' was not opened: it holds 12 parts, more than the 5 a spreadsheet "
        "ever needs. That is the mark of a zip bomb, a file built to exhaust the computer that "
        "opens it.")


def test_part_larger_than_it_declares_is_caught_while_streaming() -> None:
    # Declare 1,000 bytes for a 2 MB part in the central directory: the directory checks pass,
    # the streamed pass stops at 1,000 bytes and the checksum no longer matches.
    data = bytearray(rezip(valid_xlsx(), add={"xl/worksheets/sheet9.xml": b"<a/>" * 500_000}))
    name = b"xl/worksheets/sheet9.xml"
    at = data.rindex(b"PK\x01\x02", 0, data.rindex(name))
    data[at + 24:at + 28] = struct.pack("<I", 1000)
    code, message, fix, value = only_problem(Upload("liar.xlsx", bytes(data)))
    assert (code, message, fix) == (
        "unreadable_file",
        "The file 'liar.xlsx' is damaged: its part 'xl/worksheets/sheet9.xml' does not match "
        "its recorded size or checksum.", RESAVE_FIX)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>\n<worksheet>&lol9;</worksheet>")


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                  "[Content_Types].xml"])
def test_xml_entity_declarations_are_refused(part: str) -> None:
    source = valid_xlsx()
    names = zipfile.ZipFile(io.BytesIO(source)).namelist()
    data = (rezip(source, replace={part: BILLION_LAUGHS}) if part in names
            else rezip(source, add={part: BILLION_LAUGHS}))
    assert only_problem(Upload("laughs.xlsx", data))[:3] == (
        "xml_entities",
        f"The file 'laughs.xlsx' contains XML entity declarations (in part '{part}'). Excel "
        "never writes them, and they can be used to attack the program that reads the file.",
        RESAVE_FIX)


def test_external_entity_in_utf16_is_refused() -> None:
    xxe = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM '
           '"file:///etc/passwd">]><worksheet>&e;</worksheet>').encode("utf-16-le")
    data = rezip(valid_xlsx(), replace={"xl/worksheets/sheet1.xml": xxe})
    assert only_problem(Upload("xxe.xlsx", data))[0] == "xml_entities"


def test_a_valid_workbook_passes_every_guard() -> None:
    tables, problems = read_tables([Upload("ok.xlsx", valid_xlsx())])
    assert problems == []
    assert [t.table for t in tables] == ["people", "activity"]
