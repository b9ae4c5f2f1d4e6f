"""The report of a year beside the year before: every registered section's tables with their
charts, and the same figures as CSV and XLSX rows."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core import reports

from .charts import chart_of

EARLIEST_YEAR = 2015


def default_year(today=None):
    """The last full year: the report is made in January for the year before."""
    return (today or timezone.localdate()).year - 1


def parse_year(value, today=None):
    """(year, error): the year asked for, or the default and a message saying why not."""
    latest = (today or timezone.localdate()).year
    if value in (None, ""):
        return default_year(today), ""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default_year(today), _("“%(value)s” is not a year.") % {"value": str(value)[:20]}
    if not EARLIEST_YEAR <= year <= latest:
        return default_year(today), _("Choose a year between %(first)d and %(last)d.") % {
            "first": EARLIEST_YEAR,
            "last": latest,
        }
    return year, ""


def years_of(year):
    return [year - 1, year]


def build(year):
    """[{key, title, tables: [{id, table, chart, totals}]}] for `year` and the year before."""
    years = years_of(year)
    built = []
    for section in reports.sections():
        tables = [
            {
                "id": f"report-{section.key}-{number}",
                "table": table,
                "chart": chart_of(table, years),
                "totals": table.totals(years) if table.total else None,
            }
            for number, table in enumerate(section.tables(years), start=1)
        ]
        built.append({"key": section.key, "title": section.title(), "tables": tables})
    return built


def flat_rows(report, years):
    """The report as rows for a spreadsheet: a heading row, then section, table, label and
    one number per year; each table's total as a row of its own."""
    rows = [[_("Section"), _("Table"), _("Row"), *[str(year) for year in years]]]
    for section in report:
        for entry in section["tables"]:
            table = entry["table"]
            for row in table.rows:
                rows.append([section["title"], table.title, row.label, *row.values])
            if entry["totals"] is not None:
                rows.append([section["title"], table.title, _("Total"), *entry["totals"]])
    return rows
