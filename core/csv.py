"""Every CSV file the site writes goes through here, so that none can run a formula.

Spreadsheets (Excel, LibreOffice, Google Sheets) read a cell that starts with `=`, `+`, `-`,
`@`, a tab or a carriage return as a formula: a registrant named `=HYPERLINK("http://…")`
would put a link, or worse, into the organiser's spreadsheet. Such a cell is written with a
leading apostrophe, which spreadsheets show as plain text (OWASP's advice on CSV injection).
"""

import csv

from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as a spreadsheet reads it as text; numbers, dates and None pass unchanged."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """`csv.writer` whose every cell goes through `safe_cell`."""

    def __init__(self, stream, **options):
        self.writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self.writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class SafeSpreadsheetExportMixin:
    """For a Wagtail admin listing with `list_export`: its CSV download through `safe_cell`.
    (Its XLSX download already stores every cell as text, never as a formula.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value
