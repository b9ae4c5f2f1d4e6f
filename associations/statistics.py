"""The association knowledge package: counts by field, sub-region and municipality, computed
from the live profiles of one language (every association has one page per language); the
yearly snapshots of those counts, the change since last year's and the coverage of the
register."""

import datetime
from dataclasses import dataclass

from django_tasks import task

from django.db.models import Count
from django.utils import timezone

from wagtail.models import Locale

from core.regions import Municipality, SubRegion, municipalities_of

from .models import (
    AssociationFieldLink,
    AssociationPage,
    DirectorySettings,
    DirectorySnapshot,
    FieldOfActivity,
    RegisterBaseline,
)

GROUPINGS = ("by_field", "by_sub_region", "by_municipality")


@dataclass
class Bar:
    key: str
    label: str
    count: int
    percent: float = 0.0
    y: int = 0
    width: int = 0
    # What a snapshot calls it in every language (a field's translation key); else `key`.
    ref: str = ""
    # The change since last year's snapshot; None without one.
    change: int | None = None


# The SVG chart's geometry: one row per bar, labels left of the bars.
ROW_HEIGHT = 28
LABEL_WIDTH = 260
BAR_MAX_WIDTH = 300


def _scaled(bars):
    top = max((bar.count for bar in bars), default=0)
    for index, bar in enumerate(bars):
        bar.percent = round(100 * bar.count / top, 1) if top else 0.0
        bar.y = index * ROW_HEIGHT
        bar.width = round(BAR_MAX_WIDTH * bar.count / top) if top else 0
    return bars


def chart_geometry(bars):
    return {
        "height": len(bars) * ROW_HEIGHT,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + BAR_MAX_WIDTH + 60,
        "row_height": ROW_HEIGHT,
    }


def association_statistics(locale):
    """{"total", "by_field", "by_sub_region", "by_municipality"}: lists of Bars, in the
    order of the taxonomy and the region."""
    live = AssociationPage.objects.live().public().filter(locale=locale)
    total = live.count()
    field_counts = dict(
        AssociationFieldLink.objects.filter(page__in=live)
        .order_by()
        .values("field__translation_key")
        .annotate(n=Count("page", distinct=True))
        .values_list("field__translation_key", "n")
    )
    fields = FieldOfActivity.objects.filter(locale=locale).order_by("sort_order", "name")
    by_field = [
        Bar(f.slug, f.name, field_counts.get(f.translation_key, 0), ref=str(f.translation_key))
        for f in fields
    ]
    municipality_counts = dict(
        live.order_by()
        .values("municipality")
        .annotate(n=Count("pk"))
        .values_list("municipality", "n")
    )
    by_municipality = [
        Bar(m.value, m.label, municipality_counts.get(m.value, 0)) for m in Municipality
    ]
    by_sub_region = [
        Bar(
            region.value,
            region.label,
            sum(municipality_counts.get(m.value, 0) for m in municipalities_of(region)),
        )
        for region in SubRegion
    ]
    return {
        "total": total,
        "by_field": _scaled(by_field),
        "by_sub_region": _scaled(by_sub_region),
        "by_municipality": _scaled(by_municipality),
    }


# ---------------------------------------------------------------------------------------------
# Over the years


def snapshot_figures(locale=None):
    """The statistics page's figures in the form a snapshot keeps them."""
    statistics = association_statistics(locale or Locale.get_default())
    return {
        "total": statistics["total"],
        **{
            grouping: {bar.ref or bar.key: bar.count for bar in statistics[grouping]}
            for grouping in GROUPINGS
        },
    }


def take_snapshot(year, now=None):
    """The directory's figures for `year`, taken once: a second call (another worker, the
    command run by hand) finds the first one's. Returns (snapshot, created)."""
    # get_or_create catches the unique year's IntegrityError of a concurrent insert and
    # returns the row that won.
    return DirectorySnapshot.objects.get_or_create(
        year=year, defaults={"taken_at": now or timezone.now(), **snapshot_figures()}
    )


def year_ended(now=None):
    """The year a snapshot taken at `now` describes: on 1 January, the year that just ended."""
    today = timezone.localtime(now or timezone.now()).date()
    return (today - datetime.timedelta(days=1)).year


@task()
def take_snapshot_task(year):
    """The worker's share of `take_directory_snapshot`."""
    snapshot, created = take_snapshot(year)
    return created


def compare_with_last_year(statistics, now=None):
    """Give every Bar of `statistics` its change since the snapshot of last year; returns
    that snapshot (None when there is none, and the changes stay None)."""
    today = timezone.localtime(now or timezone.now()).date()
    previous = DirectorySnapshot.objects.filter(year__lt=today.year).order_by("-year").first()
    if previous is None:
        return None
    for grouping in GROUPINGS:
        counts = getattr(previous, grouping)
        for bar in statistics[grouping]:
            before = counts.get(bar.ref or bar.key)
            bar.change = None if before is None else bar.count - before
    statistics["total_change"] = statistics["total"] - previous.total
    return previous


def register_coverage(total, now=None):
    """How much of the register the directory lists, against the latest register figure
    editors have given for this year or before: {"year", "registered", "percent"}, or None."""
    today = timezone.localtime(now or timezone.now()).date()
    baseline = (
        RegisterBaseline.objects.filter(settings=DirectorySettings.load(), year__lte=today.year)
        .order_by("-year")
        .first()
    )
    if baseline is None or not baseline.registered:
        return None
    return {
        "year": baseline.year,
        "registered": baseline.registered,
        "percent": round(100 * total / baseline.registered, 1),
    }
