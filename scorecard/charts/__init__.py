"""Pure Altair chart builders: frames in, ``alt.Chart`` out; no Streamlit, no I/O."""

from scorecard.charts.cascade import (
    adoption_by_tier_chart,
    icicle_chart,
    lag_histogram_chart,
    lift_reach_chart,
)

__all__ = ["adoption_by_tier_chart", "icicle_chart", "lag_histogram_chart", "lift_reach_chart"]
