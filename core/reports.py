"""The yearly report's registry. The council follows the strategy up once a year: events held,
statements and initiatives, cooperation, funding informed, the association field. Each app
counts its own part: it registers a `Section` whose `tables(years)` gives `Table`s with one
column per year, and the report (the `reports` app: the admin view, its CSV and XLSX, the
public page) shows every registered section in order. No app of ours is imported here.

    from core import reports

    @reports.register
    class FundingSection(reports.Section):
        key, order = "funding", 60

        def title(self):
            return _("Funding calls informed")

        def tables(self, years):
            return [reports.Table(_("By type of funder"), _("Type of funder"), rows=...)]
"""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

ZONE = ZoneInfo(settings.TIME_ZONE)


@dataclasses.dataclass
class Row:
    label: str
    values: list  # one number per year of the report, in the same order


@dataclasses.dataclass
class Table:
    """One table of a section: a label column and one column of numbers per year. `unit`
    names what is counted (the numbers' column heading); `total` adds a total row (off for
    shares and for rows that overlap, such as themes)."""

    title: str
    column: str
    rows: list
    unit: str = ""
    total: bool = True
    percent: bool = False  # the numbers are shares in per cent
    note: str = ""

    def totals(self, years):
        return [sum(row.values[index] for row in self.rows) for index in range(len(years))]


class Section:
    """What one app reports. `order` places it in the report."""

    key = ""
    order = 100

    def title(self):
        raise NotImplementedError

    def tables(self, years):
        raise NotImplementedError


_sections = []


def register(section_class):
    """Class decorator: add one instance of `section_class` to the report (once)."""
    if not any(type(section) is section_class for section in _sections):
        _sections.append(section_class())
    return section_class


def sections():
    return sorted(_sections, key=lambda section: (section.order, section.key))


# --- helpers for the sections ------------------------------------------------------------------


def year_bounds(year):
    """[start, end) of a calendar year in Finnish time."""
    return (
        datetime.datetime(year, 1, 1, tzinfo=ZONE),
        datetime.datetime(year + 1, 1, 1, tzinfo=ZONE),
    )


def rows_from_counts(choices, counts, *, keep_empty=False):
    """Rows in the order of `choices` ((key, label) pairs) from `counts`, one {key: number}
    dict per year; a key counted but not among the choices is listed after them under its
    own name. Rows that are zero every year are left out unless `keep_empty`."""
    labels = dict(choices)
    keys = list(labels) + sorted(
        {key for by_key in counts for key in by_key if key not in labels}, key=str
    )
    rows = []
    for key in keys:
        values = [by_key.get(key, 0) for by_key in counts]
        if keep_empty or any(values):
            rows.append(Row(str(labels.get(key, key)), values))
    return rows


def share(part, whole):
    """`part` of `whole` in per cent, one decimal (0 when there is no whole)."""
    return round(100 * part / whole, 1) if whole else 0.0
