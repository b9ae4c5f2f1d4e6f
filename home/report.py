"""The council's own work in the yearly report: statements and initiatives published (news of
those categories, each counted once whatever its languages), with their titles."""

from django.conf import settings
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import reports

from .models import NewsCategory, NewsPage

KINDS = [
    (NewsCategory.STATEMENT, NewsCategory.STATEMENT.label),
    (NewsCategory.INITIATIVE, NewsCategory.INITIATIVE.label),
]


def _published(year):
    start, end = reports.year_bounds(year)
    return NewsPage.objects.filter(
        category__in=[key for key, _label in KINDS],
        first_published_at__gte=start,
        first_published_at__lt=end,
    )


def _titles(pages):
    """Each publication's title once, in the active language when it has that version, in
    the order they were published."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    chosen = {}
    for key, code, title, published in pages.order_by("first_published_at").values_list(
        "translation_key", "locale__language_code", "title", "first_published_at"
    ):
        if key not in chosen or code == language:
            first = chosen.get(key, (None, published))[1]
            chosen[key] = (title, first)
    return [title for title, _first in sorted(chosen.values(), key=lambda item: item[1])]


@reports.register
class StatementsSection(reports.Section):
    key, order = "statements", 40

    def title(self):
        return _("Statements and initiatives")

    def tables(self, years):
        counts = [
            dict(
                _published(year)
                .order_by()
                .values("category")
                .annotate(n=Count("translation_key", distinct=True))
                .values_list("category", "n")
            )
            for year in years
        ]
        titles = _titles(_published(years[-1]))
        return [
            reports.Table(
                _("Published"),
                _("Kind"),
                reports.rows_from_counts(KINDS, counts, keep_empty=True),
                unit=_("publications"),
                note=" · ".join(titles),
            )
        ]
