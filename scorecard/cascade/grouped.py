"""Group statistics on integer group ids with numpy: one sort, no Python loop over groups."""

from __future__ import annotations

import numpy as np


def share(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator as floats, NaN where the denominator is 0 (never inf)."""
    num = np.asarray(numerator, dtype=np.float64)
    den = np.asarray(denominator, dtype=np.float64)
    out = np.full(np.broadcast_shapes(num.shape, den.shape), np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def group_medians(groups: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Median of ``values`` per group id 0..n-1; NaN values ignored, NaN for empty groups.

    Sort by (group, value), then average the middle element(s) of each group's run.
    """
    keep = ~np.isnan(values)
    groups, values = groups[keep], values[keep]
    order = np.lexsort((values, groups))
    groups, values = groups[order], values[order]
    counts = np.bincount(groups, minlength=n)
    first = np.cumsum(counts) - counts
    out = np.full(n, np.nan)
    has = counts > 0
    low = first[has] + (counts[has] - 1) // 2
    high = first[has] + counts[has] // 2
    out[has] = (values[low] + values[high]) / 2
    return out


def lag_summary(groups: np.ndarray, lag_days: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Per group id: reporting lines, pairs both active, median lag and share started after.

    ``lag_days`` is NaN where a report or their manager never started; "after" = lag > 0;
    the share is over the pairs where both started (NaN when there are none).
    """
    both = ~np.isnan(lag_days)
    both_count = np.bincount(groups[both], minlength=n)
    after = np.bincount(groups[both & (np.nan_to_num(lag_days) > 0)], minlength=n)
    return {
        "lines": np.bincount(groups, minlength=n),
        "both_active": both_count,
        "median_lag_days": group_medians(groups, lag_days, n),
        "started_after_share": share(after, both_count),
    }
