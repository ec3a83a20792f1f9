"""Brand accounts and their stewards: how the company's own pages perform, and who runs them.

The seed: let the people who like it run accounts. Activity on a brand account (``kind`` brand
in the accounts table) belongs to the account and its steward and never to a person's own
numbers: validation leaves its ``person_id`` blank (:mod:`scorecard.ingest.references`), so
people, departments and the company (which add up people) leave it out. This module is where it
is counted.

An activity row is a brand account's when its channel and account match the account's, compared
as :func:`scorecard.identity.account_key` ("@Acme", "acme" and "linkedin.com/company/acme" are
one account on LinkedIn).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.dataset import Dataset, Period
from scorecard.identity import account_key, channel_key
from scorecard.metrics.ratios import ratio
from scorecard.schema import POST_ACTIONS

#: Received sums shown per brand account: dictionary ids, so labels and units come from there.
RECEIVED: tuple[str, ...] = (
    "impressions",
    "reactions",
    "comments_received",
    "shares_received",
    "clicks",
)
#: Every figure of :func:`steward_table`, in order: dictionary ids.
FIGURES: tuple[str, ...] = ("actions", "posts", *RECEIVED, "engagement_rate")


def _pair_keys(channels: pd.Series, accounts: pd.Series) -> np.ndarray:
    """ "channel|account" keys (``None`` where the account names nothing), once per distinct
    pair."""
    pairs = pd.DataFrame({"c": channels.astype("str"), "a": accounts.astype("str")})
    codes, distinct = pd.factorize(pd.MultiIndex.from_frame(pairs.fillna("")))
    keys = []
    for channel, account in distinct:
        key = account_key(account) if account else None
        keys.append(None if key is None else f"{channel_key(channel)}|{key}")
    return np.array([*keys, None], dtype=object)[np.where(codes < 0, len(keys), codes)]


def brand_accounts(dataset: Dataset) -> pd.DataFrame:
    """The brand accounts: channel, account, steward_id and the steward's name (missing when
    none is named or the steward is not on the roster), in the accounts table's order."""
    accounts = dataset.accounts
    brands = accounts[accounts["kind"] == "brand"]
    names = dataset.people.drop_duplicates("person_id").set_index("person_id")["name"]
    steward_ids = brands["steward_id"].astype("str")
    return pd.DataFrame(
        {
            "channel": brands["channel"].astype("str").to_numpy(),
            "account": brands["account"].astype("str").to_numpy(),
            "steward_id": steward_ids.to_numpy(),
            "steward": names.reindex(steward_ids).to_numpy(),
        }
    ).astype({"steward": "str"})


def steward_table(dataset: Dataset, period: Period) -> pd.DataFrame:
    """One row per brand account: channel, account, steward_id, steward, then :data:`FIGURES`
    over ``period``.

    ``actions`` = Σ count; ``posts`` = Σ count of post, video, blog and article rows; the
    received sums are Σ of the rows' columns; ``engagement_rate`` = (reactions +
    comments_received + shares_received) / posts, missing (NaN) without posts. An account
    without activity in the period has zero sums. No brand account: an empty frame with these
    columns.
    """
    brands = brand_accounts(dataset)
    activity = dataset.activity[period.contains(dataset.activity["date"])]
    brand_keys = _pair_keys(brands["channel"], brands["account"])
    row_keys = _pair_keys(activity["channel"], activity["account"])
    position = pd.Index(brand_keys).get_indexer(row_keys)  # first brand row wins a duplicate
    mine = position >= 0
    slot = position[mine]
    n = len(brands)
    count = activity["count"].to_numpy(dtype="float64")[mine]
    is_post = activity["action"].astype("str").str.lower().isin(POST_ACTIONS).to_numpy()[mine]
    sums = {
        "actions": np.bincount(slot, weights=count, minlength=n),
        "posts": np.bincount(slot, weights=count * is_post, minlength=n),
        **{
            col: np.bincount(
                slot, weights=activity[col].to_numpy(dtype="float64")[mine], minlength=n
            )
            for col in RECEIVED
        },
    }
    out = brands.assign(**sums)
    engaged = out["reactions"] + out["comments_received"] + out["shares_received"]
    out["engagement_rate"] = ratio(engaged, out["posts"])
    return out.reset_index(drop=True)
