"""The association knowledge package: counts by field, sub-region and municipality, computed
from the live profiles of one language (every association has one page per language)."""

from dataclasses import dataclass

from django.db.models import Count

from core.regions import Municipality, SubRegion, municipalities_of

from .models import AssociationFieldLink, AssociationPage, FieldOfActivity


@dataclass
class Bar:
    key: str
    label: str
    count: int
    percent: float = 0.0
    y: int = 0
    width: int = 0


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
    by_field = [Bar(f.slug, f.name, field_counts.get(f.translation_key, 0)) for f in fields]
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
