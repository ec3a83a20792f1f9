"""Access & audit (admins): the roles, the grants in force, and who did what, when."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.access import RolesFileError
from scorecard.audit import audit_log
from scorecard.export.safe_text import csv_bytes
from scorecard.formatting import MISSING
from scorecard.ui import access, cache, legacy
from scorecard.ui.text import literal

LOG_ROWS = 5000  # the page shows and the CSV carries the newest rows; older ones stay stored

legacy.leave()  # outside app.py's frame (Streamlit's legacy pages/ mode): leave it first
if not access.current().may_open("audit"):  # the frame refuses first; never rely on one check
    st.stop()

st.title("Access & audit")
if access.signed_in_mode():
    st.write(
        "Sign-in is on (SCORECARD_AUTH=oidc). A person takes the first grant that matches: "
        "by email, then by ID-token claim, then by email domain; with none, someone on the "
        "people sheet (by email) is an employee; anyone else is told whom to ask."
    )
else:
    st.info(
        f"{access.LOCAL_MODE}: nobody signs in and everyone here is an admin. Set "
        "SCORECARD_AUTH=oidc and SCORECARD_ROLES to give each person a role (README, "
        "Sign-in and roles).",
        icon=":material/computer:",
    )

st.subheader("Roles", anchor=False)
st.dataframe(
    access.role_rows(),
    hide_index=True,
    width="stretch",
    key="access_roles",
    column_config={
        "downloads": st.column_config.CheckboxColumn("Downloads"),
        "pages": st.column_config.TextColumn("Pages", width="medium"),
    },
    placeholder=MISSING,
)

st.subheader("Grants in force", anchor=False)
try:
    roles = access.roles()
except RolesFileError as error:
    st.error(literal(str(error)), icon=":material/block:")
else:
    st.caption(literal(f"From {roles.source}. People without a role are told to ask {roles.ask}."))
    if roles.grants:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "who": g.who,
                        "by": g.kind,
                        "role": g.role,
                        "departments": ", ".join(g.departments) or "all",
                    }
                    for g in roles.grants
                ]
            ),
            hide_index=True,
            width="stretch",
            key="access_grants",
            placeholder=MISSING,
        )
    else:
        st.caption("No grants: everyone on the people sheet who signs in is an employee.")

st.subheader("Audit log", anchor=False)
events = audit_log(cache.store().engine, limit=LOG_ROWS)
if not events:
    st.info(
        "Nothing recorded yet: sign-ins, publishes, merges, edits, rollbacks and downloads "
        "appear here."
    )
else:
    log = pd.DataFrame(
        [
            {"when": e.at, "who": e.who, "action": e.action, "what": e.what, "scope": e.scope}
            for e in events
        ]
    )
    st.dataframe(
        log,
        hide_index=True,
        width="stretch",
        key="access_audit",
        column_config={"what": st.column_config.TextColumn(width="large")},
        placeholder=MISSING,
    )
    st.download_button(
        "Download the audit log (CSV)",
        data=csv_bytes(log),
        file_name="social-scorecard-audit.csv",
        mime="text/csv",
        key="access_audit_csv",
        icon=":material/download:",
        on_click="ignore",
    )
