"""The yearly report for editors in the Wagtail admin (Reports › Yearly report): a year and
the year before beside it, each section a table with its chart, and the same figures as CSV
and XLSX."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from associations.permissions import is_editor

from .build import EARLIEST_YEAR, build, parse_year, years_of
from .exports import csv_response, xlsx_response


def yearly_report_view(request):
    if not (request.user.is_active and is_editor(request.user)):
        raise PermissionDenied
    year, error = parse_year(request.GET.get("year"))
    years = years_of(year)
    export = request.GET.get("format", "")
    if export and not error:
        report = build(year)
        filename = _("yearly-report-%(year)d") % {"year": year}
        if export == "csv":
            return csv_response(report, years, filename)
        if export == "xlsx":
            return xlsx_response(report, years, filename)
        error = _("The file can be CSV or XLSX.")
    return TemplateResponse(
        request,
        "reports/admin/yearly_report.html",
        {
            "year": year,
            "years": years,
            "error": error,
            "report": build(year),
            "year_choices": list(range(timezone.localdate().year, EARLIEST_YEAR - 1, -1)),
        },
        status=400 if error else 200,
    )
