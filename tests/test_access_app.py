"""Each role through AppTest with ``st.user`` set, over every page address: what it sees, what
it cannot reach, and that a refused page never loads its data.

Sign-in is on (SCORECARD_AUTH=oidc) with a roles file in a temp folder; the store holds the
two-department company of ``tests/conftest.py`` (Ada, Di in Ops; Ben, Cy in Sales).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from scorecard.audit import audit_log
from scorecard.dataset import Dataset
from scorecard.store import Store
from scorecard.ui import cache
from scorecard.ui.navigation import CATALOGUE
from scorecard.workbook import workbook_bytes
from tests.companies import ROLES_TOML

APP = Path(__file__).resolve().parent.parent / "app.py"
TIMEOUT = 180  # a shared machine; bounds a hang, not a speed assertion
ADDRESSES = tuple(c[4] for c in CATALOGUE)
NAMES = ("Ada Byrne", "Ben Okafor", "Cy Lee", "Di Park")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ADMIN = {"email": "dana@corp.example", "name": "Dana Admin"}
MARKETER = {"email": "mia@corp.example", "name": "Mia Marketer", "groups": ["marketing"]}
EXECUTIVE = {"email": "ben@example.com", "name": "Ben Okafor"}
BOARD = {"email": "chair@board.example", "name": "Board Chair"}
EMPLOYEE = {"email": "cy@example.com", "name": "Cy Lee"}
UNKNOWN = {"email": "zed@elsewhere.example", "name": "Zed Stranger"}


@pytest.fixture
def company(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None, two_departments: Dataset
) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    roles = tmp_path / "roles.toml"
    roles.write_text(ROLES_TOML, encoding="utf-8")
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    monkeypatch.setenv("SCORECARD_AUTH", "oidc")
    monkeypatch.setenv("SCORECARD_ROLES", str(roles))
    store = Store(url)
    store.publish(two_departments, uploader="Setup", file_name="march.xlsx", sha256="march")
    return store


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the data loaders called (current version, dataset, scorecards)."""
    called: list[str] = []
    for name in ("current", "dataset", "scorecards"):
        real = getattr(cache, name)

        def spy(*args: object, _real=real, _name=name, **kwargs: object) -> object:
            called.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(cache, name, spy)
    return called


def signed_in(user: dict[str, object] | None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.user = {"is_logged_in": False} if user is None else {"is_logged_in": True, **user}
    return at.run()


def visit(at: AppTest, address: str) -> AppTest:
    """Open ``/address`` as a link would (AppTest's switch_page only knows files a role may
    open; a refused address is a page without a file). Streamlit hashes a page's url_path."""
    at._page_hash = calc_hash(address)
    return at.run()


def shown(at: AppTest) -> str:
    """Everything the page sent to the browser, as text (tables and charts included)."""
    parts = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(proto.SerializeToString().decode("utf-8", "replace"))
    return "\n".join(parts)


def clean(at: AppTest, where: str) -> None:
    assert not at.exception, (where, [e.value for e in at.exception])
    assert not at.error, (where, [e.value for e in at.error])


def refused(at: AppTest) -> bool:
    return any("cannot open" in w.value for w in at.warning)


def test_signed_out_every_address_is_the_sign_in_page_with_no_name_and_no_data(company, loads):
    at = signed_in(None)
    for address in ("home", *ADDRESSES):
        visit(at, address)
        clean(at, address)
        assert [t.value for t in at.title] == ["Social Scorecard"], address
        assert [b.label for b in at.button] == ["Sign in"], address
        text = shown(at)
        assert not any(name in text for name in NAMES), address
    assert loads == []  # no dataset, not even the current version, was read


def test_someone_without_a_grant_or_a_card_is_told_whom_to_ask_on_every_address(company):
    at = signed_in(UNKNOWN)
    for address in ("home", *ADDRESSES):
        visit(at, address)
        clean(at, address)
        assert at.title[0].value == "No access yet", address
        assert "Dana Admin" in at.info[0].value, address
        assert not any(name in shown(at) for name in NAMES), address
    assert [(e.who, e.action) for e in audit_log(company.engine)] == [
        ("Zed Stranger (zed@elsewhere.example)", "sign-in")
    ]


def test_an_admin_opens_every_page_and_sees_the_grants_and_the_audit_log(company):
    at = signed_in(ADMIN)
    assert at.title[0].value == "Overview"
    for address in ADDRESSES:
        visit(at, address)
        clean(at, address)
        assert not refused(at), address
    visit(at, "audit")
    grants = next(d.value for d in at.dataframe if "who" in d.value.columns and "by" in d.value)
    assert grants["role"].tolist() == ["admin", "marketer", "executive", "board"]
    log = next(d.value for d in at.dataframe if "action" in d.value.columns)
    assert log[["who", "action"]].values.tolist() == [["Dana Admin (dana@corp.example)", "sign-in"]]
    assert any(b.label == "Download the audit log (CSV)" for b in at.get("download_button"))


def test_a_marketer_publishes_as_their_signed_in_identity_and_cannot_open_the_audit(
    company, two_departments
):
    at = signed_in(MARKETER)
    assert at.title[0].value == "Data"  # a marketer lands on the Data page
    assert not at.text_input  # nobody types who they are
    april = two_departments.activity.assign(
        date=two_departments.activity["date"] + pd.Timedelta(days=31)
    )
    upload = Dataset.from_frames(people=two_departments.people, activity=april)
    at.file_uploader(key="data_files").set_value(("april.xlsx", workbook_bytes(upload), XLSX))
    at.run()
    clean(at, "data")
    at.button(key="data_publish").click().run()
    clean(at, "data")
    current = company.current()
    assert current.version == 2 and current.uploader == "Mia Marketer (mia@corp.example)"
    events = [(e.who, e.action) for e in audit_log(company.engine)]
    assert events[0] == ("Mia Marketer (mia@corp.example)", "publish")
    visit(at, "audit")
    assert refused(at) and at.title[0].value == "Access & audit"


def test_an_executive_of_sales_sees_sales_only_and_never_the_data_page(company, loads):
    at = signed_in(EXECUTIVE)
    assert at.title[0].value == "Scorecards"
    assert at.sidebar.selectbox(key="sidebar_department").options == ["Sales"]
    clean(at, "scorecards")
    at.session_state["cards_view"] = "Everyone"  # tabs draw only the open one
    at.run()
    everyone = next(d.value for d in at.dataframe if "person_id" in d.value.columns)
    assert sorted(everyone["name"]) == ["Ben Okafor", "Cy Lee"]
    text = shown(at)
    assert "Ada Byrne" not in text and "Di Park" not in text
    assert {b.label for b in at.get("download_button")} >= {"PowerPoint deck", "JSON report"}
    for address in ("data", "audit"):
        loads.clear()
        visit(at, address)
        clean(at, address)
        assert refused(at), address
        assert loads == [], address  # the refused page's loaders never ran
    for address in ("overview", "cascades", "vision", "stewards", "board", "definitions", "me"):
        visit(at, address)
        clean(at, address)
        assert not refused(at), address
        text = shown(at)
        assert "Ada Byrne" not in text and "Di Park" not in text, address
    visit(at, "board")  # the vision chart: the company's goal and Cy's, never Ops' goal
    assert "(Ops)" not in shown(at) and "(003)" in shown(at)


def test_the_board_sees_company_figures_with_initials_and_no_person_level_page(company, loads):
    at = signed_in(BOARD)
    assert at.title[0].value.startswith("Social leadership")  # lands on the Board view
    clean(at, "board")
    text = shown(at)
    # The leadership chart draws Ada and Ben by their initials (leaderboard_names default).
    assert "A. B." in text and "B. O." in text
    assert not any(name in text for name in NAMES)
    assert at.get("download_button") == []  # no board pack, no chart files
    for address in ("me", "overview", "scorecards", "cascades", "stewards", "data", "audit"):
        loads.clear()
        visit(at, address)
        clean(at, address)
        assert refused(at), address
        assert loads == [], address
    visit(at, "vision")
    clean(at, "vision")
    assert not any(name in shown(at) for name in NAMES)


def test_an_employee_sees_their_own_card_and_the_vision_with_others_pseudonymised(company):
    at = signed_in(EMPLOYEE)
    assert at.title[0].value == "My scorecard"
    clean(at, "me")
    assert at.subheader[0].value == "Cy Lee"
    text = shown(at)
    assert not any(name in text for name in NAMES if name != "Cy Lee")
    mine = {m.label: m.value for m in at.metric}
    # Cy: 5 replies × 2 points = 10 points; 700 × 10 / 70 = 100 (the whole company's share).
    assert mine["Your points"] == "10"
    assert mine["Your share"].replace("\\", "") == "$100.00"  # 700 × 10/70, to the cent
    assert at.get("download_button") == []
    visit(at, "vision")
    clean(at, "vision")
    text = shown(at)
    # Cy's own row and goal read "You"; the others are initials ("A. B.", "D. P."); Cy's own
    # name appears only where the sidebar says who is signed in.
    assert "You" in text and "D. P." in text
    assert not any(name in text for name in NAMES if name != "Cy Lee")
    for address in ("overview", "scorecards", "cascades", "stewards", "board", "data", "audit"):
        visit(at, address)
        assert refused(at), address


def test_a_deep_link_on_a_cold_server_signed_out_still_shows_only_the_sign_in_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, two_departments: Dataset
):
    # No warm_server: the first run of a fresh process runs pages/scorecards.py itself (legacy
    # pages/ mode); the page's first call leaves that mode before reading any data.
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    monkeypatch.setenv("SCORECARD_AUTH", "oidc")
    Store(url).publish(two_departments, uploader="Setup", file_name="m.xlsx", sha256="m")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.user = {"is_logged_in": False}
    visit(at, "scorecards")
    clean(at, "scorecards")
    assert [b.label for b in at.button] == ["Sign in"]
    assert not any(name in shown(at) for name in NAMES)


def test_local_mode_says_so_and_everyone_is_an_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None
):
    monkeypatch.setenv("SCORECARD_DATABASE_URL", f"sqlite:///{tmp_path / 'scorecard.db'}")
    monkeypatch.delenv("SCORECARD_AUTH", raising=False)
    monkeypatch.setenv("LOGNAME", "mia")  # this computer's user
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert at.sidebar.caption[0].value.startswith(
        ":material/computer: Local mode: this computer only"
    )
    assert not [b for b in at.sidebar.button if b.label == "Sign out"]
    visit(at, "audit")
    clean(at, "audit")
    assert at.title[0].value == "Access & audit" and not refused(at)
    visit(at, "data")
    assert "published by mia" in at.caption[0].value


def test_a_sales_executives_pack_is_sales_only_and_its_download_is_audited(company):
    import json
    from datetime import date
    from functools import partial

    from scorecard.access import Access
    from scorecard.dataset import Filters, Period
    from scorecard.ui import downloads

    info = company.current()
    key = f"{company.url}#v{info.version}"
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    ben = Access("Ben Okafor (ben@example.com)", "ben@example.com", "executive", ("Sales",))
    build = partial(
        downloads.pack_bytes, key, march, Filters(departments=("Sales",)), "json", info, ben.scope
    )
    pack = json.loads(downloads._audited("board pack march.json", ben, build))
    assert set(pack["people"]) == {"002", "003"}
    assert set(pack["departments"]) == {"Sales"}
    # Shares are the whole company's: 700 × 10 / 70 = 100 each, never 700 × 10 / 20 = 350.
    assert {p["person_id"]: p["share"] for p in pack["bonus"]["people"]} == {
        "002": 100.0,
        "003": 100.0,
    }
    event = audit_log(company.engine)[0]
    assert (event.who, event.action, event.what, event.scope) == (
        "Ben Okafor (ben@example.com)",
        "download",
        "board pack march.json",
        "Sales",
    )


def test_without_goals_the_vision_page_links_to_the_data_page_only_for_who_may_open_it(
    company, two_departments
):
    company.edit(1, {"goals": two_departments.goals.iloc[0:0]}, uploader="Setup")
    for user, linked in ((BOARD, False), (EMPLOYEE, False), (MARKETER, True)):
        at = signed_in(user)
        visit(at, "vision")
        clean(at, "vision")
        assert "No goals yet" in at.info[0].value
        assert ("Set goals on the Data page" in shown(at)) is linked, user["name"]
