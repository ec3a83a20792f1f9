"""scorecard.identity: normalised text and the resolver, on a roster of five, by hand."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.identity import (
    Account,
    Resolver,
    account_key,
    clean,
    clean_column,
    email_key,
    handle_of,
    is_no_manager,
    name_key,
    url_channel,
    value_shape,
)

NFD_AMELIE = unicodedata.normalize("NFD", "Amélie Durand")


def roster() -> Resolver:
    people = pd.DataFrame(
        {
            "person_id": ["1001", "a002", "1003", "1004", "1005"],
            "name": ["Amélie Durand", "Bo Chen", "Chloé Martin", "Ana Silva", "Ana Silva"],
            "email": ["Amelie.Durand@Example.com", None, "chloe@example.com", None, "x"],
        },
        dtype="str",
    )
    accounts = [
        Account("X", "@ameliedurand", "personal", person_id="1001"),
        Account("LinkedIn", "https://www.linkedin.com/in/amelie-durand/", "personal", "1001"),
        Account("LinkedIn", "linkedin.com/company/example", "brand", steward_id="a002"),
    ]
    return Resolver.build(people, accounts)


# --- normalisation ---------------------------------------------------------------------------


def test_clean_makes_look_alikes_one():
    assert NFD_AMELIE != "Amélie Durand"  # combining accent: other code points
    assert clean(NFD_AMELIE) == "Amélie Durand"
    assert clean("\ufeff007\u200b") == "007"  # BOM and zero-width space gone
    assert clean("  Marketing \u00a0 &\tSales ") == "Marketing & Sales"  # NBSP, tab collapsed


def test_clean_column_maps_distinct_values_and_blanks_invisible_cells():
    column = pd.Series(["\u200b", NFD_AMELIE, "Amélie Durand", None], dtype="str")
    cleaned = clean_column(column)
    assert cleaned.isna().tolist() == [True, False, False, True]
    assert cleaned.iloc[1] == cleaned.iloc[2] == "Amélie Durand"
    assert column.iloc[1] == NFD_AMELIE  # the input is not changed


def test_name_key_ignores_case_accents_spaces_and_punctuation():
    assert name_key("AMELIE  DURAND") == name_key(NFD_AMELIE) == "ameliedurand"
    assert name_key("Jean-Luc O'Neill") == "jeanluconeill"


def test_email_key():
    assert email_key("Ana@X.com") == email_key("ana@x.com") == "ana@x.com"
    assert email_key("mailto:Ana@X.com") == "ana@x.com"
    assert email_key("Ana Silva <Ana@X.com>") == "ana@x.com"
    assert email_key("Ana Silva") is None


@pytest.mark.parametrize(
    ("value", "handle", "channel"),
    [
        ("@ameliedurand", "ameliedurand", None),
        ("https://x.com/ameliedurand/status/1", "ameliedurand", "X"),
        ("https://twitter.com/AmelieDurand", "ameliedurand", "X"),
        ("linkedin.com/in/amelie-durand", "amelie-durand", "LinkedIn"),
        (
            "https://www.linkedin.com/posts/amelie-durand_launch-activity-7165-x",
            "amelie-durand",
            "LinkedIn",
        ),
        ("https://www.linkedin.com/company/example/", "example", "LinkedIn"),
        ("https://www.youtube.com/@AmelieD/videos", "amelied", "YouTube"),
        ("https://www.youtube.com/channel/UC123", "uc123", "YouTube"),
        ("https://www.linkedin.com/feed/update/urn:li:activity:7165", None, "LinkedIn"),
        ("Amélie Durand", "Amélie Durand", None),
    ],
)
def test_handles_from_urls(value, handle, channel):
    assert handle_of(value) == handle
    assert url_channel(value) == channel


def test_account_key_is_one_key_for_every_spelling():
    spellings = [
        "@AmelieDurand",
        "amelie-durand",
        "Amélie Durand",
        "https://x.com/ameliedurand/status/1",
        "linkedin.com/in/amelie-durand",
    ]
    assert {account_key(s) for s in spellings} == {"ameliedurand"}


def test_no_manager_sentinels():
    assert all(is_no_manager(v) for v in ("NO_MGR", "no mgr", "None", "-", "—", "", " ", None))
    assert not any(is_no_manager(v) for v in ("007", "Ana Silva", "ana@x.com"))


def test_value_shapes():
    assert [
        value_shape(v)
        for v in ("ana@x.com", "https://x.com/a", "@ana", "1001", "Ana Silva", "E-1001")
    ] == ["email", "url", "handle", "number", "name", "id"]


# --- the resolver ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "channel", "person", "via"),
    [
        ("1001", None, "1001", "id"),
        ("A002", None, "a002", "id_case"),  # differs only by case from one person_id
        ("amelie.durand@example.com", None, "1001", "email"),  # case does not count
        ("AMELIE.DURAND@EXAMPLE.COM", None, "1001", "email"),
        ("amelie durand", None, "1001", "name"),
        (NFD_AMELIE, None, "1001", "name"),  # NFD against the roster's NFC
        ("  Amelie   DURAND\u200b", None, "1001", "name"),
        ("Durand, Amélie", None, "1001", "name"),  # "Last, First"
        ("chloe martin", None, "1003", "name"),
        ("@ameliedurand", "X", "1001", "account"),
        ("https://x.com/ameliedurand/status/1", "X", "1001", "account"),
        ("linkedin.com/in/amelie-durand", "LinkedIn", "1001", "account"),
        ("@ameliedurand", None, "1001", "account"),  # no channel: unique across channels
    ],
)
def test_references_resolve(reference, channel, person, via):
    match = roster().resolve_one(reference, channel)
    assert (match.kind, match.person_id, match.via) == ("person", person, via)


def test_ambiguous_name_lists_its_candidates():
    match = roster().resolve_one("ana silva")
    assert (match.kind, match.person_id, match.candidates) == ("ambiguous", None, ("1004", "1005"))


def test_brand_account_resolves_to_the_account_not_a_person():
    match = roster().resolve_one("@example", "LinkedIn")
    assert match.kind == "brand" and match.person_id is None
    assert match.account.steward_id == "a002"


def test_unknowns():
    r = roster()
    assert r.resolve_one("@ameliedurand", "Instagram").kind == "unknown"  # accounts per channel
    assert r.resolve_one("nobody@example.com").kind == "unknown"
    assert r.resolve_one("1099").kind == "unknown"
    assert r.resolve_one(None).kind == "unknown"
    assert r.resolve_one("x").kind == "unknown"  # "x" on 1005's row is no email


def test_emails_against_numeric_ids():
    people = pd.DataFrame(
        {"person_id": ["1", "2"], "name": ["A", "B"], "email": ["a@x.com", "b@x.com"]}, dtype="str"
    )
    r = Resolver.build(people)
    assert [m.person_id for m in r.resolve(pd.Series(["B@X.com", "1", "2", "a@x.com"]))] == [
        "2",
        "1",
        "2",
        "1",
    ]


def test_resolve_maps_each_distinct_pair_once(monkeypatch):
    r = roster()
    calls = []
    original = Resolver.resolve_one

    def counting(self, reference, channel=None):
        calls.append((reference, channel))
        return original(self, reference, channel)

    monkeypatch.setattr(Resolver, "resolve_one", counting)
    refs = pd.Series(["1001", "1001", "@ameliedurand", "@ameliedurand", "1001"], dtype="str")
    channels = pd.Series(["X", "X", "X", "Instagram", "X"], dtype="str")
    found = r.resolve(refs, channels)
    assert [m.person_id for m in found] == ["1001", "1001", "1001", None, "1001"]
    assert len(calls) == 3  # (1001, X), (@ameliedurand, X), (@ameliedurand, Instagram)


@settings(max_examples=30, deadline=None)
@given(
    st.text(alphabet="abcdeé ", min_size=1, max_size=12),
    st.sampled_from(["\u200b", "\ufeff", "  ", ""]),
)
def test_invisible_noise_never_changes_a_name_key(name, noise):
    assert name_key(noise + name + noise) == name_key(unicodedata.normalize("NFD", name))
