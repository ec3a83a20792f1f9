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
import zipfile
import zlib
from pathlib import PurePath
from typing import Literal

from scorecard.ingest.raw import Limits, Upload
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

RESAVE_FIX = ("Open it in Excel and save it again as .xlsx (File › Save As), or export it as "
              "CSV, then upload it again.")
MB = 1024 * 1024


def file_problem(upload: Upload, code: str, message: str, fix: str,
                 value: str | None = None) -> Problem:
    """An error about a whole file; ``sheet`` carries the file name so a report can group it."""
    return Problem("error", code, message, fix, sheet=upload.name, value=value)


def not_a_spreadsheet(upload: Upload) -> Problem:
    return file_problem(
        upload, "not_a_spreadsheet",
        f"The file '{upload.name}' is not a spreadsheet: it does not start like an xlsx, xls, "
        "ods or CSV file.",
        "Save it from Excel as .xlsx (File › Save As) or export it as CSV, then upload it again.")


def unreadable(upload: Upload, detail: object) -> Problem:
    """The file passed every guard but a parser still failed on it."""
    return file_problem(
        upload, "unreadable_file",
        f"The file '{upload.name}' could not be read: it may be damaged or saved in a form "
        "the app does not read.", RESAVE_FIX, value=preview(detail))


def password_protected(upload: Upload) -> Problem:
    return file_problem(
        upload, "password_protected",
        f"The file '{upload.name}' is protected with a password, so it cannot be read.",
        "Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with "
        "Password, then clear the box), save it and upload it again.")


def check_upload(upload: Upload, limits: Limits) -> tuple[FileKind | None, list[Problem]]:
    """Decide how to read ``upload``, or why it must not be read.

    Returns ``("workbook" | "text", [])`` for a file that may be parsed, or ``(None, problems)``
    with at least one error. Cost: O(file size) time with zlib, O(1 MB) extra memory.
    """
    data, name = upload.data, upload.name
    if len(data) > limits.max_file_bytes:
        return None, [file_problem(
            upload, "file_too_large",
            f"The file '{name}' is {len(data) / MB:.1f} MB, over the upload limit of "
            f"{limits.max_file_bytes / MB:g} MB.",
            "Split it into smaller files (for example one per table or per quarter), or ask "
            "your administrator to raise SCORECARD_MAX_UPLOAD_MB.")]
    if not data:
        return None, [file_problem(
            upload, "empty_file", f"The file '{name}' is empty (0 bytes).",
            "Check that you picked the right file and that it finished saving, then upload "
            "it again.")]
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        problems = check_zip(upload, limits)
        return (None, problems) if problems else ("workbook", [])
    if data.startswith(OLE2_MAGIC):
        if data.find(ENCRYPTED_PACKAGE) >= 0:
            return None, [password_protected(upload)]
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
    name = upload.name
    try:
        archive = zipfile.ZipFile(io.BytesIO(upload.data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return [unreadable(upload, exc)]
    if len(infos) > limits.max_zip_entries:
        return [zip_bomb(upload, f"it holds {len(infos):,} parts, more than the "
                                 f"{limits.max_zip_entries:,} a spreadsheet ever needs")]
    if not WORKBOOK_PARTS & {info.filename for info in infos}:
        return [not_a_spreadsheet(upload)]
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        limit = limits.max_uncompressed_bytes / MB
        return [zip_bomb(upload, f"it would expand to {total / MB:,.0f} MB when opened, over "
                                 f"the safety limit of {limit:,.0f} MB")]
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= limits.ratio_min_entry_bytes and ratio > limits.max_compression_ratio:
            return [zip_bomb(upload, f"its part '{preview(info.filename)}' expands {ratio:,.0f} "
                                     "times, far more than spreadsheet data ever does")]
    if any(info.flag_bits & 0x1 for info in infos):
        return [password_protected(upload)]
    return stream_parts(upload, archive, infos)


def stream_parts(upload: Upload, archive: zipfile.ZipFile,
                 infos: list[zipfile.ZipInfo]) -> list[Problem]:
    """Inflate every part in 1 MB steps: check XML prologs, prove sizes and checksums true."""
    for info in infos:
        try:
            with archive.open(info) as part:
                head = part.read(XML_PREFIX_BYTES)
                if info.filename.lower().endswith(XML_PART_SUFFIXES) and has_xml_attack(head):
                    return [file_problem(
                        upload, "xml_entities",
                        f"The file '{upload.name}' contains XML entity declarations (in part "
                        f"'{preview(info.filename)}'). Excel never writes them, and they can be "
                        "used to attack the program that reads the file.", RESAVE_FIX)]
                while part.read(STREAM_CHUNK_BYTES):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            return [file_problem(
                upload, "unreadable_file",
                f"The file '{upload.name}' is damaged: its part '{preview(info.filename)}' does "
                "not match its recorded size or checksum.", RESAVE_FIX, value=preview(exc))]
    return []


def has_xml_attack(prefix: bytes) -> bool:
    """True when an XML prolog declares a DOCTYPE or entities (billion laughs, XXE)."""
    upper = prefix.upper()
    return any(marker in upper for marker in XML_ATTACK_MARKERS)


def zip_bomb(upload: Upload, reason: str) -> Problem:
    return file_problem(
        upload, "zip_bomb",
        f"The file '{upload.name}' was not opened: {reason}. That is the mark of a zip bomb, "
        "a file built to exhaust the computer that opens it.",
        "If it is a real workbook, copy its data into a new workbook (or export it as CSV) and "
        "upload that; otherwise delete it.")
