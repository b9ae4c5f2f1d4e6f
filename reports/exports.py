"""The yearly report as CSV (semicolon-separated, as Finnish Excel opens it) and XLSX (a
sheet per section), with the same figures as the page."""

import io

from openpyxl import Workbook

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from core.csv import SafeWriter, safe_cell

from .build import flat_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_response(report, years, filename):
    stream = io.StringIO()
    SafeWriter(stream, delimiter=";").writerows(flat_rows(report, years))
    response = HttpResponse(
        "\ufeff" + stream.getvalue(), content_type="text/csv; charset=utf-8"
    )  # the byte order mark tells Excel the file is UTF-8
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.csv")
    return response


def _sheet_title(title, used):
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title)[:31].strip()
    name, number = cleaned or "Sheet", 2
    while name in used:
        suffix = f" {number}"
        name, number = cleaned[: 31 - len(suffix)] + suffix, number + 1
    used.add(name)
    return name


def xlsx_response(report, years, filename):
    workbook = Workbook()
    workbook.remove(workbook.active)
    used = set()
    heading, *rows = flat_rows(report, years)
    for section in report:
        sheet = workbook.create_sheet(_sheet_title(section["title"], used))
        sheet.append([safe_cell(cell) for cell in heading[1:]])
        for row in rows:
            if row[0] == section["title"]:
                sheet.append([safe_cell(cell) for cell in row[1:]])
        sheet.column_dimensions["A"].width = 36
        sheet.column_dimensions["B"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.xlsx")
    return response
