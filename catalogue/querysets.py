"""Queries that the catalogue pages, the home page and the calendar feeds share."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.query import PageQuerySet

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

    def visible_to(self, request):
        """Without the occurrences of trainings behind a view restriction (private, password,
        login or groups) that `request` has not passed, as `PageQuerySet.public()` does for the
        feeds. One query for the restrictions, which are few."""
        from wagtail.models import PageViewRestriction

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
        """Every word in the title, summary or venue of the training (substring match, so
        that Finnish inflected forms are found by their stem)."""
        from .models import TrainingPage

        query = Q()
        for word in text.split():
            query &= (
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(venue__icontains=word)
            )
        # Match the trainings first (thousands of rows), then their occurrences.
        return self.filter(training_id__in=TrainingPage.objects.filter(query).values("pk"))

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
