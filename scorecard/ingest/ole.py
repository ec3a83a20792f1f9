"""A bounded walk of an OLE2 compound file's sector chains, before any reader follows them.

An .xls workbook is an OLE2 container: a header, then sectors of 512 (or 4,096) bytes linked
into chains by the FAT (a table of "next sector" numbers) and, for the FAT's own sectors, the
DIFAT. calamine follows the DIFAT chain and the directory chain until they end, without a bound,
so a chain that loops back on itself makes it grow until memory runs out. This walk reads the
header, the DIFAT and the FAT and finds such loops in time and memory linear in the number of
sectors; it never follows a chain twice. Sectors that point outside the file are left to the
reader, which refuses them on its own.
"""

from __future__ import annotations

import struct

import numpy as np

HEADER_BYTES = 512
#: Sector numbers at or above this are markers (end of chain, free, FAT, DIFAT), not sectors.
MAX_REGULAR_SECTOR = 0xFFFFFFFA
HEADER_DIFAT_ENTRIES = 109


def chain_fault(data: bytes) -> str | None:
    """What loops in the container, in words ("its DIFAT chain"), or ``None`` when nothing does.

    ``data`` starts with the OLE2 magic number. A header too short or with an unknown sector
    size is left to the reader (it fails fast on those).
    """
    if len(data) < HEADER_BYTES:
        return None
    shift = struct.unpack_from("<H", data, 30)[0]
    if shift not in (9, 12):
        return None
    size = 1 << shift
    sectors = max(0, (len(data) - size) // size + 1) if len(data) > size else 0
    difat_start = struct.unpack_from("<I", data, 68)[0]
    fat_ids = list(struct.unpack_from(f"<{HEADER_DIFAT_ENTRIES}I", data, 76))
    more, looped = difat_chain(data, size, sectors, difat_start)
    if looped:
        return "its DIFAT chain (the list of the sectors that hold the FAT)"
    fat = read_fat(data, size, sectors, fat_ids + more)
    if has_cycle(fat):
        return "a chain of its FAT (the links between its sectors)"
    return None


def sector(data: bytes, size: int, number: int) -> bytes:
    """Sector ``number``'s bytes (sector 0 follows the header, which fills one sector)."""
    start = (number + 1) * size
    return data[start : start + size]


def difat_chain(data: bytes, size: int, sectors: int, start: int) -> tuple[list[int], bool]:
    """The FAT sector numbers listed by the DIFAT sectors, and whether their chain loops."""
    ids: list[int] = []
    seen: set[int] = set()
    per_sector = size // 4 - 1  # the last entry of a DIFAT sector links to the next one
    current = start
    while current < MAX_REGULAR_SECTOR and current < sectors:
        if current in seen:
            return ids, True
        seen.add(current)
        entries = struct.unpack(f"<{size // 4}I", sector(data, size, current).ljust(size, b"\0"))
        ids.extend(entries[:per_sector])
        current = entries[per_sector]
    return ids, False


def read_fat(data: bytes, size: int, sectors: int, fat_ids: list[int]) -> np.ndarray:
    """The FAT as one array of next-sector numbers (sectors outside the file are skipped)."""
    parts = [sector(data, size, i) for i in fat_ids if i < MAX_REGULAR_SECTOR and i < sectors]
    raw = b"".join(part.ljust(size, b"\0") for part in parts)
    return np.frombuffer(raw, dtype="<u4").astype(np.int64)


def has_cycle(fat: np.ndarray) -> bool:
    """True when following next-sector links from some sector comes back to it.

    Each sector is coloured once (0 unseen, 1 on the path being followed, 2 done), so the walk
    is linear in the FAT's length however the links run.
    """
    n = len(fat)
    colour = bytearray(n)
    links = fat.tolist()
    for first in range(n):
        if colour[first]:
            continue
        path = []
        current = first
        while 0 <= current < n and current < MAX_REGULAR_SECTOR and colour[current] == 0:
            colour[current] = 1
            path.append(current)
            current = links[current]
        if 0 <= current < n and current < MAX_REGULAR_SECTOR and colour[current] == 1:
            return True
        for number in path:
            colour[number] = 2
    return False
