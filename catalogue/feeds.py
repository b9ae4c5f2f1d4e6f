"""The catalogue's side of the calendar interface: trainings as `calendars.types.FeedEvent`s.

- A training with a repeating schedule is one series (RRULE/RDATE/EXDATE) with an override per
  cancelled or moved date, UID `<training uid>@meidanhame.fi`.
- Each explicit session is its own event, UID `<training uid>-<session key>@meidanhame.fi`
  (the session's translation key, which every language shares).
- Times come from the page (the same data the occurrence table is written from); SEQUENCE is
  the training's `sequence`, raised when times, recurrence or status change.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from calendars.types import CalendarMeta, FeedEvent, recurrence_to_ical

from .models import EventStatus, ExceptionAction, Format, SessionStatus, TrainingPage

UID_DOMAIN = "meidanhame.fi"
ZONE = ZoneInfo(settings.TIME_ZONE)
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def absolute_url(page):
    return settings.BASE_URL + (page.get_url() or "")


def _location(page):
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


def _when(start, end, all_day):
    if all_day:
        first = timezone.localtime(start, ZONE).date()
        last = timezone.localtime(end, ZONE).date()
        if last <= first:
            last = first + datetime.timedelta(days=1)
        return first, last
    return timezone.localtime(start, ZONE), timezone.localtime(end, ZONE)


def training_events(page, *, themes=(), organiser_name=None, revision_time=None):
    """The FeedEvents of one training page, in the page's language.

    `themes` are the theme names for CATEGORIES; `organiser_name` the organiser in the page's
    language. `revision_time` (DTSTAMP, LAST-MODIFIED) defaults to the page's last publication.
    """
    stamp = (
        revision_time or page.last_published_at or page.latest_revision_created_at or timezone.now()
    )
    created = page.first_published_at or stamp
    url = absolute_url(page)
    language = page.locale.language_code
    status = ICAL_STATUS.get(page.status, "CONFIRMED")
    common = {
        "summary": page.title,
        "url": url,
        "location": _location(page),
        "geo": (float(page.latitude), float(page.longitude))
        if page.latitude is not None and page.longitude is not None
        else None,
        "categories": tuple(themes),
        "organizer_name": organiser_name,
        "dtstamp": stamp,
        "created": created,
        "last_modified": stamp,
        "sequence": page.sequence,
        "language": language,
    }
    events = []
    for session in page.sessions.all():
        session_status = status
        start, end, note, location = session.start, session.end, session.reason, session.location
        if session.status == SessionStatus.CANCELLED:
            session_status = "CANCELLED"
        elif session.status == SessionStatus.MOVED and session.new_start:
            length = end - start
            start, end = session.new_start, session.new_end or session.new_start + length
            location = session.new_location or location
        elif session.status == SessionStatus.MOVED:
            location = session.new_location or location
        begin, finish = _when(start, end, session.all_day)
        summary = f"{page.title}: {session.title}" if session.title else page.title
        events.append(
            FeedEvent(
                uid=f"{page.uid}-{session.translation_key}@{UID_DOMAIN}",
                start=begin,
                end=finish,
                status=session_status,
                description=_description(page, url, note),
                **{**common, "summary": summary, "location": location or common["location"]},
            )
        )
    if page.recurrence and page.series_start_date and page.series_start_time is not None:
        start = datetime.datetime.combine(
            page.series_start_date, page.series_start_time, tzinfo=ZONE
        )
        duration = page.series_duration or datetime.timedelta(hours=1)
        rrules, rdates, exdates = recurrence_to_ical(page.recurrence, start)
        overrides = []
        for exception in page.exceptions.all():
            original = datetime.datetime.combine(
                exception.date, page.series_start_time, tzinfo=ZONE
            )
            if exception.action == ExceptionAction.CANCELLED:
                begin, finish, override_status = original, original + duration, "CANCELLED"
            else:
                begin = exception.new_start or original
                finish = exception.new_end or begin + duration
                override_status = status
            overrides.append(
                FeedEvent(
                    uid=f"{page.uid}@{UID_DOMAIN}",
                    start=timezone.localtime(begin, ZONE),
                    end=timezone.localtime(finish, ZONE),
                    status=override_status,
                    recurrence_id=original,
                    description=_description(page, url, exception.reason),
                    **{**common, "location": exception.new_location or common["location"]},
                )
            )
        events.append(
            FeedEvent(
                uid=f"{page.uid}@{UID_DOMAIN}",
                start=start,
                end=start + duration,
                status=status,
                description=_description(page, url),
                rrules=rrules,
                rdates=rdates,
                exdates=exdates,
                overrides=tuple(overrides),
                **common,
            )
        )
    return events


def trainings_for_feed():
    """Live trainings with what `training_events` reads, in a constant number of queries."""
    return (
        TrainingPage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("locale", "organiser")
        .prefetch_related("sessions", "exceptions", "theme_links__theme", "co_organiser_links")
    )


def feed_trainings(locale, filters=None, now=None):
    """Live trainings of `locale` with an occurrence in the feed window (30 days back to
    18 months ahead) that matches `filters` (a `catalogue.filters.CatalogueFilters`, as
    parsed from the feed URL's query string). One query for the ids, prefetches for the rest."""
    from .models import Occurrence
    from .occurrences import window

    window_start, window_end = window(now)
    occurrences = Occurrence.objects.in_locale(locale).between(window_start, window_end)
    if filters is not None:
        occurrences = filters.apply(occurrences)
    return trainings_for_feed().filter(pk__in=occurrences.values("training_id"))


def training_ics(page):
    """A single-event .ics file for "Add to calendar" and the confirmation email."""
    from calendars.ical import build_calendar

    from .views import localized_names

    language = page.locale.language_code
    with override(language):
        themes, organiser = localized_names(page)
        events = training_events(page, themes=themes, organiser_name=organiser)
        return build_calendar(CalendarMeta(name=None, language=language), events)
