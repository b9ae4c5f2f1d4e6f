"""Events in the Linked Events v1 shape, from the catalogue's own occurrence table.

An event is an occurrence of a published training in the default language, exactly the rows
the catalogue page lists for the same filters: the Linked Events parameters are translated to
the catalogue's (`catalogue.filters.parse_filters` reads them and `CatalogueFilters.apply`
narrows the occurrences), so the page and the API answer one question with one piece of code.
A training of one occurrence is one event `meidanhame:<uid>`; a training of several is a
recurring super event `meidanhame:<uid>` whose sub events are its occurrences,
`meidanhame:<uid>-<original start>`.

With `show_deleted`, the events that left the public set (unpublished, deleted or made
private; recorded by `calendars.store`) follow the matching ones as Linked Events writes a
deleted event: its id, name "DELETED" and the time it went as `last_modified_time`. Only
`last_modified_since` and `super_event` narrow them: nothing else is known of them, and a
reader who is told of an event it never had simply has nothing to delete."""

import datetime
import uuid
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from calendars import store
from catalogue.feeds import TRAINING_EVENTS
from catalogue.filters import parse_filters
from catalogue.models import EventStatus, Occurrence, TrainingPage
from catalogue.queries import taxonomy
from core.page_urls import absolute_url, urls_by_parent
from core.query_params import QueryReader
from sources.models import ImportedEvent

from .http import BadParameters
from .links import PREFIX, api_url, place_id, ref, strip_prefix
from .pagination import envelope, page_number, read_page, window
from .places import place_of, places_by_id
from .taxonomy import keyword_objects, theme_slug_of

CONTEXT = "http://schema.org"
MAX_DAYS = 366
LANGUAGES = ("fi", "sv", "en")
EVENT_PARAMS = (
    "start",
    "end",
    "days",
    "keyword",
    "location",
    "publisher",
    "text",
    "event_status",
    "super_event",
    "hide_recurring_children",
    "last_modified_since",
    "show_deleted",
    "include",
    "page",
    "page_size",
)
INCLUDES = ("location", "keywords")
STATUS_NAMES = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
STATUS_VALUES = {name: value for value, name in STATUS_NAMES.items()}
# The words OpenAPI's boolean parameters take (as django-ninja reads them), in any case.
TRUE = ("1", "true", "yes", "on", "t", "y")
FALSE = ("0", "false", "no", "off", "f", "n")
# Linked Events' name of a deleted event (`events.utils.get_deleted_object_name`).
DELETED_NAME = {"fi": "POISTETTU", "sv": "RADERAD", "en": "DELETED"}
TRAINING_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "uid",
    "summary",
    "status",
    "format",
    "venue",
    "street_address",
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "languages",
    "is_free",
    "price",
    "price_info",
    "registration_url",
    "material_link",
    "recording_link",
    "last_published_at",
    "first_published_at",
)


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


# ---------------------------------------------------------------------------------------------
# Parameters


def _split(value):
    return [part.strip() for part in value.split(",") if part.strip()]


def _instant(value, name, problems, now):
    """A date or date-time parameter: (day, exact moment or None); `today` and `now` too."""
    if value == "now":
        return timezone.localdate(now), now
    if value == "today":
        return timezone.localdate(now), None
    try:
        moment = parse_datetime(value) if "T" in value else None
        day = parse_date(value[:10]) if len(value) >= 10 else None
    except ValueError:  # well formed, but no such day (2026-13-40)
        moment = day = None
    if moment is None and (day is None or len(value) != 10):
        problems.append(
            _("“%(value)s” is not a date or time for “%(name)s”.")
            % {"value": value[:60], "name": name}
        )
        return None, None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return (timezone.localdate(moment) if moment else day), moment


def _flag(value, name, problems):
    """A yes/no parameter; missing is no, anything but the boolean words a bad parameter."""
    value = value.lower()
    if value and value not in TRUE + FALSE:
        problems.append(
            _("“%(value)s” is not true or false for “%(name)s”.")
            % {"value": value[:60], "name": name}
        )
    return value in TRUE


class EventQuery:
    """The Linked Events parameters of a request: the catalogue's filters they amount to and
    what only the API asks (exact times, status, series, modification time, pages)."""

    def __init__(self, query, locale, now=None):
        self.now = now or timezone.now()
        problems = []
        single = QueryReader(query, problems).single
        for name in query:
            if name not in EVENT_PARAMS:
                problems.append(_("Unknown parameter “%(name)s”.") % {"name": name[:60]})
        keywords, publishers = _split(single("keyword")), _split(single("publisher"))
        # The known themes and organisers only check the values given (the organisers are a
        # query over every training, the slowest of a list right after a publish).
        themes, organisers = taxonomy(locale.pk, themes=bool(keywords), organisers=bool(publishers))
        catalogue = QueryDict(mutable=True)

        self.start_moment = self.end_moment = None
        first = last = None
        if start := single("start"):
            first, self.start_moment = _instant(start, "start", problems, self.now)
        if end := single("end"):
            last, self.end_moment = _instant(end, "end", problems, self.now)
        if days := page_number(single("days"), "days", problems, highest=MAX_DAYS):
            first = first or timezone.localdate(self.now)
            last = first + datetime.timedelta(days=days - 1)
        if first:
            catalogue["from"] = first.isoformat()
        if last:
            catalogue["to"] = last.isoformat()
        # A start before today (or a moment already past) asks for past occurrences too;
        # otherwise the answer is the catalogue's agenda, which starts now ("today" as well).
        self.include_past = start not in ("", "now", "today") and (
            self.start_moment < self.now
            if self.start_moment
            else first is not None and first < timezone.localdate(self.now)
        )

        for keyword in keywords:
            slug = theme_slug_of(keyword, locale.pk)
            if slug is None:
                problems.append(_("Unknown keyword “%(value)s”.") % {"value": keyword[:60]})
            else:
                catalogue.appendlist("theme", slug)
        for publisher in publishers:
            slug = strip_prefix(publisher)
            if slug not in organisers:
                problems.append(_("Unknown publisher “%(value)s”.") % {"value": publisher[:60]})
            else:
                catalogue.appendlist("organiser", slug)
        if text := single("text"):
            catalogue["q"] = text

        self.locations = _split(single("location"))
        self.statuses = []
        for name in _split(single("event_status")):
            if name in STATUS_VALUES:
                self.statuses.append(STATUS_VALUES[name])
            else:
                problems.append(_("Unknown event status “%(value)s”.") % {"value": name[:60]})
        self.super_event = None
        if super_event := single("super_event"):
            self.super_event = _uid_of(super_event)
            if self.super_event is None:
                problems.append(_("Unknown super event “%(value)s”.") % {"value": super_event[:60]})
        self.hide_recurring_children = _flag(
            single("hide_recurring_children"), "hide_recurring_children", problems
        )
        self.modified_since = None
        if since := single("last_modified_since"):
            _day, self.modified_since = _instant(since, "last_modified_since", problems, self.now)
            if _day and self.modified_since is None:
                self.modified_since = timezone.make_aware(
                    datetime.datetime.combine(_day, datetime.time())
                )
        self.show_deleted = _flag(single("show_deleted"), "show_deleted", problems)
        self.includes = _split(single("include"))
        for name in self.includes:
            if name not in INCLUDES:
                problems.append(_("Unknown include “%(value)s”.") % {"value": name[:60]})
        self.page, self.page_size = read_page(query, problems)

        self.filters = parse_filters(catalogue, themes=themes, organisers=organisers)
        problems.extend(self.filters.problems)
        if problems:
            raise BadParameters(problems)

    def occurrences(self, locale):
        """The matching occurrences, in the catalogue's order."""
        rows = Occurrence.objects.in_locale(locale).visible_to(None)
        rows = rows if self.include_past else rows.upcoming(self.now)
        rows = self.filters.apply(rows)
        if self.start_moment:
            rows = rows.filter(end__gt=self.start_moment)
        if self.end_moment:
            rows = rows.filter(start__lt=self.end_moment)
        if self.statuses:
            rows = rows.filter(status__in=self.statuses)
        if self.super_event:
            rows = rows.filter(training__uid=self.super_event)
        if self.modified_since:
            rows = rows.filter(training__last_published_at__gte=self.modified_since)
        if self.locations:
            rows = rows.filter(training_id__in=_trainings_at(self.locations, locale))
        if self.hide_recurring_children:
            # One row per training: its first matching occurrence (a series shows as itself).
            first = rows.annotate(
                rank=Window(
                    RowNumber(), partition_by=[F("training_id")], order_by=[F("start"), F("pk")]
                )
            ).filter(rank=1)
            rows = Occurrence.objects.filter(pk__in=first.values("pk"))
        return rows.order_by("start", "pk")

    def removed(self, locale):
        """The events of `locale` that left the public set (since `last_modified_since`),
        the oldest removal first."""
        rows = store.removed(TRAINING_EVENTS.name, locale.language_code, since=self.modified_since)
        if self.super_event:
            rows = rows.filter(uid=self.super_event)
        return rows.only("uid", "removed_at")


def _uid_of(event_id):
    """The training uid in an event id (`meidanhame:<uid>` or `meidanhame:<uid>-<start>`)."""
    tail = strip_prefix(event_id)
    if not tail or len(tail) < 36:
        return None
    try:
        return str(uuid.UUID(tail[:36]))
    except ValueError:
        return None


def _trainings_at(place_ids, locale):
    """The ids of the trainings at any of `place_ids` (unknown ids match nothing)."""
    places = places_by_id(locale)
    return [
        pk for identifier in place_ids for pk in places.get(identifier, {}).get("training_ids", [])
    ]


# ---------------------------------------------------------------------------------------------
# The answers


def event_list(request):
    locale = default_locale()
    query = EventQuery(request.GET, locale)
    rows = query.occurrences(locale)
    count = rows.count()
    removed = query.removed(locale) if query.show_deleted else None
    total = count + (removed.count() if removed is not None else 0)
    first, pages = window(total, query.page, query.page_size)
    last = first + query.page_size
    # The removed events follow the matching ones: a page may hold some of each.
    occurrences = _with_training(rows[first:last]) if first < count else []
    data = EventWriter(request, locale, query.includes).events(
        occurrences, as_series=query.hide_recurring_children
    )
    if removed is not None and last > count:
        data += [_deleted_event(row) for row in removed[max(first - count, 0) : last - count]]
    return envelope(request, "event/", total, query.page, pages, data)


def _deleted_event(row):
    """A removed event as Linked Events writes a deleted one."""
    identifier = f"{PREFIX}:{row.uid}"
    return {
        "id": identifier,
        "@id": api_url(f"event/{identifier}/"),
        "name": DELETED_NAME,
        "last_modified_time": _iso(row.removed_at),
        "deleted": True,
        "replaced_by": None,
    }


def event_detail(request, event_id):
    """One event, or None when there is no such published event."""
    locale = default_locale()
    includes = _split(request.GET.get("include", ""))
    uid = _uid_of(event_id)
    if uid is None:
        return None
    occurrences = _with_training(
        Occurrence.objects.in_locale(locale)
        .visible_to(None)
        .filter(training__uid=uid)
        .order_by("start", "pk")
    )
    if not occurrences:
        return None
    writer = EventWriter(request, locale, includes)
    if event_id == f"{PREFIX}:{uid}":
        return writer.events(occurrences[:1], as_series=True)[0]
    for occurrence in occurrences:
        if _occurrence_id(occurrence) == event_id:
            return writer.events([occurrence])[0]
    return None


OCCURRENCE_FIELDS = (
    "training_id",
    "start",
    "end",
    "all_day",
    "original_start",
    "status",
    "title",
    "location",
    "themes",
    "organisers",
)


class _Training(SimpleNamespace):
    """A training's fields as plain values."""

    @property
    def pk(self):
        return self.id


class _Occurrence(SimpleNamespace):
    """An occurrence and its training as plain values, with the model's own properties."""

    theme_slugs = Occurrence.theme_slugs
    organiser_slug = Occurrence.organiser_slug


def _with_training(rows):
    """The occurrences of `rows` with their trainings, read as plain values in one query:
    a page instance per row costs more than writing its event."""
    training_columns = {f"training__{name}": name for name in TRAINING_FIELDS}
    occurrences = []
    for row in rows.values(*OCCURRENCE_FIELDS, *training_columns):
        training = _Training(**{name: row.pop(column) for column, name in training_columns.items()})
        occurrences.append(_Occurrence(**row, training=training))
    return occurrences


def _stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _occurrence_id(occurrence, series=True):
    uid = occurrence.training.uid
    return f"{PREFIX}:{uid}-{_stamp(occurrence.original_start)}" if series else f"{PREFIX}:{uid}"


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


class EventWriter:
    """Writes occurrences as Linked Events, with what they need fetched in a constant number
    of queries for the whole page of results."""

    def __init__(self, request, locale, includes=()):
        self.request = request
        self.locale = locale
        self.includes = includes

    def events(self, occurrences, *, as_series=False):
        trainings = {o.training_id: o.training for o in occurrences}
        if not trainings:
            return []
        self._fetch(trainings, series=as_series)
        return [self._event(o, as_series=as_series) for o in occurrences]

    def _fetch(self, trainings, *, series):
        ids = list(trainings)
        counts = dict(
            Occurrence.objects.in_locale(self.locale)
            .filter(training_id__in=ids)
            .values_list("training_id")
            .annotate(n=Count("pk"))
        )
        self.counts = counts
        self.sub_events = {}
        several = [pk for pk in ids if counts.get(pk, 0) > 1]
        if series and several:
            for training_id, uid, original_start, end in (
                Occurrence.objects.in_locale(self.locale)
                .filter(training_id__in=several)
                .order_by("start", "pk")
                .values_list("training_id", "training__uid", "original_start", "end")
            ):
                self.sub_events.setdefault(training_id, []).append(
                    (f"{PREFIX}:{uid}-{_stamp(original_start)}", end)
                )
        keys = {t.translation_key: t for t in trainings.values()}
        self.texts = {pk: {settings.LANGUAGE_CODE: t} for pk, t in trainings.items()}
        # Plain rows: a page instance per translation would cost more than the rest together.
        translations = [
            SimpleNamespace(**row)
            for row in TrainingPage.objects.live()
            .public()
            .filter(translation_key__in=keys, locale__language_code__in=LANGUAGES)
            .exclude(locale=self.locale)
            .values(
                "pk",
                "title",
                "summary",
                "price_info",
                "slug",
                "url_path",
                "translation_key",
                language=F("locale__language_code"),
            )
        ]
        for page in translations:
            self.texts[keys[page.translation_key].pk][page.language] = page
        pages = list(trainings.values()) + translations
        self.urls = urls_by_parent(
            ((p.pk, p.slug, p.url_path) for p in pages),
            lambda pk: absolute_url(Page.objects.get(pk=pk), self.request),
        )
        self.sources = {
            imported.training_id: imported
            for imported in ImportedEvent.objects.filter(training_id__in=ids, primary=True)
            .select_related("source")
            .only("training_id", "url", "origin_id", "source", "source__kind")
        }
        self.keywords = keyword_objects(self.locale) if "keywords" in self.includes else {}

    def _texts(self, training_id, attribute, html=False):
        values = {}
        for language, page in self.texts[training_id].items():
            value = getattr(page, attribute)
            if value:
                values[language] = f"<p>{escape(value)}</p>" if html else value
        return values or None

    def _event(self, occurrence, *, as_series):
        training = occurrence.training
        several = self.counts.get(training.pk, 0) > 1
        uid = f"{PREFIX}:{training.uid}"
        if as_series and several:
            identifier = uid
            sub_events = self.sub_events.get(training.pk, [])
            start, end = occurrence.start, sub_events[-1][1] if sub_events else occurrence.end
            super_event_type, super_event = "recurring", None
            subs = [ref("event", sub_id) for sub_id, _end in sub_events]
            status = training.status
        else:
            identifier = _occurrence_id(occurrence) if several else uid
            start, end = occurrence.start, occurrence.end
            super_event_type, subs = None, []
            super_event = ref("event", uid) if several else None
            status = occurrence.status
        if "location" in self.includes:
            location = place_of(training)
        else:
            location = ref(
                "place",
                place_id(
                    training.street_address,
                    training.postal_code,
                    training.municipality,
                    training.format,
                ),
            )
        imported = self.sources.get(training.pk)
        info_url = {
            language: self.urls[page.pk] for language, page in self.texts[training.pk].items()
        }
        keyword_ids = occurrence.theme_slugs
        keywords = (
            [self.keywords[slug] for slug in keyword_ids if slug in self.keywords]
            if "keywords" in self.includes
            else [ref("keyword", f"{PREFIX}:{slug}") for slug in keyword_ids]
        )
        organiser = occurrence.organiser_slug
        name = self._texts(training.pk, "title") or {}
        if occurrence.title and not (as_series and several):
            name = {
                language: f"{value}: {occurrence.title}"
                if language == settings.LANGUAGE_CODE
                else value
                for language, value in name.items()
            }
        return {
            "id": identifier,
            "@id": api_url(f"event/{identifier}/"),
            "@context": CONTEXT,
            "@type": "Event",
            "data_source": _data_source(imported),
            "publisher": f"{PREFIX}:{organiser}" if organiser else None,
            "name": name,
            "short_description": self._texts(training.pk, "summary"),
            "description": self._texts(training.pk, "summary", html=True),
            "info_url": info_url,
            "start_time": _iso(start),
            "end_time": _iso(end),
            "has_start_time": not occurrence.all_day,
            "has_end_time": not occurrence.all_day,
            "location": location,
            "location_extra_info": {"fi": occurrence.location} if occurrence.location else None,
            "keywords": keywords,
            "offers": [
                {
                    "is_free": training.is_free,
                    "price": None
                    if training.is_free or training.price is None
                    else {"fi": f"{training.price} €"},
                    "info_url": {"fi": training.registration_url}
                    if training.registration_url
                    else None,
                    "description": self._texts(training.pk, "price_info"),
                }
            ],
            "event_status": STATUS_NAMES.get(status, "EventScheduled"),
            "super_event_type": super_event_type,
            "super_event": super_event,
            "sub_events": subs,
            "in_language": [ref("language", code) for code in training.languages],
            "external_links": [
                {"name": name, "link": link, "language": settings.LANGUAGE_CODE}
                for name, link in (
                    ("material", training.material_link),
                    ("recording", training.recording_link),
                )
                if link
            ],
            "origin_url": imported.url if imported and imported.url else None,
            "created_time": _iso(training.first_published_at),
            "last_modified_time": _iso(training.last_published_at),
            "date_published": _iso(training.first_published_at),
            "deleted": False,
        }


def _data_source(imported):
    """Where the event comes from: ours, or the source of an imported event (for a Linked
    Events source, the origin's own data source, the prefix of its id)."""
    if imported is None:
        return PREFIX
    head, sep, _tail = imported.origin_id.partition(":")
    if imported.source.kind == "linkedevents" and sep and head:
        return head
    return f"{PREFIX}-source-{imported.source_id}"
