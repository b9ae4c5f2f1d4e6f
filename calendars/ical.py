"""RFC 5545 calendars from `FeedEvent`s: pure functions, data in and bytes out.

Every VEVENT and the calendar's header are made with the `icalendar` library, which escapes,
folds and formats. What is our own serves calendar programs the library knows nothing of:
Outlook's form of VTIMEZONE, Google's limit on EXDATEs (long series are split), calcurse's
reading of COUNT, and the choice of the zone or UTC for each time (see `README.md`).
`serialize_event` writes the VEVENT block(s) of one event; callers cache those per revision,
so a feed is `calendar_header(meta) + b"".join(blocks) + CALENDAR_END`.
No clock, database or Django setting is read: the same input gives the same bytes.
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule
from icalendar import (
    Alarm,
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vRecur,
)

from .types import (
    DEFAULT_TIMEZONE,
    EVENT_STATUSES,
    CalendarMeta,
    DateOrDateTime,
    FeedEvent,
    dateutil_rule,
    format_until,
    naive_local,
    parse_rrule,
    parse_until,
    sort_key,
)

logger = logging.getLogger("calendars")

PRODID = "-//Meidan Hame//Calendars 1.0//FI"
CALENDAR_END = b"END:VCALENDAR\r\n"
# Google Calendar drops series with more EXDATEs than this; longer series are split.
MAX_EXDATES_PER_SERIES = 90
# A series is expanded at most this far when it is split; beyond it, it is written unsplit.
MAX_EXPANDED_OCCURRENCES = 50_000

CalendarItem = FeedEvent | bytes


class MalformedEventError(ValueError):
    """An event that cannot be written as valid iCalendar; it is skipped and logged."""


def serialize_event(
    event: FeedEvent,
    language: str = "fi",
    *,
    tzid: str = DEFAULT_TIMEZONE,
    max_exdates: int | None = MAX_EXDATES_PER_SERIES,
) -> bytes:
    """The VEVENT block(s) of one event, folded, CRLF-terminated UTF-8; b"" when malformed.

    A series gives one VEVENT, plus one per override; a series with more than `max_exdates`
    EXDATEs gives several (see `README.md`). `language` applies when the event has none; timed
    values are written in `tzid`, which must be the calendar's time zone.
    """
    try:
        vevents = _vevents(event, language, ZoneInfo(tzid), max_exdates)
        return b"".join(vevent.to_ical() for vevent in vevents)
    except MalformedEventError as error:
        logger.warning("Skipped calendar event %r: %s", getattr(event, "uid", "?"), error)
    except Exception:
        # One bad row must not take the whole feed down; the traceback goes to the log.
        logger.exception("Skipped calendar event %r", getattr(event, "uid", "?"))
    return b""


def calendar_header(meta: CalendarMeta) -> bytes:
    """BEGIN:VCALENDAR, the calendar's properties and its VTIMEZONE: all before the events.

    A calendar without `meta.name` is a single-event file (see `CalendarMeta`).
    """
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", meta.method.upper())
    if meta.name:
        calendar.add("name", _plain(meta.name), parameters=_language(meta.language))
        calendar.add("x-wr-calname", _plain(meta.name))
        if meta.description:
            description = _plain(meta.description)
            calendar.add("description", description, parameters=_language(meta.language))
            calendar.add("x-wr-caldesc", description)
        calendar.add("x-wr-timezone", meta.timezone)
        # RFC 7986 requires VALUE=DURATION and VALUE=URI on these two.
        calendar.add("refresh-interval", meta.refresh_interval, {"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(meta.refresh_interval))
        if meta.url:
            calendar.add("url", meta.url.strip())
        if meta.source:
            calendar.add("source", meta.source.strip(), {"VALUE": "URI"})
    return calendar.to_ical().removesuffix(CALENDAR_END) + vtimezone(meta.timezone)


def build_calendar(meta: CalendarMeta, events: Iterable[CalendarItem]) -> bytes:
    """A complete VCALENDAR from events and/or blocks made by `serialize_event`.

    Blocks are joined as they are, in the given order; `FeedEvent`s are serialised with the
    calendar's language and time zone.
    """
    chunks = [calendar_header(meta)]
    for item in events:
        if isinstance(item, FeedEvent):
            chunks.append(serialize_event(item, meta.language, tzid=meta.timezone))
        else:
            chunks.append(bytes(item))
    chunks.append(CALENDAR_END)
    return b"".join(chunks)


# --- one event ---------------------------------------------------------------------------------


class _Part(NamedTuple):
    """One VEVENT of a series: the whole series, or a slice of a split one."""

    uid: str
    start: DateOrDateTime
    rrules: tuple[str, ...]
    rdates: tuple[DateOrDateTime, ...]
    exdates: tuple[DateOrDateTime, ...]


def _vevents(
    event: FeedEvent, language: str, zone: ZoneInfo, max_exdates: int | None
) -> list[Event]:
    """The VEVENTs of one event and its overrides."""
    _check(event)
    language = event.language or language
    uid = _plain(event.uid).strip()
    rrules = tuple(_normalised_rrule(value, event.start, zone) for value in event.rrules)
    if event.exdates:
        rrules = tuple(_count_as_until(value, event.start, zone) for value in rrules)
    for override in event.overrides:
        _check_override(override, event)
    if event.recurrence_id is not None:
        if rrules or event.rdates or event.exdates or event.overrides:
            raise MalformedEventError("an override cannot recur")
        return [_vevent(event, language, zone, _Part(uid, event.start, (), (), ()))]

    parts = None
    if max_exdates is not None and len(event.exdates) > max_exdates:
        parts = _split_series(event, uid, rrules, zone, max_exdates)
    if parts is None:
        parts = [_Part(uid, event.start, rrules, event.rdates, event.exdates)]
    vevents = [_vevent(event, language, zone, part) for part in parts]
    starts = [sort_key(part.start) for part in parts[1:]]
    for override in event.overrides:
        # An override belongs to the part whose range holds the occurrence it replaces.
        part = parts[bisect.bisect_right(starts, sort_key(override.recurrence_id))]
        override_part = _Part(part.uid, override.start, (), (), ())
        vevents.append(_vevent(override, override.language or language, zone, override_part))
    return vevents


def _vevent(event: FeedEvent, language: str, zone: ZoneInfo, part: _Part) -> Event:
    """One VEVENT: an event, one part of a series, or an override."""
    end = event.end
    if part.start != event.start:  # a later slice of a split series keeps the length
        end = _shift(event.start, event.end, part.start, zone)
    # A series is defined in wall-clock time; a single event is a fixed instant, written in UTC
    # (start and end alike) only when a local time cannot name it.
    if part.rrules or part.rdates:
        when = functools.partial(_wall_clock, zone=zone)
    elif _in_repeated_hour(zone, part.start, end):
        when = _utc
    else:
        when = functools.partial(_instant, zone=zone)
    vevent = Event()
    vevent.add("uid", part.uid)
    vevent.add("dtstamp", event.dtstamp)
    vevent.add("dtstart", when(part.start))
    if end != part.start:
        vevent.add("dtend", when(end))
    for rule in part.rrules:
        vevent.add("rrule", vRecur.from_ical(rule))
    if part.rdates:
        vevent.add("rdate", [_wall_clock(value, zone) for value in _ordered(part.rdates)])
    if part.exdates:
        vevent.add("exdate", [_wall_clock(value, zone) for value in _ordered(part.exdates)])
    if event.recurrence_id is not None:
        vevent.add("recurrence-id", _wall_clock(event.recurrence_id, zone))
    vevent.add("summary", _plain(event.summary), _language(language))
    description = _plain(event.description).strip()
    if event.url and event.url not in description:
        # Google and Outlook do not show URL; a link in the description is what users click.
        description = f"{description}\n\n{event.url}" if description else event.url
    if description:
        vevent.add("description", description, _language(language))
    if event.location:
        vevent.add("location", _plain(event.location), _language(language))
    if event.geo is not None:
        if _is_geo(event.geo):
            vevent.add("geo", tuple(float(number) for number in event.geo))
        else:
            logger.warning("Calendar event %r: GEO %r left out", event.uid, event.geo)
    if event.url:
        vevent.add("url", event.url.strip())
    categories = [_plain(name) for name in event.categories if name.strip()]
    if categories:
        vevent.add("categories", categories, _language(language))
    if event.organizer_name:
        # RFC 5546 wants an ORGANIZER; clients show its CN, and a no-reply mailto is no person.
        name = " ".join(_plain(event.organizer_name).split())
        vevent.add("organizer", event.organizer_address.strip(), {"CN": name})
    vevent.add("status", event.status)
    vevent.add("sequence", event.sequence)
    if event.created is not None:
        vevent.add("created", event.created)
    if event.last_modified is not None:
        vevent.add("last-modified", event.last_modified)
    if event.transparency:
        vevent.add("transp", event.transparency)
    for before in event.alarms:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _plain(event.summary))
        alarm.add("trigger", -before)
        vevent.add_component(alarm)
    return vevent


def _check(event: FeedEvent, *, override: bool = False) -> None:
    """Raise MalformedEventError for an event that cannot be written correctly."""
    if not isinstance(event, FeedEvent):
        raise MalformedEventError(f"not a FeedEvent: {type(event).__name__}")
    if not override and (not isinstance(event.uid, str) or not _plain(event.uid).strip()):
        raise MalformedEventError("no UID")
    timed = isinstance(event.start, datetime)
    for name in ("start", "end"):
        _check_when(name, getattr(event, name), timed)
    if sort_key(event.end) < sort_key(event.start):
        raise MalformedEventError(f"ends ({event.end}) before it starts ({event.start})")
    for name in ("dtstamp", "created", "last_modified"):
        value = getattr(event, name)
        if (value is not None or name == "dtstamp") and not _is_aware(value):
            raise MalformedEventError(f"{name} must be an aware datetime, not {value!r}")
    if event.status not in EVENT_STATUSES:
        raise MalformedEventError(f"unknown STATUS {event.status!r}")
    if isinstance(event.sequence, bool) or not isinstance(event.sequence, int):
        raise MalformedEventError(f"SEQUENCE must be an integer, not {event.sequence!r}")
    if event.sequence < 0:
        raise MalformedEventError("negative SEQUENCE")
    if event.transparency not in (None, "OPAQUE", "TRANSPARENT"):
        raise MalformedEventError(f"unknown TRANSP {event.transparency!r}")
    for value in event.rdates + event.exdates:
        _check_when("RDATE/EXDATE", value, timed)
    if event.recurrence_id is not None:
        _check_when("recurrence_id", event.recurrence_id, isinstance(event.recurrence_id, datetime))
    if not all(isinstance(alarm, timedelta) for alarm in event.alarms):
        raise MalformedEventError("alarms must be timedeltas")
    if event.overrides and not (event.rrules or event.rdates):
        raise MalformedEventError("overrides on an event that does not recur")


def _check_override(override: FeedEvent, series: FeedEvent) -> None:
    """Raise MalformedEventError unless `override` can replace one occurrence of `series`."""
    _check(override, override=True)
    if override.recurrence_id is None:
        raise MalformedEventError("an override without recurrence_id")
    if isinstance(override.recurrence_id, datetime) != isinstance(series.start, datetime):
        raise MalformedEventError("recurrence_id and the series start differ in type")
    if override.rrules or override.rdates or override.exdates or override.overrides:
        raise MalformedEventError("an override cannot recur")


def _check_when(name: str, value: object, timed: bool) -> None:
    """A date for an all-day event, an aware datetime for a timed one."""
    if timed:
        if not _is_aware(value):
            raise MalformedEventError(f"{name} must be an aware datetime, not {value!r}")
    elif not isinstance(value, date) or isinstance(value, datetime):
        raise MalformedEventError(f"{name} must be a date like the start, not {value!r}")


def _is_aware(value: object) -> bool:
    return isinstance(value, datetime) and value.utcoffset() is not None


def _normalised_rrule(value: str, start: DateOrDateTime, zone: ZoneInfo) -> str:
    """An RRULE value with UNTIL of the type RFC 5545 requires: UTC, or a DATE for all-day."""
    try:
        pairs = parse_rrule(value)
        for index, (key, text) in enumerate(pairs):
            if key != "UNTIL":
                continue
            until = parse_until(text, zone)
            if isinstance(start, datetime) and not isinstance(until, datetime):
                until = datetime.combine(until, time(23, 59, 59), tzinfo=zone)
            elif not isinstance(start, datetime) and isinstance(until, datetime):
                until = until.astimezone(zone).date()
            pairs[index] = (key, format_until(until))
    except ValueError as error:
        raise MalformedEventError(str(error)) from error
    return ";".join(f"{key}={text}" for key, text in pairs)


def _count_as_until(value: str, start: DateOrDateTime, zone: ZoneInfo) -> str:
    """An RRULE with COUNT rewritten with UNTIL = its last start (UTC, or a DATE all-day).

    The same set under RFC 5545, where EXDATE removes from the COUNT occurrences; but some
    readers (calcurse) count only the dates that remain and so add one more date for each
    EXDATE. Written for series with EXDATEs; a huge COUNT is left as it is."""
    pairs = parse_rrule(value)
    count = dict(pairs).get("COUNT")
    if count is None or int(count) > MAX_EXPANDED_OCCURRENCES:
        return value
    occurrences = list(dateutil_rule(value, start, zone))
    if not occurrences:
        return value
    until = format_until(_from_local(occurrences[-1], start, zone))
    return ";".join(f"UNTIL={until}" if key == "COUNT" else f"{key}={text}" for key, text in pairs)


def _shift(
    start: DateOrDateTime, end: DateOrDateTime, new_start: DateOrDateTime, zone: ZoneInfo
) -> DateOrDateTime:
    """The end of an occurrence at `new_start` with the exact length of start→end."""
    if isinstance(start, datetime):
        return (new_start.astimezone(UTC) + (end - start)).astimezone(zone)
    return new_start + (end - start)


# --- splitting long series ---------------------------------------------------------------------


def _split_series(
    event: FeedEvent, uid: str, rrules: tuple[str, ...], zone: ZoneInfo, max_exdates: int
) -> list[_Part] | None:
    """Cut a series with too many EXDATEs into parts of at most `max_exdates` each.

    Part 0 keeps the UID and DTSTART; part n gets `{uid}-p{n}`, starts at its first kept
    occurrence and has its implicit BY* parts written out, so that the union of the parts
    expands to exactly the original occurrences (checked; if not, None: written unsplit).
    Exclusions between parts and EXDATEs that match nothing cost nothing.
    """
    if len(rrules) != 1:
        logger.warning("Calendar event %r: %d RRULEs cannot be split", event.uid, len(rrules))
        return None
    rrule = rrules[0]
    pairs = parse_rrule(rrule)
    bounded = any(key in ("COUNT", "UNTIL") for key, _ in pairs)
    start = naive_local(event.start, zone)
    excluded = {naive_local(value, zone) for value in event.exdates}
    rdates = sorted({naive_local(value, zone) for value in event.rdates} - excluded)
    overridden = [naive_local(override.recurrence_id, zone) for override in event.overrides]
    horizon = max([start, *excluded, *rdates, *overridden])

    occurrences = [start]
    for occurrence in dateutil_rule(rrule, event.start, zone):
        if occurrence > start:
            occurrences.append(occurrence)
        if not bounded and occurrence > horizon:
            break  # past every exclusion: one kept occurrence to start the last part on
        if len(occurrences) > MAX_EXPANDED_OCCURRENCES:
            logger.warning("Calendar event %r: series too long to split", event.uid)
            return None

    runs = _runs(occurrences, excluded, max_exdates)
    begins = [occurrences[first] for first, _ in runs]
    parts: list[_Part] = []
    for number, (first, last) in enumerate(runs):
        to_the_end = last is None
        if number == 0 and to_the_end:
            part_pairs = pairs  # not split after all: only EXDATEs that match nothing go
        else:
            part_pairs = pairs if number == 0 else _explicit(pairs, start)
            part_pairs = [(key, text) for key, text in part_pairs if key not in ("COUNT", "UNTIL")]
            if not to_the_end:
                part_pairs.append(("UNTIL", _until_text(occurrences[last], event.start, zone)))
            elif bounded:
                part_pairs.append(("UNTIL", _until_text(occurrences[-1], event.start, zone)))
        stop = len(occurrences) - 1 if to_the_end else last
        low = begins[number] if number else datetime.min
        high = begins[number + 1] if number + 1 < len(runs) else datetime.max
        part_exdates = [value for value in occurrences[first : stop + 1] if value in excluded]
        part_rdates = [value for value in rdates if low <= value < high]
        if stop == first and occurrences[first] in excluded and not part_rdates:
            continue  # nothing of this part is left: its only occurrence is excluded
        parts.append(
            _Part(
                uid if number == 0 else f"{uid}-p{number}",
                _from_local(begins[number], event.start, zone),
                (";".join(f"{key}={text}" for key, text in part_pairs),),
                tuple(_from_local(value, event.start, zone) for value in part_rdates),
                tuple(_from_local(value, event.start, zone) for value in part_exdates),
            )
        )
    if not _same_occurrences(event, rrule, parts, zone, max(horizon, occurrences[-1])):
        logger.warning("Calendar event %r: split would change the series; unsplit", event.uid)
        return None
    return parts


def _runs(
    occurrences: Sequence[datetime], excluded: set[datetime], max_exdates: int
) -> list[tuple[int, int | None]]:
    """(first, last) occurrence indexes of each part, `last` its last kept occurrence.

    `last` is None for a part that runs to the end of the series. Part 0 starts at DTSTART
    even when that is excluded; every other part starts at a kept occurrence.
    """
    runs: list[tuple[int, int | None]] = []
    first = 0
    used = 1 if occurrences[0] in excluded else 0
    last_kept: int | None = None if used else 0
    index = 1
    while index < len(occurrences):
        if occurrences[index] not in excluded:
            last_kept = index
        elif used < max_exdates:
            used += 1
        else:
            runs.append((first, first if last_kept is None else last_kept))
            index += 1
            while index < len(occurrences) and occurrences[index] in excluded:
                index += 1
            if index == len(occurrences):
                return runs  # a bounded series whose remaining occurrences are all excluded
            first, used, last_kept = index, 0, index
        index += 1
    runs.append((first, None))
    return runs


_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _explicit(pairs: list[tuple[str, str]], start: datetime) -> list[tuple[str, str]]:
    """RRULE parts with what DTSTART implied written out, so that DTSTART can move."""
    keys = {key for key, _ in pairs}
    frequency = dict(pairs)["FREQ"]
    added: list[tuple[str, str]] = []
    day_keys = {"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO"}
    if frequency == "WEEKLY" and "BYDAY" not in keys:
        added.append(("BYDAY", _WEEKDAY_CODES[start.weekday()]))
    elif frequency == "MONTHLY" and not keys & day_keys:
        added.append(("BYMONTHDAY", str(start.day)))
    elif frequency == "YEARLY":
        if "BYWEEKNO" in keys and "BYDAY" not in keys:
            added.append(("BYDAY", _WEEKDAY_CODES[start.weekday()]))
        elif not keys & day_keys:
            if "BYMONTH" not in keys:
                added.append(("BYMONTH", str(start.month)))
            added.append(("BYMONTHDAY", str(start.day)))
    return [*pairs, *added]


def _same_occurrences(
    event: FeedEvent, rrule: str, parts: list[_Part], zone: ZoneInfo, horizon: datetime
) -> bool:
    """Whether the parts expand to the series' occurrences (to well past the horizon)."""
    low = naive_local(event.start, zone) - timedelta(days=1)
    if event.rdates:
        low = min(low, *(naive_local(value, zone) for value in event.rdates))
    high = horizon + timedelta(days=800)  # two yearly cycles past the last change

    def expand(start, rules, rdates, exdates) -> set[datetime]:
        series = dateutil_rrule.rruleset()
        for value in rules:
            series.rrule(dateutil_rule(value, start, zone))
        for value in (start, *rdates):
            series.rdate(naive_local(value, zone))
        for value in exdates:
            series.exdate(naive_local(value, zone))
        return set(series.between(low, high, inc=True))

    expected = expand(event.start, (rrule,), event.rdates, event.exdates)
    actual: set[datetime] = set()
    for part in parts:
        actual |= expand(part.start, part.rrules, part.rdates, part.exdates)
    return actual == expected


def _until_text(value: datetime, start: DateOrDateTime, zone: ZoneInfo) -> str:
    return format_until(_from_local(value, start, zone))


def _from_local(value: datetime, start: DateOrDateTime, zone: ZoneInfo) -> DateOrDateTime:
    """A naive local time back to the type of `start`: a date, or an aware datetime."""
    if isinstance(start, datetime):
        return value.replace(tzinfo=zone)
    return value.date()


# --- values ------------------------------------------------------------------------------------


def _in_repeated_hour(zone: ZoneInfo, *values: DateOrDateTime) -> bool:
    """Whether an instant falls in the second pass of the hour repeated when DST ends.

    RFC 5545 reads an ambiguous local time as the first pass, so no TZID time names it.
    """
    return any(
        isinstance(value, datetime) and value.astimezone(UTC).astimezone(zone).fold
        for value in values
    )


def _wall_clock(value: DateOrDateTime, zone: ZoneInfo) -> DateOrDateTime:
    """A date, or the local time in `zone` (written with TZID=zone): a series' wall clock."""
    if not isinstance(value, datetime) or value.tzinfo is zone:
        return value
    return value.astimezone(zone)


def _instant(value: DateOrDateTime, zone: ZoneInfo) -> DateOrDateTime:
    """A date, or the instant as a local time in `zone` (written with TZID=zone)."""
    if not isinstance(value, datetime):
        return value
    # Through UTC, so that a wall time inside the spring-forward gap becomes a real one.
    return value.astimezone(UTC).astimezone(zone)


def _utc(value: DateOrDateTime) -> DateOrDateTime:
    return value.astimezone(UTC) if isinstance(value, datetime) else value


def _ordered(values: Iterable[DateOrDateTime]) -> list[DateOrDateTime]:
    """Sorted and without repeats, so that equal input gives equal bytes."""
    return sorted(set(values), key=sort_key)


def _is_geo(geo: tuple[float, float]) -> bool:
    """Whether (latitude, longitude) can be written as GEO; icalendar writes whatever floats."""
    try:
        latitude, longitude = (float(number) for number in geo)
    except (TypeError, ValueError):
        return False
    finite = math.isfinite(latitude) and math.isfinite(longitude)
    return finite and abs(latitude) <= 90 and abs(longitude) <= 180


# TEXT may not hold control characters (RFC 5545 §3.3.11) and icalendar writes them as they
# are; it turns CR and LF into \n, and the other line breaks of Unicode become LF first, so
# user text can never look like a new content line to a reader that splits on them.
_NOT_IN_TEXT = {
    **dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F]),
    **dict.fromkeys([0x85, 0x2028, 0x2029], "\n"),
}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def _plain(text: str) -> str:
    return text.translate(_NOT_IN_TEXT)


def _language(language: str | None) -> dict[str, str]:
    """The LANGUAGE parameter, left out for a value that is no language tag."""
    return {"LANGUAGE": language} if language and _LANGUAGE_TAG.fullmatch(language) else {}


# --- time zone ---------------------------------------------------------------------------------


class _Transition(NamedTuple):
    at: datetime  # UTC instant
    before: timedelta
    after: timedelta
    dst: bool
    name: str

    @property
    def onset(self) -> datetime:
        """Local time of the change on the clock before it (what VTIMEZONE DTSTART means)."""
        return (self.at + self.before).replace(tzinfo=None)


_SCAN_YEARS = (1970, 2100)
# The VTIMEZONE is exact from this date on; feeds hold nothing older.
COVERED_FROM = datetime(2000, 1, 1)


@functools.lru_cache(maxsize=8)
def vtimezone(tzid: str) -> bytes:
    """The VTIMEZONE block for an IANA zone, exact from 2000 on and into the future.

    Written the way Outlook needs it (MS-OXCICAL: one STANDARD and one DAYLIGHT, each with a
    yearly RRULE; Outlook ignores RDATE), as Google and Apple also write it, with the rule
    derived from the tz database. icalendar's `Timezone.from_tzid` lists every change as an
    RDATE instead; it is used only for a zone without one yearly rule since 2000.
    """
    zone = ZoneInfo(tzid)
    observances = _yearly_observances(_transitions(zone, *_SCAN_YEARS))
    if observances is None:
        return Timezone.from_tzid(
            tzid, first_date=COVERED_FROM.date(), last_date=date(_SCAN_YEARS[1], 1, 1)
        ).to_ical()
    timezone = Timezone()
    timezone.add("tzid", tzid)
    timezone.add("x-lic-location", tzid)
    for observance in observances:
        timezone.add_component(observance)
    return timezone.to_ical()


def _transitions(zone: ZoneInfo, first_year: int, last_year: int) -> list[_Transition]:
    """Every change of UTC offset between the two years, to the second."""

    def offset(timestamp: int) -> timedelta:
        return datetime.fromtimestamp(timestamp, zone).utcoffset()

    found = []
    day = 86400
    moment = int(datetime(first_year, 1, 1, tzinfo=UTC).timestamp())
    end = int(datetime(last_year, 1, 1, tzinfo=UTC).timestamp())
    current = offset(moment)
    while moment < end:
        following = offset(moment + day)
        if following != current:
            low, high = moment, moment + day
            while high - low > 1:
                middle = (low + high) // 2
                if offset(middle) == current:
                    low = middle
                else:
                    high = middle
            local = datetime.fromtimestamp(high, zone)
            found.append(
                _Transition(
                    datetime.fromtimestamp(high, UTC),
                    current,
                    following,
                    bool(local.dst()),
                    local.tzname() or "",
                )
            )
        moment += day
        current = following
    return found


def _yearly_observances(
    transitions: list[_Transition],
) -> list[TimezoneStandard | TimezoneDaylight] | None:
    """STANDARD and DAYLIGHT with yearly RRULEs when one DST rule has held since 2000."""
    by_year: dict[int, list[tuple]] = {}
    for transition in transitions:
        onset = transition.onset
        by_year.setdefault(onset.year, []).append(
            (transition.before, transition.after, transition.dst, transition.name)
            + (onset.month, _nth_weekday(onset), onset.time())
        )
    last_year = _SCAN_YEARS[1] - 1
    pattern = by_year.get(last_year, [])
    first = last_year
    while first - 1 >= _SCAN_YEARS[0] and by_year.get(first - 1, []) == pattern:
        first -= 1
    if first > COVERED_FROM.year or not pattern:
        return None
    observances = []
    for transition in sorted(
        (item for item in transitions if item.onset.year == first), key=lambda item: item.dst
    ):
        onset = transition.onset
        observance = TimezoneDaylight() if transition.dst else TimezoneStandard()
        observance.add("tzoffsetfrom", transition.before)
        observance.add("tzoffsetto", transition.after)
        observance.add("tzname", transition.name)
        observance.add("dtstart", onset)
        observance.add(
            "rrule", {"FREQ": "YEARLY", "BYMONTH": onset.month, "BYDAY": _nth_weekday(onset)}
        )
        observances.append(observance)
    return observances


def _nth_weekday(day: datetime) -> str:
    """'-1SU' for the last Sunday of a month, '2SU' for the second, as yearly rules use."""
    code = _WEEKDAY_CODES[day.weekday()]
    following_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    if (following_month - day.replace(hour=0, minute=0, second=0)).days <= 7:
        return f"-1{code}"
    return f"{(day.day - 1) // 7 + 1}{code}"


__all__ = [
    "MAX_EXDATES_PER_SERIES",
    "CALENDAR_END",
    "PRODID",
    "MalformedEventError",
    "build_calendar",
    "calendar_header",
    "serialize_event",
    "vtimezone",
]
