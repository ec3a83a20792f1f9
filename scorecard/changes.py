"""What changed between two datasets: rows added, replaced and removed per table and month
(rows matched by :data:`ROW_KEYS`, repeated keys by their order), and the people who joined,
left, or moved department or manager. Every new version records it in one line."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.dataset import Dataset
from scorecard.schema import TABLES
from scorecard.storage.blobs import DATED_TABLES, WHOLE, month_labels

#: The key a keyed table is upserted by (:func:`scorecard.merge.merge`).
KEYS: dict[str, tuple[str, ...]] = {
    "people": ("person_id",),
    "goals": ("metric", "department", "person_id", "start", "end"),
    "assumptions": ("key",),
    "accounts": ("channel", "account"),
}
#: What identifies a row when two versions are compared ("the same row, changed" vs "another
#: row"): the keys above, and for dated tables the grain of one row.
ROW_KEYS: dict[str, tuple[str, ...]] = {
    **KEYS,
    "activity": ("date", "person_id", "channel", "action", "account", "source", "post_id"),
    "outcomes": ("date", "metric", "person_id", "department"),
}


def key_hashes(frame: pd.DataFrame, keys: tuple[str, ...]) -> pd.Series:
    """One 64-bit hash per row of its key columns (missing equals missing)."""
    return pd.util.hash_pandas_object(frame[list(keys)], index=False)


@dataclass(frozen=True)
class TableChange:
    """Rows added, replaced (same key, other values) and removed in one table and month
    (``month`` is ``""`` for a keyed table)."""

    table: str
    month: str
    added: int
    replaced: int
    removed: int


@dataclass(frozen=True)
class Move:
    """A person whose department or manager changed (``None``: missing)."""

    person_id: str
    name: str
    department: tuple[str | None, str | None]
    manager_id: tuple[str | None, str | None]


@dataclass(frozen=True)
class MergeSummary:
    """What a new version changes against the one before."""

    tables: tuple[TableChange, ...] = ()
    joined: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    moved: tuple[Move, ...] = ()

    @property
    def unchanged(self) -> bool:
        return not (self.tables or self.joined or self.left or self.moved)

    def totals(self) -> dict[str, tuple[int, int, int]]:
        """Per table (schema order): rows added, replaced and removed over all months."""
        out: dict[str, tuple[int, int, int]] = {}
        for name in TABLES:
            rows = [c for c in self.tables if c.table == name]
            if rows:
                out[name] = (
                    sum(c.added for c in rows),
                    sum(c.replaced for c in rows),
                    sum(c.removed for c in rows),
                )
        return out

    def one_line(self) -> str:
        """E.g. "activity 1,200 added, 4 replaced in 2026-02..2026-03; people: 2 joined"."""
        if self.unchanged:
            return "no change"
        parts = []
        for name, counts in self.totals().items():
            said = ", ".join(
                f"{n:,} {verb}"
                for n, verb in zip(counts, ("added", "replaced", "removed"), strict=True)
                if n
            )
            months = sorted(c.month for c in self.tables if c.table == name and c.month)
            span = (
                ""
                if not months
                else (
                    f" in {months[0]}"
                    if months[0] == months[-1]
                    else f" in {months[0]}..{months[-1]}"
                )
            )
            parts.append(f"{name} {said}{span}")
        people = [
            f"{len(ids)} {verb}"
            for ids, verb in ((self.joined, "joined"), (self.left, "left"), (self.moved, "moved"))
            if ids
        ]
        if people:
            parts.append("people: " + ", ".join(people))
        return "; ".join(parts)

    def frame(self) -> pd.DataFrame:
        """The per-table, per-month counts as a table (for screens and the CLI)."""
        return pd.DataFrame(
            [(c.table, c.month or "all", c.added, c.replaced, c.removed) for c in self.tables],
            columns=["table", "month", "added", "replaced", "removed"],
        )


def summarize(before: Dataset, after: Dataset) -> MergeSummary:
    """What changed from ``before`` to ``after``: per table and month, rows added, replaced
    and removed (rows matched by :data:`ROW_KEYS`); people who joined, left or moved.

    Pass only the parts that may differ (the store passes the months whose blobs differ):
    cost is linear in the rows given.
    """
    changes: list[TableChange] = []
    for name in TABLES:
        changes.extend(_table_changes(name, before.table(name), after.table(name)))
    joined, left, moved = _people_changes(before.people, after.people)
    return MergeSummary(tuple(changes), joined, left, moved)


def _numbered(hashes: np.ndarray) -> np.ndarray:
    """Each hash combined with its occurrence number, so repeated rows pair up in order."""
    nth = pd.Series(hashes).groupby(hashes).cumcount().to_numpy()
    frame = pd.DataFrame({"hash": hashes, "nth": nth})
    return pd.util.hash_pandas_object(frame, index=False).to_numpy()


def _same_positions(old: pd.DataFrame, new: pd.DataFrame) -> np.ndarray:
    """Rows equal, value for value (missing equals missing), at the same position."""
    same = np.ones(len(old), dtype=bool)
    for column in old.columns:
        a, b = old[column].reset_index(drop=True), new[column].reset_index(drop=True)
        same &= (a.eq(b) | (a.isna() & b.isna())).to_numpy(dtype=bool)
    return same


def _table_changes(name: str, old: pd.DataFrame, new: pd.DataFrame) -> list[TableChange]:
    if old is new or (old.empty and new.empty) or old.equals(new):
        return []
    column = DATED_TABLES.get(name)
    if old.empty or new.empty:  # all added or all removed: count, no need to match rows
        rows = new if old.empty else old
        months = pd.Series(month_labels(rows[column]) if column else WHOLE, index=rows.index)
        return [
            TableChange(name, str(m), *((int(n), 0, 0) if old.empty else (0, 0, int(n))))
            for m, n in months.value_counts(sort=False).sort_index().items()
        ]
    # Rows on both sides with every value equal are unchanged: set them aside first, so that
    # only the few others are matched by key (a month brought again is mostly unchanged).
    # Same position first (cheap), then any position (hashes).
    if len(old) == len(new):
        differs = ~_same_positions(old, new)
        old, new = old[differs], new[differs]
    value_old = pd.util.hash_pandas_object(old, index=False).to_numpy()
    value_new = pd.util.hash_pandas_object(new, index=False).to_numpy()
    rows_old, rows_new = _numbered(value_old), _numbered(value_new)
    keep_old, keep_new = ~np.isin(rows_old, rows_new), ~np.isin(rows_new, rows_old)
    old, new = old[keep_old], new[keep_new]
    if old.empty and new.empty:
        return []
    keys = ROW_KEYS[name]
    a = pd.DataFrame(
        {"id": _numbered(key_hashes(old, keys).to_numpy()), "value": value_old[keep_old]}
    )
    b = pd.DataFrame(
        {"id": _numbered(key_hashes(new, keys).to_numpy()), "value": value_new[keep_new]}
    )
    a["month"] = month_labels(old[column]) if column else WHOLE
    b["month"] = month_labels(new[column]) if column else WHOLE
    both = a.merge(b, on="id", how="outer", suffixes=("_old", "_new"), indicator=True)
    month = both["month_new"].where(both["_merge"] != "left_only", both["month_old"])
    kind = np.select(
        [
            both["_merge"] == "right_only",
            both["_merge"] == "left_only",
            both["value_old"] != both["value_new"],
        ],
        ["added", "removed", "replaced"],
        default="same",
    )
    counts = pd.DataFrame({"month": month.astype(str), "kind": kind}).value_counts()
    out = []
    for m in sorted({m for m, k in counts.index if k != "same"}):
        n = {k: int(counts.get((m, k), 0)) for k in ("added", "replaced", "removed")}
        out.append(TableChange(name, m, n["added"], n["replaced"], n["removed"]))
    return out


def _people_changes(
    old: pd.DataFrame, new: pd.DataFrame
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Move, ...]]:
    if old is new or old.equals(new):
        return (), (), ()
    columns = ["person_id", "name", "department", "manager_id"]
    before = old[columns].drop_duplicates("person_id", keep="last")
    after = new[columns].drop_duplicates("person_id", keep="last")
    both = after.merge(before, on="person_id", how="outer", suffixes=("", "_was"), indicator=True)
    joined = tuple(str(p) for p in both.loc[both["_merge"] == "left_only", "person_id"])
    left = tuple(str(p) for p in both.loc[both["_merge"] == "right_only", "person_id"])
    kept = both[both["_merge"] == "both"]
    differs = np.zeros(len(kept), dtype=bool)
    for column in ("department", "manager_id"):
        now, was = kept[column], kept[f"{column}_was"]
        differs |= ((now != was) & ~(now.isna() & was.isna())).to_numpy()
    moved = tuple(
        Move(
            str(r.person_id),
            str(r.name),
            (_text(r.department_was), _text(r.department)),
            (_text(r.manager_id_was), _text(r.manager_id)),
        )
        for r in kept[differs].itertuples(index=False)
    )
    return joined, left, moved


def _text(value: object) -> str | None:
    return None if pd.isna(value) else str(value)
