"""Source presets: how one tool's export becomes a table of the contract, as plain data.

A :class:`Preset` says how to recognise an export (``fingerprint`` headers, ``file_pattern``,
``sheets``) and how to read it (``fields``, ``constants``, ``derived``, ``drop_rows``, dates,
numbers, blanks, ``account_from``, ``outcome_rules``). It holds no code: the engine
(:mod:`scorecard.sources.apply`) interprets it, the registry (:mod:`scorecard.sources.registry`)
collects every ``PRESETS`` tuple of ``scorecard/sources/presets/*.py``, and a user's saved
mapping profile is the same type stored as JSON (:meth:`Preset.to_dict` / :meth:`from_dict`).

Headers are compared through :func:`scorecard.schema.header_key` (case, spaces and punctuation
ignored). Worked example, an imaginary "Chirp" analytics CSV (``chirp_@ada_2026-03.csv``)::

    Post ID,Posted,Kind,Views,Likes,Replies,Watch time (s),Link
    p1,"Mon, Mar 02, 2026",Photo,"1,200",40,3,90,https://chirp.example/@ada/p1
    Total,,,"1,200",40,3,90,

    CHIRP = Preset(
        id="chirp_posts", tool="Chirp", export="Analytics › Posts › Export CSV",
        documented_by="https://help.chirp.example/export (2026-01-10)",
        table="activity",
        fingerprint=("Post ID", "Posted", "Kind", "Views"),
        optional_headers=("Likes", "Replies", "Watch time (s)", "Link"),
        file_pattern=r"chirp_@(?P<account>[A-Za-z0-9_]+)_.*\\.csv",
        fields=(
            FieldRule("post_id", ("Post ID",)),
            FieldRule("date", ("Posted",)),
            FieldRule("action", ("Kind",), vocabulary={"photo": "post", "clip": "video",
                                                       "reply": "reply"}, default="post"),
            FieldRule("impressions", ("Impressions", "Views")),   # first present wins
            FieldRule("reactions", ("Likes",)),
            FieldRule("comments_received", ("Replies",)),
            FieldRule("minutes", ("Watch time (s)",), unit="seconds"),
            FieldRule("url", ("Link",)),
        ),
        constants={"channel": "Chirp"},
        drop_rows=(RowRule("total row", header="Post ID", pattern=r"total", warn=False),),
        date_formats=("%a, %b %d, %Y",),
        account_from=AccountRule(),   # the file name's ``account`` group: "ada"
    )

Applied to that file, the engine yields one ``activity`` RawTable with headers ``post_id, date,
action, impressions, reactions, comments_received, minutes, url, channel, account, person_id,
source`` and one row (Excel/CSV row 2): ``p1, 2026-03-02, post, 1200.0, 40.0, 3.0, 1.5,
https://…, Chirp, ada, ada, chirp_@ada_2026-03.csv`` (no person column, so ``person_id``
carries the account for identity resolution; ``source`` is the file name); the "Total" row is
dropped silently. ``tests/test_sources_engine.py`` pins this example (plus a second row).
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Table = Literal["people", "activity", "outcomes", "accounts"]
DateOrder = Literal["", "DMY", "MDY", "YMD"]
NumberLocale = Literal["en", "de", "fr"]

#: Export units → factor to the contract's unit (minutes for durations, a fraction for rates).
UNITS: dict[str, float] = {
    "": 1.0,
    "minutes": 1.0,
    "seconds": 1 / 60,
    "milliseconds": 1 / 60_000,
    "hours": 60.0,
    "percent": 0.01,
    "fraction": 1.0,
}
#: Written forms :attr:`FieldRule.split` understands, and the order they are rewritten to.
SPLITS: tuple[str, ...] = ("Last, First",)
#: The value of :attr:`OutcomeRule.value` that counts rows instead of summing a column.
COUNT = "count"


@dataclass(frozen=True)
class FieldRule:
    """Which export column feeds one contract column, and how its cells are rewritten.

    - ``field``: the contract column (``scorecard.schema`` name, e.g. ``impressions``).
    - ``headers``: candidate export headers in PRIORITY order; the first present wins
      (impressions ← "Impressions" before "Reach" before "Video Views"). A header repeated in
      one row names its later columns "<header>.1", "<header>.2" (side-by-side tables).
    - ``combine``: ``"first"`` (default, as above) or ``"sum"``: add every present header
      (X: shares = "Retweets" + "Quote Tweets"); blanks count as 0 when another is filled.
    - ``unit``: the export's unit, a key of :data:`UNITS` ("seconds" → minutes / 60,
      "percent" → fraction / 100). "3.2%" is always read as 0.032.
    - ``vocabulary``: export value → contract value, compared case- and space-insensitively
      (Photos/Reels/Document/Quote → post). ``default``: the value for a filled cell that the
      vocabulary lacks ("" keeps it as written, so validation can warn about it).
    - ``multi_value``: separator of a multi-value cell ("Photo; Link"): the first value is kept.
    - ``split``: the cell's written form, one of :data:`SPLITS`: "Last, First" is rewritten
      "First Last".
    """

    field: str
    headers: tuple[str, ...]
    unit: str = ""
    vocabulary: Mapping[str, str] = dataclasses.field(default_factory=dict)
    default: str = ""
    multi_value: str = ""
    split: str = ""
    combine: Literal["first", "sum"] = "first"


@dataclass(frozen=True)
class RowRule:
    """Rows that are not data: footers, totals, notes, and non-person directory rows.

    A row is dropped when the cell under ``header`` (``""``: the row's first filled cell) matches
    ``pattern`` (a regular expression, whole cell, case-insensitive; ``""`` matches a blank).
    ``position``: ``"any"`` row, only the ``"first"`` or the ``"last"`` data row. ``and_below``
    drops every row after it too (a report footer block). ``reason`` names what was dropped
    ("guest accounts"); rules with ``warn`` give ONE warning per file counting rows per reason;
    footers usually set ``warn=False``.
    """

    reason: str
    pattern: str
    header: str = ""
    position: Literal["any", "first", "last"] = "any"
    and_below: bool = False
    warn: bool = True


@dataclass(frozen=True)
class AccountRule:
    """Where a single-account export names its account (handle, page or channel).

    ``header`` empty: the ``account`` named group of the preset's ``file_pattern`` in the file
    name. ``header`` set: that column, through ``pattern`` (a regex whose ``account`` group, or
    first group, is kept; ``""`` keeps the whole cell), e.g. ``header="Post URL"``,
    ``pattern=r"x\\.com/([^/]+)/status"``.
    """

    header: str = ""
    pattern: str = ""


@dataclass(frozen=True)
class OutcomeRule:
    """One CRM metric built from matching rows, per person and calendar month.

    Rows whose every ``when`` header holds one of its values (compared case-insensitively; an
    empty tuple means "any filled cell") are grouped by ``person_from`` (blank: no person) and by
    the month of ``date_from``; each group becomes one outcomes row: ``date`` = first of the
    month, ``metric``, ``value`` = the number of rows (``value="count"``) or the sum of the
    ``value`` header, ``person_id`` = the group's person as written. Rows without a date are
    skipped with a warning.
    """

    metric: str
    date_from: str
    person_from: str = ""
    when: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    value: str = COUNT


@dataclass(frozen=True)
class RowExpansion:
    """The preset's sheet read once more: its rows are more rows of the preset's table.

    One export row may hold two kinds of activity (EveryoneSocial's per-user report: posts
    published AND shares made); one reading gives one row per export row, so the second kind
    is an expansion. It reads the same data rows as the preset with:

    - ``fields``: rules replacing the preset's rule for the same field (a rule with no headers
      leaves that field out, e.g. clicks that belong to the shares only); other fields added;
    - ``constants``: over the preset's (so a mapping step's constant, such as the period of an
      undated report, reaches every reading);
    - ``drop_rows``: INSTEAD of the preset's (rows with nothing of this kind; repeat any footer
      rule the reading needs).

    Header search, dates, numbers, blanks, derived columns and the account are the preset's.
    The rows form a second table of the same sheet with the export's row numbers, so messages
    name the export's own column ("Posts"). Leave ``post_id`` and ``url`` out of an expansion:
    rows of several files sharing them are counted once. ``reason`` names the rows ("posts
    published"). Not for CRM presets (``outcome_rules``).
    """

    reason: str
    fields: tuple[FieldRule, ...] = ()
    constants: Mapping[str, str] = dataclasses.field(default_factory=dict)
    drop_rows: tuple[RowRule, ...] = ()


@dataclass(frozen=True)
class Preset:
    """One known export layout (or a user's saved mapping profile); see the module docstring.

    Identity and documentation: ``id`` (unique, snake_case), ``tool``, ``export`` (which export,
    menu path), ``documented_by`` (public source and its date), ``notes`` (shown in the mapping
    step: aliases of the tool, caveats).

    Recognition: ``table`` (people | activity | outcomes | accounts); ``fingerprint`` (headers that
    must all be present); ``optional_headers`` (raise confidence); ``file_pattern`` (regex searched
    in the file name, case-insensitive; raises confidence; may capture ``account``); ``sheets``
    (workbook sheets to read; the file's other sheets are skipped silently; empty: any sheet);
    ``header_search_rows`` (filled rows searched for the header); ``header_rows_below`` (label
    rows under the header to skip, e.g. SuccessFactors' second header row).

    Reading: ``fields`` (ordered :class:`FieldRule`); ``constants`` (field → value for what the
    export lacks; also fills blank cells of a mapped field); ``derived`` (field → template such as
    ``"{First Name} {Last Name}"``, headers in braces, missing parts blank); ``drop_rows``
    (:class:`RowRule`); ``date_order`` ("DMY", "MDY", "YMD": how d/m/y text is read when the
    column alone cannot tell; dotted dates are day-first unless "YMD"); ``date_formats`` (strptime
    formats tried first, e.g. ``"%a, %b %d, %Y"``, ``"%Y-%m-%d %H:%M %z"``: the local date kept);
    ``number_locale`` ("en": "1,234.5"; "de"/"fr": "1.234,5" / "1 234,5"); ``blank_values`` (cells
    read as blank, compared after stripping, case-insensitively); ``account_from``
    (:class:`AccountRule`, or ``None``); ``outcome_rules`` (:class:`OutcomeRule`: when set, the
    table is ``outcomes`` and rows are aggregated instead of mapped one to one); ``expansions``
    (:class:`RowExpansion`: the sheet read again for a second kind of row).

    When no rule supplies ``person_id`` but an account is known, ``person_id`` carries the
    account, so identity resolution can find its owner.
    """

    id: str
    tool: str
    table: Table
    fingerprint: tuple[str, ...]
    export: str = ""
    documented_by: str = ""
    notes: str = ""
    optional_headers: tuple[str, ...] = ()
    file_pattern: str = ""
    sheets: tuple[str, ...] = ()
    header_search_rows: int = 20
    header_rows_below: int = 0
    fields: tuple[FieldRule, ...] = ()
    constants: Mapping[str, str] = field(default_factory=dict)
    derived: Mapping[str, str] = field(default_factory=dict)
    drop_rows: tuple[RowRule, ...] = ()
    date_order: DateOrder = ""
    date_formats: tuple[str, ...] = ()
    number_locale: NumberLocale = "en"
    blank_values: tuple[str, ...] = ("", "-", "–", "n/a", "N/A", "null", "none")
    account_from: AccountRule | None = None
    outcome_rules: tuple[OutcomeRule, ...] = ()
    expansions: tuple[RowExpansion, ...] = ()

    @property
    def label(self) -> str:
        """How the source is named to users: "LinkedIn Page content export"."""
        return f"{self.tool} {self.export}".strip() if self.export else self.tool

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (tuples become lists, nested rules dicts)."""
        return _plain(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Preset:
        """The preset :meth:`to_dict` wrote; unknown keys are refused (ValueError)."""
        return _build(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Preset:
        return cls.from_dict(json.loads(text))


def expanded(preset: Preset, expansion: RowExpansion) -> Preset:
    """The preset that reads ``preset``'s sheet the way ``expansion`` says (see
    :class:`RowExpansion`); its own expansions are none."""
    replaced = {r.field: r for r in expansion.fields}
    kept = tuple(replaced.pop(r.field, r) for r in preset.fields)
    return dataclasses.replace(
        preset,
        fields=kept + tuple(replaced.values()),
        constants={**preset.constants, **expansion.constants},
        drop_rows=expansion.drop_rows,
        expansions=(),
    )


def _plain(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


_RULE_TYPES: dict[str, type] = {
    "FieldRule": FieldRule,
    "RowRule": RowRule,
    "AccountRule": AccountRule,
    "OutcomeRule": OutcomeRule,
    "RowExpansion": RowExpansion,
}


def _build(cls: type, data: Mapping[str, Any]) -> Any:
    """A dataclass ``cls`` from plain data, converting lists back to tuples by the type hints."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__} must be an object, not {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{cls.__name__} has no field(s) {', '.join(sorted(unknown))}")
    return cls(**{key: _convert(hints[key], value) for key, value in data.items()})


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    for arg in typing.get_args(hint) or ():
        if isinstance(arg, type) and arg.__name__ in _RULE_TYPES:
            if typing.get_origin(hint) is tuple:
                return tuple(_build(arg, v) for v in value)
            return _build(arg, value)
    origin = typing.get_origin(hint)
    if origin is tuple:
        return tuple(_convert(typing.get_args(hint)[0], v) for v in value)
    if origin is Mapping or origin is dict:
        inner = typing.get_args(hint)[1]
        return {str(k): _convert(inner, v) for k, v in value.items()}
    return value
