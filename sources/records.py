"""What a source says about one event, in the catalogue's own terms: the readers of each kind
of source (`sources.ical`, `sources.linkedevents`) write `Record`s, the sync
(`sources.sync`) turns them into training pages. Nothing here touches the database.

Times are aware datetimes; a repeating schedule is given in Europe/Helsinki wall-clock terms
(the catalogue's `series_*` fields and a django-recurrence rule), so that a reader of another
time zone converts once, here, and the catalogue never guesses.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Text:
    """The texts of one language version."""

    title: str
    summary: str = ""  # plain text, at most 500 characters
    description: str = ""  # HTML already cleaned to the editors' rich-text features
    venue: str = ""
    price_info: str = ""


@dataclass
class Session:
    """One dated occurrence that is not part of a rule (a single event, a sub-event)."""

    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False  # start and end at local midnight, end exclusive
    status: str = "scheduled"  # "scheduled" | "cancelled" | "moved"
    title: str = ""
    location: str = ""
    reason: str = ""
    origin_id: str = ""  # a Linked Events sub-event's id
    # A "moved" session: `start`/`end` stay the original times, these say where it went.
    new_start: datetime.datetime | None = None
    new_end: datetime.datetime | None = None
    new_location: str = ""


@dataclass
class Series:
    """A repeating schedule: `rule` is what `recurrence.deserialize` reads (RRULE, RDATE and
    EXDATE lines, without DTSTART), in Europe/Helsinki wall-clock terms from `first_date`
    at `start_time`, each occurrence lasting `duration`."""

    rule: str
    first_date: datetime.date
    start_time: datetime.time
    duration: datetime.timedelta


@dataclass
class Exception_:
    """One date of the series (its original local date) cancelled or moved."""

    date: datetime.date
    action: str  # "cancelled" | "moved"
    new_start: datetime.datetime | None = None
    new_end: datetime.datetime | None = None
    new_location: str = ""
    reason: str = ""


@dataclass
class Record:
    origin_id: str  # iCal UID (its overrides are folded in), or the Linked Events id
    uid: str  # the UID our feeds publish, so that a calendar holding it gets no second copy
    texts: dict[str, Text]  # "fi" / "sv" / "en"; at least one
    sessions: list[Session] = field(default_factory=list)
    series: Series | None = None
    exceptions: list[Exception_] = field(default_factory=list)
    status: str = "scheduled"  # EventStatus: scheduled | cancelled | postponed | rescheduled
    url: str = ""  # the event at its origin (a person's page, not the API)
    street_address: str = ""
    postal_code: str = ""
    locality: str = ""  # the town as the source wrote it
    municipality: str = ""  # a core.regions place code, "online", or "" when unknown
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    online: bool = False
    join_link: str = ""
    is_free: bool | None = None  # None: the source does not say
    price: Decimal | None = None
    keywords: list[str] = field(default_factory=list)  # YSO ids or iCal CATEGORIES
    languages: list[str] = field(default_factory=list)  # languages of the event itself
    registration_url: str = ""
    contact_email: str = ""
    external_links: list[str] = field(default_factory=list)
    modified: datetime.datetime | None = None
    image_url: str = ""
    # A Linked Events sub-event read without its super event: the super event's id, so that
    # the sync can attach it as a session of the record it already has.
    parent_origin_id: str = ""
    # A Linked Events super event: the ids of all its sub-events. Its sessions are those of
    # them that came in this reading (each with its `origin_id`); when none did, its one
    # session without an `origin_id` is the series' whole span, and a sync keeps the sessions
    # it already has.
    sub_event_ids: list[str] = field(default_factory=list)


@dataclass
class Skipped:
    """An event the reader could not use, and why (shown in the run's report)."""

    origin_id: str
    reason: str


@dataclass
class Reading:
    """What a reader made of one document (or one page of an API)."""

    records: list[Record] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    next_url: str = ""  # the next page of an API list, if any
    deleted: list[str] = field(default_factory=list)  # origin ids the source has deleted
