"""Reading an iCalendar document (an association's Google, Outlook, Apple or Nextcloud
calendar) into `sources.records.Record`s.

- Events are grouped by UID: a series and the overrides of its occurrences (RECURRENCE-ID)
  become one record; an override whose series is missing becomes a record of its own, with
  origin id and uid `UID#<recurrence-id in ISO 8601>`. An event without UID (hand-made files)
  gets a stable one from a hash of its SUMMARY and DTSTART.
- A repeating event becomes a `Series` in Europe/Helsinki wall-clock terms when its own zone
  keeps Helsinki's clock (`WALL_CLOCK_ZONES`, floating times read in Helsinki) and the
  Helsinki rule gives exactly the instants the source's rule gives over the catalogue's window.
  Otherwise (another zone, hourly rules, all-day series, zero-length series, anything the
  check finds inexact) its occurrences from 30 days ago to 400 days ahead become `Session`s,
  at most 500, with cancelled and moved overrides applied.
- An event that cannot be used is `Skipped` with a reason shown to the editors; `read()`
  raises `ValueError` only for a document that is not iCalendar at all, or one holding more
  than `max_events` events (the caller then refuses the whole source).
"""

import datetime
import functools
import hashlib
import html
import itertools
import logging
import re
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import recurrence
from dateutil import rrule as dateutil_rrule
from icalendar import Calendar
from icalendar.error import InvalidCalendar
from icalendar.prop import vBroken, vRecur
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from recurrence.exceptions import DeserializationError, SerializationError

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.html import strip_tags, urlize
from django.utils.translation import gettext_lazy as _

from core.regions import ONLINE

from .html import whitelist
from .places import municipality_of
from .records import Exception_, Reading, Record, Series, Session, Skipped, Text

logger = logging.getLogger(__name__)

HELSINKI = ZoneInfo("Europe/Helsinki")
UTC = datetime.UTC
SESSIONS_BACK = datetime.timedelta(days=30)
SESSIONS_AHEAD = datetime.timedelta(days=400)
MAX_SESSIONS = 500
# A Series is checked against the source's rule over the catalogue's window (18 months), and
# some more, since the catalogue extends its window every night.
CHECK_AHEAD = datetime.timedelta(days=600)
# Occurrences walked through for one event before it counts as repeating too often.
MAX_STEPS = 100_000
HORIZON = datetime.timedelta(days=20 * 366)  # how far a rule is looked through, at most
MAX_SERIES_DURATION = datetime.timedelta(days=31)  # the catalogue's limit
TITLE_LENGTH = 200
SUMMARY_LENGTH = 500

# Zones whose wall clock is Helsinki's (UTC+2, EU summer time), so that a rule written in
# them reads the same in Helsinki time; Outlook's names for them too.
WALL_CLOCK_ZONES = frozenset(
    {
        "Europe/Helsinki",
        "Europe/Mariehamn",
        "Europe/Tallinn",
        "Europe/Riga",
        "Europe/Vilnius",
        "Europe/Kiev",
        "Europe/Kyiv",
        "Europe/Sofia",
        "Europe/Bucharest",
        "Europe/Athens",
        "FLE Standard Time",
        "E. Europe Standard Time",
        "GTB Standard Time",
    }
)
_FINE_RULE_PARTS = frozenset({"BYHOUR", "BYMINUTE", "BYSECOND"})
_FINE_FREQUENCIES = frozenset({"HOURLY", "MINUTELY", "SECONDLY"})
_BROKEN_DATES = frozenset({"DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RDATE", "EXDATE"})

NO_TITLE = _("The event has no title")
NO_START = _("The event has no start time")
BAD_DATES = _("The event's dates could not be read")
ENDS_BEFORE_START = _("The event ends before it starts")
BAD_RULE = _("The event's repeat rule could not be read")
TOO_FREQUENT = _("The event repeats too often to be read")
NO_DATES_LEFT = _("None of the event's dates remain after its exclusions")
NO_DATES_IN_WINDOW = _("None of the event's dates fall between 30 days ago and 400 days ahead")
DUPLICATE_UID = _("Another event in the calendar has the same UID")
UNREADABLE = _("The event could not be read")

# Meeting links people paste into descriptions; CONFERENCE-like properties come first.
_JOIN_LINK = re.compile(
    r"https://(?:meet\.google\.com/[a-z]+-[a-z]+-[a-z]+"
    r"|teams\.microsoft\.com/l/meetup-join/|teams\.live\.com/meet/"
    r"|(?:[\w-]+\.)?zoom\.us/[jw]/|meet\.jit\.si/|whereby\.com/)[^\s<>\"']*",
    re.IGNORECASE,
)
_CONFERENCE_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MS-OLK-CONFURL",
)
# Google's block of joining instructions, between two "-::~:~::~…::-" lines.
_GOOGLE_JOIN_BLOCK = re.compile(r"-::~[:~]*::-.*?-::~[:~]*::-", re.DOTALL)
# Outlook's plain-text Teams invitation, between two lines of underscores.
_TEAMS_JOIN_BLOCK = re.compile(r"_{10,}\s*\n.*?teams\.microsoft\.com.*?\n\s*_{10,}", re.DOTALL)
_LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_HTML_PREAMBLE = re.compile(r"<!DOCTYPE[^>]*>|<!--.*?-->|<\?xml[^>]*\?>", re.DOTALL | re.I)
_POSTAL_LOCALITY = re.compile(r"^(?:FI-)?(\d{5})\s+(\S.*)$", re.IGNORECASE)
_STREET = re.compile(r"[^\W\d]{2,}.*\s\d+", re.UNICODE)
_BLOCK = re.compile(r"<(?:p|h3|h4|ul|ol)>")
# A LOCATION that names a meeting service instead of a place.
_ONLINE_PLACE = re.compile(
    r"^(?:microsoft teams|teams|zoom|google meet|skype|whereby|jitsi)\b"
    r"|^(?:online|verkossa|etänä)$",
    re.IGNORECASE,
)
_COUNTRIES = frozenset({"suomi", "finland", "finnland"})


class _Unusable(Exception):
    """An event the reader skips; `reason` is shown to editors."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def read(document: bytes | str, *, max_events: int = 5000, language: str = "fi") -> Reading:
    """The records of an iCalendar document; texts go to `texts[language]`.

    Raises `ValueError` when the document is not iCalendar, or holds more than `max_events`
    VEVENTs (a source that large is refused whole, not read in part).
    """
    calendars = _parse(document)
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if len(events) > max_events:
        raise ValueError(
            _("The calendar holds %(count)s events, more than the %(limit)s a source may have.")
            % {"count": len(events), "limit": max_events}
        )
    default_zone = _calendar_zone(calendars[0])
    reading = Reading()
    context = _Context(
        default_zone=default_zone, now=timezone.now(), language=language, skipped=reading.skipped
    )
    masters, overrides = {}, {}
    for event in events:
        uid = _uid(event)
        if "RECURRENCE-ID" in event:
            overrides.setdefault(uid, []).append(event)
        elif uid in masters:
            reading.skipped.append(Skipped(uid, DUPLICATE_UID))
        else:
            masters[uid] = event

    for uid, master in masters.items():
        build = functools.partial(_series_record, uid, master, overrides.get(uid, []), context)
        _collect(reading, uid, build)
    for uid, orphans in overrides.items():
        if uid in masters:
            continue
        for orphan in orphans:
            origin_id = f"{uid}#{_recurrence_id_text(orphan)}"
            build = functools.partial(_single_record, origin_id, orphan, context)
            _collect(reading, origin_id, build)
    return reading


class _Context:
    def __init__(self, *, default_zone, now, language, skipped):
        self.default_zone = default_zone  # (zone, its name) for floating times
        self.now = now
        self.language = language
        self.skipped = skipped  # the Reading's list, for overrides skipped on their own


def _collect(reading, origin_id, build):
    try:
        reading.records.append(build())
    except _Unusable as problem:
        reading.skipped.append(Skipped(origin_id, problem.reason))
    except (InvalidCalendar, ValueError, TypeError, OverflowError, KeyError, AttributeError):
        # One odd event (a library failing on its values) must not stop the rest.
        logger.warning("iCalendar event %s could not be read", origin_id, exc_info=True)
        reading.skipped.append(Skipped(origin_id, UNREADABLE))


# ---------------------------------------------------------------------------------------------
# The document


def _parse(document):
    if isinstance(document, bytes):
        try:
            document = document.decode("utf-8-sig")
        except UnicodeDecodeError:
            document = document.decode("cp1252", errors="replace")
    if "BEGIN:VCALENDAR" not in document[:2000].upper():
        raise ValueError(_("This is not an iCalendar document: it does not begin a VCALENDAR."))
    try:
        components = Calendar.from_ical(document, multiple=True)
    except Exception as error:  # the parser raises many types on text that is not iCalendar
        raise ValueError(
            _("This is not a readable iCalendar document: %(error)s") % {"error": error}
        ) from error
    calendars = [component for component in components if component.name == "VCALENDAR"]
    if not calendars:
        raise ValueError(_("This is not an iCalendar document: it does not begin a VCALENDAR."))
    return calendars


def _zone_named(name):
    """A ZoneInfo for an IANA or Windows zone name, or None."""
    name = (name or "").strip().strip("/")
    for candidate in (name, WINDOWS_TO_OLSON.get(name)):
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None


def _calendar_zone(calendar):
    """Where floating times are: X-WR-TIMEZONE, else Helsinki."""
    name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    zone = _zone_named(name)
    return (zone, name) if zone is not None else (HELSINKI, "Europe/Helsinki")


def _uid(event):
    uid = str(event.get("UID", "")).strip()
    if uid:
        return uid
    # Hand-made files often have no UID: the title and start give one that stays the same
    # from one reading to the next.
    summary = str(event.get("SUMMARY", "")).strip()
    start = event.get("DTSTART")
    start_text = start.to_ical().decode() if hasattr(start, "to_ical") else str(start or "")
    digest = hashlib.sha256(f"{summary}\n{start_text}".encode()).hexdigest()[:32]
    return f"{digest}@no-uid.invalid"


def _recurrence_id_text(event):
    value = event["RECURRENCE-ID"]
    if isinstance(value, list):
        value = value[0]
    if isinstance(value, vBroken) or not hasattr(value, "dt"):
        return str(value)
    return value.dt.isoformat()


# ---------------------------------------------------------------------------------------------
# Records


def _series_record(uid, master, overrides, context):
    record = _base_record(uid, master, context)
    timing = _timing(master, context)
    location = _text(master, "LOCATION")
    changes = []
    for override in overrides:
        try:
            changes.append(_Change(override, timing, location, context))
        except _Unusable as problem:
            # A broken override leaves its occurrence as the series gives it.
            origin_id = f"{uid}#{_recurrence_id_text(override)}"
            context.skipped.append(Skipped(origin_id, problem.reason))
    if not (master.rrules or master.rdates):
        # Some programs override the only occurrence of a single event.
        session = timing.session()
        change = next((c for c in changes if c.key == _key(timing.start)), None)
        record.sessions = [change.apply(session) if change else session]
        return record

    starts = _Starts(master, timing, context.now)
    if not starts.any():
        raise _Unusable(NO_DATES_LEFT)
    if starts.single():
        # One date only, whatever the rule says: a session, in whatever zone.
        low = high = starts.first_start()
        record.sessions = _sessions(timing, starts, changes, context, window=(low, high))
        return record
    series = _exact_series(master, timing, starts, context)
    if series is None:
        record.sessions = _sessions(timing, starts, changes, context)
        if not record.sessions:
            raise _Unusable(NO_DATES_IN_WINDOW)
        return record

    record.series = series
    window = (context.now - SESSIONS_BACK, context.now + CHECK_AHEAD)
    known = {_key(start) for start in starts.between(*window)}
    for change in changes:
        if change.key in known or not _inside(change.original, window):
            if change.exception is not None:
                record.exceptions.append(change.exception)
        elif not change.cancelled:
            # An override of no occurrence of the rule: a date of its own.
            record.sessions.append(change.new_session())
    return record


def _single_record(origin_id, event, context):
    record = _base_record(origin_id, event, context)
    record.sessions = [_timing(event, context).session()]
    return record


def _base_record(origin_id, event, context):
    title = _shorten(_text(event, "SUMMARY"), TITLE_LENGTH)
    if not title:
        raise _Unusable(NO_TITLE)
    description_html, plain = _description(event)
    location = _text(event, "LOCATION")
    place = _place(location)
    record = Record(
        origin_id=origin_id,
        uid=origin_id,
        texts={
            context.language: Text(
                title=title,
                summary=_shorten(plain, SUMMARY_LENGTH),
                description=description_html,
                venue=_shorten(place["venue"], TITLE_LENGTH),
            )
        },
        status="cancelled" if _text(event, "STATUS").upper() == "CANCELLED" else "scheduled",
        url=_web_link(event.get("URL")),
        street_address=place["street_address"],
        postal_code=place["postal_code"],
        locality=place["locality"],
        keywords=_keywords(event),
        contact_email=_email(event.get("ORGANIZER")),
        modified=_modified(event),
    )
    record.latitude, record.longitude = _geo(event.get("GEO"))
    record.join_link = _join_link(event, location)
    record.online = bool(record.join_link)
    physical = any(place.values())
    if physical:
        record.municipality = municipality_of(
            locality=record.locality, postal_code=record.postal_code, text=location
        )
    elif record.online:
        record.municipality = ONLINE
    return record


# ---------------------------------------------------------------------------------------------
# Times


class _Timing:
    """An event's start, end and the zone its wall clock runs in."""

    def __init__(self, start, end, zone, zone_name):
        self.start = start  # aware datetime, or a date for an all-day event
        self.end = end
        self.zone = zone  # where the rule is expanded: the source's own zone
        self.zone_name = zone_name  # its TZID, "UTC", or the calendar's zone for floating times
        self.all_day = not isinstance(start, datetime.datetime)
        self.duration = end - start if self.all_day else end.astimezone(UTC) - start.astimezone(UTC)

    def occurrence(self, start):
        """Start and end (Helsinki-aware) of the occurrence that starts at `start`."""
        if self.all_day:
            return _midnight(start), _midnight(start + self.duration), True
        start = start.astimezone(HELSINKI)
        return start, (start.astimezone(UTC) + self.duration).astimezone(HELSINKI), False

    def session(self):
        start, end, all_day = self.occurrence(self.start)
        return Session(start=start, end=end, all_day=all_day)


def _timing(event, context):
    broken = {name for name, _message in event.errors} & _BROKEN_DATES
    if broken:
        raise _Unusable(BAD_DATES)
    if "DTSTART" not in event:
        raise _Unusable(NO_START)
    try:
        start, end = event.start, event.end
    except InvalidCalendar as error:
        raise _Unusable(BAD_DATES) from error
    zone, zone_name = _zone_of(event["DTSTART"], context)
    start, end = _aware(start, zone), _aware(end, zone)
    if not isinstance(start, datetime.datetime):
        if end < start:
            raise _Unusable(ENDS_BEFORE_START)
        end = max(end, start + datetime.timedelta(days=1))
    elif end < start:
        raise _Unusable(ENDS_BEFORE_START)
    return _Timing(start, end, zone, zone_name)


def _zone_of(prop, context):
    """The zone of a DTSTART value and the name it goes by."""
    value = prop.dt
    if not isinstance(value, datetime.datetime):
        return context.default_zone
    tzid = str(prop.params.get("TZID", "")).strip()
    if value.tzinfo is None:
        return context.default_zone
    if not tzid:
        return value.tzinfo, "UTC"
    return value.tzinfo, tzid


def _aware(value, zone):
    """A datetime in `zone` when the source wrote it floating; dates stay dates."""
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=HELSINKI)


def _key(value):
    """What identifies an occurrence: its day for all-day events, else its instant."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(UTC)
    return value


def _inside(value, window):
    low, high = window
    if isinstance(value, datetime.datetime):
        return low <= value <= high
    return low.astimezone(HELSINKI).date() <= value <= high.astimezone(HELSINKI).date()


class _Starts:
    """The starts of a repeating event, expanded the RFC 5545 way in its own wall clock."""

    def __init__(self, event, timing, now):
        self.timing = timing
        self.zone = timing.zone
        self.now = self._naive(now)
        first = self._naive(timing.start)
        self.first = first
        self.rules = dateutil_rrule.rruleset()
        for recur in event.rrules:
            self.rules.rrule(self._dateutil_rule(recur, first))
        self.rules.rdate(first)
        for value, _end in event.rdates:
            self.rules.rdate(self.member(value))
        self.excluded_days = set()
        for value in event.exdates:
            if timing.all_day or isinstance(value, datetime.datetime):
                self.rules.exdate(self.member(value))
            else:
                self.excluded_days.add(value)  # a DATE exclusion of a timed series: that day

    def _naive(self, value):
        if isinstance(value, datetime.datetime):
            if value.tzinfo is not None:
                value = value.astimezone(self.zone)
            return value.replace(tzinfo=None)
        return datetime.datetime.combine(value, datetime.time())

    def member(self, value):
        if not isinstance(value, datetime.datetime) and not self.timing.all_day:
            return datetime.datetime.combine(value, self.first.time())
        if isinstance(value, datetime.datetime) and self.timing.all_day:
            return datetime.datetime.combine(value.date(), datetime.time())
        return self._naive(value)

    def _dateutil_rule(self, recur, first):
        if isinstance(recur, vBroken):
            raise _Unusable(BAD_RULE)
        parts = {key: value for key, value in recur.items() if not key.startswith("X-")}
        until = parts.pop("UNTIL", None)
        if (until and "COUNT" in parts) or not _possible(parts):
            raise _Unusable(BAD_RULE)
        try:
            rule = dateutil_rrule.rrulestr(vRecur(parts).to_ical().decode(), dtstart=first)
        except (ValueError, TypeError) as error:
            raise _Unusable(BAD_RULE) from error
        # dateutil looks for a match up to the year 9999 before it gives up on a rule that has
        # none (BYMONTH=2;BYMONTHDAY=30), which takes seconds: nothing past HORIZON is needed.
        horizon = max(first, self.now) + HORIZON
        if until:
            return rule.replace(until=min(self.until(until[0]), horizon))
        if "COUNT" not in parts:
            return rule.replace(until=horizon)
        if next(iter(rule.replace(count=None, until=first + HORIZON)), None) is None:
            return rule.replace(count=None, until=first)  # it gives no dates at all
        return rule

    def until(self, value):
        if isinstance(value, datetime.datetime):
            return self._naive(value)
        if self.timing.all_day:
            return datetime.datetime.combine(value, datetime.time())
        return datetime.datetime.combine(value, datetime.time(23, 59, 59))

    def _walk(self):
        for step, naive in enumerate(self.rules):
            if step >= MAX_STEPS:
                raise _Unusable(TOO_FREQUENT)
            if naive.date() in self.excluded_days:
                continue
            yield naive.date() if self.timing.all_day else naive.replace(tzinfo=self.zone)

    def between(self, low, high):
        """Starts inside [low, high] (aware), in order."""
        found = []
        for start in self._walk():
            if isinstance(start, datetime.datetime):
                if start > high:
                    break
                if start >= low:
                    found.append(start)
            else:
                if _midnight(start) > high:
                    break
                if _inside(start, (low, high)):
                    found.append(start)
        return found

    def any(self):
        return next(iter(self._walk()), None) is not None

    def first_start(self):
        start = next(iter(self._walk()))
        return start if isinstance(start, datetime.datetime) else _midnight(start)

    def single(self):
        """Whether the whole rule gives one start only."""
        return len(list(itertools.islice(self._walk(), 2))) == 1


# The values each BY part may take (RFC 5545 3.3.10), negative ones counting from the end.
_BY_RANGES = {
    "BYMONTH": (1, 12),
    "BYMONTHDAY": (1, 31),
    "BYYEARDAY": (1, 366),
    "BYWEEKNO": (1, 53),
    "BYSETPOS": (1, 366),
    "BYHOUR": (0, 23),
    "BYMINUTE": (0, 59),
    "BYSECOND": (0, 60),
}
_MONTH_LENGTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _possible(parts):
    """Whether a rule's BY parts can ever match: dateutil looks for a match of an impossible
    rule (BYMONTH=2;BYMONTHDAY=30) up to the year 9999, which takes seconds."""
    try:
        numbers = {key: [int(value) for value in parts.get(key, ())] for key in _BY_RANGES}
    except (TypeError, ValueError):
        return False
    for key, (low, high) in _BY_RANGES.items():
        negative_ok = key not in ("BYMONTH", "BYHOUR", "BYMINUTE", "BYSECOND")
        for value in numbers[key]:
            if not (low <= value <= high or (negative_ok and -high <= value <= -low)):
                return False
    days, months = numbers["BYMONTHDAY"], numbers["BYMONTH"]
    if days and months and all(day > 0 for day in days):
        return min(days) <= max(_MONTH_LENGTHS[month - 1] for month in months)
    return True


class _Change:
    """An override (RECURRENCE-ID) of one occurrence of a series."""

    def __init__(self, override, timing, master_location, context):
        rid_zone = timing.zone if not timing.all_day else context.default_zone[0]
        original = _aware(override["RECURRENCE-ID"].dt, rid_zone)
        if timing.all_day and isinstance(original, datetime.datetime):
            original = original.astimezone(HELSINKI).date()
        if not timing.all_day and not isinstance(original, datetime.datetime):
            original = datetime.datetime.combine(original, timing.start.timetz())
        self.original = original
        self.key = _key(original)
        self.cancelled = _text(override, "STATUS").upper() == "CANCELLED"
        own = _timing(override, context) if "DTSTART" in override else None
        old_start, old_end, _all_day = timing.occurrence(original)
        if own is not None:
            new_start, new_end, _all_day = own.occurrence(own.start)
        else:
            new_start, new_end = old_start, old_end
        location = _text(override, "LOCATION")
        self.new_location = location if location and location != master_location else ""
        self.old = (old_start, old_end)
        self.new = (new_start, new_end)
        self.moved = not self.cancelled and (self.old != self.new or bool(self.new_location))
        self.exception = None
        day = old_start.astimezone(HELSINKI).date()
        if self.cancelled:
            self.exception = Exception_(date=day, action="cancelled")
        elif self.moved:
            self.exception = Exception_(
                date=day,
                action="moved",
                new_start=new_start,
                new_end=new_end,
                new_location=self.new_location,
            )

    def apply(self, session):
        if self.cancelled:
            session.status = "cancelled"
        elif self.moved:
            session.status = "moved"
            session.new_start, session.new_end = self.new
            session.new_location = self.new_location
        return session

    def new_session(self):
        start, end = self.new
        return Session(start=start, end=end, location=self.new_location)


def _sessions(timing, starts, changes, context, window=None):
    low, high = window or (context.now - SESSIONS_BACK, context.now + SESSIONS_AHEAD)
    by_key = {change.key: change for change in changes}
    sessions = []
    for start in starts.between(low, high)[:MAX_SESSIONS]:
        begin, end, all_day = timing.occurrence(start)
        session = Session(start=begin, end=end, all_day=all_day)
        change = by_key.pop(_key(start), None)
        sessions.append(change.apply(session) if change else session)
    for change in by_key.values():
        if not change.cancelled and _inside(change.original, (low, high)):
            sessions.append(change.new_session())
    return sorted(sessions, key=lambda session: session.start)[:MAX_SESSIONS]


# ---------------------------------------------------------------------------------------------
# Series in Helsinki terms


def _exact_series(event, timing, starts, context):
    """The Helsinki `Series` of a repeating event, or None when sessions must say it."""
    if timing.all_day or not timing.duration or timing.duration > MAX_SERIES_DURATION:
        return None
    if not _keeps_helsinki_clock(timing, context):
        return None
    rules = []
    for recur in event.rrules:
        parts = {key: value for key, value in recur.items() if not key.startswith("X-")}
        if _FINE_RULE_PARTS & set(parts) or str(parts["FREQ"][0]).upper() in _FINE_FREQUENCIES:
            return None
        if "UNTIL" in parts:
            parts["UNTIL"] = [_until_instant(parts["UNTIL"][0], starts)]
        rules.append(vRecur(parts))
    anchor = timing.start.astimezone(HELSINKI)
    lines = [f"RRULE:{rule.to_ical().decode()}" for rule in rules]
    added = [starts.member(value) for value, _end in event.rdates]
    if not rules:
        added.append(starts.first)
    added.sort()
    excluded = sorted(starts.member(value) for value in event.exdates)
    lines += [f"RDATE:{_utc_text(value, timing.zone)}" for value in added]
    lines += [f"EXDATE:{_utc_text(value, timing.zone)}" for value in excluded]
    try:
        rule = recurrence.serialize(recurrence.deserialize("\n".join(lines)))
    except (DeserializationError, SerializationError, ValueError):
        return None
    series = Series(
        rule=rule,
        first_date=anchor.date(),
        start_time=anchor.time(),
        duration=timing.duration,
    )
    low, high = context.now - SESSIONS_BACK, context.now + CHECK_AHEAD
    expected = set(starts.between(low, high))
    if not expected and not starts.any():
        return None
    got = set(series_starts(series, low, high))
    return series if got == expected else None


def series_starts(series, low, high):
    """The starts (Helsinki-aware) of a `Series` inside [low, high], as django-recurrence
    and the catalogue expand it."""
    first = datetime.datetime.combine(series.first_date, series.start_time, tzinfo=HELSINKI)
    return recurrence.deserialize(series.rule).between(low, high, inc=True, dtstart=first)


def _keeps_helsinki_clock(timing, context):
    name = timing.zone_name
    if name in WALL_CLOCK_ZONES:
        return True
    if name == "UTC" or _zone_named(name) is not None:
        resolved = WINDOWS_TO_OLSON.get(name, name)
        return resolved in WALL_CLOCK_ZONES
    # A VTIMEZONE of the calendar's own naming: it keeps Helsinki's clock if it gives
    # Helsinki's offsets every day of the next three years.
    day = context.now.astimezone(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    for _step in range(3 * 366):
        if day.astimezone(timing.zone).utcoffset() != day.astimezone(HELSINKI).utcoffset():
            return False
        day += datetime.timedelta(days=1)
    return True


def _until_instant(value, starts):
    """UNTIL as the UTC instant it means; one second before a Helsinki midnight, because the
    catalogue reads an UNTIL at midnight as the whole day."""
    naive = starts.until(value) if not isinstance(value, datetime.datetime) else value
    instant = _aware(naive, starts.zone).astimezone(UTC)
    if instant.astimezone(HELSINKI).time() == datetime.time():
        instant -= datetime.timedelta(seconds=1)
    return instant


def _utc_text(naive, zone):
    return naive.replace(tzinfo=zone).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


# ---------------------------------------------------------------------------------------------
# Texts


def _shorten(text, limit):
    """At most `limit` characters, cut between words with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + "…"


def _description(event):
    """The description as cleaned rich text, and as plain text."""
    alt = event.get("X-ALT-DESC")
    if isinstance(alt, list):
        alt = next((item for item in alt if _is_html(item)), None)
    if alt is not None and _is_html(alt):
        # Unknown to the parser, so still escaped as iCalendar text.
        source = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], str(alt))
    else:
        source = _text(event, "DESCRIPTION", collapse=False)
    source = _TEAMS_JOIN_BLOCK.sub("", _GOOGLE_JOIN_BLOCK.sub("", source)).strip()
    if not source:
        return "", ""
    if _LOOKS_LIKE_HTML.search(source):
        cleaned = _clean_html(source)
    else:
        cleaned = _clean_html(_plain_to_html(source))
    plain = html.unescape(strip_tags(re.sub(r"<(?:br|/?p|/?li|/?h3|/?h4)\b[^>]*>", " ", cleaned)))
    return cleaned, " ".join(plain.split())


def _text(event, name, *, collapse=True):
    """A text property (the first, when a file repeats it), trimmed."""
    value = event.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    text = str(value)
    return " ".join(text.split()) if collapse else text.strip()


def _is_html(prop):
    return str(getattr(prop, "params", {}).get("FMTTYPE", "")).lower() == "text/html"


def _plain_to_html(text):
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return "".join(
        "<p>{}</p>".format(
            urlize(paragraph.strip(), nofollow=False, autoescape=True).replace("\n", "<br/>")
        )
        for paragraph in paragraphs
        if paragraph.strip()
    )


def _clean_html(source):
    source = _HTML_PREAMBLE.sub("", source)
    cleaned = whitelist(source)
    cleaned = re.sub(r"\s+", " ", cleaned.replace("\xa0", " "))
    cleaned = re.sub(r"<p>\s*(?:<br/?>\s*)*</p>", "", cleaned)
    cleaned = re.sub(r"\s*(</?(?:p|h3|h4|ul|ol|li)>)\s*", r"\1", cleaned).strip()
    if cleaned and not _BLOCK.search(cleaned):
        # Inline text only (as Google writes it): paragraphs where the lines were blank.
        paragraphs = re.split(r"(?:\s*<br/?>\s*){2,}", cleaned)
        cleaned = "".join(f"<p>{part}</p>" for part in paragraphs if part.strip())
    return cleaned


def _web_link(value, *, mailto=False):
    text = str(value or "").strip()
    lowered = text.lower()
    if lowered.startswith(("https://", "http://")) and len(text) > 8 and " " not in text:
        return text
    if mailto and lowered.startswith("mailto:") and "@" in text:
        return text
    return ""


def _join_link(event, location):
    for name in _CONFERENCE_PROPERTIES:
        values = event.get(name)
        for value in values if isinstance(values, list) else [values]:
            link = _web_link(value)
            if link:
                return link
    for name in ("DESCRIPTION", "X-ALT-DESC"):
        values = event.get(name)
        for value in values if isinstance(values, list) else [values]:
            found = _JOIN_LINK.search(html.unescape(str(value or "")))
            if found:
                return found.group(0).rstrip(".,;)")
    return _web_link(location)


def _place(location):
    """Venue, street address, postal code and locality of a LOCATION such as
    "Verkatehdas, Paasikiventie 2, 13200 Hämeenlinna, Suomi"."""
    place = {"venue": "", "street_address": "", "postal_code": "", "locality": ""}
    if not location or _web_link(location) or _ONLINE_PLACE.search(location):
        return place
    parts = [part.strip() for part in re.split(r"[,\n;]", location) if part.strip()]
    if len(parts) > 1 and parts[-1].casefold() in _COUNTRIES:
        parts.pop()
    for index in range(len(parts) - 1, -1, -1):
        found = _POSTAL_LOCALITY.match(parts[index])
        if found:
            place["postal_code"], place["locality"] = found.group(1), found.group(2).strip()
            del parts[index]
            break
    if not place["locality"] and parts and municipality_of(locality=parts[-1]):
        place["locality"] = parts.pop()
    for index in range(len(parts) - 1, 0 if len(parts) > 1 else -1, -1):
        if _STREET.search(parts[index]):
            place["street_address"] = parts.pop(index)
            break
    place["venue"] = ", ".join(parts)
    return place


def _keywords(event):
    seen = []
    for category in event.categories:
        word = " ".join(str(category).split())
        if word and word not in seen:
            seen.append(word)
    return seen


def _email(organizer):
    address = str(organizer or "").strip()
    if not address.lower().startswith("mailto:"):
        return ""
    address = address[7:].strip()
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def _modified(event):
    value = event.get("LAST-MODIFIED")
    value = getattr(value, "dt", None)
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return None


def _geo(value):
    if value is None or isinstance(value, vBroken):
        return None, None
    try:
        latitude = Decimal(str(value.latitude)).quantize(Decimal("0.00001"))
        longitude = Decimal(str(value.longitude)).quantize(Decimal("0.00001"))
    except (AttributeError, InvalidOperation):
        return None, None
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None, None
    return latitude, longitude
