"""The lending part of the yearly report: spaces and equipment shared between associations
(approved bookings where the borrowing association is not the owner), by the owner's
sub-region: space hours, equipment loans and how many different associations borrowed."""

from django.db.models import Count, F
from django.utils.translation import gettext as _

from core import reports
from core.regions import SUB_REGION_OF, SubRegion

from .models import Booking, BookingStatus, ResourceKind


def _between_associations(year):
    start, end = reports.year_bounds(year)
    return (
        Booking.objects.filter(
            status=BookingStatus.APPROVED, starts_at__gte=start, starts_at__lt=end
        )
        .exclude(association__isnull=True)
        .exclude(association_id=F("owner_id"))
    )


def _by_region(rows):
    """{sub-region: number} from (municipality, number) pairs."""
    counts = {}
    for municipality, number in rows:
        region = SUB_REGION_OF.get(municipality, "")
        counts[region] = counts.get(region, 0) + number
    return counts


def _space_hours(year):
    bookings = _between_associations(year).filter(kind=ResourceKind.SPACE)
    hours = {}
    for municipality, starts_at, ends_at in bookings.values_list(
        "municipality", "starts_at", "ends_at"
    ):
        hours[municipality] = hours.get(municipality, 0) + (ends_at - starts_at).total_seconds()
    return {
        region: round(seconds / 3600, 1) for region, seconds in _by_region(hours.items()).items()
    }


def _loans(year):
    return _by_region(
        _between_associations(year)
        .filter(kind=ResourceKind.EQUIPMENT)
        .order_by()
        .values("municipality")
        .annotate(n=Count("pk"))
        .values_list("municipality", "n")
    )


def _borrowers(year):
    """Different borrowing associations per sub-region (one association may borrow in two)."""
    pairs = set(
        _between_associations(year).values_list("municipality", "association__translation_key")
    )
    return _by_region((municipality, 1) for municipality, _key in pairs)


@reports.register
class LendingSection(reports.Section):
    key, order = "lending", 70

    def title(self):
        return _("Spaces and equipment shared between associations")

    def tables(self, years):
        borrowers = [_borrowers(year) for year in years]
        everyone = []
        for year in years:
            everyone.append(
                _between_associations(year)
                .values("association__translation_key")
                .distinct()
                .count()
            )
        return [
            reports.Table(
                _("Hours of shared spaces"),
                _("Sub-region"),
                reports.rows_from_counts(
                    SubRegion.choices, [_space_hours(year) for year in years], keep_empty=True
                ),
                unit=_("hours"),
            ),
            reports.Table(
                _("Equipment loans"),
                _("Sub-region"),
                reports.rows_from_counts(
                    SubRegion.choices, [_loans(year) for year in years], keep_empty=True
                ),
                unit=_("loans"),
            ),
            reports.Table(
                _("Different borrowing associations"),
                _("Sub-region"),
                reports.rows_from_counts(SubRegion.choices, borrowers, keep_empty=True)
                + [reports.Row(_("The whole region, each association once"), everyone)],
                unit=_("associations"),
                total=False,
            ),
        ]
