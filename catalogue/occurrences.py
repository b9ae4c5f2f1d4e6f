"""Writing the occurrence table: a training's sessions and repeating schedule, expanded once
when the page is published, so that no request ever expands a rule.

The window is 30 days back to 18 months ahead (the calendar feeds' window); the
`extend_occurrences` command moves it forward every night. Occurrences that have already
started are history: a later change of the rule never rewrites them.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.regions import sub_region_of

from .models import (
    EventStatus,
    ExceptionAction,
    Occurrence,
    ScheduleVersion,
    SessionStatus,
    TrainingPage,
)
from .querysets import MAX_OCCURRENCE_LENGTH

WINDOW_BACK = datetime.timedelta(days=30)
WINDOW_AHEAD = datetime.timedelta(days=548)  # 18 months
ZONE = ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Planned:
    """An occurrence as the schedule gives it, before it is stored."""

    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    original_start: datetime.datetime
    from_rule: bool
    status: str
    note: str = ""
    title: str = ""
    location: str = ""


def window(now=None):
    now = now or timezone.now()
    return now - WINDOW_BACK, now + WINDOW_AHEAD


def _day_start(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=ZONE)


def _naive_local(value):
    if value.tzinfo is None:
        return value
    return value.astimezone(ZONE).replace(tzinfo=None)


def rule_starts(page, window_start, window_end):
    """The local start datetimes the repeating schedule gives inside the window.

    Excluded dates and added dates count by the day (django-recurrence's date picker stores
    them at midnight); times stay on the wall clock across daylight saving changes.
    """
    recurrence = page.recurrence
    if not recurrence or not page.series_start_date or page.series_start_time is None:
        return []
    first = datetime.datetime.combine(page.series_start_date, page.series_start_time)
    ruleset = dateutil_rrule.rruleset()
    for rule in recurrence.rrules:
        until = rule.until
        if until is not None:
            until = _naive_local(until)
            if until.time() == datetime.time():
                until = datetime.datetime.combine(until.date(), datetime.time(23, 59, 59))
        rule_copy = _copy_rule(rule, until)
        ruleset.rrule(rule_copy.to_dateutil_rrule(dtstart=first))
    excluded = {_naive_local(value).date() for value in recurrence.exdates}
    lo = _naive_local(window_start)
    hi = _naive_local(window_end)
    starts = set(ruleset.between(lo, hi, inc=True)) if recurrence.rrules else set()
    if first >= lo and first <= hi and recurrence.rrules:
        starts.add(first)
    for value in recurrence.rdates:
        local = _naive_local(value)
        if local.time() == datetime.time():
            local = datetime.datetime.combine(local.date(), page.series_start_time)
        if lo <= local <= hi:
            starts.add(local)
    return sorted(start.replace(tzinfo=ZONE) for start in starts if start.date() not in excluded)


def _copy_rule(rule, until):
    import copy

    rule = copy.copy(rule)
    rule.until = until
    return rule


def plan(page, window_start, window_end):
    """Every occurrence of `page` that touches the window, with statuses applied."""
    planned = []
    for session in page.sessions.all():
        if session.all_day:
            start = _day_start(timezone.localtime(session.start).date())
            end = _day_start(timezone.localtime(session.end).date() + datetime.timedelta(days=1))
        else:
            start, end = session.start, max(session.end, session.start)
        original = start
        status = EventStatus.SCHEDULED
        location = session.location
        if session.status == SessionStatus.CANCELLED:
            status = EventStatus.CANCELLED
        elif session.status == SessionStatus.MOVED:
            status = EventStatus.RESCHEDULED
            if session.new_start and session.all_day:
                # Whole days, like the original ones: the new last day is inclusive too.
                first = timezone.localtime(session.new_start).date()
                if session.new_end:
                    last = max(timezone.localtime(session.new_end).date(), first)
                    after = last + datetime.timedelta(days=1)
                else:
                    after = first + datetime.timedelta(days=(end - start).days)
                start, end = _day_start(first), _day_start(after)
            elif session.new_start:
                length = end - start
                start = session.new_start
                end = session.new_end or session.new_start + length
            location = session.new_location or location
        planned.append(
            Planned(
                start=start,
                end=end,
                all_day=session.all_day,
                original_start=original,
                from_rule=False,
                status=status,
                note=session.reason,
                title=session.title,
                location=location,
            )
        )

    duration = page.series_duration or datetime.timedelta(hours=1)
    exceptions = {exception.date: exception for exception in page.exceptions.all()}
    for start in rule_starts(page, window_start - duration, window_end):
        exception = exceptions.get(start.date())
        status, end, location, note, original = (
            EventStatus.SCHEDULED,
            start + duration,
            "",
            "",
            start,
        )
        if exception is not None:
            note = exception.reason
            if exception.action == ExceptionAction.CANCELLED:
                status = EventStatus.CANCELLED
            else:
                status = EventStatus.RESCHEDULED
                if exception.new_start:
                    start = exception.new_start
                    end = exception.new_end or exception.new_start + duration
                location = exception.new_location
        planned.append(
            Planned(
                start=start,
                end=end,
                all_day=False,
                original_start=original,
                from_rule=True,
                status=status,
                note=note,
                location=location,
            )
        )

    # The whole training's status wins over a single occurrence's, except that a cancelled
    # occurrence stays cancelled whatever happens to the rest.
    if page.status != EventStatus.SCHEDULED:
        planned = [
            p
            if p.status == EventStatus.CANCELLED
            else Planned(
                **{**p.__dict__, "status": page.status, "note": page.status_note or p.note}
            )
            for p in planned
        ]
    return sorted(planned, key=lambda p: (p.start, p.original_start))


def filter_fields(page):
    """The denormalised filter columns every occurrence of `page` carries."""
    theme_slugs = [link.theme.slug for link in page.theme_links.all()]
    organisers = ([page.organiser.slug] if page.organiser_id else []) + [
        link.organiser.slug for link in page.co_organiser_links.all()
    ]
    return {
        "kind": page.kind,
        "format": page.format,
        "municipality": page.municipality,
        "sub_region": sub_region_of(page.municipality),
        "languages": _tokens(page.languages),
        "themes": _tokens(theme_slugs),
        "organisers": _tokens(organisers),
        "networks": _tokens([link.network.slug for link in page.network_links.all()]),
        "is_free": page.is_free,
        "open_to_others": page.open_to_others,
    }


def _tokens(values):
    return "|" + "|".join(values) + "|" if values else ""


@transaction.atomic
def write_occurrences(page, now=None):
    """Rebuild the occurrences of a published `page` from now on; keep the ones already begun."""
    now = now or timezone.now()
    window_start, window_end = window(now)
    kept = Occurrence.objects.filter(training=page, start__lt=now)
    # The first publication writes the recent past too; after that, the past is history.
    first_time = not Occurrence.objects.filter(training=page).exists()
    Occurrence.objects.filter(training=page, start__gte=now).delete()
    common = filter_fields(page)
    rows = []
    for item in map(_capped, plan(page, window_start, window_end)):
        if item.start < now and not first_time:
            continue
        if not item.from_rule or item.end >= window_start:
            rows.append(
                Occurrence(training=page, locale_id=page.locale_id, **item.__dict__, **common)
            )
    Occurrence.objects.bulk_create(rows, batch_size=500)
    # The filter fields of the past ones follow the page (a theme fixed later still finds them).
    kept.update(**common)
    return len(rows)


def _capped(item):
    """Keep the table's invariant (no occurrence longer than 31 days) for data saved without
    the admin's validation; listings rely on it."""
    if item.end - item.start > MAX_OCCURRENCE_LENGTH:
        return replace(item, end=item.start + MAX_OCCURRENCE_LENGTH)
    return item


def clear_occurrences(page):
    Occurrence.objects.filter(training_id=page.pk).delete()


def extend_occurrences(now=None):
    """Add the occurrences of repeating schedules that entered the window since the last run."""
    now = now or timezone.now()
    window_start, window_end = window(now)
    added = 0
    pages = (
        TrainingPage.objects.live()
        .filter(recurrence__isnull=False, series_start_date__isnull=False)
        .exclude(recurrence="")
        .defer_streamfields()
        .prefetch_related(
            "sessions",
            "exceptions",
            "theme_links__theme",
            "co_organiser_links__organiser",
            "network_links__network",
        )
        .select_related("organiser")
    )
    for page in pages.iterator(chunk_size=200):
        last = (
            Occurrence.objects.filter(training=page, from_rule=True)
            .order_by("-original_start")
            .values_list("original_start", flat=True)
            .first()
        )
        common = filter_fields(page)
        rows = [
            Occurrence(training=page, locale_id=page.locale_id, **item.__dict__, **common)
            for item in map(_capped, plan(page, window_start, window_end))
            if item.from_rule and (last is None or item.original_start > last) and item.start >= now
        ]
        Occurrence.objects.bulk_create(rows, batch_size=500)
        added += len(rows)
    return added


def schedule_fingerprint(page):
    """What subscribers' calendars must notice: times, recurrence and statuses (not texts).

    Only facts every language version shares, so that versions with the same schedule have
    the same fingerprint; instants are compared in UTC (a page read from a revision and one
    read from the database give the same text)."""
    data = {
        "status": page.status,
        "recurrence": str(page.recurrence or ""),
        "series": [
            str(page.series_start_date),
            str(page.series_start_time),
            str(page.series_duration),
        ],
        "sessions": sorted(
            [
                _instant(s.start),
                _instant(s.end),
                s.all_day,
                s.status,
                _instant(s.new_start),
                _instant(s.new_end),
            ]
            for s in page.sessions.all()
        ),
        "exceptions": sorted(
            [str(e.date), e.action, _instant(e.new_start), _instant(e.new_end)]
            for e in page.exceptions.all()
        ),
        "format": page.format,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _instant(value):
    return value.astimezone(datetime.UTC).isoformat() if value is not None else None


@transaction.atomic
def assign_sequences(page):
    """Give the published `page` the SEQUENCE of its schedule, and every other live language
    version of the training the SEQUENCE of its own schedule.

    A schedule that differs from the one published last gets the next number; one published
    before keeps its number while it is what a version shows. So a number never labels two
    different schedules (a version not yet brought up to date keeps the old number with the
    old times), and versions with the same schedule carry the same number. Returns the
    page's SEQUENCE.
    """
    fingerprint = schedule_fingerprint(page)
    version, created = ScheduleVersion.objects.select_for_update().get_or_create(
        uid=page.uid,
        defaults={
            "fingerprint": fingerprint,
            "sequence": page.sequence,
            "labels": {fingerprint: page.sequence},
        },
    )
    if fingerprint != version.fingerprint or fingerprint not in version.labels:
        version.sequence += 1
        version.labels[fingerprint] = version.sequence
        version.fingerprint = fingerprint
        version.changed_at = timezone.now()
    others = (
        TrainingPage.objects.live()
        .filter(uid=page.uid)
        .exclude(pk=page.pk)
        .defer_streamfields()
        .prefetch_related("sessions", "exceptions")
    )
    numbers = {page.pk: version.labels[fingerprint]}
    for other in others:
        key = schedule_fingerprint(other)
        if key not in version.labels:  # a schedule from before numbers were kept per schedule
            version.sequence += 1
            version.labels[key] = version.sequence
        numbers[other.pk] = version.labels[key]
    version.save()
    for pk, number in numbers.items():
        TrainingPage.objects.filter(pk=pk).exclude(sequence=number).update(sequence=number)
    page.sequence = numbers[page.pk]
    return page.sequence
