"""CRM exports whose rows become ``outcomes`` per owner and month, through outcome rules.

Each rule is data the mapping step shows and lets the user edit: which rows count (``when``),
the date that places a row in a month (``date_from``), whose it is (``person_from``, the owner
as the CRM writes it: identity resolution finds the person) and what is added up (``value``: a
column, or COUNT). Fixtures and the research behind them:
``tests/fixtures/exports/README_hr_crm.md``.
"""

from __future__ import annotations

from scorecard.sources.preset import COUNT, OutcomeRule, Preset, RowRule

#: The stage Salesforce's standard sales process calls a won deal.
CLOSED_WON = ("Closed Won",)

SALESFORCE_OPPORTUNITIES = Preset(
    id="salesforce_opportunities_report",
    tool="Salesforce",
    export="Opportunities report › Export › Details Only (CSV)",
    documented_by=(
        "Salesforce Help, 'Export a Report' (Details Only, CSV); public cleaners of this export "
        "that drop the 'Grand Totals (N records)', 'Confidential Information - Do Not "
        "Distribute' and 'Copyright (c) 2000-YYYY salesforce.com, inc.' footer lines; Code42 "
        "support on Salesforce report file names (report + epoch milliseconds .csv); read "
        "2026-12-02"
    ),
    notes=(
        "won_amount = sum of Amount over opportunities in Stage 'Closed Won', by owner and by "
        "the month of Close Date; opportunities_won = their count. Amount is in the report's "
        "currency as exported (no conversion). Close Date follows the exporting user's locale: "
        "month first (M/D/YYYY) as in US exports; change the date order in the mapping step for "
        "a day-first locale. Renamed stages: edit the 'when' value."
    ),
    table="outcomes",
    fingerprint=("Opportunity Owner", "Stage", "Close Date", "Amount"),
    optional_headers=(
        "Account Name",
        "Opportunity Name",
        "Fiscal Period",
        "Probability (%)",
        "Age",
        "Created Date",
        "Next Step",
        "Lead Source",
        "Type",
    ),
    file_pattern=r"^report\d{13}\.csv$",
    drop_rows=(
        # The footer block: everything from the "Grand Totals (N records)" line down.
        RowRule("report footer", pattern=r"grand totals.*", and_below=True, warn=False),
        RowRule("confidentiality line", pattern=r"confidential information.*", warn=False),
        RowRule("copyright line", pattern=r"copyright.*salesforce.*", warn=False),
    ),
    date_order="MDY",
    outcome_rules=(
        OutcomeRule(
            "won_amount",
            date_from="Close Date",
            person_from="Opportunity Owner",
            when={"Stage": CLOSED_WON},
            value="Amount",
        ),
        OutcomeRule(
            "opportunities_won",
            date_from="Close Date",
            person_from="Opportunity Owner",
            when={"Stage": CLOSED_WON},
            value=COUNT,
        ),
    ),
)

HUBSPOT_CONTACTS = Preset(
    id="hubspot_contacts_export",
    tool="HubSpot",
    export="Contacts › Export (CSV)",
    documented_by=(
        "HubSpot Knowledge Base, 'Export your records' and 'HubSpot's default contact "
        "properties' (Contact owner, Lifecycle Stage, Create Date, 'Became a Marketing Qualified "
        "Lead Date'); HubSpot developer changelog 2022 (eight default lifecycle stages); public "
        "parsers and fixtures of the contacts export; read 2026-12-02"
    ),
    notes=(
        "qualified_leads = number of contacts whose 'Became a Marketing Qualified Lead Date' "
        "falls in the month, by Contact owner (a contact that moved on to SQL or Customer still "
        "counts in the month it became an MQL). Contacts without an owner count for the company. "
        "Add the MQL date property to the exported view; the current Lifecycle Stage alone "
        "cannot say when a lead qualified. Datetimes are read as YYYY-MM-DD HH:MM."
    ),
    table="outcomes",
    fingerprint=("Contact owner", "Lifecycle Stage", "Became a Marketing Qualified Lead Date"),
    optional_headers=(
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Lead Status",
        "Create Date",
        "Last Activity Date",
    ),
    file_pattern=r"hubspot-crm-exports-.*contacts",
    date_formats=("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"),
    outcome_rules=(
        OutcomeRule(
            "qualified_leads",
            date_from="Became a Marketing Qualified Lead Date",
            person_from="Contact owner",
            when={"Became a Marketing Qualified Lead Date": ()},
            value=COUNT,
        ),
    ),
)

PRESETS: tuple[Preset, ...] = (SALESFORCE_OPPORTUNITIES, HUBSPOT_CONTACTS)
