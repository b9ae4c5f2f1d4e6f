"""The feeds' readers in the yearly report: how many different calendar programs and news
readers read the site's feeds on an average day of the year, and on the busiest day
(`FeedReadersDay`, kept nightly)."""

from django.db.models import Avg, Max
from django.utils.translation import gettext as _

from core import reports

from .models import FeedReaderKind, FeedReadersDay


@reports.register
class FeedReadersSection(reports.Section):
    key, order = "feed-readers", 95

    def title(self):
        return _("Calendar subscribers and news readers")

    def tables(self, years):
        figures = {}
        for year in years:
            for kind, average, most in (
                FeedReadersDay.objects.filter(day__year=year)
                .values("kind")
                .annotate(average=Avg("readers"), most=Max("readers"))
                .values_list("kind", "average", "most")
            ):
                figures[year, kind] = (round(average or 0, 1), most or 0)
        rows = []
        for kind, label in FeedReaderKind.choices:
            rows.append(
                reports.Row(
                    _("%(kind)s on an average day") % {"kind": label},
                    [figures.get((year, kind), (0, 0))[0] for year in years],
                )
            )
            rows.append(
                reports.Row(
                    _("%(kind)s on the busiest day") % {"kind": label},
                    [figures.get((year, kind), (0, 0))[1] for year in years],
                )
            )
        return [
            reports.Table(
                _("Different programs reading the feeds"),
                _("Readers"),
                rows,
                total=False,
                note=_(
                    "A reader is one program at one address in a day; nothing about it is "
                    "kept. Days before counting began have none."
                ),
            )
        ]
