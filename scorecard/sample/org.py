"""The sample company's people: a CEO, seven chiefs, and VPs → Directors → Managers → Staff.

Every person reports to someone one tier up in their own department (the chiefs report to the
CEO), spread round-robin with a random offset so spans differ a little, as in a real roster.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.schema import TIERS

#: Heads per tier below the chief: (VPs, Directors, Managers, Staff).
DEPARTMENTS: dict[str, tuple[int, int, int, int]] = {
    "Marketing": (2, 4, 8, 38),
    "Sales": (3, 6, 12, 70),
    "Customer Experience": (2, 4, 10, 55),
    "HR": (1, 2, 4, 22),
    "Engineering": (2, 5, 10, 55),
    "Finance": (1, 2, 4, 22),
    "Operations": (1, 3, 6, 37),
}

CHIEFS: dict[str, str] = {
    "Marketing": "Chief Marketing Officer",
    "Sales": "Chief Revenue Officer",
    "Customer Experience": "Chief Customer Officer",
    "HR": "Chief Human Resources Officer",
    "Engineering": "Chief Technology Officer",
    "Finance": "Chief Financial Officer",
    "Operations": "Chief Operating Officer",
}

#: Titles per department for VP, Director, Manager and Staff (picked at random per person).
TITLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "Marketing": (
        ("VP Brand", "VP Demand Generation", "VP Product Marketing"),
        (
            "Director of Content",
            "Director of Communications",
            "Director of Digital Marketing",
            "Director of Events",
        ),
        (
            "Social Media Manager",
            "Content Marketing Manager",
            "Campaign Manager",
            "Brand Manager",
            "PR Manager",
        ),
        (
            "Marketing Specialist",
            "Content Writer",
            "Graphic Designer",
            "Social Media Coordinator",
            "Marketing Analyst",
            "SEO Specialist",
            "Events Coordinator",
        ),
    ),
    "Sales": (
        ("VP Sales, Americas", "VP Sales, EMEA", "VP Sales, APAC", "VP Enterprise Sales"),
        (
            "Regional Sales Director",
            "Director of Sales Development",
            "Director of Partnerships",
            "Director of Enterprise Accounts",
        ),
        ("Sales Manager", "Account Management Lead", "SDR Manager", "Partner Manager"),
        (
            "Account Executive",
            "Sales Development Representative",
            "Account Manager",
            "Sales Engineer",
            "Senior Account Executive",
            "Inside Sales Representative",
        ),
    ),
    "Customer Experience": (
        ("VP Customer Experience", "VP Customer Success", "VP Support"),
        (
            "Director of Customer Support",
            "Director of Customer Success",
            "Director of Service Quality",
        ),
        (
            "Support Team Manager",
            "Customer Success Manager",
            "Community Manager",
            "Service Desk Manager",
        ),
        (
            "Customer Support Specialist",
            "Customer Success Associate",
            "Support Agent",
            "Community Moderator",
            "Technical Support Specialist",
            "Onboarding Specialist",
        ),
    ),
    "HR": (
        ("VP People",),
        (
            "Director of Talent Acquisition",
            "Director of People Operations",
            "Director of Learning and Development",
        ),
        (
            "Recruiting Manager",
            "HR Business Partner",
            "Employer Brand Manager",
            "People Operations Manager",
        ),
        (
            "Recruiter",
            "HR Generalist",
            "Talent Sourcer",
            "HR Coordinator",
            "Learning Specialist",
            "Payroll Specialist",
        ),
    ),
    "Engineering": (
        ("VP Engineering", "VP Platform", "VP Product"),
        (
            "Director of Engineering",
            "Director of Infrastructure",
            "Director of Data",
            "Director of Security",
        ),
        ("Engineering Manager", "QA Manager", "Product Manager", "DevOps Manager"),
        (
            "Software Engineer",
            "Senior Software Engineer",
            "Data Engineer",
            "QA Engineer",
            "Site Reliability Engineer",
            "UX Designer",
            "Data Scientist",
        ),
    ),
    "Finance": (
        ("VP Finance",),
        ("Director of FP&A", "Controller", "Director of Procurement"),
        ("Accounting Manager", "FP&A Manager", "Payroll Manager", "Treasury Manager"),
        (
            "Financial Analyst",
            "Accountant",
            "Accounts Payable Specialist",
            "Senior Accountant",
            "Billing Specialist",
            "Procurement Analyst",
        ),
    ),
    "Operations": (
        ("VP Operations",),
        ("Director of Facilities", "Director of Supply Chain", "Director of IT"),
        ("Operations Manager", "Facilities Manager", "Logistics Manager", "IT Manager"),
        (
            "Operations Analyst",
            "Logistics Coordinator",
            "IT Support Specialist",
            "Facilities Coordinator",
            "Office Manager",
            "Business Analyst",
        ),
    ),
}

FIRST_NAMES: tuple[str, ...] = (
    "Aisha",
    "Alejandro",
    "Amara",
    "Ana",
    "Andrei",
    "Anjali",
    "Arjun",
    "Astrid",
    "Ayumi",
    "Ben",
    "Bianca",
    "Carlos",
    "Chen",
    "Chiara",
    "Chloe",
    "Daniel",
    "Dara",
    "David",
    "Deepa",
    "Diego",
    "Elena",
    "Emeka",
    "Emily",
    "Emma",
    "Fatima",
    "Felix",
    "Gabriel",
    "Grace",
    "Hana",
    "Hassan",
    "Ingrid",
    "Isabel",
    "Ivan",
    "Jamal",
    "James",
    "Jin",
    "Joao",
    "Julia",
    "Kai",
    "Kavya",
    "Kenji",
    "Kofi",
    "Laila",
    "Lars",
    "Leila",
    "Liam",
    "Lucia",
    "Luis",
    "Maya",
    "Mei",
    "Mateo",
    "Mohammed",
    "Nadia",
    "Naomi",
    "Nia",
    "Nikhil",
    "Noah",
    "Olivia",
    "Omar",
    "Oskar",
    "Priya",
    "Rafael",
    "Rania",
    "Ravi",
    "Rosa",
    "Ruth",
    "Sakura",
    "Samuel",
    "Sara",
    "Sean",
    "Sofia",
    "Sunil",
    "Tariq",
    "Thomas",
    "Tomasz",
    "Valentina",
    "Wei",
    "Yara",
    "Yusuf",
    "Zanele",
    "Zoe",
)
LAST_NAMES: tuple[str, ...] = (
    "Abadi",
    "Adeyemi",
    "Andersen",
    "Bauer",
    "Becker",
    "Bianchi",
    "Brennan",
    "Byrne",
    "Campbell",
    "Chen",
    "Costa",
    "Dlamini",
    "Dubois",
    "Eriksson",
    "Fernandes",
    "Fischer",
    "Garcia",
    "Gomez",
    "Gupta",
    "Haddad",
    "Hansen",
    "Hernandez",
    "Hoang",
    "Ibrahim",
    "Ito",
    "Jensen",
    "Johnson",
    "Kaur",
    "Khan",
    "Kim",
    "Kowalski",
    "Kumar",
    "Larsen",
    "Lee",
    "Lopez",
    "Mahlangu",
    "Martin",
    "Mendes",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Nguyen",
    "Novak",
    "Nowak",
    "Okafor",
    "Okonkwo",
    "Olsen",
    "Osei",
    "Park",
    "Patel",
    "Petrov",
    "Popescu",
    "Reyes",
    "Rossi",
    "Santos",
    "Sato",
    "Schmidt",
    "Shah",
    "Silva",
    "Singh",
    "Smith",
    "Sokolova",
    "Suzuki",
    "Tanaka",
    "Torres",
    "Vargas",
    "Walsh",
    "Wang",
    "Williams",
    "Wong",
    "Yilmaz",
    "Zhang",
)

#: Loaded hourly cost: median per tier (index into TIERS), spread lognormal sigma 0.15.
HOURLY_COST = np.array([260.0, 170.0, 125.0, 90.0, 52.0])
#: Followers: median per tier, heavy-tailed (lognormal sigma 0.9).
FOLLOWERS = np.array([7000.0, 2600.0, 1300.0, 700.0, 280.0])


def _skeleton(rng: np.random.Generator) -> pd.DataFrame:
    """Positions, departments, tiers, titles and manager positions (no names or IDs yet)."""
    rows: list[tuple[str, int, str, int]] = [("Operations", 0, "Chief Executive Officer", -1)]
    for department, title in CHIEFS.items():
        rows.append((department, 0, title, 0))
    for department, counts in DEPARTMENTS.items():
        above = [next(i for i, r in enumerate(rows) if r[2] == CHIEFS[department])]
        for tier, (count, titles) in enumerate(zip(counts, TITLES[department], strict=True), 1):
            offset = int(rng.integers(len(above)))
            picks = rng.choice(len(titles), size=count)
            level = []
            for k in range(count):
                level.append(len(rows))
                rows.append((department, tier, titles[picks[k]], above[(k + offset) % len(above)]))
            above = level
    return pd.DataFrame(rows, columns=["department", "tier_level", "title", "manager_pos"])


def _names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct full names drawn from the first and last name lists."""
    combos = rng.choice(len(FIRST_NAMES) * len(LAST_NAMES), size=n, replace=False)
    first, last = np.divmod(combos, len(LAST_NAMES))
    return [f"{FIRST_NAMES[f]} {LAST_NAMES[s]}" for f, s in zip(first, last, strict=True)]


def build_people(rng: np.random.Generator) -> pd.DataFrame:
    """The people table (schema columns) plus ``tier_level`` (0 = C-suite … 4 = Staff).

    person_id is the 1-based position zero-padded to four digits ("0001" is the CEO).
    """
    skeleton = _skeleton(rng)
    n = len(skeleton)
    ids = np.array([f"{i:04d}" for i in range(1, n + 1)], dtype=object)
    level = skeleton["tier_level"].to_numpy()
    manager_pos = skeleton["manager_pos"].to_numpy()
    hourly = np.round(HOURLY_COST[level] * rng.lognormal(0.0, 0.15, n) / 5) * 5
    followers = np.round(FOLLOWERS[level] * rng.lognormal(0.0, 0.9, n), -1)
    followers[0] = 24_000.0  # the CEO's audience dwarfs the rest
    # Some HR exports leave the cost blank: those people take hourly_cost_default.
    hourly[(level == 4) & (rng.random(n) < 0.04)] = np.nan
    return pd.DataFrame(
        {
            "person_id": pd.Series(ids, dtype="str"),
            "name": pd.Series(_names(rng, n), dtype="str"),
            "title": skeleton["title"].astype("str"),
            "department": skeleton["department"].astype("str"),
            "manager_id": pd.Series(
                np.where(manager_pos >= 0, ids[manager_pos], None), dtype="str"
            ),
            "tier": pd.Series(np.array(TIERS, dtype=object)[level], dtype="str"),
            "hourly_cost": hourly,
            "followers": followers,
            "tier_level": level,
            "manager_pos": manager_pos,
        }
    )
