"""The dictionary's numbers: :func:`compute` scorecards, :func:`deltas` and
:func:`monthly_series`. See :mod:`scorecard.dictionary` for what each metric means."""

from scorecard.metrics.compute import SCORECARD_METRICS, Scorecards, compute
from scorecard.metrics.params import Assumptions, parse_assumptions
from scorecard.metrics.series import deltas, level_frame, monthly_series, months_of

__all__ = [
    "SCORECARD_METRICS",
    "Assumptions",
    "Scorecards",
    "compute",
    "deltas",
    "level_frame",
    "monthly_series",
    "months_of",
    "parse_assumptions",
]
