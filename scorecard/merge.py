"""Adding an upload to the current dataset: the monthly merge, and when it is the default.

:func:`merge` is the monthly upload's rule (SPEC, "Getting real exports in"):

- keyed tables are upserted by their key (:data:`KEYS`): an uploaded row replaces the current
  row of the same key in place, a new key is appended, a current row the upload does not name is
  kept;
- dated tables (:data:`~scorecard.storage.blobs.DATED_TABLES`) keep every current row outside the
  upload's date range and take the upload's rows inside it. The range is the uploaded table's
  first to last day, per ``source`` where the table has that column (an export of one creator's
  posts replaces that export's earlier rows only; rows without a source form one group).

:func:`~scorecard.changes.summarize` (re-exported here with :class:`MergeSummary`) says what a
merge, or any new version, changes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd

from scorecard.changes import KEYS, ROW_KEYS, MergeSummary, Move, TableChange, key_hashes, summarize
from scorecard.dataset import Dataset
from scorecard.ingest.combine import POST_KEYS
from scorecard.schema import TABLES
from scorecard.storage.blobs import DATED_TABLES, month_codes

__all__ = [
    "KEYS",
    "ROW_KEYS",
    "MergeSummary",
    "Move",
    "TableChange",
    "merge",
    "merge_by_default",
    "summarize",
    "upload_months",
]

SOURCE = "source"
#: The group of rows without a source (not NUL: numpy text drops trailing NULs).
NO_SOURCE = "\uffff(no source)"


def merge(current: Dataset, upload: Dataset) -> Dataset:
    """``current`` with ``upload`` added: keyed tables upserted, dated tables replaced inside
    the upload's date range (per source). An empty uploaded table changes nothing.

    Row order: keyed tables keep the current order (replaced rows in place, new keys after);
    dated tables hold the kept rows, then the upload's, stably ordered by month (the order the
    store loads them in). Neither input is modified.
    """
    frames = {}
    for name in TABLES:
        old, new = current.table(name), upload.table(name)
        if new.empty:
            frames[name] = old
        elif name in DATED_TABLES:
            old = _without_reposted(old, new)
            frames[name] = _replace_range(old, new, DATED_TABLES[name])
        else:
            frames[name] = _upsert(old, new, KEYS[name])
    return Dataset(**frames)


def upload_months(upload: Dataset) -> dict[str, set[str]]:
    """Per dated table, the months ("YYYY-MM") :func:`merge` can change: those the upload's
    date ranges touch. Every other month of the current dataset comes out of the merge as it
    went in."""
    out: dict[str, set[str]] = {}
    for name, column in DATED_TABLES.items():
        new = upload.table(name)
        if new.empty:
            continue
        dates = new[column]
        first, last = dates.min(), dates.max()
        months = pd.period_range(first, last, freq="M") if pd.notna(first) else []
        out[name] = {str(m) for m in months}
    return out


def _without_reposted(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """``old`` without the posts ``new`` holds again (same channel and post_id, or same url:
    :data:`~scorecard.ingest.combine.POST_KEYS`), so an export that overlaps last month's
    (another file name, so another source) counts each post once, with the upload's figures."""
    drop = np.zeros(len(old), dtype=bool)
    for key in POST_KEYS:
        if not all(k in old.columns and k in new.columns for k in key):
            continue
        theirs = pd.MultiIndex.from_frame(new[list(key)].dropna())
        if theirs.empty:  # the upload names no post this way: nothing to look for
            continue
        present = old[key[-1]].notna().to_numpy(dtype=bool)
        drop |= pd.MultiIndex.from_frame(old[list(key)]).isin(theirs) & present
    return old[~drop].reset_index(drop=True) if drop.any() else old


def _replace_range(old: pd.DataFrame, new: pd.DataFrame, column: str) -> pd.DataFrame:
    """Current rows outside each upload group's [first, last] day, then the upload's rows."""
    replaced = np.zeros(len(old), dtype=bool)
    if SOURCE in new.columns:
        old_groups = old[SOURCE].fillna(NO_SOURCE).to_numpy()
        new_groups = new[SOURCE].fillna(NO_SOURCE)
    else:
        old_groups = np.zeros(len(old), dtype=object)
        new_groups = pd.Series(np.zeros(len(new), dtype=object), index=new.index)
    for group, dates in new[column].groupby(new_groups.to_numpy(), sort=False):
        inside = ((old[column] >= dates.min()) & (old[column] <= dates.max())).to_numpy()
        replaced |= inside & (old_groups == group)
    rows = pd.concat([old[~replaced], new], ignore_index=True)
    order = np.argsort(month_codes(rows[column]), kind="stable")
    return rows.iloc[order].reset_index(drop=True)


def _upsert(old: pd.DataFrame, new: pd.DataFrame, keys: tuple[str, ...]) -> pd.DataFrame:
    """``old`` with each row whose key ``new`` holds replaced in place; ``new``'s other rows
    after. Of rows repeating a key in ``new``, the last wins."""
    new = new[~key_hashes(new, keys).duplicated(keep="last").to_numpy()].reset_index(drop=True)
    position = pd.Series(np.arange(len(new)), index=key_hashes(new, keys).to_numpy())
    hit = key_hashes(old, keys).map(position)
    taken = np.where(hit.notna(), len(old) + hit.fillna(0).to_numpy(int), np.arange(len(old)))
    appended = len(old) + np.setdiff1d(np.arange(len(new)), hit.dropna().to_numpy(int))
    both = pd.concat([old, new], ignore_index=True)
    return both.iloc[np.concatenate([taken, appended])].reset_index(drop=True)


def merge_by_default(held: Mapping[str, Collection[str]], upload: Dataset) -> bool:
    """Whether adding ``upload`` to the current dataset is the natural way to publish it.

    ``held`` says what the current dataset has: table → months with rows (``""`` for a keyed
    table). Adding is the default when the upload lacks a table the current dataset has, or
    when its dated rows fall inside the current months (a month brought again, or late).
    """
    if any(months and upload.table(name).empty for name, months in held.items()):
        return True
    for name, months in upload_months(upload).items():
        have = sorted(m for m in held.get(name, ()) if m)
        if have and have[0] <= min(months) and max(months) <= have[-1]:
            return True
    return False
