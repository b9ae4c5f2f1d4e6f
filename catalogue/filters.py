"""The one parser of catalogue filters, for the HTML catalogue and the calendar feeds alike.

It reads a QueryDict and gives back the valid filters and a list of problems. The HTML page
ignores the invalid values and shows the problems as a note (status 200); a feed answers
400 with the same messages. Either way the problems are found here and nowhere else.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import EARLIEST, LATEST
from core.languages import Language
from core.query_params import BaseFilters, QueryReader
from core.regions import PLACE_CHOICES, SubRegion

from .models import Format, Kind

MAX_QUERY_LENGTH = 200
MULTI_PARAMS = (
    "theme",
    "kind",
    "format",
    "region",
    "municipality",
    "language",
    "organiser",
    "network",
)
SINGLE_PARAMS = ("q", "when", "from", "to", "free", "open", "view", "month", "page")
WHEN_CHOICES = ("today", "week", "month")
VIEW_CHOICES = ("list", "month")


@dataclass
class CatalogueFilters(BaseFilters):
    """Valid filters, ready to apply to an `OccurrenceQuerySet`."""

    q: str = ""
    when: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    themes: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    formats: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    organisers: list = field(default_factory=list)
    networks: list = field(default_factory=list)
    free: bool = False
    open_to_others: bool = False
    view: str = "list"
    month: datetime.date | None = None
    page: str = "1"

    presentation = ("view", "month", "page")

    def date_range(self, today=None):
        """(first_day, last_day) that the date filters ask for; either may be None."""
        today = today or timezone.localdate()
        if self.when == "today":
            return today, today
        if self.when == "week":
            monday = today - datetime.timedelta(days=today.weekday())
            return monday, monday + datetime.timedelta(days=6)
        if self.when == "month":
            first = today.replace(day=1)
            return first, month_end(first)
        return self.date_from, self.date_to

    def apply(self, occurrences, *, dates=True):
        """Narrow `occurrences` by every filter (dates too, unless `dates` is False)."""
        if dates:
            first, last = self.date_range()
            if first or last:
                occurrences = occurrences.on_days(
                    first or datetime.date.min.replace(year=1900),
                    last or datetime.date.max.replace(year=9000),
                )
        if self.themes:
            occurrences = occurrences.with_theme(*self.themes)
        if self.kinds:
            occurrences = occurrences.of_kind(*self.kinds)
        if self.formats:
            occurrences = occurrences.in_format(*self.formats)
        if self.regions:
            occurrences = occurrences.in_region(*self.regions)
        if self.municipalities:
            occurrences = occurrences.in_municipality(*self.municipalities)
        if self.languages:
            occurrences = occurrences.in_language(*self.languages)
        if self.organisers:
            occurrences = occurrences.by_organiser(*self.organisers)
        if self.networks:
            occurrences = occurrences.in_network(*self.networks)
        if self.free:
            occurrences = occurrences.free()
        if self.open_to_others:
            occurrences = occurrences.open_to_others()
        if self.q:
            occurrences = occurrences.search(self.q)
        return occurrences


def month_end(first):
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def parse_filters(query, *, themes, organisers, networks=(), earliest=EARLIEST, latest=LATEST):
    """Parse `query` (a QueryDict) given the known theme, organiser and network slugs.

    `themes`, `organisers` and `networks` are iterables of slugs (or dicts keyed by slug).
    Dates outside `earliest`…`latest` are refused (a feed, which clamps to its window, widens
    them).
    """
    result = CatalogueFilters()
    problems = result.problems
    reader = QueryReader(query, problems)
    multi = reader.multi

    result.q = reader.text("q", MAX_QUERY_LENGTH)
    result.when = reader.choice(
        "when", WHEN_CHOICES, _("Unknown time span “%(value)s” was ignored.")
    )
    result.date_from, result.date_to = reader.date_span(
        "from", "to", earliest=earliest, latest=latest
    )
    if result.when and (result.date_from or result.date_to):
        problems.append(_("A time span and dates were both given; the dates were ignored."))
        result.date_from = result.date_to = None

    result.themes = multi("theme", set(themes), _("Unknown theme “%(value)s” was ignored."))
    result.kinds = multi("kind", Kind.values, _("Unknown kind “%(value)s” was ignored."))
    result.formats = multi("format", Format.values, _("Unknown format “%(value)s” was ignored."))
    result.regions = multi(
        "region", SubRegion.values, _("Unknown sub-region “%(value)s” was ignored.")
    )
    result.municipalities = multi(
        "municipality",
        [value for value, _label in PLACE_CHOICES],
        _("Unknown municipality “%(value)s” was ignored."),
    )
    result.languages = multi(
        "language", Language.values, _("Unknown language “%(value)s” was ignored.")
    )
    result.organisers = multi(
        "organiser", set(organisers), _("Unknown organiser “%(value)s” was ignored.")
    )
    result.networks = multi("network", set(networks), _("Unknown network “%(value)s” was ignored."))
    result.free = reader.flag("free")
    result.open_to_others = reader.flag("open")

    result.view = reader.choice(
        "view", VIEW_CHOICES, _("Unknown view “%(value)s” was ignored."), default="list"
    )
    result.month = reader.month("month")
    result.page = reader.page()
    return result
