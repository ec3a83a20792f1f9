"""Several typed tables of one contract table (exports of two accounts) as one, posts once.

Preset tables of one table are typed one by one (every cell message names its own file and
row), then concatenated here; a post two files both hold (same channel and ``post_id``, or same
``url``) is kept once, from the first file, with one warning counting the repeats.
"""

from __future__ import annotations

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
    fill absent columns). ``sheet`` lists every part's sheet; rows keep each file's numbers.
    """
    if len(parts) == 1:
        return parts[0]
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
    )


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
    """``t`` without repeated posts; one warning saying how many were dropped."""
    repeated = repeated_posts(t)
    if not repeated.any():
        return t
    keep = ~repeated
    log.add(
        Problem(
            "warning",
            "duplicate_post",
            f"{int(repeated.sum()):,} rows repeat a post another file (or row) already holds "
            f"(same post id or URL) and were counted once: {t.sheet}.",
            "Nothing to do: exports that overlap are expected. If they are different posts, "
            "check their post id and URL columns.",
            table=t.table.name,
            sheet=t.sheet,
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
