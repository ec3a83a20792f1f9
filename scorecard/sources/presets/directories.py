"""HR systems and directories whose exports become the ``people`` table.

One preset per export, each naming the public source it follows (``documented_by``) and, in
``notes``, what the sources leave open. Fixtures written from the same sources, and the
research behind them: ``tests/fixtures/exports/README_hr_crm.md``.

What every directory preset settles the same way:

- ``department`` comes from the department or supervisory-organisation column, never from a
  cost centre (both exist in Workday, BambooHR and Google Workspace and usually differ).
- ``manager_id`` keeps the manager as the export writes it (an id, a USERID, an email or UPN, a
  display name, ``NO_MGR``); identity resolution turns it into a person_id. Columns holding an
  id come first among the candidates, names last.
- Rows that are not current people (inactive, disabled, suspended or terminated, guests) are
  dropped with one warning per file that counts them per reason.
- Where a person's id column may be blank, ``derived`` fills those blanks from the work email
  (a derived value only fills the blanks of a column a field rule supplies).
"""

from __future__ import annotations

from scorecard.sources.preset import FieldRule, Preset, RowRule

#: A cell holding anything at all (whole-cell match; a blank cell is the empty text).
FILLED = r".+"

WORKDAY = Preset(
    id="workday_custom_report",
    tool="Workday",
    export="custom report › Export to Excel",
    documented_by=(
        "Faros/Airbyte Workday source README, Custom Reports (fields Employee_ID, Full_Name, "
        "Manager_Name, Manager_ID, Team_Name, Start_Date, Termination_Date, Location, Email, "
        "Employee_Type), read 2026-12-02; github.com/RaymondWise/Excel-Workday-Report-Parser "
        "README (Excel export, multi-instance cells split by line feeds); a public parser of "
        "Workday XLSX exports (headers on row 2 under the title row, 'Supervisory Organization'), "
        "read 2026-12-02"
    ),
    notes=(
        "Custom reports name their own columns: the Workday alias (Employee_ID) and the label "
        "(Employee ID) read alike. Row 1 holds the report name; the header is found below it. "
        "Multi-value cells keep their first (primary) value. The department is the supervisory "
        "organisation (Team_Name); Cost_Center is ignored. Workers with a Termination_Date are "
        "former staff and are left out. No public sample shows whether Team_Name carries the "
        'manager in parentheses ("Sales (Jonas Weber)"); if it does, edit it in the mapping step.'
    ),
    table="people",
    # Custom reports choose their own fields: only Employee_ID is certain. The optional ones are
    # the documented worker fields, so that a report with about half of them qualifies.
    fingerprint=("Employee_ID",),
    optional_headers=(
        "Full_Name",
        "Manager_ID",
        "Manager_Name",
        "Team_Name",
        "Supervisory_Organization",
        "Email",
        "Business_Title",
        "Cost_Center",
        "Start_Date",
        "Termination_Date",
    ),
    fields=(
        FieldRule("person_id", ("Employee_ID", "Worker_ID", "Associate_ID")),
        FieldRule("name", ("Full_Name", "Worker", "Associate", "Preferred_Name", "Legal_Name")),
        FieldRule(
            "email",
            ("Email", "Primary_Work_Email", "Email_-_Work", "Work_Email"),
            multi_value="\n",
        ),
        FieldRule(
            "title",
            ("Business_Title", "Job_Title", "Job_Profile", "Current_Job_Profile"),
            multi_value="\n",
        ),
        FieldRule(
            "department",
            ("Team_Name", "Supervisory_Organization", "Department"),
            multi_value="\n",
        ),
        FieldRule(
            "manager_id",
            ("Manager_ID", "Manager_Employee_ID", "Manager_Name", "Manager"),
            multi_value="\n",
        ),
    ),
    drop_rows=(
        RowRule("former workers (a Termination_Date)", pattern=FILLED, header="Termination_Date"),
    ),
)

BAMBOOHR = Preset(
    id="bamboohr_custom_report",
    tool="BambooHR",
    export="custom report › Export › CSV",
    documented_by=(
        "sourcegraph/handbook, people-ops/tools/bamboohr.md (fields Employee #, Status "
        "Active/Inactive, Job Information: Division, Department, Job Title, Reports To, Cost "
        "Center), read 2026-12-02; documentation.bamboohr.com/docs/list-of-field-names "
        "(employeeNumber, workEmail, supervisor), read 2026-12-02"
    ),
    notes=(
        "'Reports To' names the manager by display name; when the report also has 'Supervisor "
        "EID' (the manager's Employee #) that column wins. The sources do not say whether the "
        "name can read 'Last, First'; if it does it is read as 'First Last'. Hire Date follows the "
        "account's date format and is not used. Inactive or terminated employees are left out."
    ),
    table="people",
    fingerprint=("Employee #", "Reports To"),
    optional_headers=(
        "First Name",
        "Last Name",
        "Job Title",
        "Department",
        "Division",
        "Location",
        "Work Email",
        "Hire Date",
        "Status",
    ),
    fields=(
        FieldRule("person_id", ("Employee #", "Employee Number")),
        FieldRule("name", ("Display Name", "Full Name", "Name")),
        FieldRule("email", ("Work Email", "Email", "Best Email")),
        FieldRule("title", ("Job Title",)),
        FieldRule("department", ("Department",)),
        # A name written "Durand, Amélie" is read "Amélie Durand"; ids have no comma.
        FieldRule(
            "manager_id",
            ("Supervisor EID", "Supervisor Employee #", "Reports To"),
            split="Last, First",
        ),
    ),
    derived={"name": "{First Name} {Last Name}"},
    drop_rows=(
        RowRule("inactive employees", pattern="inactive", header="Status"),
        RowRule("terminated employees", pattern="terminated", header="Employment Status"),
    ),
)

SUCCESSFACTORS = Preset(
    id="successfactors_user_data_file",
    tool="SAP SuccessFactors",
    export="User Data File (employee export / import CSV)",
    documented_by=(
        "SAP KBA 2087504 'Explanation of the Fields in the Employee Import File' (row 1 system "
        "keys, row 2 labels, data from row 3, STATUS Active/Inactive), read 2026-12-02; "
        "learning.sap.com 'Managing the User Data File'; kba.altaflux.com/docs/user-data-file "
        "(MANAGER and HR hold a USERID, NO_MGR / NO_HR at the top), read 2026-12-02"
    ),
    notes=(
        "The header is row 1 (system keys, never translated); row 2 holds labels a customer may "
        "rename and is skipped. person_id is the USERID because MANAGER names managers by "
        "USERID (EMPID may differ). NO_MGR is kept for identity resolution to read as the top. "
        "Inactive users are left out."
    ),
    table="people",
    fingerprint=("STATUS", "USERID", "USERNAME", "MANAGER", "HR"),
    optional_headers=(
        "FIRSTNAME",
        "LASTNAME",
        "EMAIL",
        "DEPARTMENT",
        "TITLE",
        "EMPID",
        "DIVISION",
        "LOCATION",
        "TIMEZONE",
        "HIREDATE",
        "GENDER",
        "JOBCODE",
    ),
    header_rows_below=1,
    fields=(
        FieldRule("person_id", ("USERID",)),
        FieldRule("email", ("EMAIL",)),
        FieldRule("title", ("TITLE",)),
        FieldRule("department", ("DEPARTMENT",)),
        FieldRule("manager_id", ("MANAGER",)),
    ),
    derived={"name": "{FIRSTNAME} {LASTNAME}"},
    drop_rows=(RowRule("inactive users", pattern="inactive", header="STATUS"),),
)

ENTRA = Preset(
    id="entra_download_users",
    tool="Microsoft Entra ID",
    export="Users › Download users (CSV)",
    documented_by=(
        "MicrosoftDocs/entra-docs, docs/identity/users/users-bulk-download.md (attribute list, "
        "ms.date 2023-09-08), read 2026-12-02; office365itpros.com/2021/03/30/azure-ad-manager-"
        "report and practical365.com/azure-ad-user-account-manager (manager from Graph "
        "PowerShell, added as the manager's UPN), read 2026-12-02"
    ),
    notes=(
        "The download has no manager column: add the manager's UPN (or employeeId) and the "
        "person's employeeId as extra columns. Without employeeId the UPN is the person_id. "
        "email is 'mail', else the UPN. Guests (userType Guest, #EXT# in the UPN) and disabled "
        "accounts (accountEnabled False: former staff, shared mailboxes, rooms) are left out. "
        "Older downloads write id/officeLocation/mobilePhone instead of objectId/"
        "physicalDeliveryOfficeName/mobile; both read alike."
    ),
    table="people",
    fingerprint=("userPrincipalName", "displayName", "userType", "accountEnabled"),
    optional_headers=(
        "surname",
        "mail",
        "givenName",
        "objectId",
        "jobTitle",
        "department",
        "usageLocation",
        "city",
        "country",
        "telephoneNumber",
        "alternateEmailAddress",
        "employeeId",
    ),
    fields=(
        FieldRule("person_id", ("employeeId", "employee ID")),
        FieldRule("name", ("displayName",)),
        FieldRule("email", ("mail",)),
        FieldRule("title", ("jobTitle",)),
        FieldRule("department", ("department",)),
        FieldRule(
            "manager_id",
            (
                "managerEmployeeId",
                "managerUserPrincipalName",
                "managerUPN",
                "manager UPN",
                "manager",
                "managerMail",
                "manager email",
            ),
        ),
    ),
    derived={"person_id": "{userPrincipalName}", "email": "{userPrincipalName}"},
    drop_rows=(
        RowRule("guest accounts", pattern="guest", header="userType"),
        RowRule("guest accounts", pattern=r".*#EXT#.*", header="userPrincipalName"),
        RowRule(
            "disabled accounts (former staff, shared mailboxes, rooms)",
            pattern="false|no",
            header="accountEnabled",
        ),
    ),
)

GOOGLE_WORKSPACE = Preset(
    id="google_workspace_users",
    tool="Google Workspace",
    export="Admin console › Users › Download users (CSV)",
    documented_by=(
        "Google Workspace Admin Help, 'Download a list of users'; public scripts and samples of "
        "the downloaded header (34-column variant with Total Storage; 38-column variant with "
        "Photos Usage, Storage limit, Storage Used, Gemini Limit Status), read 2026-12-02"
    ),
    notes=(
        "Headers carry [Required], [READ ONLY] and [UPLOAD ONLY] suffixes. person_id is the "
        "Employee ID, else the email address. The department is 'Department' (not Cost Center, "
        "not the Org Unit Path). Suspended and archived users are left out; Workspace has no "
        "marker for service accounts, so delete those rows or map them out in the mapping step."
    ),
    table="people",
    fingerprint=("First Name [Required]", "Last Name [Required]", "Email Address [Required]"),
    optional_headers=(
        "Org Unit Path [Required]",
        "Status [READ ONLY]",
        "Last Sign In [READ ONLY]",
        "Employee ID",
        "Employee Type",
        "Employee Title",
        "Manager Email",
        "Department",
        "Cost Center",
        "2sv Enrolled [READ ONLY]",
    ),
    file_pattern=r"User_Download_\d{8}_\d{6}",
    fields=(
        FieldRule("person_id", ("Employee ID",)),
        FieldRule("email", ("Email Address [Required]",)),
        FieldRule("title", ("Employee Title",)),
        FieldRule("department", ("Department",)),
        FieldRule("manager_id", ("Manager Email",)),
    ),
    derived={
        "person_id": "{Email Address [Required]}",
        "name": "{First Name [Required]} {Last Name [Required]}",
    },
    drop_rows=(
        RowRule(
            "suspended or archived users", pattern="suspended|archived", header="Status [READ ONLY]"
        ),
    ),
)

PRESETS: tuple[Preset, ...] = (WORKDAY, BAMBOOHR, SUCCESSFACTORS, ENTRA, GOOGLE_WORKSPACE)
