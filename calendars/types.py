"""The data that apps hand to the calendar builder.

The catalogue, funding and lending apps turn their own models into these frozen dataclasses;
`calendars.ical` turns them into RFC 5545 text. Nothing here touches the database or settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule

DEFAULT_TIMEZONE = "Europe/Helsinki"

# The domain part of every UID the site writes (RFC 5545 3.8.4.7: globally unique). Never
# changed: a calendar program takes a new UID for a new event, and would show both.
UID_DOMAIN = "meidanhame.fi"
# Clients show the organiser's name from CN; the value must be a URI (RFC 5545), and a no-reply
# mailto gives one without exposing a person's address.
NO_REPLY_ADDRESS = "mailto:noreply@meidanhame.fi"

EVENT_STATUSES = ("CONFIRMED", "TENTATIVE", "CANCELLED")

DateOrDateTime = date | datetime


@dataclass(frozen=True, slots=True)
class CalendarMeta:
    """What a feed says about itself.

    `name` None means a download of a single event: the calendar then carries no `NAME`,
    `X-WR-CALNAME`, `DESCRIPTION`, `REFRESH-INTERVAL` or `URL`/`SOURCE`, so that Outlook adds
    the event to the user's calendar instead of creating a new calendar for it.
    """

    name: str | None
    description: str = ""
    url: str = ""  # the HTML page the feed belongs to
    source: str = ""  # the feed's own https URL
    language: str = "fi"  # "fi", "sv" or "en": LANGUAGE= on texts without their own language
    refresh_interval: timedelta = timedelta(hours=6)
    timezone: str = DEFAULT_TIMEZONE
    method: str = "PUBLISH"


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One event, a recurring series, or the override of one occurrence of a series.

    Times: `start`/`end` are both aware datetimes (a timed event, written with TZID of the
    calendar's time zone) or both dates (all-day, `end` exclusive: a one-day event on 1 May
    has start=1 May, end=2 May). `end == start` writes no DTEND (RFC 5545: zero length for a
    timed event, one day for an all-day one). `end < start` is malformed: the event is skipped.

    Recurrence: `rrules` are RRULE values ("FREQ=WEEKLY;BYDAY=TU"); `rdates`/`exdates` have the
    same type as `start`. `recurrence_to_ical()` builds the three from django-recurrence.

    Overrides: put the override of one occurrence (moved, renamed or `status="CANCELLED"`) in
    `overrides` of its series, with `recurrence_id` = the occurrence's original start. The
    builder writes it with the series' UID (or the UID of the part that holds it when a long
    series is split), so its `uid` is ignored. A standalone `FeedEvent` with `recurrence_id`
    is written as it is.

    `dtstamp`, `created` and `last_modified` are aware datetimes supplied by the caller (the
    revision's time), never "now": the same event always serialises to the same bytes.
    """

    uid: str  # stable across edits, e.g. f"{page.translation_key}@meidanhame.fi"
    summary: str
    start: DateOrDateTime
    end: DateOrDateTime
    dtstamp: datetime
    description: str = ""  # plain text; newlines are kept
    url: str = ""
    location: str = ""
    geo: tuple[float, float] | None = None  # (latitude, longitude)
    categories: tuple[str, ...] = ()
    organizer_name: str | None = None  # shown as ORGANIZER;CN=…; no personal address
    organizer_address: str = NO_REPLY_ADDRESS
    status: str = "CONFIRMED"
    sequence: int = 0  # raise on every published change that subscribers should see
    created: datetime | None = None
    last_modified: datetime | None = None
    rrules: tuple[str, ...] = ()
    rdates: tuple[DateOrDateTime, ...] = ()
    exdates: tuple[DateOrDateTime, ...] = ()
    recurrence_id: DateOrDateTime | None = None
    overrides: tuple[FeedEvent, ...] = ()
    alarms: tuple[timedelta, ...] = ()  # reminders this long before the start
    language: str | None = None  # overrides the calendar's language for this event
    transparency: str | None = None  # "OPAQUE" or "TRANSPARENT"; None writes nothing


class RecurrenceSet(NamedTuple):
    """RRULE values, RDATEs and EXDATEs for `FeedEvent`, in the calendar's time zone."""

    rrules: tuple[str, ...]
    rdates: tuple[DateOrDateTime, ...]
    exdates: tuple[DateOrDateTime, ...]


_FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# django-recurrence's attribute names, in the order they are written after FREQ/INTERVAL/WKST.
_BY_PARAMS = (
    "bymonth",
    "bymonthday",
    "byyearday",
    "byweekno",
    "byday",
    "byhour",
    "byminute",
    "bysecond",
    "bysetpos",
)
EXRULE_HORIZON = timedelta(days=3 * 366)


def recurrence_to_ical(
    recurrence: Any,
    dtstart: DateOrDateTime,
    *,
    tzid: str = DEFAULT_TIMEZONE,
    exrule_horizon: timedelta = EXRULE_HORIZON,
) -> RecurrenceSet:
    """Turn a django-recurrence `Recurrence` into (rrules, rdates, exdates) for `dtstart`.

    - `UNTIL` is written in UTC for a timed series (RFC 5545 requires it when DTSTART has a
      TZID) and as a DATE for an all-day series.
    - django-recurrence's widget picks dates and stores them as local midnight; on a series
      that does not start at midnight, such an RDATE/EXDATE means "the occurrence on that
      day" and an UNTIL at midnight means "up to and including that day". Code that lists the
      same occurrences elsewhere should expand the returned set (`expand_occurrences`), not the
      raw `Recurrence`, so that pages and feeds agree.
    - EXRULE is obsolete in RFC 5545 and unknown to Google: its matches become EXDATEs, up to
      the end of the series, or `exrule_horizon` after `dtstart` for an endless one.
    - `recurrence.dtstart` is ignored (the caller's `dtstart` wins); `recurrence.dtend` caps
      every rule like an UNTIL.
    """
    zone = ZoneInfo(tzid)
    all_day = not isinstance(dtstart, datetime)
    start = dtstart if all_day else dtstart.astimezone(zone)
    cap = getattr(recurrence, "dtend", None)
    cap = _as_local(cap, zone) if cap is not None else None

    def to_member(value: DateOrDateTime) -> DateOrDateTime:
        local = _as_local(value, zone)
        if all_day:
            return local.date() if isinstance(local, datetime) else local
        if not isinstance(local, datetime):
            return datetime.combine(local, start.time(), tzinfo=zone)
        if local.time() == time() and start.time() != time():
            return datetime.combine(local.date(), start.time(), tzinfo=zone)
        return local

    def until_of(rule: Any) -> DateOrDateTime | None:
        until = _as_local(rule.until, zone) if rule.until is not None else None
        midnight = isinstance(until, datetime) and until.time() == time()
        if midnight and not all_day and start.time() != time():
            until = datetime.combine(until.date(), _END_OF_DAY, tzinfo=zone)
        if cap is not None and (until is None or sort_key(cap) < sort_key(until)):
            until = cap
        if until is None:
            return None
        if all_day:
            return until.date() if isinstance(until, datetime) else until
        if not isinstance(until, datetime):
            return datetime.combine(until, _END_OF_DAY, tzinfo=zone)
        return until

    def rule_value(rule: Any) -> str:
        return _rule_value(rule, until_of(rule) if rule.count is None else None)

    rrules = tuple(rule_value(rule) for rule in recurrence.rrules)
    rdates = {to_member(value) for value in recurrence.rdates}
    exdates = {to_member(value) for value in recurrence.exdates}
    exrules = tuple(rule_value(rule) for rule in getattr(recurrence, "exrules", ()))
    if exrules:
        exdates.update(_exrule_matches(exrules, rrules, start, zone, exrule_horizon))
    return RecurrenceSet(
        rrules, tuple(sorted(rdates, key=sort_key)), tuple(sorted(exdates, key=sort_key))
    )


def expand_occurrences(
    start: DateOrDateTime,
    recurrence: RecurrenceSet,
    *,
    until: DateOrDateTime,
    tzid: str = DEFAULT_TIMEZONE,
) -> list[DateOrDateTime]:
    """The starts of a series up to `until` (inclusive), as an RFC 5545 client computes them.

    Rules are expanded in local wall-clock time of `tzid` (a weekly 18:00 stays at 18:00 across
    DST); DTSTART is always the first occurrence; EXDATEs remove, RDATEs add.
    """
    zone = ZoneInfo(tzid)
    rules = dateutil_rrule.rruleset()
    for value in recurrence.rrules:
        rules.rrule(dateutil_rule(value, start, zone))
    rules.rdate(naive_local(start, zone))
    for value in recurrence.rdates:
        rules.rdate(naive_local(value, zone))
    for value in recurrence.exdates:
        rules.exdate(naive_local(value, zone))
    occurrences = rules.between(
        naive_local(start, zone) - timedelta(days=1), naive_local(until, zone), inc=True
    )
    if isinstance(start, datetime):
        return [occurrence.replace(tzinfo=zone) for occurrence in occurrences]
    return [occurrence.date() for occurrence in occurrences]


# RRULE parts this package reads or writes (RFC 5545 §3.3.10).
RRULE_KEYS = frozenset(
    {"FREQ", "UNTIL", "COUNT", "INTERVAL", "WKST"} | {param.upper() for param in _BY_PARAMS}
)
_END_OF_DAY = time(23, 59, 59)


def parse_rrule(value: str) -> list[tuple[str, str]]:
    """Split an RRULE value into ordered (KEY, VALUE) pairs; ValueError when it is malformed."""
    if value.upper().startswith("RRULE:"):
        value = value[6:]
    pairs: list[tuple[str, str]] = []
    for item in value.strip().upper().split(";"):
        if not item:
            continue
        key, sep, text = item.partition("=")
        if not sep or not text or key not in RRULE_KEYS:
            raise ValueError(f"bad RRULE part {item!r}")
        if any(key == seen for seen, _ in pairs):
            raise ValueError(f"repeated RRULE part {key}")
        if not all(char.isalnum() or char in ",-+" for char in text):
            raise ValueError(f"bad RRULE value {item!r}")
        pairs.append((key, text))
    keys = dict(pairs)
    if keys.get("FREQ") not in _FREQUENCIES:
        raise ValueError(f"RRULE without a valid FREQ: {value!r}")
    if "COUNT" in keys and "UNTIL" in keys:
        raise ValueError("RRULE with both COUNT and UNTIL")
    return pairs


def parse_until(text: str, zone: ZoneInfo) -> DateOrDateTime:
    """An UNTIL value as a date or an aware datetime (local when written without Z)."""
    if len(text) == 8:
        return datetime.strptime(text, "%Y%m%d").date()
    if text.endswith("Z"):
        return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=zone)


def naive_local(value: DateOrDateTime, zone: ZoneInfo) -> datetime:
    """Local wall-clock time without tzinfo (dates at midnight): what dateutil expands over."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone)
        return value.replace(tzinfo=None, fold=0)
    return datetime.combine(value, time())


def dateutil_rule(value: str, start: DateOrDateTime, zone: ZoneInfo) -> dateutil_rrule.rrule:
    """A dateutil rule for an RRULE value, over naive local times (see `naive_local`)."""
    parts = []
    for key, text in parse_rrule(value):
        if key == "UNTIL":
            until = parse_until(text, zone)
            if isinstance(start, datetime) and not isinstance(until, datetime):
                until = datetime.combine(until, _END_OF_DAY)
            text = naive_local(until, zone).strftime("%Y%m%dT%H%M%S")
        parts.append(f"{key}={text}")
    return dateutil_rrule.rrulestr(";".join(parts), dtstart=naive_local(start, zone))


def sort_key(value: DateOrDateTime) -> datetime:
    """A key that orders dates and aware datetimes together (dates at UTC midnight)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.combine(value, time(), tzinfo=UTC)


def format_until(until: DateOrDateTime) -> str:
    """An RRULE UNTIL value: UTC for a datetime (RFC 5545 §3.3.10), YYYYMMDD for a date."""
    if isinstance(until, datetime):
        return until.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return until.strftime("%Y%m%d")


def _as_local(value: DateOrDateTime, zone: ZoneInfo) -> DateOrDateTime:
    """A datetime in `zone` (a naive one is taken as local already), or the date unchanged."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def _weekday_token(day: Any) -> str:
    """'MO', '2TU' or '-1SU' from django-recurrence's Weekday, an int (0 = Monday) or a string."""
    if isinstance(day, str):
        return day.upper()
    if isinstance(day, int):
        return _WEEKDAYS[day]
    index = getattr(day, "index", None)
    return f"{index or ''}{_WEEKDAYS[day.number]}"


def _rule_value(rule: Any, until: DateOrDateTime | None) -> str:
    """One RRULE value from a django-recurrence `Rule`, with its UNTIL already resolved."""
    parts = [f"FREQ={_FREQUENCIES[rule.freq]}"]
    if rule.interval and rule.interval != 1:
        parts.append(f"INTERVAL={int(rule.interval)}")
    if rule.wkst is not None:
        parts.append(f"WKST={_weekday_token(getattr(rule.wkst, 'number', rule.wkst))}")
    if rule.count is not None:
        parts.append(f"COUNT={int(rule.count)}")
    elif until is not None:
        parts.append(f"UNTIL={format_until(until)}")
    for param in _BY_PARAMS:
        values = getattr(rule, param, None) or []
        if param == "byday":
            text = ",".join(_weekday_token(day) for day in values)
        else:
            text = ",".join(str(int(number)) for number in values)
        if text:
            parts.append(f"{param.upper()}={text}")
    return ";".join(parts)


def _exrule_matches(
    exrules: tuple[str, ...],
    rrules: tuple[str, ...],
    start: DateOrDateTime,
    zone: ZoneInfo,
    horizon: timedelta,
) -> set[DateOrDateTime]:
    """What the EXRULEs remove from the series, bounded by its end or by the horizon."""
    limit = naive_local(start, zone) + horizon
    if rrules and all(is_bounded(value) for value in rrules):
        # A series that ends is covered to its end, however far that is.
        rules = [dateutil_rule(value, start, zone) for value in rrules]
        limit = max((rule[-1] for rule in rules if rule.count()), default=limit)
    matches: set[DateOrDateTime] = set()
    for value in exrules:
        for occurrence in dateutil_rule(value, start, zone):
            if occurrence > limit:
                break
            matches.add(
                occurrence.replace(tzinfo=zone)
                if isinstance(start, datetime)
                else occurrence.date()
            )
    return matches


def is_bounded(value: str) -> bool:
    """True when an RRULE value ends (COUNT or UNTIL)."""
    return any(key in ("COUNT", "UNTIL") for key, _ in parse_rrule(value))
