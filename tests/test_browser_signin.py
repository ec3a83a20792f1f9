"""A real sign-in in Chromium: the app started as users do with SCORECARD_AUTH=oidc, against an
OpenID Connect provider (``oidc-provider-mock``) running in this process.

One provider and one app serve the module. Each test signs a person in through the provider's
own form in a fresh browser context. Screenshots (1920x1080) of the sign-in page and each role's
landing page go to tests/screenshots/.
"""

from __future__ import annotations

import json
import secrets
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from scorecard.dataset import Dataset
from scorecard.store import Store
from scorecard.workbook import write_workbook
from tests.browser import BROWSER_WAIT_MS, ROOT, free_port, running_app, settle
from tests.companies import ROLES_TOML

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "screenshots"
#: subject → ID-token claims at the provider, and the text the role's landing page shows.
PEOPLE = {
    "dana": ({"email": "dana@corp.example", "name": "Dana Admin"}, "Headline figures"),
    "mia": (
        {"email": "mia@corp.example", "name": "Mia Marketer", "groups": ["marketing"]},
        "Drop your filled-in template",
    ),
    "ben": ({"email": "ben@example.com", "name": "Ben Okafor"}, "Take these scorecards"),
    "chair": ({"email": "chair@board.example", "name": "Board Chair"}, "Vision goals on track"),
    "cy": ({"email": "cy@example.com", "name": "Cy Lee"}, "Your bonus points"),
    "zed": ({"email": "zed@elsewhere.example", "name": "Zed Stranger"}, "No access yet"),
}
OTHERS = ("Ada Byrne", "Ben Okafor", "Di Park")  # everyone but Cy


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    import oidc_provider_mock

    with oidc_provider_mock.run_server_in_thread() as server:
        issuer = f"http://localhost:{server.server_port}"
        for sub, (claims, _) in PEOPLE.items():
            request = urllib.request.Request(
                f"{issuer}/users/{sub}",
                method="PUT",
                data=json.dumps(claims).encode(),
                headers={"Content-Type": "application/json"},
            )
            urllib.request.urlopen(request, timeout=30).close()
        yield issuer


@pytest.fixture(scope="module")
def server(
    provider: str, tmp_path_factory: pytest.TempPathFactory, two_departments_module: Dataset
) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser_signin")
    Store(f"sqlite:///{folder / 'scorecard.db'}").publish(
        two_departments_module, uploader="Setup", file_name="march.xlsx", sha256="march"
    )
    (folder / "roles.toml").write_text(ROLES_TOML, encoding="utf-8")
    port = free_port()
    # Streamlit reads [auth] from the user's global secrets: a HOME of the test's own.
    (folder / ".streamlit").mkdir()
    (folder / ".streamlit" / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(16)}"\n'
        'client_id = "social-scorecard"\n'
        'client_secret = "test-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    env = {
        "SCORECARD_AUTH": "oidc",
        "SCORECARD_ROLES": str(folder / "roles.toml"),
        "HOME": str(folder),
    }
    with running_app(folder, env, port) as url:
        yield url


@pytest.fixture(scope="module")
def two_departments_module() -> Dataset:
    """The two-department company (``tests.companies``) for a module-scoped server."""
    from tests.companies import two_departments

    return two_departments()


def sign_in(chromium, server: str, sub: str):  # Playwright's browser in, its page out
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(BROWSER_WAIT_MS)
    page.goto(server)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    settle(page, PEOPLE[sub][1])
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"signin_landing_{sub}.png"))
    return page


def test_signed_out_there_is_only_the_sign_in_page(chromium, server: str):
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(BROWSER_WAIT_MS)
    for address in ("", "/scorecards", "/data"):
        page.goto(server + address)
        page.get_by_role("button", name="Sign in").wait_for()
        body = page.locator("body").inner_text()
        assert not any(name in body for name in (*OTHERS, "Cy Lee")), address
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "signin_page.png"))
    context.close()


def test_an_employee_signs_in_and_sees_only_their_own_card(chromium, server: str):
    page = sign_in(chromium, server, "cy")
    assert page.get_by_role("heading", name="Cy Lee").is_visible()
    body = page.locator("body").inner_text()
    assert not any(name in body for name in OTHERS)
    page.goto(f"{server}/scorecards")
    page.get_by_text("cannot open Scorecards").wait_for()
    assert not any(name in page.locator("body").inner_text() for name in OTHERS)
    page.context.close()


def test_a_marketer_signs_in_and_publishes_a_version_under_their_identity(
    chromium, server: str, two_departments_module: Dataset, tmp_path: Path
):
    import pandas as pd

    page = sign_in(chromium, server, "mia")
    april = two_departments_module.activity.assign(
        date=two_departments_module.activity["date"] + pd.Timedelta(days=31)
    )
    workbook = tmp_path / "april.xlsx"
    write_workbook(
        Dataset.from_frames(people=two_departments_module.people, activity=april), workbook
    )
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(workbook))
    page.get_by_role("button", name="Replace: publish as a new version").click()
    settle(page, "Published version 2")
    assert page.get_by_text("by Mia Marketer (mia@").count() >= 1  # the sidebar's dataset line
    page.screenshot(path=str(SHOTS / "signin_marketer_published.png"))
    page.context.close()


@pytest.mark.parametrize("sub", ["dana", "ben", "chair", "zed"])
def test_each_role_lands_on_its_own_page(chromium, server: str, sub: str):
    page = sign_in(chromium, server, sub)
    if sub == "chair":  # the board sees initials, never a name
        assert not any(name in page.locator("body").inner_text() for name in OTHERS)
    if sub == "dana":  # the admin's page: grants in force and the audit log, sign-ins on it
        page.goto(f"{server}/audit")
        settle(page, "Grants in force")
        # the log's table is a canvas grid: its cells are in the page, not visible as text
        cell = page.locator("td", has_text="Dana Admin (dana@corp.example)").first
        cell.wait_for(state="attached")
        page.screenshot(path=str(SHOTS / "signin_admin_audit.png"))
    if sub == "zed":
        assert page.get_by_text("Ask Dana Admin").count() == 1
    page.context.close()
