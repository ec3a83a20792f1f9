"""The top-down engagement cascade: reporting-line analytics per department and month.

Every measure starts from :func:`prepare` (the org tree and the monthly active flags); the
``*_of`` functions take its result, so a page or report prepares once and asks many questions.
What each measure means, its formula, unit and direction are the registry's entries with
``home="cascade"`` (:mod:`scorecard.dictionary`: adoption, team_reach, front, cascade_lift,
median_lag_days, started_after_share); each has one implementation here.
"""

from scorecard.cascade.adoption import adoption_of, front_of
from scorecard.cascade.icicle import icicle_of
from scorecard.cascade.lag import lag_pairs_of
from scorecard.cascade.leaders import leaders_of
from scorecard.cascade.reach import monthly_reach_of, reach_of, team_reach, team_reach_by_month
from scorecard.cascade.report import COMPANY, cascade_report, cascade_report_of, departments_of
from scorecard.cascade.state import CascadeInputs, prepare
from scorecard.orgtree import derive_tiers

__all__ = [
    "COMPANY",
    "CascadeInputs",
    "adoption_of",
    "cascade_report",
    "cascade_report_of",
    "departments_of",
    "derive_tiers",
    "front_of",
    "icicle_of",
    "lag_pairs_of",
    "leaders_of",
    "monthly_reach_of",
    "prepare",
    "reach_of",
    "team_reach",
    "team_reach_by_month",
]
