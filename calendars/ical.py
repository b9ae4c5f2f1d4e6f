"""RFC 5545 calendars from `FeedEvent`s: pure functions, data in and bytes out.

`serialize_event` writes the VEVENT block(s) of one event; callers cache those per revision,
so `build_calendar` mostly joins cached blocks behind a header and the VTIMEZONE.
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
        lines = _event_lines(event, language, ZoneInfo(tzid), max_exdates)
    except MalformedEventError as error:
        logger.warning("Skipped calendar event %r: %s", getattr(event, "uid", "?"), error)
        return b""
    except Exception:
        # One bad row must not take the whole feed down; the traceback goes to the log.
        logger.exception("Skipped calendar event %r", getattr(event, "uid", "?"))
        return b""
    return b"".join(map(_fold, lines))


def build_calendar(meta: CalendarMeta, events: Iterable[CalendarItem]) -> bytes:
    """A complete VCALENDAR from events and/or blocks made by `serialize_event`.

    Blocks are joined as they are, in the given order; `FeedEvent`s are serialised with the
    calendar's language and time zone. A calendar without `meta.name` is a single-event file.
    """
    zone = ZoneInfo(meta.timezone)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{_token(meta.method)}",
    ]
    if meta.name:
        language = _language_param(meta.language)
        ttl = _duration(meta.refresh_interval)
        lines += [f"NAME{language}:{_text(meta.name)}", f"X-WR-CALNAME:{_text(meta.name)}"]
        if meta.description:
            lines += [
                f"DESCRIPTION{language}:{_text(meta.description)}",
                f"X-WR-CALDESC:{_text(meta.description)}",
            ]
        lines += [
            f"X-WR-TIMEZONE:{zone.key}",
            f"REFRESH-INTERVAL;VALUE=DURATION:{ttl}",
            f"X-PUBLISHED-TTL:{ttl}",
        ]
        if meta.url:
            lines.append(f"URL:{_uri(meta.url)}")
        if meta.source:
            lines.append(f"SOURCE;VALUE=URI:{_uri(meta.source)}")
    chunks = [b"".join(map(_fold, lines)), vtimezone(zone.key)]
    for item in events:
        if isinstance(item, FeedEvent):
            chunks.append(serialize_event(item, meta.language, tzid=zone.key))
        else:
            chunks.append(bytes(item))
    chunks.append(b"END:VCALENDAR\r\n")
    return b"".join(chunks)


# --- one event ---------------------------------------------------------------------------------


class _Part(NamedTuple):
    """One VEVENT of a series: the whole series, or a slice of a split one."""

    uid: str
    start: DateOrDateTime
    rrules: tuple[str, ...]
    rdates: tuple[DateOrDateTime, ...]
    exdates: tuple[DateOrDateTime, ...]


def _event_lines(
    event: FeedEvent, language: str, zone: ZoneInfo, max_exdates: int | None
) -> list[str]:
    """Content lines (unfolded) of the VEVENTs for one event and its overrides."""
    _check(event)
    language = event.language or language
    uid = _text(event.uid.strip())
    rrules = tuple(_normalised_rrule(value, event.start, zone) for value in event.rrules)
    if event.exdates:
        rrules = tuple(_count_as_until(value, event.start, zone) for value in rrules)
    for override in event.overrides:
        _check_override(override, event)
    if event.recurrence_id is not None:
        if rrules or event.rdates or event.exdates or event.overrides:
            raise MalformedEventError("an override cannot recur")
        return _vevent(event, language, zone, _Part(uid, event.start, (), (), ()))

    parts = None
    if max_exdates is not None and len(event.exdates) > max_exdates:
        parts = _split_series(event, uid, rrules, zone, max_exdates)
    if parts is None:
        parts = [_Part(uid, event.start, rrules, event.rdates, event.exdates)]
    lines: list[str] = []
    for part in parts:
        lines += _vevent(event, language, zone, part)
    starts = [sort_key(part.start) for part in parts[1:]]
    for override in event.overrides:
        # An override belongs to the part whose range holds the occurrence it replaces.
        part = parts[bisect.bisect_right(starts, sort_key(override.recurrence_id))]
        override_part = _Part(part.uid, override.start, (), (), ())
        lines += _vevent(override, override.language or language, zone, override_part)
    return lines


def _vevent(
    event: FeedEvent,
    language: str,
    zone: ZoneInfo,
    part: _Part,
) -> list[str]:
    """The content lines of one VEVENT: an event, one part of a series, or an override."""
    recurring = bool(part.rrules or part.rdates)
    end = event.end
    if part.start != event.start:  # a later slice of a split series keeps the length
        end = _shift(event.start, event.end, part.start, zone)
    # A series is defined in wall-clock time; a single event is a fixed instant, written in UTC
    # (start and end alike) only when a local time cannot name it.
    if recurring:
        mode = _WALL_CLOCK
    else:
        mode = _UTC if _in_repeated_hour(zone, part.start, end) else _INSTANT
    lang = _language_param(language)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{part.uid}",
        f"DTSTAMP:{_utc(event.dtstamp)}",
        _when("DTSTART", part.start, zone, mode),
    ]
    if end != part.start:
        lines.append(_when("DTEND", end, zone, mode))
    lines += [f"RRULE:{value}" for value in part.rrules]
    lines += [_when("RDATE", value, zone, _WALL_CLOCK) for value in _ordered(part.rdates)]
    lines += [_when("EXDATE", value, zone, _WALL_CLOCK) for value in _ordered(part.exdates)]
    if event.recurrence_id is not None:
        lines.append(_when("RECURRENCE-ID", event.recurrence_id, zone, _WALL_CLOCK))
    lines.append(f"SUMMARY{lang}:{_text(event.summary)}")
    description = event.description.strip()
    if event.url and event.url not in description:
        # Google and Outlook do not show URL; a link in the description is what users click.
        description = f"{description}\n\n{event.url}" if description else event.url
    if description:
        lines.append(f"DESCRIPTION{lang}:{_text(description)}")
    if event.location:
        lines.append(f"LOCATION{lang}:{_text(event.location)}")
    if event.geo is not None:
        geo = _geo(event.geo)
        if geo:
            lines.append(geo)
        else:
            logger.warning("Calendar event %r: GEO %r left out", event.uid, event.geo)
    if event.url:
        lines.append(f"URL:{_uri(event.url)}")
    categories = ",".join(_text(name) for name in event.categories if name.strip())
    if categories:
        lines.append(f"CATEGORIES{lang}:{categories}")
    if event.organizer_name:
        name = _quoted_param(event.organizer_name)
        lines.append(f"ORGANIZER;CN={name}:{_uri(event.organizer_address)}")
    lines += [f"STATUS:{event.status}", f"SEQUENCE:{event.sequence}"]
    if event.created is not None:
        lines.append(f"CREATED:{_utc(event.created)}")
    if event.last_modified is not None:
        lines.append(f"LAST-MODIFIED:{_utc(event.last_modified)}")
    if event.transparency:
        lines.append(f"TRANSP:{event.transparency}")
    for before in event.alarms:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_text(event.summary)}",
            f"TRIGGER:{_duration(-before)}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def _check(event: FeedEvent, *, override: bool = False) -> None:
    """Raise MalformedEventError for an event that cannot be written correctly."""
    if not isinstance(event, FeedEvent):
        raise MalformedEventError(f"not a FeedEvent: {type(event).__name__}")
    if not override and (not isinstance(event.uid, str) or not _text(event.uid.strip())):
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


# How _when writes a DATE-TIME: the local wall-clock time of a series, EXDATE, RDATE and
# RECURRENCE-ID; the instant of a single event or an override; or that instant in UTC.
_WALL_CLOCK, _INSTANT, _UTC = "wall clock", "instant", "utc"


def _when(name: str, value: DateOrDateTime, zone: ZoneInfo, mode: str) -> str:
    """A DATE, or a DATE-TIME with TZID of the calendar's time zone (or in UTC)."""
    if not isinstance(value, datetime):
        return f"{name};VALUE=DATE:{value.year:04d}{value.month:02d}{value.day:02d}"
    if mode == _UTC:
        return f"{name}:{_utc(value)}"
    if mode == _INSTANT:
        # Through UTC, so that a wall time inside the spring-forward gap becomes a real one.
        local = value.astimezone(UTC).astimezone(zone)
    elif getattr(value.tzinfo, "key", None) == zone.key:
        local = value
    else:
        local = value.astimezone(zone)
    return f"{name};TZID={zone.key}:{_stamp(local)}"


def _stamp(value: datetime) -> str:
    return (
        f"{value.year:04d}{value.month:02d}{value.day:02d}"
        f"T{value.hour:02d}{value.minute:02d}{value.second:02d}"
    )


@functools.lru_cache(maxsize=4096)
def _utc(value: datetime) -> str:
    # Cached: the events of one training share DTSTAMP, CREATED and LAST-MODIFIED.
    return _stamp(value.astimezone(UTC)) + "Z"


def _ordered(values: Iterable[DateOrDateTime]) -> list[DateOrDateTime]:
    """Sorted and without repeats, so that equal input gives equal bytes."""
    return sorted(set(values), key=sort_key)


def _duration(delta: timedelta) -> str:
    """An RFC 5545 DURATION such as PT6H, -P7D or -P1DT12H."""
    sign = "-" if delta < timedelta(0) else ""
    seconds = abs(int(delta.total_seconds()))
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    units = ((hours, "H"), (minutes, "M"), (seconds, "S"))
    clock = "".join(f"{number}{unit}" for number, unit in units if number)
    text = "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")
    return sign + (text if text != "P" else "PT0S")


def _geo(geo: tuple[float, float]) -> str | None:
    try:
        latitude, longitude = (float(number) for number in geo)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return f"GEO:{latitude:.6f};{longitude:.6f}"


# TEXT escaping (RFC 5545 §3.3.11). Line breaks of every kind become \n, so user text can never
# start a new content line; other control characters are not allowed in TEXT and are dropped.
_TEXT_SPECIAL = re.compile("[\x00-\x1f\x7f\\\\;,\x85\u2028\u2029]")
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAKS = ("\r\n", "\r", "\x85", "\u2028", "\u2029")
_LINE_BREAKING = (*range(0x00, 0x20), 0x7F, 0x85, 0x2028, 0x2029)
_UNSAFE_IN_URI: dict[int, str | None] = {**dict.fromkeys(_LINE_BREAKING), ord(" "): "%20"}
_UNSAFE_IN_PARAM = {**dict.fromkeys(_LINE_BREAKING, " "), ord('"'): "'"}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def _text(value: str) -> str:
    if not _TEXT_SPECIAL.search(value):  # most texts: nothing to do
        return value
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    for line_break in _LINE_BREAKS:
        value = value.replace(line_break, "\n")
    return _TEXT_CONTROL.sub("", value).replace("\n", "\\n")


def _uri(value: str) -> str:
    return value.strip().translate(_UNSAFE_IN_URI)


def _quoted_param(value: str) -> str:
    """A parameter value in quotes, which may hold , ; : but never " or a line break."""
    return '"' + " ".join(value.translate(_UNSAFE_IN_PARAM).split()) + '"'


def _language_param(language: str | None) -> str:
    if language and _LANGUAGE_TAG.fullmatch(language):
        return f";LANGUAGE={language}"
    return ""


def _token(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9-]+", value):
        raise ValueError(f"not an iCalendar token: {value!r}")
    return value.upper()


def _fold(line: str) -> bytes:
    """One content line as bytes, folded at 75 octets (RFC 5545 §3.1), ending in CRLF.

    A fold never splits a UTF-8 character, nor a backslash escape (some clients unescape
    before unfolding).
    """
    data = line.encode("utf-8", "replace")
    if len(data) <= 75:
        return data + b"\r\n"
    pieces = []
    begin, limit = 0, 75
    while len(data) - begin > limit:
        cut = begin + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: step back to the lead byte
            cut -= 1
        probe = cut
        while probe > begin + 1 and data[probe - 1] == 0x5C:  # "\\"
            probe -= 1
        if (cut - probe) % 2:  # the line would end inside a backslash escape
            cut -= 1
        pieces.append(data[begin:cut])
        begin, limit = cut, 74  # a continuation line starts with a space
    pieces.append(data[begin:])
    return b"\r\n ".join(pieces) + b"\r\n"


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
    yearly RRULE; Outlook ignores RDATE), as Google and Apple also write it. icalendar's
    `Timezone.from_tzid` lists every change as an RDATE, so it is used neither here nor as a
    model: a zone without such a rule falls back to the same kind of list.
    """
    zone = ZoneInfo(tzid)
    transitions = _transitions(zone, *_SCAN_YEARS)
    observances = _yearly_observances(zone, transitions) or _listed_observances(zone, transitions)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}", f"X-LIC-LOCATION:{tzid}", *observances]
    lines.append("END:VTIMEZONE")
    return b"".join(map(_fold, lines))


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


def _yearly_observances(zone: ZoneInfo, transitions: list[_Transition]) -> list[str] | None:
    """STANDARD/DAYLIGHT with yearly RRULEs when one rule has held since 2000; else None."""
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
    if first > COVERED_FROM.year:
        return None
    if not pattern:  # no DST since 2000: one observance
        earlier = [item for item in transitions if item.onset < COVERED_FROM]
        start = earlier[-1].onset if earlier else datetime(_SCAN_YEARS[0], 1, 1)
        now = datetime(COVERED_FROM.year, 1, 1, tzinfo=zone)
        return _observance(
            "STANDARD", start, now.utcoffset(), now.utcoffset(), now.tzname() or "", None
        )
    lines: list[str] = []
    for transition in sorted(
        (item for item in transitions if item.onset.year == first), key=lambda item: item.dst
    ):
        onset = transition.onset
        rule = f"FREQ=YEARLY;BYMONTH={onset.month};BYDAY={_nth_weekday(onset)}"
        kind = "DAYLIGHT" if transition.dst else "STANDARD"
        lines += _observance(
            kind, onset, transition.before, transition.after, transition.name, rule
        )
    return lines


def _listed_observances(zone: ZoneInfo, transitions: list[_Transition]) -> list[str]:
    """Observances with every change since 2000 as RDATEs, for zones without a yearly rule."""
    initial = COVERED_FROM.replace(tzinfo=zone)
    lines = _observance(
        "DAYLIGHT" if initial.dst() else "STANDARD",
        COVERED_FROM,
        initial.utcoffset(),
        initial.utcoffset(),
        initial.tzname() or "",
        None,
    )
    groups: dict[tuple, list[datetime]] = {}
    for transition in transitions:
        if transition.onset >= COVERED_FROM:
            key = (transition.before, transition.after, transition.dst, transition.name)
            groups.setdefault(key, []).append(transition.onset)
    for (before, after, dst, name), onsets in groups.items():
        kind = "DAYLIGHT" if dst else "STANDARD"
        lines += _observance(kind, onsets[0], before, after, name, None, onsets[1:])
    return lines


def _observance(
    kind: str,
    start: datetime,
    before: timedelta,
    after: timedelta,
    name: str,
    rule: str | None,
    rdates: Sequence[datetime] = (),
) -> list[str]:
    lines = [
        f"BEGIN:{kind}",
        f"TZOFFSETFROM:{_offset(before)}",
        f"TZOFFSETTO:{_offset(after)}",
        f"TZNAME:{_text(name)}",
        f"DTSTART:{_stamp(start)}",
    ]
    if rule:
        lines.append(f"RRULE:{rule}")
    if rdates:
        lines.append("RDATE:" + ",".join(map(_stamp, rdates)))
    lines.append(f"END:{kind}")
    return lines


def _nth_weekday(day: datetime) -> str:
    """'-1SU' for the last Sunday of a month, '2SU' for the second, as yearly rules use."""
    code = _WEEKDAY_CODES[day.weekday()]
    following_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    if (following_month - day.replace(hour=0, minute=0, second=0)).days <= 7:
        return f"-1{code}"
    return f"{(day.day - 1) // 7 + 1}{code}"


def _offset(delta: timedelta) -> str:
    sign = "-" if delta < timedelta(0) else "+"
    seconds = abs(int(delta.total_seconds()))
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


__all__ = [
    "MAX_EXDATES_PER_SERIES",
    "PRODID",
    "MalformedEventError",
    "build_calendar",
    "serialize_event",
    "vtimezone",
]
