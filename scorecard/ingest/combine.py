"""Several typed tables of one contract table (exports of two accounts) as one, posts once.

Preset tables of one table are typed one by one (every cell message names its own file and
row), then concatenated here. The concatenated table keeps its ``parts``: the row checks that
come after typing run on each part (:func:`map_parts`), so their messages also name the row's
own file and column. A post two files both hold (same channel and ``post_id``, or same ``url``)
is kept once, from the first file, with one warning per file counting its repeats.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.typed import TypedTable
from scorecard.problems import Problem

#: Columns that identify one post across files, each tried on its own (with the channel).
POST_KEYS: tuple[tuple[str, ...], ...] = (("channel", "post_id"), ("url",))


def concatenate(parts: list[TypedTable]) -> TypedTable:
    """One TypedTable holding every row of ``parts`` in order.

    A column any part has is kept; parts without it contribute its default (as typed tables
    fill absent columns). ``sheet`` lists every part's sheet; rows keep each file's numbers;
    ``parts`` keeps the parts themselves (a part that is itself concatenated gives its own).
    """
    if len(parts) == 1:
        return parts[0]
    parts = [q for p in parts for q in parts_of(p)]
    names = [c.name for c in parts[0].table.columns if any(p.has(c.name) for p in parts)]
    frames = [p.frame() for p in parts]
    columns = {name: pd.concat([f[name] for f in frames], ignore_index=True) for name in names}
    headers = {name: next(p.headers[name] for p in parts if p.has(name)) for name in names}
    return TypedTable(
        table=parts[0].table,
        sheet=" + ".join(dict.fromkeys(p.sheet for p in parts)),
        columns=columns,
        headers=headers,
        rows=np.concatenate([p.rows for p in parts]),
        complete=all(p.complete for p in parts),
        parts=tuple(parts),
    )


def parts_of(t: TypedTable) -> tuple[TypedTable, ...]:
    """The tables ``t`` was concatenated from, or ``t`` alone."""
    return t.parts or (t,)


def map_parts(t: TypedTable, fn: Callable[[TypedTable], TypedTable]) -> TypedTable:
    """``fn`` applied to each part of ``t`` (each file on its own), the results concatenated.

    ``fn`` must keep its part's rows (it may change columns); ``t`` is not changed.
    """
    return concatenate([fn(p) for p in parts_of(t)])


def repeated_posts(t: TypedTable) -> np.ndarray:
    """Rows whose post an earlier row already holds (by channel + post_id, or by url)."""
    repeated = np.zeros(len(t.rows), dtype=bool)
    for key in POST_KEYS:
        if not all(t.has(k) for k in key):
            continue
        frame = pd.DataFrame({k: t.columns[k] for k in key})
        present = frame[key[-1]].notna().to_numpy(dtype=bool)
        repeated |= frame.duplicated(keep="first").to_numpy(dtype=bool) & present
    return repeated


def drop_repeated_posts(t: TypedTable, log: ProblemLog) -> TypedTable:
    """``t`` without repeated posts; per file holding repeats, one warning saying how many of
    its rows were dropped (naming its first such row)."""
    repeated = repeated_posts(t)
    if not repeated.any():
        return t
    keep = ~repeated
    start = 0
    for part in parts_of(t):
        mine = repeated[start : start + len(part.rows)]
        start += len(part.rows)
        if not mine.any():
            continue
        log.add(
            Problem(
                "warning",
                "duplicate_post",
                f"{int(mine.sum()):,} rows of '{part.sheet}' repeat a post another file (or "
                "row) already holds (same post id or URL) and were counted once.",
                "Nothing to do: exports that overlap are expected. If they are different "
                "posts, check their post id and URL columns.",
                table=t.table.name,
                sheet=part.sheet,
                row=int(part.rows[np.argmax(mine)]),
            )
        )
    return TypedTable(
        table=t.table,
        sheet=t.sheet,
        columns={k: v[keep].reset_index(drop=True) for k, v in t.columns.items()},
        headers=t.headers,
        rows=t.rows[keep],
        complete=t.complete,
    )
