"""Calendar events written once, when their source is published, and joined into feeds.

An app registers each kind of thing that has calendar events (a training, a funding call, a
booking) as an `EventSource`: how to make the `FeedEvent`s of some of its objects, and which
objects should have events now. `write()` turns those events into VEVENT blocks with the
calendar writer and stores them (`StoredEvent`), in the caller's transaction; `clear()`
removes them; a feed is `calendar(meta, blocks(...))`, one query for the blocks.

A source that can name its objects (`identify`) also keeps a record of the objects whose
events left the public calendars (`RemovedEvent`: unpublished, deleted, made private), cleared
when they are public again, so that a reader who syncs by modification time learns of them
(`removed()`).
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone

from .ical import build_calendar, serialize_event
from .models import RemovedEvent, StoredEvent
from .types import DateOrDateTime, FeedEvent, RecurrenceSet, expand_occurrences, is_bounded


class Timed(NamedTuple):
    """An event with the times a feed selects it by, when they are not the event's own (a
    funding deadline is selected by its closing time, a booking by its booked time without
    the buffers the busy block shows)."""

    event: FeedEvent
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None


# (object id, language, its events in that language) for each object that has events.
EventsOf = Callable[[Sequence[int]], Iterable[tuple[int, str, Sequence[FeedEvent | Timed]]]]
# (object id, language, identity) of those of the objects that exist, in one query: what the
# object is known by to readers (a training's uid), which outlives the object.
Identify = Callable[[Sequence[int]], Iterable[tuple[int, str, str]]]


@dataclass(frozen=True)
class EventSource:
    """One kind of object with calendar events.

    `events(ids)` gives the events of those objects that should have events (one entry per
    object and language; an object it leaves out has none), reading everything in a constant
    number of queries. `current()` is a queryset of every object that should have events now,
    for `rewrite_calendar_events`. Deleting a `model` instance removes its events.

    With `identify`, the removals are recorded (see the module's docstring); `public()` is
    every object whose events the public sees now (by default `current()`; a page behind a
    view restriction has events but is not public)."""

    name: str
    model: type[models.Model]
    events: EventsOf
    current: Callable[[], models.QuerySet]
    identify: Identify | None = None
    public: Callable[[], models.QuerySet] | None = None


_sources: dict[str, EventSource] = {}
# The writes noted inside `deferred`, by source name.
_pending: ContextVar[dict[str, set[int]] | None] = ContextVar(
    "calendars_store_pending", default=None
)


def register(source: EventSource) -> None:
    """Make a source known; called from the owning app's `AppConfig.ready()`. Deleting one of
    its objects removes the object's events."""
    _sources[source.name] = source

    def note_deleted(instance: models.Model, **kwargs: object) -> None:
        bury(source.name, [instance.pk])  # before the delete: the object is still there to name

    def clear_deleted(instance: models.Model, **kwargs: object) -> None:
        _delete_stored(source.name, [instance.pk])

    pre_delete.connect(
        note_deleted, sender=source.model, weak=False, dispatch_uid=f"calendars.{source.name}"
    )
    post_delete.connect(
        clear_deleted, sender=source.model, weak=False, dispatch_uid=f"calendars.{source.name}"
    )


def sources() -> list[EventSource]:
    return list(_sources.values())


def source_named(name: str) -> EventSource:
    return _sources[name]


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Inside the block, `write` only notes what to write; at its end each source's objects
    are written in one pass (a sync that publishes hundreds of events renders and compares
    them together instead of one by one). Also after an error: what was committed inside the
    block gets its events (objects rolled back simply have none)."""
    if _pending.get() is not None:
        yield
        return
    pending: dict[str, set[int]] = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
        for name, ids in pending.items():
            write(name, ids)


def write(name: str, ids: Iterable[int]) -> int:
    """Store the events of objects `ids` of source `name` as their data is now, replacing what
    was stored; objects without events lose theirs. Returns how many objects' stored events
    changed (an unchanged object is not rewritten, so its rows keep their ids; 0 inside
    `deferred`, which writes later)."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    pending = _pending.get()
    if pending is not None:
        pending.setdefault(name, set()).update(ids)
        return 0
    source = _sources[name]
    wanted: dict[int, list[StoredEvent]] = {pk: [] for pk in ids}
    for object_id, language, events in source.events(ids):
        rows = wanted.setdefault(object_id, [])
        for item in events:
            event, (starts_at, ends_at) = (
                (item.event, item[1:]) if isinstance(item, Timed) else (item, event_span(item))
            )
            block = serialize_event(event, language)
            if not block:
                continue  # malformed: logged by the writer, and left out of every feed
            rows.append(
                StoredEvent(
                    source=name,
                    object_id=object_id,
                    language=language,
                    position=len(rows),
                    uid=event.uid.strip(),
                    starts_at=starts_at,
                    ends_at=ends_at,
                    block=block,
                )
            )
    stored: dict[int, list[tuple]] = {}
    for row in (
        StoredEvent.objects.filter(source=name, object_id__in=list(wanted))
        .order_by("object_id", "language", "position")
        .values_list("object_id", "language", "uid", "starts_at", "ends_at", "block")
    ):
        stored.setdefault(row[0], []).append((*row[1:5], bytes(row[5])))
    changed = [
        object_id
        for object_id, rows in wanted.items()
        if stored.get(object_id, [])
        != sorted(
            ((row.language, row.uid, row.starts_at, row.ends_at, row.block) for row in rows),
            key=lambda item: (item[0],),
        )
    ]
    if changed:
        with transaction.atomic():
            StoredEvent.objects.filter(source=name, object_id__in=changed).delete()
            StoredEvent.objects.bulk_create(
                [row for object_id in changed for row in wanted[object_id]]
            )
    revive(name, ids)
    return len(changed)


def clear(name: str, ids: Iterable[int]) -> None:
    """Remove the stored events of objects `ids` of source `name` (unpublished, deleted),
    recording that they left."""
    ids = list(ids)
    bury(name, ids)
    _delete_stored(name, ids)


def _delete_stored(name: str, ids: Iterable[int]) -> None:
    StoredEvent.objects.filter(source=name, object_id__in=list(ids)).delete()


def bury(name: str, ids: Iterable[int] | models.QuerySet) -> None:
    """Record that the objects `ids` of source `name` that had events (that is, were
    published) have left the public calendars now. An object already recorded keeps the time
    it first left. Three queries at most; nothing for a source without `identify`."""
    source = _sources[name]
    if source.identify is None:
        return
    had = list(
        StoredEvent.objects.filter(
            source=name,
            object_id__in=ids if isinstance(ids, models.QuerySet) else list(ids),
        )
        .values_list("object_id", flat=True)
        .distinct()
    )
    if not had:
        return
    now = timezone.now()
    RemovedEvent.objects.bulk_create(
        [
            RemovedEvent(source=name, object_id=pk, language=language, uid=uid, removed_at=now)
            for pk, language, uid in source.identify(had)
        ],
        ignore_conflicts=True,
    )


def revive(name: str, ids: Iterable[int] | models.QuerySet) -> None:
    """Forget the removal of those of the objects `ids` that are public now (published
    again, or no longer private): one query."""
    source = _sources[name]
    if source.identify is None:
        return
    public = (source.public or source.current)()
    RemovedEvent.objects.filter(
        source=name,
        object_id__in=public.filter(
            pk__in=ids if isinstance(ids, models.QuerySet) else list(ids)
        ).values("pk"),
    ).delete()


def removed(name: str, language: str, *, since: datetime.datetime | None = None) -> models.QuerySet:
    """The removed objects of source `name` in `language` (at or after `since`), oldest
    removal first: rows with `uid` and `removed_at`."""
    rows = RemovedEvent.objects.filter(source=name, language=language)
    if since is not None:
        rows = rows.filter(removed_at__gte=since)
    return rows.order_by("removed_at", "pk")


def blocks(
    name: str,
    language: str,
    object_ids: Iterable[int] | models.QuerySet,
    *,
    uids: Iterable[str] | None = None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
) -> list[bytes]:
    """The stored blocks of the objects (a list of ids, or a queryset of ids that becomes a
    subquery) in one query, in a stable order: by object, then as the source listed them.
    `uids` keeps only those events; `since` those that end at or after it (a series without
    an end always does), `until` those that start at or before it."""
    rows = StoredEvent.objects.filter(source=name, language=language, object_id__in=object_ids)
    if uids is not None:
        rows = rows.filter(uid__in=list(uids))
    if since is not None:
        rows = rows.filter(models.Q(ends_at__gte=since) | models.Q(ends_at__isnull=True))
    if until is not None:
        rows = rows.filter(starts_at__lte=until)
    return list(rows.order_by("object_id", "position").values_list("block", flat=True))


def calendar(meta, stored: Iterable[bytes]) -> bytes:
    """A complete calendar: the header of `meta`, the VTIMEZONE and the stored blocks."""
    return build_calendar(meta, stored)


class Rewritten(NamedTuple):
    source: str
    with_events: int  # objects that should have events
    changed: int  # objects whose stored events were written anew
    removed: int  # objects that had events and should not


def rewrite(names: Iterable[str] | None = None, chunk: int = 500) -> list[Rewritten]:
    """Write the events of every object of the sources (all by default) that should have
    events, and remove those of objects that should not: after an upgrade of the writer, a
    change of BASE_URL or a translation, or content made without publishing (demo copies).
    Unchanged events are not rewritten."""
    results = []
    for name in names or list(_sources):
        objects = _sources[name].current()
        current = list(objects.order_by("pk").values_list("pk", flat=True))
        changed = 0
        for first in range(0, len(current), chunk):
            with transaction.atomic():
                changed += write(name, current[first : first + chunk])
        stale = StoredEvent.objects.filter(source=name).exclude(object_id__in=objects.values("pk"))
        stale_ids = set(stale.values_list("object_id", flat=True))
        bury(name, stale_ids)  # left without a signal (a bulk change, content made in a shell)
        stale.delete()
        results.append(Rewritten(name, len(current), changed, len(stale_ids)))
    return results


# --- when an event is --------------------------------------------------------------------------

# A bounded series is expanded this far at most to find its last session.
_SERIES_LIMIT = datetime.timedelta(days=20 * 366)


def event_span(event: FeedEvent) -> tuple[datetime.datetime, datetime.datetime | None]:
    """When an event starts and when its last session (or moved session) ends; None for a
    series without an end. Dates count from local midnight, an all-day end is exclusive."""
    zone = ZoneInfo(settings.TIME_ZONE)
    length = _as_time(event.end, zone) - _as_time(event.start, zone)
    starts_at = _as_time(event.start, zone)
    if event.rrules and not all(is_bounded(value) for value in event.rrules):
        return starts_at, None
    last = event.start
    if event.rrules or event.rdates:
        recurrence = RecurrenceSet(event.rrules, event.rdates, event.exdates)
        until = _as_time(event.start, zone) + _SERIES_LIMIT
        if not isinstance(event.start, datetime.datetime):
            until = until.date()
        sessions = expand_occurrences(event.start, recurrence, until=until, tzid=zone.key)
        last = sessions[-1] if sessions else event.start
    ends_at = _as_time(last, zone) + length
    for override in event.overrides:
        starts_at = min(starts_at, _as_time(override.start, zone))
        ends_at = max(ends_at, _as_time(override.end, zone))
    return starts_at, ends_at


def _as_time(value: DateOrDateTime, zone: ZoneInfo) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.combine(value, datetime.time(), tzinfo=zone)
