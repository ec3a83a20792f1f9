"""Checks on an upload's bytes before any parser sees them.

Neither calamine nor openpyxl protects against hostile archives, so everything that could cost
unbounded memory or time is decided here from cheap facts: the byte count, the first bytes
(magic numbers), the zip directory's declared sizes, and a bounded, streamed pass over each zip
part (which also proves the declared sizes true: :mod:`zipfile` stops at the declared size and
then fails the part's checksum, so a part that lies about its size is caught with at most one
megabyte in memory). Each finding is an error :class:`~scorecard.problems.Problem` that names
the file and says what to do.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import PurePath
from typing import Literal

from scorecard.ingest.ole import chain_fault
from scorecard.ingest.raw import MB, Limits, Upload
from scorecard.ingest.sheetsize import (
    EDGE_BYTES,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    Extent,
    OdsExtents,
    column_name,
    worksheet_names,
    xlsx_extent,
)
from scorecard.problems import Problem, preview

FileKind = Literal["workbook", "text"]

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream an encrypted (password-protected) xlsx is wrapped in, as OLE2 stores names.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
#: Parts every spreadsheet zip holds one of (xlsx/xlsm, xlsb, ods).
WORKBOOK_PARTS = frozenset({"xl/workbook.xml", "xl/workbook.bin", "content.xml"})
XML_PART_SUFFIXES = (".xml", ".rels", ".vml")
#: Entity declarations sit in the prolog; Excel's prolog is one short line.
XML_PREFIX_BYTES = 2048
XML_ATTACK_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
STREAM_CHUNK_BYTES = 1 << 20
TEXT_SNIFF_BYTES = 8192

WORKSHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
SHARED_STRINGS_PART = "xl/sharedstrings.xml"
ODS_CONTENT_PART = "content.xml"
#: The smallest shared string an xlsx can hold, ``<si/>``: bounds how many a part can declare.
MIN_SHARED_STRING_BYTES = 5
UNIQUE_COUNT = re.compile(rb"\buniqueCount\s*=\s*[\"']([0-9]{1,20})[\"']")

RESAVE_FIX = (
    "Open it in Excel and save it again as .xlsx (File › Save As), or export it as "
    "CSV, then upload it again."
)
TRIM_FIX = (
    "In Excel, delete the empty rows below and the empty columns right of your data "
    "(select them, right-click › Delete), save the file and upload it again."
)


def file_problem(
    upload: Upload, code: str, message: str, fix: str, value: str | None = None
) -> Problem:
    """An error about a whole file; ``sheet`` carries the file name so a report can group it."""
    return Problem("error", code, message, fix, sheet=upload.name, value=value)


def not_a_spreadsheet(upload: Upload) -> Problem:
    return file_problem(
        upload,
        "not_a_spreadsheet",
        f"The file '{upload.name}' is not a spreadsheet: it does not start like an xlsx, xls, "
        "ods or CSV file.",
        "Save it from Excel as .xlsx (File › Save As) or export it as CSV, then upload it again.",
    )


def unreadable(upload: Upload, detail: object) -> Problem:
    """The file passed every guard but a parser still failed on it."""
    return file_problem(
        upload,
        "unreadable_file",
        f"The file '{upload.name}' could not be read: it may be damaged or saved in a form "
        "the app does not read.",
        RESAVE_FIX,
        value=preview(detail),
    )


def password_protected(upload: Upload) -> Problem:
    return file_problem(
        upload,
        "password_protected",
        f"The file '{upload.name}' is protected with a password, so it cannot be read.",
        "Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with "
        "Password, then clear the box), save it and upload it again.",
    )


def check_upload(upload: Upload, limits: Limits) -> tuple[FileKind | None, list[Problem]]:
    """Decide how to read ``upload``, or why it must not be read.

    Returns ``("workbook" | "text", [])`` for a file that may be parsed, or ``(None, problems)``
    with at least one error. Cost: O(file size) time with zlib, O(1 MB) extra memory.
    """
    data, name = upload.data, upload.name
    if len(data) > limits.max_file_bytes:
        return None, [
            file_problem(
                upload,
                "file_too_large",
                f"The file '{name}' is {len(data) / MB:.1f} MB, so it was not read. "
                f"{limits.upload_rule}",
                "Split it into smaller files (for example one per table or per quarter), or ask "
                "your administrator to raise SCORECARD_MAX_UPLOAD_MB.",
            )
        ]
    if not data:
        return None, [
            file_problem(
                upload,
                "empty_file",
                f"The file '{name}' is empty (0 bytes).",
                "Check that you picked the right file and that it finished saving, then upload "
                "it again.",
            )
        ]
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        problems = check_zip(upload, limits)
        return (None, problems) if problems else ("workbook", [])
    if data.startswith(OLE2_MAGIC):
        if data.find(ENCRYPTED_PACKAGE) >= 0:
            return None, [password_protected(upload)]
        fault = chain_fault(data)
        if fault is not None:
            return None, [
                malformed(
                    upload,
                    f"{fault} loops back on itself, so a reader following it would never stop",
                )
            ]
        return "workbook", []
    suffix = PurePath(name).suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES and looks_like_text(data):
        return "text", []
    return None, [not_a_spreadsheet(upload)]


def looks_like_text(data: bytes) -> bool:
    """True when the first bytes read as text: a UTF-16 BOM, or no NUL and few control bytes."""
    if data.startswith(UTF16_BOMS):
        return True
    head = data[:TEXT_SNIFF_BYTES]
    if b"\x00" in head:
        return False
    controls = sum(head.count(bytes([b])) for b in (*range(1, 9), *range(14, 27), *range(28, 32)))
    return controls <= len(head) // 100


def check_zip(upload: Upload, limits: Limits) -> list[Problem]:
    """Guard a zip container: directory limits first, then a streamed pass over every part."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(upload.data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return [unreadable(upload, exc)]
    if len(infos) > limits.max_zip_entries:
        return [
            zip_bomb(
                upload,
                f"it holds {len(infos):,} parts, more than the "
                f"{limits.max_zip_entries:,} a spreadsheet ever needs",
            )
        ]
    if not WORKBOOK_PARTS & {info.filename for info in infos}:
        return [not_a_spreadsheet(upload)]
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        limit = limits.max_uncompressed_bytes / MB
        return [
            zip_bomb(
                upload,
                f"it would expand to {total / MB:,.0f} MB when opened, over "
                f"the safety limit of {limit:,.0f} MB",
            )
        ]
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= limits.ratio_min_entry_bytes and ratio > limits.max_compression_ratio:
            return [
                zip_bomb(
                    upload,
                    f"its part '{preview(info.filename)}' expands {ratio:,.0f} "
                    "times, far more than spreadsheet data ever does",
                )
            ]
    for info in infos:
        part_limit = (
            limits.max_shared_strings_bytes
            if info.filename.lower() == SHARED_STRINGS_PART
            else limits.max_part_bytes
        )
        if info.file_size > part_limit:
            return [
                zip_bomb(
                    upload,
                    f"its part '{preview(info.filename)}' would take "
                    f"{info.file_size / MB:,.0f} MB once opened, over the "
                    f"safety limit of {part_limit / MB:,.0f} MB for one part",
                )
            ]
    if any(info.flag_bits & 0x1 for info in infos):
        return [password_protected(upload)]
    return stream_parts(upload, archive, infos, limits)


def stream_parts(
    upload: Upload, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits
) -> list[Problem]:
    """Inflate every part in 1 MB steps: check XML prologs, prove sizes and checksums true,
    and measure how far each sheet reaches (see :mod:`scorecard.ingest.sheetsize`)."""
    sheets = worksheet_names(archive)
    for info in infos:
        lower = info.filename.lower()
        is_sheet = WORKSHEET_PART.fullmatch(info.filename) is not None
        ods = OdsExtents() if lower == ODS_CONTENT_PART else None
        try:
            with archive.open(info) as part:
                head = part.read(EDGE_BYTES)
                if lower.endswith(XML_PART_SUFFIXES) and has_xml_attack(head[:XML_PREFIX_BYTES]):
                    return [
                        file_problem(
                            upload,
                            "xml_entities",
                            f"The file '{upload.name}' contains XML entity declarations (in part "
                            f"'{preview(info.filename)}'). Excel never writes them, and they can be "
                            "used to attack the program that reads the file.",
                            RESAVE_FIX,
                        )
                    ]
                if lower == SHARED_STRINGS_PART and (
                    problem := check_shared_strings(upload, head, info.file_size)
                ):
                    return [problem]
                tail = b""
                chunk = head
                while chunk:
                    if ods is not None:
                        ods.feed(chunk)
                    if is_sheet:
                        tail = (tail + chunk)[-EDGE_BYTES:]
                    chunk = part.read(STREAM_CHUNK_BYTES)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            return [
                file_problem(
                    upload,
                    "unreadable_file",
                    f"The file '{upload.name}' is damaged: its part '{preview(info.filename)}' does "
                    "not match its recorded size or checksum.",
                    RESAVE_FIX,
                    value=preview(exc),
                )
            ]
        extents = (
            ods.extents
            if ods is not None
            else (
                {sheets.get(info.filename, info.filename): xlsx_extent(head, tail)}
                if is_sheet
                else {}
            )
        )
        for sheet, extent in extents.items():
            if problem := check_extent(upload, sheet, extent, limits):
                return [problem]
    return []


def check_shared_strings(upload: Upload, head: bytes, part_bytes: int) -> Problem | None:
    """A shared-strings part may not declare more strings than its bytes can hold: a reader
    reserves memory for the declared count before reading a single one."""
    declared = UNIQUE_COUNT.search(head)
    room = part_bytes // MIN_SHARED_STRING_BYTES
    if declared is None or int(declared.group(1)) <= room + 1:
        return None
    return malformed(
        upload,
        f"its list of shared text declares {int(declared.group(1)):,} "
        f"entries but has room for at most {room:,}",
    )


def check_extent(upload: Upload, sheet: str, extent: Extent, limits: Limits) -> Problem | None:
    """The sheet's grid from A1 to its far corner against Excel's limits, against what the
    file's size can hold (a generous number of cells per compressed byte, with a floor for
    sparse sheets), and against the app's width and cell limits."""
    where = f"The sheet '{preview(sheet)}' in '{upload.name}'"
    if extent.rows > EXCEL_MAX_ROWS or extent.columns > EXCEL_MAX_COLUMNS:
        return file_problem(
            upload,
            "sheet_beyond_excel",
            f"{where} reaches row {extent.rows:,}, column {extent.columns:,}, beyond Excel's "
            "last cell XFD1048576, so the file was not opened.",
            RESAVE_FIX,
        )
    budget = max(limits.min_cell_budget, limits.cells_per_compressed_byte * len(upload.data))
    if extent.cells > budget:
        return file_problem(
            upload,
            "sheet_extent_impossible",
            f"{where} says it reaches cell {extent.corner} ({extent.cells:,} cells from A1), "
            f"far more than a file of {size_text(len(upload.data))} can hold, so the file was "
            "not opened.",
            TRIM_FIX,
        )
    if extent.columns > limits.max_columns:
        return file_problem(
            upload,
            "sheet_too_wide",
            f"{where} is {extent.columns:,} columns wide (up to column "
            f"{column_name(extent.columns)}), more than the {limits.max_columns:,} columns the "
            "app reads, so the file was not opened.",
            "Delete the empty or unneeded columns to the right of your data (select them, "
            "right-click › Delete), save the file and upload it again.",
        )
    if extent.cells > limits.max_sheet_cells:
        return file_problem(
            upload,
            "sheet_too_large",
            f"{where} reaches cell {extent.corner}: {extent.cells:,} cells from A1, more than "
            f"the {limits.max_sheet_cells:,} the app reads in one sheet, so the file was not "
            "opened.",
            "Split the data into smaller files (for example one per quarter), or delete the "
            "empty rows and columns around it, then upload it again.",
        )
    return None


def size_text(size: int) -> str:
    """Bytes for a sentence: "812 bytes", "3 KB", "1.2 MB"."""
    if size < 1000:
        return f"{size:,} bytes"
    if size < MB:
        return f"{size / 1000:,.0f} KB"
    return f"{size / MB:,.1f} MB"


def malformed(upload: Upload, reason: str) -> Problem:
    return file_problem(
        upload,
        "malformed_container",
        f"The file '{upload.name}' was not opened: {reason}. Excel never writes such a file; "
        "it can be built to exhaust the computer that opens it.",
        "If it is a real workbook, open it in Excel and save it again as .xlsx (or export it "
        "as CSV) and upload that; otherwise delete it.",
    )


def has_xml_attack(prefix: bytes) -> bool:
    """True when an XML prolog declares a DOCTYPE or entities (billion laughs, XXE)."""
    upper = prefix.upper()
    return any(marker in upper for marker in XML_ATTACK_MARKERS)


def zip_bomb(upload: Upload, reason: str) -> Problem:
    return file_problem(
        upload,
        "zip_bomb",
        f"The file '{upload.name}' was not opened: {reason}. That is the mark of a zip bomb, "
        "a file built to exhaust the computer that opens it.",
        "If it is a real workbook, copy its data into a new workbook (or export it as CSV) and "
        "upload that; otherwise delete it.",
    )
