"""The association field in the yearly report: the directory's size at the end of each year
and its growth, by sub-region, and how much of the register it covers, from the yearly
snapshots (`DirectorySnapshot`); a year whose snapshot is not taken yet (the year still
running) reads today's figures."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core import reports
from core.regions import SubRegion

from .models import DirectorySettings, DirectorySnapshot, RegisterBaseline
from .statistics import snapshot_figures


def _figures(years):
    """{year: figures} with a snapshot's figures, or today's for the year running."""
    snapshots = {
        snapshot.year: {
            "total": snapshot.total,
            "by_sub_region": snapshot.by_sub_region,
        }
        for snapshot in DirectorySnapshot.objects.filter(year__in=[years[0] - 1, *years])
    }
    this_year = timezone.localdate().year
    if this_year in [years[0] - 1, *years] and this_year not in snapshots:
        snapshots[this_year] = snapshot_figures()
    return snapshots


def _registered(year):
    baseline = (
        RegisterBaseline.objects.filter(settings=DirectorySettings.load(), year__lte=year)
        .order_by("-year")
        .first()
    )
    return baseline.registered if baseline else 0


@reports.register
class DirectorySection(reports.Section):
    key, order = "directory", 80

    def title(self):
        return _("The association directory")

    def tables(self, years):
        figures = _figures(years)

        def total(year):
            return figures.get(year, {}).get("total", 0)

        def growth(year):
            if year not in figures or year - 1 not in figures:
                return 0
            return total(year) - total(year - 1)

        registered = [_registered(year) for year in years]
        return [
            reports.Table(
                _("Associations listed at the end of the year"),
                _("Sub-region"),
                reports.rows_from_counts(
                    SubRegion.choices,
                    [figures.get(year, {}).get("by_sub_region", {}) for year in years],
                    keep_empty=True,
                ),
                unit=_("associations"),
            ),
            reports.Table(
                _("Size, growth and coverage of the register"),
                _("Figure"),
                [
                    reports.Row(_("Associations listed"), [total(year) for year in years]),
                    reports.Row(_("Growth on the year before"), [growth(y) for y in years]),
                    reports.Row(_("Registered associations in the region"), registered),
                    reports.Row(
                        _("Share of the register listed (%)"),
                        [
                            reports.share(total(year), number)
                            for year, number in zip(years, registered, strict=True)
                        ],
                    ),
                ],
                total=False,
                note=_(
                    "The register's figure is the one editors keep in the settings for the "
                    "year or the latest before it."
                ),
            ),
        ]
