"""The saved searches in the yearly report: email alerts confirmed in each year, by the list
they search, and how many were still on at the year's end. An unsubscribed search is deleted
with its address, so the count at an earlier year's end includes only those still on now."""

from django.db.models import Count
from django.utils.translation import gettext as _

from . import alerts, reports
from .models import SavedSearch


def _by_listing(searches):
    """{listing name: number} of `searches`, by the kind of list (the catalogue, funding)."""
    counts = {}
    for content_type_id, number in (
        searches.order_by()
        .values("listing__content_type")
        .annotate(n=Count("pk"))
        .values_list("listing__content_type", "n")
    ):
        listing = alerts.listing_for_content_type(content_type_id)
        name = str(listing.form_title()) if listing else _("Other lists")
        counts[name] = counts.get(name, 0) + number
    return counts


@reports.register
class AlertsSection(reports.Section):
    key, order = "alerts", 90

    def title(self):
        return _("Email alerts")

    def tables(self, years):
        confirmed = SavedSearch.objects.filter(confirmed_at__isnull=False)
        new, on = [], []
        for year in years:
            start, end = reports.year_bounds(year)
            new.append(_by_listing(confirmed.filter(confirmed_at__gte=start, confirmed_at__lt=end)))
            on.append(_by_listing(confirmed.filter(confirmed_at__lt=end)))
        return [
            reports.Table(
                _("Alerts confirmed in the year"),
                _("List"),
                reports.rows_from_counts([], new),
                unit=_("saved searches"),
            ),
            reports.Table(
                _("Alerts on at the end of the year"),
                _("List"),
                reports.rows_from_counts([], on),
                unit=_("saved searches"),
                note=_(
                    "Unsubscribing deletes a search, so an earlier year counts only the "
                    "searches still on today."
                ),
            ),
        ]
