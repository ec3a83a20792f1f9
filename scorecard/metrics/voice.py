"""Voice consistency: how alike the theme mix is across channels, per group, vectorised.

``voice = 1 − Σ_c w_c · JSD(p_c, p)`` with ``p_c`` the theme mix of channel ``c``, ``p`` the
group's overall mix, ``w_c`` channel ``c``'s share of the group's themed posts and JSD the base-2
Jensen–Shannon divergence (0 for identical mixes, 1 for disjoint ones), so voice is in [0, 1].

Only (group, channel, theme) cells that occur are materialised. A theme the group uses but
channel ``c`` does not contributes ``p(t) · log2(p(t) / (p(t)/2)) = p(t)`` to ``KL(p‖m)`` and
nothing to ``KL(p_c‖m)``, so its share of ``JSD(p_c, p)`` is ``½ · (1 − Σ_{t ∈ c} p(t))``.
"""

from __future__ import annotations

import numpy as np


def _sum_by(keys: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct keys, the weight summed over each, and each input's position among them."""
    uniq, inverse = np.unique(keys, return_inverse=True)
    return uniq, np.bincount(inverse, weights=weights, minlength=len(uniq)), inverse


def jsd(p: np.ndarray, q: np.ndarray) -> float:
    """Base-2 Jensen–Shannon divergence of two distributions (1-D, each summing to 1).

    Reference implementation for tests: 0 for equal mixes, 1 for disjoint ones.
    """
    m = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        kl_p = np.where(p > 0, p * np.log2(p / m), 0.0).sum()
        kl_q = np.where(q > 0, q * np.log2(q / m), 0.0).sum()
    return float(0.5 * kl_p + 0.5 * kl_q)


def voice_consistency(
    group: np.ndarray, channel: np.ndarray, theme: np.ndarray, weight: np.ndarray, n_groups: int
) -> np.ndarray:
    """Voice consistency per group (array of ``n_groups``), from themed-post rows.

    ``group``, ``channel`` and ``theme`` are non-negative integer codes per row, ``weight`` the
    row's post count. Unit: a fraction 0–1. NaN for a group with fewer than two channels carrying
    themed posts (one channel is trivially consistent, so it would flatter). Rows of weight 0 are
    ignored.
    """
    out = np.full(n_groups, np.nan)
    keep = weight > 0
    if not keep.any():
        return out
    g, c, t, w = group[keep], channel[keep], theme[keep], weight[keep]
    n_c, n_t = int(c.max()) + 1, int(t.max()) + 1
    cells, n_cell, _ = _sum_by((g * n_c + c) * n_t + t, w)
    cell_g = cells // (n_c * n_t)
    cell_gc = cells // n_t
    cell_gt = cell_g * n_t + cells % n_t

    gc, n_gc, gc_of_cell = _sum_by(cell_gc, n_cell)
    _, n_gt, gt_of_cell = _sum_by(cell_gt, n_cell)
    n_g = np.bincount(cell_g, weights=n_cell, minlength=n_groups)

    p_c = n_cell / n_gc[gc_of_cell]
    p = n_gt[gt_of_cell] / n_g[cell_g]
    m = (p_c + p) / 2
    shared = 0.5 * (p_c * np.log2(p_c / m) + p * np.log2(p / m))
    per_gc = np.bincount(gc_of_cell, weights=shared, minlength=len(gc))
    covered = np.bincount(gc_of_cell, weights=p, minlength=len(gc))
    jsd_gc = per_gc + 0.5 * (1.0 - covered)

    gc_group = gc // n_c
    w_gc = n_gc / n_g[gc_group]
    divergence = np.bincount(gc_group, weights=w_gc * jsd_gc, minlength=n_groups)
    n_channels = np.bincount(gc_group, minlength=n_groups)
    enough = n_channels >= 2
    # Rounding can push a perfect match a hair below 0; a divergence is never negative.
    out[enough] = 1.0 - np.clip(divergence[enough], 0.0, 1.0)
    return out
