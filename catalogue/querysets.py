"""Queries that the catalogue pages, the home page and the calendar feeds share.

The models attach these querysets, so this module imports no model of the catalogue: a
queryset reaches the tables it joins through its model's relations (`self.model`)."""

import datetime

from django.db import models
from django.db.models import (
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    Max,
    Q,
    Value,
    Window,
)
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from core import search_index

# No occurrence is longer than this (Session.clean enforces it), so "not over yet" can also
# bound the start, and the (locale, start) index answers listings in date order without a sort.
MAX_OCCURRENCE_LENGTH = datetime.timedelta(days=31)


def _token(value):
    return f"|{value}|"


class OccurrenceQuerySet(models.QuerySet):
    """Occurrences of published trainings, one row per occurrence per language."""

    def in_locale(self, locale):
        return self.filter(locale=locale)

    def upcoming(self, now=None):
        """Occurrences that have not ended yet (one in progress is still upcoming)."""
        now = now or timezone.now()
        return self.filter(end__gt=now, start__gt=now - MAX_OCCURRENCE_LENGTH)

    def past(self, now=None):
        return self.filter(end__lte=now or timezone.now())

    def between(self, start, end):
        """Occurrences that overlap [start, end)."""
        return self.filter(start__lt=end, start__gt=start - MAX_OCCURRENCE_LENGTH, end__gt=start)

    def on_days(self, first_day, last_day):
        """Occurrences overlapping the local calendar days first_day..last_day (inclusive)."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(first_day, datetime.time(), tzinfo=zone)
        end = datetime.datetime.combine(
            last_day + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
        )
        return self.between(start, end)

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def in_format(self, *formats):
        return self.filter(format__in=formats)

    def in_municipality(self, *municipalities):
        return self.filter(municipality__in=municipalities)

    def in_region(self, *sub_regions):
        return self.filter(sub_region__in=sub_regions)

    def _any_token(self, field, values):
        query = Q()
        for value in values:
            query |= Q(**{f"{field}__contains": _token(value)})
        return self.filter(query)

    def with_theme(self, *slugs):
        return self._any_token("themes", slugs)

    def in_language(self, *codes):
        return self._any_token("languages", codes)

    def by_organiser(self, *slugs):
        return self._any_token("organisers", slugs)

    def in_network(self, *slugs):
        """Meetings and events of the networks (their slugs, the same in every language)."""
        return self._any_token("networks", slugs)

    def visible_to(self, request):
        """Without the occurrences of trainings behind a view restriction (private, password,
        login or groups) that `request` has not passed, as `PageQuerySet.public()` does for the
        feeds. One query for the restrictions, which are few."""
        hidden = Q()
        restrictions = PageViewRestriction.objects.select_related("page").only(
            "restriction_type", "password", "page__path"
        )
        for restriction in restrictions:
            if request is None or not restriction.accept_request(request):
                hidden |= Q(training__path__startswith=restriction.page.path)
        return self.exclude(hidden) if hidden else self

    def free(self):
        return self.filter(is_free=True)

    def open_to_others(self):
        return self.filter(open_to_others=True)

    def search(self, text):
        """The occurrences of the trainings the site search finds for `text` in the active
        language (inflected forms, compound parts, themes and organisers; one subquery)."""
        ids = search_index.page_ids(text, "training")
        return self.filter(training_id__in=ids)

    # The month view

    def with_local_days(self):
        """Annotate `day` and `last`: the local calendar days an occurrence starts and ends on.
        The end is exclusive: an event until midnight does not reach the next day."""
        zone = timezone.get_current_timezone()
        return self.annotate(
            day=TruncDate("start", tzinfo=zone),
            last=TruncDate(
                ExpressionWrapper(
                    F("end") - Value(datetime.timedelta(microseconds=1)),
                    output_field=DateTimeField(),
                ),
                tzinfo=zone,
            ),
        )

    def within_one_day(self):
        """Occurrences that end on the day they start (needs `with_local_days`)."""
        return self.filter(last__lte=F("day"))

    def over_several_days(self):
        """Occurrences that run over several days, a two-day forum (needs `with_local_days`)."""
        return self.filter(last__gt=F("day"))

    def count_by_day(self):
        """{day: how many occurrences start on it} (needs `with_local_days`)."""
        return dict(self.values("day").annotate(n=Count("pk")).values_list("day", "n"))

    def first_of_each_day(self, limit):
        """The first `limit` occurrences of each day by start (needs `with_local_days`)."""
        return self.annotate(
            rank=Window(
                RowNumber(), partition_by=[F("day")], order_by=[F("start").asc(), F("pk").asc()]
            ),
        ).filter(rank__lte=limit)

    # The archive

    def excluding_trainings_of(self, occurrences):
        """Without the trainings that have any of `occurrences`."""
        return self.exclude(training_id__in=occurrences.values("training_id"))

    def latest_per_training(self):
        """One row per training: `training_id` and `last`, its latest start; latest first."""
        return (
            self.values("training_id").annotate(last=Max("start")).order_by("-last", "-training_id")
        )

    def for_listing(self):
        """With what a listing row shows: the training's title, URL and summary."""
        return self.select_related("training").only(
            "start",
            "end",
            "all_day",
            "original_start",
            "status",
            "note",
            "title",
            "location",
            "kind",
            "format",
            "municipality",
            "languages",
            "themes",
            "organisers",
            "is_free",
            "open_to_others",
            "locale_id",
            "training__id",
            "training__title",
            "training__url_path",
            "training__slug",
            "training__locale_id",
            "training__summary",
            "training__status",
            "training__venue",
            "training__registration_mode",
            "training__capacity",
        )


class TrainingPageQuerySet(PageQuerySet):
    def with_upcoming_occurrences(self, now=None):
        return self.filter(occurrences__end__gt=now or timezone.now()).distinct()


class EventRecordQuerySet(models.QuerySet):
    """The record of past occurrences (`EventRecord`), for reports and figures."""

    def held(self):
        """The occurrences that took place: not cancelled."""
        return self.exclude(status="cancelled")

    def in_year(self, year):
        """Started in `year`, by the site's time zone."""
        zone = timezone.get_current_timezone()
        return self.filter(
            start__gte=datetime.datetime(year, 1, 1, tzinfo=zone),
            start__lt=datetime.datetime(year + 1, 1, 1, tzinfo=zone),
        )

    def training_count(self):
        return self.values("training_key").distinct().count()

    def registration_total(self):
        """Confirmed registrations, each training counted once however many sessions it had."""
        per_training = self.values("training_key").annotate(n=Max("registrations"))
        return sum(row["n"] for row in per_training)
