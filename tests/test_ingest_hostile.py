"""Hostile and broken files: each gets one clear error, never a traceback or a runaway read."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from openpyxl import Workbook

from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_tables
from tests.fixtures import hostile
from tests.fixtures.hostile import rezip, valid_xlsx

MB = 1_000_000  # as the guards count megabytes
RESAVE_FIX = (
    "Open it in Excel and save it again as .xlsx (File › Save As), or export it as "
    "CSV, then upload it again."
)
BOMB_FIX = (
    "If it is a real workbook, copy its data into a new workbook (or export it as CSV) "
    "and upload that; otherwise delete it."
)


def only_problem(upload: Upload, limits: Limits | None = None) -> tuple[str, str, str, str | None]:
    tables, problems = read_tables([upload], limits or Limits())
    assert tables == []
    assert len(problems) == 1, [p.as_text() for p in problems]
    p = problems[0]
    assert p.severity == "error" and p.sheet == upload.name
    return p.code, p.message, p.fix, p.value


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """A valid workbook plus one part of 300 MB of zeros, deflated to about 0.3 MB."""
    out = io.BytesIO(valid_xlsx())
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/zeros.bin", "w", force_zip64=True) as part,
    ):
        chunk = bytes(MB)
        for _ in range(300):
            part.write(chunk)
    return out.getvalue()


def test_file_over_the_configured_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCORECARD_MAX_UPLOAD_MB", "1")
    data = b"a,b\n" * 300_000  # 1,200,000 bytes = 1.2 MB of 10^6 bytes
    assert only_problem(Upload("big.csv", data), Limits.from_env())[:3] == (
        "file_too_large",
        "The file 'big.csv' is 1.2 MB, so it was not read. Files up to 1 MB are accepted.",
        (
            "Split it into smaller files (for example one per table or per quarter), or ask your "
            "administrator to raise SCORECARD_MAX_UPLOAD_MB."
        ),
    )


def test_empty_file() -> None:
    assert only_problem(Upload("march.xlsx", b""))[:3] == (
        "empty_file",
        "The file 'march.xlsx' is empty (0 bytes).",
        "Check that you picked the right file and that it finished saving, then upload it again.",
    )


def test_workbook_without_data() -> None:
    out = io.BytesIO()
    Workbook().save(out)
    assert only_problem(Upload("empty.xlsx", out.getvalue()))[:3] == (
        "empty_workbook",
        "The file 'empty.xlsx' contains no data.",
        "Fill in its sheets (the template shows the layout) and upload it again.",
    )


NOT_A_SPREADSHEET = (
    "not_a_spreadsheet",
    "The file '{}' is not a spreadsheet: it does not start like an xlsx, xls, ods or CSV file.",
    "Save it from Excel as .xlsx (File › Save As) or export it as CSV, then upload it again.",
)


@pytest.mark.parametrize(
    "name, data",
    [
        ("chart.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),  # a PNG renamed
        ("people.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
        ("notes.xlsx", b"person_id,name\n007,Ada\n"),  # text with a workbook's extension
    ],
)
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
        code,
        message.format("report.xlsx"),
        fix,
    )


def test_password_protected_workbook() -> None:
    # Excel wraps an encrypted xlsx in an OLE2 container holding an "EncryptedPackage" stream.
    ole2 = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(504)
        + "EncryptionInfo".encode("utf-16-le")
        + bytes(50)
        + "EncryptedPackage".encode("utf-16-le")
        + bytes(1000)
    )
    assert only_problem(Upload("secret.xlsx", ole2))[:3] == (
        "password_protected",
        "The file 'secret.xlsx' is protected with a password, so it cannot be read.",
        (
            "Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with "
            "Password, then clear the box), save it and upload it again."
        ),
    )


def test_damaged_ole2_file_is_unreadable_not_a_traceback() -> None:
    code, message, fix, value = only_problem(
        Upload("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 2000)
    )
    assert (code, message, fix) == (
        "unreadable_file",
        (
            "The file 'old.xls' could not be read: it may be damaged or saved in a form the app "
            "does not read."
        ),
        RESAVE_FIX,
    )
    assert value  # calamine's own words, cut to a preview


def test_broken_workbook_xml_is_unreadable() -> None:
    data = rezip(valid_xlsx(), replace={"xl/workbook.xml": b"<workbook><sheets><sheet"})
    assert only_problem(Upload("broken.xlsx", data))[0] == "unreadable_file"


def test_zip_bomb_by_compression_ratio(zip_bomb: bytes) -> None:
    info = zipfile.ZipFile(io.BytesIO(zip_bomb)).getinfo("xl/media/zeros.bin")
    ratio = info.file_size / info.compress_size  # 300,000,000 bytes / ~291 KB ≈ 1,030
    assert ratio > 200
    assert only_problem(Upload("bomb.xlsx", zip_bomb))[:3] == (
        "zip_bomb",
        (
            f"The file 'bomb.xlsx' was not opened: its part 'xl/media/zeros.bin' expands "
            f"{ratio:,.0f} times, far more than spreadsheet data ever does. That is the mark of a "
            "zip bomb, a file built to exhaust the computer that opens it."
        ),
        BOMB_FIX,
    )


def test_zip_bomb_by_total_size(zip_bomb: bytes) -> None:
    # 300 MB of zeros plus a few KB of workbook parts: "300" MB against a 200 MB limit.
    assert only_problem(Upload("bomb.xlsx", zip_bomb), Limits(max_uncompressed_bytes=200 * MB))[
        1
    ] == (
        "The file 'bomb.xlsx' was not opened: it would expand to 300 MB when opened, over the "
        "safety limit of 200 MB. That is the mark of a zip bomb, a file built to exhaust the "
        "computer that opens it."
    )


def test_zip_bomb_by_number_of_parts() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(11):
            archive.writestr(f"xl/part{i}.xml", "<x/>")
    assert only_problem(Upload("many.xlsx", out.getvalue()), Limits(max_zip_entries=5))[1] == (
        "The file 'many.xlsx' was not opened: it holds 12 parts, more than the 5 a spreadsheet "
        "ever needs. That is the mark of a zip bomb, a file built to exhaust the computer that "
        "opens it."
    )


def test_part_larger_than_it_declares_is_caught_while_streaming() -> None:
    # Declare 1,000 bytes for a 2 MB part in the central directory: the directory checks pass,
    # the streamed pass stops at 1,000 bytes and the checksum no longer matches.
    data = bytearray(rezip(valid_xlsx(), add={"xl/worksheets/sheet9.xml": b"<a/>" * 500_000}))
    name = b"xl/worksheets/sheet9.xml"
    at = data.rindex(b"PK\x01\x02", 0, data.rindex(name))
    data[at + 24 : at + 28] = struct.pack("<I", 1000)
    code, message, fix, _value = only_problem(Upload("liar.xlsx", bytes(data)))
    assert (code, message, fix) == (
        "unreadable_file",
        (
            "The file 'liar.xlsx' is damaged: its part 'xl/worksheets/sheet9.xml' does not match "
            "its recorded size or checksum."
        ),
        RESAVE_FIX,
    )


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>\n<worksheet>&lol9;</worksheet>"
)


@pytest.mark.parametrize(
    "part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "[Content_Types].xml"]
)
def test_xml_entity_declarations_are_refused(part: str) -> None:
    source = valid_xlsx()
    names = zipfile.ZipFile(io.BytesIO(source)).namelist()
    data = (
        rezip(source, replace={part: BILLION_LAUGHS})
        if part in names
        else rezip(source, add={part: BILLION_LAUGHS})
    )
    assert only_problem(Upload("laughs.xlsx", data))[:3] == (
        "xml_entities",
        (
            f"The file 'laughs.xlsx' contains XML entity declarations (in part '{part}'). Excel "
            "never writes them, and they can be used to attack the program that reads the file."
        ),
        RESAVE_FIX,
    )


def test_external_entity_in_utf16_is_refused() -> None:
    xxe = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM '
        '"file:///etc/passwd">]><worksheet>&e;</worksheet>'
    ).encode("utf-16-le")
    data = rezip(valid_xlsx(), replace={"xl/worksheets/sheet1.xml": xxe})
    assert only_problem(Upload("xxe.xlsx", data))[0] == "xml_entities"


def test_a_valid_workbook_passes_every_guard() -> None:
    tables, problems = read_tables([Upload("ok.xlsx", valid_xlsx())])
    assert problems == []
    assert [t.table for t in tables] == ["people", "activity"]


# Round 2 (issue 14): files that passed the round-1 guards and then took the reader's memory or
# time. Each is now refused from a cheap fact before any parser sees it.

TRIM_FIX = (
    "In Excel, delete the empty rows below and the empty columns right of your data "
    "(select them, right-click › Delete), save the file and upload it again."
)
MALFORMED_FIX = (
    "If it is a real workbook, open it in Excel and save it again as .xlsx (or "
    "export it as CSV) and upload that; otherwise delete it."
)


@pytest.mark.parametrize("build", [hostile.far_cell_xlsx, hostile.far_cell_without_dimension_xlsx])
def test_a_sheet_reaching_xfd1048576_in_a_5_kb_file_is_refused(build) -> None:
    data = build()
    assert len(data) < 6_000
    # 16,384 columns × 1,048,576 rows = 17,179,869,184 cells from A1; the budget is
    # max(4,000,000, 64 cells per byte × ~5,200 bytes = ~333,000) = 4,000,000 cells.
    assert only_problem(Upload("far.xlsx", data))[:3] == (
        "sheet_extent_impossible",
        (
            "The sheet 'people' in 'far.xlsx' says it reaches cell XFD1048576 (17,179,869,184 cells "
            "from A1), far more than a file of 5 KB can hold, so the file was not opened."
        ),
        TRIM_FIX,
    )


def test_a_dimension_beyond_excel_is_refused() -> None:
    data = rezip(
        valid_xlsx(),
        replace={"xl/worksheets/sheet1.xml": hostile.sheet_xml("", dimension="A1:XFE2000000")},
    )
    code, message, fix, _ = only_problem(Upload("odd.xlsx", data))
    assert (code, fix) == ("sheet_beyond_excel", RESAVE_FIX)
    # XFE is column 16,385: one past Excel's last column, XFD.
    assert message == (
        "The sheet 'people' in 'odd.xlsx' reaches row 2,000,000, column 16,385, "
        "beyond Excel's last cell XFD1048576, so the file was not opened."
    )


def test_a_sheet_16384_columns_wide_is_refused() -> None:
    assert only_problem(Upload("wide.xlsx", hostile.wide_xlsx(16_384, 3)))[:3] == (
        "sheet_too_wide",
        (
            "The sheet 'people' in 'wide.xlsx' is 16,384 columns wide (up to column XFD), more than "
            "the 1,000 columns the app reads, so the file was not opened."
        ),
        (
            "Delete the empty or unneeded columns to the right of your data (select them, "
            "right-click › Delete), save the file and upload it again."
        ),
    )


def test_a_sheet_over_the_cell_limit_is_refused() -> None:
    # 3 rows × 40 columns = 120 cells, over a limit of 100 (and under the width limit).
    code, message, _, _ = only_problem(
        Upload("big.xlsx", hostile.wide_xlsx(40, 3)), Limits(max_sheet_cells=100)
    )
    assert code == "sheet_too_large"
    assert message == (
        "The sheet 'people' in 'big.xlsx' reaches cell AN3: 120 cells from A1, "
        "more than the 100 the app reads in one sheet, so the file was not opened."
    )


def test_the_ods_bomb_of_under_1_kb_is_refused() -> None:
    data = hostile.ods_bomb()
    assert len(data) < 1_000
    # one "x" repeated 16,384 columns, in a row repeated 6,000 times: 98,304,000 cells.
    code, message, fix, _ = only_problem(Upload("bomb.ods", data))
    assert (code, fix) == ("sheet_extent_impossible", TRIM_FIX)
    assert message == (
        f"The sheet 'people' in 'bomb.ods' says it reaches cell XFD6000 "
        f"(98,304,000 cells from A1), far more than a file of {len(data)} bytes "
        "can hold, so the file was not opened."
    )


def test_an_ods_with_libreoffice_trailing_blanks_is_read() -> None:
    # Empty cells repeated to column AMJ and empty rows to row 1,048,576 are never expanded.
    tables, problems = read_tables([Upload("ok.ods", hostile.ods_with_trailing_blanks())])
    assert problems == []
    assert [(t.table, len(t)) for t in tables] == [("people", 1), ("activity", 0)]


def test_an_xls_whose_directory_chain_loops_is_refused() -> None:
    assert only_problem(Upload("loop.xls", hostile.looping_xls()))[:3] == (
        "malformed_container",
        (
            "The file 'loop.xls' was not opened: a chain of its FAT (the links between its sectors) "
            "loops back on itself, so a reader following it would never stop. Excel never writes "
            "such a file; it can be built to exhaust the computer that opens it."
        ),
        MALFORMED_FIX,
    )


def test_an_xls_whose_difat_chain_loops_is_refused() -> None:
    data = bytearray(hostile.looping_xls())
    data[68:76] = struct.pack("<II", 2, 1)  # the DIFAT starts at sector 2 ...
    data[512 * 3 + 508 : 512 * 3 + 512] = struct.pack("<I", 2)  # ... whose last entry is itself
    assert only_problem(Upload("difat.xls", bytes(data)))[1].startswith(
        "The file 'difat.xls' was not opened: its DIFAT chain (the list of the sectors that "
        "hold the FAT) loops back on itself"
    )


def test_an_xls_whose_chains_end_passes_the_walk() -> None:
    from scorecard.ingest.ole import chain_fault

    data = bytearray(hostile.looping_xls())
    data[512 + 4 : 512 + 8] = struct.pack("<I", 0xFFFFFFFE)  # FAT[1]: end of chain, not 1
    assert chain_fault(bytes(data)) is None


def test_a_shared_strings_part_declaring_4_billion_strings_is_refused() -> None:
    data = hostile.big_shared_strings_xlsx(10, declared=4_000_000_000)
    code, message, fix, _ = only_problem(Upload("strings.xlsx", data))
    assert (code, fix) == ("malformed_container", MALFORMED_FIX)
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/sharedStrings.xml").file_size
    # each <si/> takes at least 5 bytes, so the part holds at most size // 5 strings
    assert message.startswith(
        f"The file 'strings.xlsx' was not opened: its list of shared text "
        f"declares 4,000,000,000 entries but has room for at most "
        f"{size // 5:,}."
    )


def test_a_shared_strings_part_over_its_limit_is_refused() -> None:
    data = hostile.big_shared_strings_xlsx(100_000)  # 100,000 × 22 bytes ≈ 2.2 MB inflated
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/sharedStrings.xml").file_size
    assert only_problem(Upload("strings.xlsx", data), Limits(max_shared_strings_bytes=1 * MB))[
        :2
    ] == (
        "zip_bomb",
        (
            f"The file 'strings.xlsx' was not opened: its part 'xl/sharedStrings.xml' would take "
            f"{size / MB:,.0f} MB once opened, over the safety limit of 1 MB for one part. That is "
            "the mark of a zip bomb, a file built to exhaust the computer that opens it."
        ),
    )


def test_a_huge_shared_strings_part_declared_small_is_caught_while_streaming() -> None:
    data = bytearray(hostile.big_shared_strings_xlsx(100_000))
    name = b"xl/sharedStrings.xml"
    at = data.rindex(b"PK\x01\x02", 0, data.rindex(name))
    data[at + 24 : at + 28] = struct.pack("<I", 1000)  # the directory says 1,000 bytes
    code, message, _, _ = only_problem(Upload("liar.xlsx", bytes(data)))
    assert (code, message) == (
        "unreadable_file",
        (
            "The file 'liar.xlsx' is damaged: its part 'xl/sharedStrings.xml' "
            "does not match its recorded size or checksum."
        ),
    )


def test_extent_arithmetic() -> None:
    from scorecard.ingest.sheetsize import Extent, column_name, column_number, xlsx_extent

    assert [column_number(x) for x in ("A", "Z", "AA", "XFD")] == [1, 26, 27, 16_384]
    assert [column_name(n) for n in (1, 26, 27, 16_384)] == ["A", "Z", "AA", "XFD"]
    assert Extent(3, 40).cells == 120 and Extent(3, 40).corner == "AN3"
    # the dimension says B2:D5; a cell at F3 in the head and a row 9 in the tail reach further
    head = b'<dimension ref="B2:D5"/><sheetData><row r="3"><c r="F3"><v>1</v></c></row>'
    assert xlsx_extent(head, b'<row r="9" spans="1:2">') == Extent(9, 6)


def test_ods_extent_arithmetic_follows_calamines_expansion() -> None:
    from scorecard.ingest.sheetsize import Extent, OdsExtents

    row1 = hostile.ods_row(
        hostile.ods_cell("a"),
        hostile.ods_cell(repeat=3),
        hostile.ods_cell("b"),
        hostile.ods_cell(repeat=1000),
    )  # width 1 + 3 + 1 = 5; trailing blanks
    blank = hostile.ods_row(hostile.ods_cell(repeat=1024), repeat=10)  # 10 empty rows
    row12 = hostile.ods_row(hostile.ods_cell("x", repeat=2), repeat=4)  # rows 12-15, width 2
    tail = hostile.ods_row(hostile.ods_cell(repeat=1024), repeat=1_048_000)  # never expanded
    content = (
        b'<table:table table:name="t">' + (row1 + blank + row12 + tail).encode() + b"</table:table>"
    )
    scan = OdsExtents()
    for at in range(0, len(content), 7):  # tags cut across chunks are carried over
        scan.feed(content[at : at + 7])
    # rows: 1 + 10 empty + 4 repeated = 15; columns: the widest row, 5
    assert scan.extents == {"t": Extent(15, 5)}
