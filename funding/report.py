"""The funding part of the yearly report: the calls the site informed of in each year (first
published then; each call counted once, whatever its languages, also if since unpublished),
by type of funder and by type of funding."""

from django.db.models import Count
from django.utils.translation import gettext as _

from core import reports

from .models import FunderType, FundingOpportunityPage, Instrument


def _counts(year, field):
    start, end = reports.year_bounds(year)
    return dict(
        FundingOpportunityPage.objects.filter(
            first_published_at__gte=start, first_published_at__lt=end
        )
        .order_by()
        .values(field)
        .annotate(n=Count("translation_key", distinct=True))
        .values_list(field, "n")
    )


@reports.register
class FundingSection(reports.Section):
    key, order = "funding", 60

    def title(self):
        return _("Funding calls informed")

    def tables(self, years):
        return [
            reports.Table(
                _("By type of funder"),
                _("Type of funder"),
                reports.rows_from_counts(
                    FunderType.choices, [_counts(year, "funder__funder_type") for year in years]
                ),
                unit=_("calls"),
            ),
            reports.Table(
                _("By type of funding"),
                _("Type of funding"),
                reports.rows_from_counts(
                    Instrument.choices, [_counts(year, "instrument") for year in years]
                ),
                unit=_("calls"),
            ),
        ]
