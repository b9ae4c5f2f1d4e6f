"""The reader of a Linked Events v1 `event/` list (Helsinki's API, run in Häme as Tavastia
Events): `list_url` says what to fetch, `read_page` turns each page into `Record`s, and
`assemble` folds the sub-events of a recurring or umbrella event, which may come on any page,
into their super event once every page is read. Pure functions: the fetching is the sync's.

What the API writes, and what we make of it:
- translated fields are `{"fi": …, "sv": …, "en": …}` dicts with missing or null languages;
- a related object is `{"@id": "<url>/<id>/"}`, or the object itself when `include` asks;
- an event without a time of day gives its start (and a long one its last day) as a date
  ("2027-01-15"); older versions give a timestamp with `has_start_time: false` instead;
- a deleted event (with `show_deleted`) keeps only its id, name, `deleted` and modified time.
"""

import dataclasses
import datetime
import re
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

from catalogue.models import EventStatus
from core.regions import ONLINE
from sources.html import clean, plain_summary
from sources.places import municipality_of
from sources.records import Reading, Record, Session, Skipped, Text

HELSINKI = ZoneInfo("Europe/Helsinki")
LANGUAGES = ("fi", "sv", "en")
INCLUDE = ("location", "keywords")
PAGE_SIZE = 100  # the API's largest page

STATUS_OF = {
    "EventScheduled": EventStatus.SCHEDULED,
    "EventCancelled": EventStatus.CANCELLED,
    "EventPostponed": EventStatus.POSTPONED,
    "EventRescheduled": EventStatus.RESCHEDULED,
}
# One occurrence of a series is either on, off, or at another time.
SESSION_STATUS_OF = {
    "EventCancelled": "cancelled",
    "EventPostponed": "cancelled",
    "EventRescheduled": "moved",
}

COORDINATE_PLACES = Decimal("0.00001")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

NOT_A_LIST = _("The address did not return a Linked Events event list.")
NOT_AN_EVENT = _("An entry of the list is not an event.")
NO_ID = _("The event has no id.")
NO_NAME = _("The event has no name in Finnish, Swedish or English.")
NO_START = _("The event has no start time.")
BAD_TIME = _("The event's start or end time is not a valid date and time.")
ENDS_BEFORE_START = _("The event ends before it starts.")


class Unusable(Exception):
    """An entry that cannot become a record; its message is the reason shown to editors."""


def list_url(base_url: str, *, since: datetime.datetime | None = None) -> str:
    """The list to fetch: the given `event/` address with its own filters, the place and
    keywords included, full pages, and with `since` only what changed from then on (deleted
    events too, so that their pages can go)."""
    parts = urlsplit(base_url)
    ours = {"include", "page_size", "last_modified_since", "show_deleted"}
    given = parse_qsl(parts.query, keep_blank_values=True)
    params = [(key, value) for key, value in given if key not in ours]

    included = []
    for key, value in given:
        if key == "include":
            included += [name.strip() for name in value.split(",") if name.strip()]
    included += [name for name in INCLUDE if name not in included]
    params += [("include", ",".join(included)), ("page_size", str(PAGE_SIZE))]

    if since is not None:
        if since.tzinfo is None or since.utcoffset() is None:
            raise ValueError("`since` must be an aware datetime.")
        params += [
            ("last_modified_since", since.isoformat(timespec="seconds")),
            ("show_deleted", "true"),
        ]
    return urlunsplit(parts._replace(query=urlencode(params, safe=",:")))


def read_page(data: dict) -> Reading:
    """One page of the list. An entry that cannot be used is skipped with its reason; only a
    page that is not a Linked Events list at all raises `ValueError`."""
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise ValueError(NOT_A_LIST)
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    reading = Reading(next_url=_string(meta.get("next")))

    for entry in data["data"]:
        if not isinstance(entry, dict):
            reading.skipped.append(Skipped(origin_id="", reason=NOT_AN_EVENT))
            continue
        origin_id = _string(entry.get("id"))
        if not origin_id:
            reading.skipped.append(Skipped(origin_id="", reason=NO_ID))
        elif entry.get("deleted") is True:
            reading.deleted.append(origin_id)
        else:
            try:
                reading.records.append(_record(origin_id, entry))
            except Unusable as problem:
                reading.skipped.append(Skipped(origin_id=origin_id, reason=problem.args[0]))
    return reading


def assemble(readings: list[Reading]) -> Reading:
    """All pages as one reading, each sub-event folded into its super event as a session.

    A sub-event whose super event did not come stays a record of its own, its
    `parent_origin_id` naming the super event. So does a sub-event that is itself a super event
    (a recurring event inside an umbrella), so that its own sessions are not lost."""
    by_id = {}
    assembled = Reading()
    for reading in readings:
        for record in reading.records:
            by_id.pop(record.origin_id, None)  # an event that moved pages counts once, last
            by_id[record.origin_id] = record
        assembled.skipped += reading.skipped
        assembled.deleted += [i for i in reading.deleted if i not in assembled.deleted]

    parent_of = {}
    for record in by_id.values():
        for sub_id in record.sub_event_ids:
            parent_of.setdefault(sub_id, record.origin_id)
    for record in by_id.values():
        if record.parent_origin_id:
            parent_of[record.origin_id] = record.parent_origin_id

    sessions_of, folded = {}, set()
    for record in by_id.values():
        parent = by_id.get(parent_of.get(record.origin_id, ""))
        if parent is None or parent is record or not parent.sub_event_ids:
            continue
        if record.sub_event_ids or not record.sessions:
            continue
        sessions_of.setdefault(parent.origin_id, []).append(_as_session(record, parent))
        folded.add(record.origin_id)

    for record in by_id.values():
        if record.origin_id in folded:
            continue
        if record.origin_id in sessions_of:
            sessions = sorted(sessions_of[record.origin_id], key=lambda session: session.start)
            record = dataclasses.replace(record, sessions=sessions)
        assembled.records.append(record)
    return assembled


def _as_session(sub, parent):
    """A sub-event as one session of its super event: its own time and status, and its name
    and place only where they differ from the super event's."""
    session = sub.sessions[0]
    sub_text = _first_text(sub)
    parent_text = _first_text(parent)
    return Session(
        start=session.start,
        end=session.end,
        all_day=session.all_day,
        status=session.status,
        title=sub_text.title if sub_text.title != parent_text.title else "",
        location=sub_text.venue if sub_text.venue != parent_text.venue else "",
        origin_id=sub.origin_id,
    )


def _first_text(record):
    return next((record.texts[lang] for lang in LANGUAGES if lang in record.texts), Text(""))


def _record(origin_id, entry):
    event_status = _string(entry.get("event_status"))
    place = entry.get("location") if isinstance(entry.get("location"), dict) else {}
    offers = [offer for offer in _list(entry.get("offers")) if isinstance(offer, dict)]

    texts = _texts(entry, place, offers)
    if not texts:
        raise Unusable(NO_NAME)

    record = Record(
        origin_id=origin_id,
        uid=origin_id,
        texts=texts,
        status=STATUS_OF.get(event_status, EventStatus.SCHEDULED).value,
        url=_web_address(_translated(entry.get("info_url"))),
        keywords=_ids(entry.get("keywords")),
        languages=[lang for lang in _ids(entry.get("in_language")) if lang in LANGUAGES],
        registration_url=_registration_url(entry, offers),
        external_links=_external_links(entry.get("external_links")),
        modified=_modified(entry.get("last_modified_time")),
        image_url=_image_url(entry.get("images")),
        parent_origin_id=_id_of(entry.get("super_event")),
    )

    session = _session(entry, event_status)
    if session is not None:
        record.sessions.append(session)

    if _string(entry.get("super_event_type")) in ("recurring", "umbrella"):
        record.sub_event_ids = [i for i in _ids(entry.get("sub_events")) if i != origin_id]

    _place(record, entry, place)
    _offers(record, offers)
    return record


def _texts(entry, place, offers):
    texts = {}
    for lang in LANGUAGES:
        title = _plain(_translated(entry.get("name"), lang))
        if not title:
            continue
        description = clean(_translated(entry.get("description"), lang))
        summary = plain_summary(_translated(entry.get("short_description"), lang))
        texts[lang] = Text(
            title=title,
            summary=summary or plain_summary(description),
            description=description,
            venue=_venue(entry, place, lang),
            price_info=_price_info(offers, lang),
        )
    return texts


def _venue(entry, place, lang):
    """The place's name in this language (or another, names being proper names) and the
    event's own words on where in it ("Sali 2")."""
    name = _plain(_translated(place.get("name"), lang) or _translated(place.get("name")))
    extra = _plain(_translated(entry.get("location_extra_info"), lang))
    if _web_address(extra):  # an online event's join link, not a place
        extra = ""
    return ", ".join(part for part in (name, extra) if part)


def _price_info(offers, lang):
    prices = [_plain(_translated(offer.get("price"), lang)) for offer in offers]
    return "; ".join(price for price in prices if price)


# Times


def _session(entry, event_status):
    """The event's own time as a session, None for a postponed event without a date."""
    start_value = entry.get("start_time")
    if not start_value:
        if event_status == "EventPostponed":
            return None
        raise Unusable(NO_START)
    start_date, start = _moment(start_value)
    end_date, end = _moment(entry.get("end_time")) if entry.get("end_time") else (None, None)

    all_day = start is None or entry.get("has_start_time") is False
    if all_day:
        first = start_date or start.astimezone(HELSINKI).date()
        if end_date:
            last = end_date
        elif end is not None:
            local_end = end.astimezone(HELSINKI)
            last = local_end.date()
            if local_end.time() == datetime.time(0) and last > first:
                last -= datetime.timedelta(days=1)  # an exclusive end at midnight
        else:
            last = first
        if last < first:
            raise Unusable(ENDS_BEFORE_START)
        session = Session(
            start=_midnight(first), end=_midnight(last + datetime.timedelta(days=1)), all_day=True
        )
    else:
        if end_date:  # a long event whose last day has no time: it ends with that day
            end = _midnight(end_date + datetime.timedelta(days=1))
        end = end or start
        if end < start:
            raise Unusable(ENDS_BEFORE_START)
        session = Session(start=start, end=end)
    session.status = SESSION_STATUS_OF.get(event_status, "scheduled")
    return session


def _moment(value):
    """(date, None) for a date without a time, (None, aware datetime) for a timestamp; a time
    without an offset is Helsinki's, the API's own zone."""
    if not isinstance(value, str):
        raise Unusable(BAD_TIME)
    value = value.strip()
    try:
        if _DATE_ONLY.match(value):
            return datetime.date.fromisoformat(value), None
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise Unusable(BAD_TIME) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=HELSINKI)
    return None, moment


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=HELSINKI)


def _modified(value):
    try:
        return _moment(value)[1]
    except Unusable:
        return None


# Place


def _place(record, entry, place):
    place_id = _string(place.get("id")) or _id_of(place)
    virtual_url = _web_address(entry.get("virtualevent_url"))
    record.online = bool(
        entry.get("is_virtualevent") is True
        or virtual_url
        or place_id.endswith(":internet")
        or "virtual" in place_id
    )
    record.join_link = virtual_url
    if not record.join_link and record.online:
        record.join_link = _web_address(_translated(entry.get("location_extra_info")))

    record.street_address = _plain(_translated(place.get("street_address")))
    record.postal_code = _plain(place.get("postal_code"))
    record.locality = _plain(_translated(place.get("address_locality")))
    record.municipality = (
        municipality_of(locality=record.locality, postal_code=record.postal_code)
        or _municipality_of_divisions(place.get("divisions"))
        or municipality_of(text=_plain(_translated(place.get("name"))))
    )
    if not record.municipality and record.online and not record.street_address:
        record.municipality = ONLINE
    record.latitude, record.longitude = _coordinates(place.get("position"))


def _municipality_of_divisions(divisions):
    """The municipality among the place's administrative divisions ("ocd-division/country:fi/
    kunta:hämeenlinna"), which the API fills from the place's position."""
    for division in _list(divisions):
        if not isinstance(division, dict) or division.get("type") != "muni":
            continue
        name = _translated(division.get("name")) or _string(division.get("municipality"))
        ocd_name = _string(division.get("ocd_id")).rpartition("kunta:")[2]
        found = municipality_of(locality=name) or municipality_of(locality=ocd_name)
        if found:
            return found
    return ""


def _coordinates(position):
    """(latitude, longitude) from a GeoJSON point, whose coordinates are longitude first."""
    if not isinstance(position, dict) or position.get("type") != "Point":
        return None, None
    coordinates = position.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        return None, None
    try:
        longitude, latitude = (Decimal(str(c)).quantize(COORDINATE_PLACES) for c in coordinates[:2])
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return latitude, longitude
    except (InvalidOperation, ValueError):
        pass
    return None, None


# Offers and links


def _offers(record, offers):
    if not offers:
        return
    if any(offer.get("is_free") is True for offer in offers):
        record.is_free = True
        return
    record.is_free = False
    for lang in LANGUAGES:
        texts = [_translated(offer.get("price"), lang) for offer in offers]
        numbers = [n for text in texts if text for n in _NUMBER.findall(text)]
        if numbers:
            if len(numbers) == 1:
                record.price = Decimal(numbers[0].replace(",", "."))
                record.is_free = record.price == 0
            return


def _registration_url(entry, offers):
    address = _web_address(entry.get("enrolment_url"))
    for offer in offers:
        address = address or _web_address(_translated(offer.get("info_url")))
    return address


def _external_links(links):
    addresses = []
    for link in _list(links):
        address = _web_address(link.get("link")) if isinstance(link, dict) else ""
        if address and address not in addresses:
            addresses.append(address)
    return addresses


def _image_url(images):
    for image in _list(images):
        if isinstance(image, dict) and _web_address(image.get("url")):
            return _web_address(image.get("url"))
    return ""


# Small readers of the API's shapes


def _string(value):
    return value.strip() if isinstance(value, str) else ""


def _plain(value):
    return " ".join(value.split()) if isinstance(value, str) else ""


def _list(value):
    return value if isinstance(value, list) else []


def _translated(value, lang=None):
    """A language version of a translated field; without `lang`, Finnish or else any."""
    if isinstance(value, str):
        return value if lang in (None, "fi") else ""
    if not isinstance(value, dict):
        return ""
    if lang is not None:
        return _string(value.get(lang))
    for text in [value.get("fi"), value.get("sv"), value.get("en"), *value.values()]:
        if _string(text):
            return _string(text)
    return ""


def _web_address(value):
    value = _string(value)
    return value if value.lower().startswith(("http://", "https://")) else ""


def _id_of(reference):
    """The id of a related object, from its included `id` or the end of its `@id` address."""
    if isinstance(reference, str):
        reference = {"@id": reference}
    if not isinstance(reference, dict):
        return ""
    if _string(reference.get("id")):
        return _string(reference.get("id"))
    address = _string(reference.get("@id"))
    return unquote(address.rstrip("/").rpartition("/")[2]) if address else ""


def _ids(references):
    ids = []
    for reference in _list(references):
        found = _id_of(reference)
        if found and found not in ids:
            ids.append(found)
    return ids
