"""The catalogue's side of the calendar interface: trainings as `calendars.types.FeedEvent`s.

- A training with a repeating schedule is one series (RRULE/RDATE/EXDATE) with an override
  (RECURRENCE-ID) per moved date, UID `<training uid>@meidanhame.fi`.
- A cancelled date of a series is an EXDATE of the series plus a cancelled event of its own,
  UID `<training uid>-<exception key>@meidanhame.fi`. An override of an excluded date is
  dropped by RFC 5545 readers (recurring-ical-events, Google), and programs that know no
  RECURRENCE-ID (calcurse) would show the series' date and the override both; this way every
  reader shows the date once, as cancelled.
- Each explicit session is its own event, UID `<training uid>-<session key>@meidanhame.fi`
  (the session's translation key, which every language shares).
- Whatever is cancelled says so in its SUMMARY too ("Peruttu: …"), for programs that ignore
  STATUS:CANCELLED.
- Times come from the page (the same data the occurrence table is written from); SEQUENCE is
  the training's `sequence`, raised when times, recurrence or status change.
"""

import dataclasses
import datetime
import functools
import logging
from types import SimpleNamespace
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import F, TextField
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext

from calendars import store
from calendars.models import SavedFeed, token_for
from calendars.types import (
    UID_DOMAIN,
    CalendarMeta,
    FeedEvent,
    expand_occurrences,
    recurrence_to_ical,
)
from core.languages import Language
from core.lookups import read_times
from core.page_urls import absolute_url, urls_by_parent
from core.regions import PLACE_CHOICES, SubRegion

from .filters import MULTI_PARAMS
from .models import (
    EventStatus,
    ExceptionAction,
    Format,
    Kind,
    Occurrence,
    ScheduleException,
    Session,
    SessionStatus,
    Theme,
    TrainingPage,
    TrainingTheme,
)
from .occurrences import window

ZONE = ZoneInfo(settings.TIME_ZONE)
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def place_text(page):
    """Where the training is, as one line (an event's LOCATION, an "add to calendar" link)."""
    if page.format == Format.ONLINE or page.status == EventStatus.MOVED_ONLINE:
        text = _("Online")
        if page.remote_platform:
            text += f" ({page.remote_platform})"
        if page.join_link and page.join_link_public:
            text += f" {page.join_link}"
        return text
    parts = [
        page.venue,
        page.street_address,
        f"{page.postal_code} {page.get_municipality_display()}".strip(),
    ]
    return ", ".join(part for part in parts if part)


def _description(page, url, note=""):
    lines = [page.summary]
    if note:
        lines += ["", note]
    if page.status != EventStatus.SCHEDULED and page.status_note:
        lines += ["", f"{page.get_status_display()}: {page.status_note}"]
    lines += ["", url]
    return "\n".join(lines)


def _summary(title, status):
    """The SUMMARY: a cancelled event says so in its title as well as in STATUS."""
    if status == "CANCELLED":
        return pgettext("calendar event title", "Cancelled: %(title)s") % {"title": title}
    return title


def _when(start, end, all_day):
    """DTSTART and DTEND of a session. An all-day session's `end` is its last day (inclusive,
    as editors enter it and `occurrences.plan` reads it); DTEND;VALUE=DATE is exclusive
    (RFC 5545 §3.6.1), so it is the day after: 15.–16.1. ends on 17.1."""
    if all_day:
        first = timezone.localtime(start, ZONE).date()
        last = timezone.localtime(end, ZONE).date()
        return first, max(last, first) + datetime.timedelta(days=1)
    return timezone.localtime(start, ZONE), timezone.localtime(end, ZONE)


def _series_dates(start, schedule, exceptions):
    """The local dates of the series up to its last exception (cancelled dates are only
    written for dates the series has)."""
    if not exceptions:
        return set()
    last = max(exception.date for exception in exceptions)
    until = datetime.datetime.combine(last, datetime.time(23, 59, 59), tzinfo=ZONE)
    return {value.date() for value in expand_occurrences(start, schedule, until=until)}


def training_events(
    page, *, themes=(), organiser_name=None, revision_time=None, request=None, url=None
):
    """The FeedEvents of one training page, in the page's language: one per explicit session,
    and the repeating series with its moved and cancelled dates.

    `themes` are the theme names for CATEGORIES; `organiser_name` the organiser in the page's
    language. `revision_time` (DTSTAMP, LAST-MODIFIED) defaults to the page's last publication.
    """
    stamp = (
        revision_time or page.last_published_at or page.latest_revision_created_at or timezone.now()
    )
    url = url or absolute_url(page, request)
    common = {
        "summary": page.title,
        "url": url,
        "location": place_text(page),
        "geo": (float(page.latitude), float(page.longitude))
        if page.latitude is not None and page.longitude is not None
        else None,
        "categories": tuple(themes),
        "organizer_name": organiser_name,
        "dtstamp": stamp,
        "created": page.first_published_at or stamp,
        "last_modified": stamp,
        "sequence": page.sequence,
        "language": page.locale.language_code,
    }
    status = ICAL_STATUS.get(page.status, "CONFIRMED")
    sessions = page.sessions.all()
    # An imported single event is its origin's event; every other session has a key of its own.
    whole = page.calendar_uid and len(sessions) == 1 and not page.recurrence
    events = [
        _session_event(page, session, common, status, None if whole else session.translation_key)
        for session in sessions
    ]
    if page.recurrence and page.series_start_date and page.series_start_time is not None:
        events += _series_events(page, common, status)
    return events


def event_uid(page, key=None):
    """The UID of the training's event, or of its part `key` (a session, a cancelled date).
    An imported training keeps its origin's UID for its only session or its series."""
    if page.calendar_uid:
        return page.calendar_uid if key is None else f"{page.calendar_uid}-{key}"
    return f"{page.uid}@{UID_DOMAIN}" if key is None else f"{page.uid}-{key}@{UID_DOMAIN}"


def _session_event(page, session, common, status, key):
    """The event of one explicit session: moved or cancelled as the session says."""
    start, end, note, location = session.start, session.end, session.reason, session.location
    if session.status == SessionStatus.CANCELLED:
        status = "CANCELLED"
    elif session.status == SessionStatus.MOVED and session.new_start:
        length = end - start
        start, end = session.new_start, session.new_end or session.new_start + length
        location = session.new_location or location
    elif session.status == SessionStatus.MOVED:
        location = session.new_location or location
    begin, finish = _when(start, end, session.all_day)
    title = f"{page.title}: {session.title}" if session.title else page.title
    return FeedEvent(
        uid=event_uid(page, key),
        start=begin,
        end=finish,
        status=status,
        description=_description(page, common["url"], note),
        **{
            **common,
            "summary": _summary(title, status),
            "location": location or common["location"],
        },
    )


def _series_events(page, common, status):
    """The repeating series (RRULE, RDATE, EXDATE) with an override per moved date, followed
    by an event of its own for each cancelled date (see the module docstring)."""
    url = common["url"]
    start = datetime.datetime.combine(page.series_start_date, page.series_start_time, tzinfo=ZONE)
    duration = page.series_duration or datetime.timedelta(hours=1)
    schedule = recurrence_to_ical(page.recurrence, start)
    rrules, rdates, exdates = schedule
    overrides, cancelled = [], []
    exceptions = list(page.exceptions.all())
    dates = _series_dates(start, schedule, exceptions)
    for exception in exceptions:
        original = datetime.datetime.combine(exception.date, page.series_start_time, tzinfo=ZONE)
        if exception.action == ExceptionAction.CANCELLED:
            if exception.date not in dates:
                continue  # no session that day: nothing to cancel (as in the table)
            exdates += (original,)
            cancelled.append(
                FeedEvent(
                    uid=event_uid(page, exception.translation_key),
                    start=original,
                    end=original + duration,
                    status="CANCELLED",
                    description=_description(page, url, exception.reason),
                    **{**common, "summary": _summary(page.title, "CANCELLED")},
                )
            )
            continue
        begin = exception.new_start or original
        finish = exception.new_end or begin + duration
        overrides.append(
            FeedEvent(
                uid=event_uid(page),
                start=timezone.localtime(begin, ZONE),
                end=timezone.localtime(finish, ZONE),
                status=status,
                recurrence_id=original,
                description=_description(page, url, exception.reason),
                **{
                    **common,
                    "summary": _summary(page.title, status),
                    "location": exception.new_location or common["location"],
                },
            )
        )
    series = FeedEvent(
        uid=event_uid(page),
        start=start,
        end=start + duration,
        status=status,
        description=_description(page, url),
        rrules=rrules,
        rdates=rdates,
        exdates=exdates,
        overrides=tuple(overrides),
        **{**common, "summary": _summary(page.title, status)},
    )
    return [series, *cancelled]


def trainings_for_feed():
    """Live trainings with what `training_events` reads, in a constant number of queries."""
    return _with_feed_data(TrainingPage.objects.live().public())


def _with_feed_data(trainings):
    return (
        trainings.defer_streamfields()
        .select_related("locale", "organiser")
        .prefetch_related("sessions", "exceptions", "theme_links__theme")
    )


def feed_trainings(locale, filters=None, now=None):
    """Live trainings of `locale` with an occurrence in the feed window (30 days back to
    18 months ahead) that matches `filters` (a `catalogue.filters.CatalogueFilters`, as
    parsed from the feed URL's query string). One query for the ids, prefetches for the rest."""
    return trainings_for_feed().filter(pk__in=_matching_training_ids(locale, filters, now))


def _matching_training_ids(locale, filters, now):
    window_start, window_end = window(now)
    occurrences = Occurrence.objects.in_locale(locale).between(window_start, window_end)
    if filters is not None:
        occurrences = feed_filters(filters).apply(occurrences)
    return occurrences.values("training_id")


def training_ics(page):
    """A single-event .ics file for "Add to calendar" and the confirmation email: the stored
    events of the page (its language version) without the feed's name, so that calendar
    programs add the event instead of subscribing to a calendar."""
    language = page.locale.language_code
    meta = CalendarMeta(name=None, language=language)
    return store.calendar(meta, store.blocks(TRAINING_EVENTS.name, language, [page.pk]))


# ---------------------------------------------------------------------------------------------
# The catalogue's feeds: the whole catalogue and every filtered view of it

logger = logging.getLogger("catalogue.feeds")

FEED_PARAMS = ("q", "free", "open") + MULTI_PARAMS
# Parameters of the HTML page that a feed accepts and ignores, so that a catalogue URL copied
# as it is still gives its feed: how results are shown (view, month, page) and which dates
# (when, from, to). A subscription is a standing view that a calendar program browses by date
# itself: cut to "this month" or 1.–31.1. it would lose next month's sessions, or keep a name
# that no longer says what it holds. So dates only narrow the page; the feed of a filtered
# page has the same trainings over the whole feed window, and its name and URL say nothing
# about dates.
PAGE_ONLY_PARAMS = ("view", "month", "page", "when", "from", "to")
# Google Calendar refuses subscription URLs of 256 characters or more.
MAX_FEED_URL_LENGTH = 255
FEED_URL_NAME = "catalogue_trainings_ics"


def unknown_parameters(query):
    """Names in `query` that neither the catalogue nor its feed knows (a typo would otherwise
    silently give the whole catalogue)."""
    known = set(FEED_PARAMS) | set(PAGE_ONLY_PARAMS)
    return [name for name in query if name not in known]


def canonical_query(filters):
    """The feed's filters as a sorted query string: one spelling per selection, for cache keys
    and saved short URLs. Page-only parameters (dates, view, month, page) are left out."""
    pairs = []
    if filters.q:
        pairs.append(("q", filters.q))
    for name, values in (
        ("theme", filters.themes),
        ("kind", filters.kinds),
        ("format", filters.formats),
        ("region", filters.regions),
        ("municipality", filters.municipalities),
        ("language", filters.languages),
        ("organiser", filters.organisers),
        ("network", filters.networks),
    ):
        pairs += [(name, value) for value in values]
    if filters.free:
        pairs.append(("free", "1"))
    if filters.open_to_others:
        pairs.append(("open", "1"))
    return urlencode(sorted(pairs))


def feed_path(language, query=""):
    """The path of the catalogue feed of `language` with the canonical `query`."""
    with override(language):
        path = reverse(FEED_URL_NAME)
    return f"{path}?{query}" if query else path


def reader_urls(language, query=""):
    """{"rss": …, "atom": …}: the absolute addresses of the same filtered view for a news
    reader (see `catalogue.syndication`)."""
    urls = {}
    with override(language):
        for kind in ("rss", "atom"):
            path = reverse(f"catalogue_trainings_{kind}")
            urls[kind] = settings.BASE_URL + (f"{path}?{query}" if query else path)
    return urls


def is_too_long(url):
    """Whether a feed URL, as a webcal:// URL, reaches 256 characters, which Google refuses."""
    return len("webcal://" + url.split("://", 1)[-1]) > MAX_FEED_URL_LENGTH


def preferred_feed_url(language, query):
    """The absolute feed URL to give out: the readable long one, or the short one when the
    long one is too long and someone has saved it (`ics_views.subscribe_view`). It never saves
    one: a page view or a feed request must not write a row for every filter a crawler tries."""
    url = settings.BASE_URL + feed_path(language, query)
    if not is_too_long(url):
        return url
    token = token_for(FEED_URL_NAME, query)
    if not SavedFeed.objects.filter(token=token).exists():
        return url
    with override(language):
        return settings.BASE_URL + reverse("calendars_saved_feed", args=[token])


def feed_filters(filters):
    """`filters` as a feed applies them: without the page-only dates (see PAGE_ONLY_PARAMS)."""
    return dataclasses.replace(filters, when="", date_from=None, date_to=None, problems=[])


def feed_title(filters, themes, organisers, networks=None):
    """ "Meidän Häme – trainings: Digital skills, Riihimäki" in the active language; dates are
    page-only and not named (see PAGE_ONLY_PARAMS).

    `themes` and `organisers` map slugs to objects with a name (as `catalogue.queries.taxonomy`
    gives them)."""
    parts = []
    if filters.q:
        parts.append(f"“{filters.q}”")
    parts += [_display_name(themes.get(slug), slug) for slug in filters.themes]
    parts += [_choice_label(Kind.choices, value) for value in filters.kinds]
    parts += [_choice_label(Format.choices, value) for value in filters.formats]
    parts += [_choice_label(SubRegion.choices, value) for value in filters.regions]
    parts += [_choice_label(PLACE_CHOICES, value) for value in filters.municipalities]
    parts += [_choice_label(Language.choices, value) for value in filters.languages]
    parts += [_display_name(organisers.get(slug), slug) for slug in filters.organisers]
    parts += [_display_name((networks or {}).get(slug), slug) for slug in filters.networks]
    if filters.free:
        parts.append(_("free of charge"))
    if filters.open_to_others:
        parts.append(_("open to other associations"))
    if not parts:
        return _("Meidän Häme – trainings")
    # " · " rather than commas: a comma is escaped in calendar text, and not every client shows
    # the calendar's name unescaped.
    return _("Meidän Häme – trainings: %(filters)s") % {"filters": " · ".join(parts)}


def _choice_label(choices, value):
    return str(dict(choices).get(value, value))


def _display_name(item, fallback):
    if item is None:
        return fallback
    if isinstance(item, str):
        return item or fallback
    return str(getattr(item, "name", None) or getattr(item, "title", None) or fallback)


class _Rows(tuple):
    """Prefetched child rows, read like a related manager (`page.sessions.all()`)."""

    def all(self):
        return self


class FeedTraining(SimpleNamespace):
    """What `training_events` reads of a training, loaded with `values()`: thousands of these
    cost a fraction of full page objects (a page model has a hundred fields)."""

    def get_municipality_display(self):
        return str(PLACE_LABELS.get(self.municipality, self.municipality))

    def get_status_display(self):
        return str(STATUS_LABELS.get(self.status, self.status))


PLACE_LABELS = dict(PLACE_CHOICES)
STATUS_LABELS = dict(EventStatus.choices)
TRAINING_FIELDS = (
    "pk",
    "uid",
    "calendar_uid",
    "slug",
    "url_path",
    "locale_id",
    "locale__language_code",
    "title",
    "summary",
    "status",
    "status_note",
    "format",
    "remote_platform",
    "join_link",
    "join_link_public",
    "venue",
    "street_address",
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "sequence",
    "recurrence_text",
    "series_start_date",
    "series_start_time",
    "series_duration",
    "organiser_id",
    "external_organiser_name",
)
# Timestamps are read by `read_times`, the other fields by `values()`.
SESSION_FIELDS = (
    "page_id",
    "translation_key",
    "all_day",
    "title",
    "location",
    "status",
    "reason",
    "new_location",
)
SESSION_TIMES = ("start", "end", "new_start", "new_end")
EXCEPTION_FIELDS = ("page_id", "translation_key", "date", "action", "reason", "new_location")
EXCEPTION_TIMES = ("new_start", "new_end")


def feed_trainings_data(pks, request=None):
    """`FeedTraining`s of the given trainings (all of one language) with their sessions,
    exceptions, theme names and organiser name in the trainings' language, and their
    absolute URLs: seven queries and one more per parent page, however many trainings."""
    rows = read_times(
        TrainingPage.objects.filter(pk__any_of=pks)
        # The stored text, parsed once per distinct schedule by `_recurrence`.
        .annotate(recurrence_text=Cast("recurrence", TextField()))
        .order_by("pk"),
        TRAINING_FIELDS,
        # DTSTAMP as `training_events` picks it, read as one timestamp instead of two.
        {
            "first_published_at": F("first_published_at"),
            "stamp": Coalesce("last_published_at", "latest_revision_created_at"),
        },
    )
    if not rows:
        return []
    locale_id = rows[0]["locale_id"]
    sessions, exceptions, theme_keys = {}, {}, {}
    session_rows = read_times(
        Session.objects.filter(page_id__any_of=pks).order_by("sort_order", "pk"),
        SESSION_FIELDS,
        {name: F(name) for name in SESSION_TIMES},
    )
    for session in session_rows:
        sessions.setdefault(session["page_id"], []).append(SimpleNamespace(**session))
    exception_rows = read_times(
        ScheduleException.objects.filter(page_id__any_of=pks).order_by("sort_order", "pk"),
        EXCEPTION_FIELDS,
        {name: F(name) for name in EXCEPTION_TIMES},
    )
    for exception in exception_rows:
        exceptions.setdefault(exception["page_id"], []).append(SimpleNamespace(**exception))
    # Themes are few: all of them (every language) in one query, the links without a join.
    themes, theme_names = {}, {}
    for pk, key, name, theme_locale in Theme.objects.values_list(
        "pk", "translation_key", "name", "locale_id"
    ):
        themes[pk] = (key, name)
        if theme_locale == locale_id:
            theme_names[key] = name
    links = (
        TrainingTheme.objects.filter(page_id__any_of=pks)
        .order_by("sort_order", "pk")
        .values_list("page_id", "theme_id")
    )
    for page_id, theme_id in links:
        theme_keys.setdefault(page_id, []).append(themes[theme_id])
    organisers = _organiser_names({row["organiser_id"] for row in rows}, locale_id)
    urls = _urls(rows, request)
    trainings = []
    for row in rows:
        language = row.pop("locale__language_code")
        stamp = row.pop("stamp")
        schedule = _recurrence(row.pop("recurrence_text"))
        external_organiser = row.pop("external_organiser_name")
        trainings.append(
            FeedTraining(
                **row,
                recurrence=schedule,
                last_published_at=stamp,
                latest_revision_created_at=None,
                locale=SimpleNamespace(language_code=language),
                sessions=_Rows(sessions.get(row["pk"], ())),
                exceptions=_Rows(exceptions.get(row["pk"], ())),
                theme_names=[
                    theme_names.get(key, name) for key, name in theme_keys.get(row["pk"], ())
                ],
                organiser_name=organisers.get(row["organiser_id"]) or external_organiser or None,
                url=urls[row["pk"]],
            )
        )
    return trainings


@functools.lru_cache(maxsize=4096)
def _recurrence(text):
    """The django-recurrence schedule stored as `text`, parsed once per distinct text (many
    trainings share "weekly, ten times"). Shared between trainings: read it, never change it."""
    return TrainingPage._meta.get_field("recurrence").to_python(text)


def _organiser_names(ids, locale_id):
    """{organiser id: its name in the language of `locale_id`} in two queries. The organiser
    is whatever model `TrainingPage.organiser` points to (a snippet with `name`, or a page
    with `title`): its translation is found by translation key."""
    ids.discard(None)
    if not ids:
        return {}
    model = TrainingPage._meta.get_field("organiser").related_model
    name_field = "name" if any(f.name == "name" for f in model._meta.get_fields()) else "title"
    sources = {
        pk: (key, name)
        for pk, key, name in model.objects.filter(pk__in=ids).values_list(
            "pk", "translation_key", name_field
        )
    }
    translations = model.objects.filter(
        locale_id=locale_id, translation_key__in={key for key, _name in sources.values()}
    )
    if hasattr(translations, "live"):  # organisers are pages: only published translations
        translations = translations.live()
    localized = dict(translations.values_list("translation_key", name_field))
    return {pk: localized.get(key, name) for pk, (key, name) in sources.items()}


def _urls(rows, request):
    """{pk: absolute URL}, one query per parent page (see `urls_by_parent`)."""
    return urls_by_parent(
        ((row["pk"], row["slug"], row["url_path"]) for row in rows),
        lambda pk: absolute_url(TrainingPage.objects.get(pk=pk), request),
    )


def training_event_rows(pks):
    """(pk, language, events) of the live trainings among `pks`, for the stored events
    (`calendars.store`): read in constant queries per language, each in its own language. A
    training whose page cannot be turned into events is logged and left without events; an
    event that cannot be written is left out by the writer."""
    by_locale = {}
    for pk, locale_id in (
        TrainingPage.objects.live().filter(pk__in=pks).values_list("pk", "locale_id")
    ):
        by_locale.setdefault(locale_id, []).append(pk)
    # `feed_trainings_data` names themes and organisers in the language of its trainings.
    for same_language in by_locale.values():
        for training in feed_trainings_data(same_language):
            language = training.locale.language_code
            with override(language):
                try:
                    events = training_events(
                        training,
                        themes=training.theme_names,
                        organiser_name=training.organiser_name,
                        url=training.url,
                    )
                except Exception:
                    logger.exception("Skipped training %s (%s) in feeds", training.pk, training.uid)
                    continue
            yield training.pk, language, events


def training_identities(pks):
    """(pk, language, uid) of the trainings among `pks`: a training is known to readers by
    its uid, which every language version shares."""
    for pk, language, uid in TrainingPage.objects.filter(pk__in=pks).values_list(
        "pk", "locale__language_code", "uid"
    ):
        yield pk, language, str(uid)


TRAINING_EVENTS = store.EventSource(
    name="catalogue.training",
    model=TrainingPage,
    events=training_event_rows,
    current=lambda: TrainingPage.objects.live(),
    identify=training_identities,
    public=lambda: TrainingPage.objects.live().public(),
)
store.register(TRAINING_EVENTS)


def catalogue_calendar(locale, filters, meta, *, now=None):
    """The bytes of a catalogue feed: the stored events of the live, public trainings of
    `locale` with an occurrence in the feed window that matches `filters` (see
    `feed_filters`), in one query, by training id: unchanged data gives the same bytes."""
    trainings = (
        TrainingPage.objects.live()
        .public()
        .filter(pk__in=_matching_training_ids(locale, filters, now))
        .values("pk")
    )
    return store.calendar(meta, store.blocks(TRAINING_EVENTS.name, locale.language_code, trainings))
