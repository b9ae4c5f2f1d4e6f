"""Busy/free by day for a page's availability calendar: no names, no messages, just time."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from . import services
from .models import Booking


@dataclass
class Day:
    date: datetime.date
    open_hours: list = field(default_factory=list)  # [(start, end)] local times
    busy: list = field(default_factory=list)  # [(start, end)] local times, buffers included
    closed: bool = False
    free_count: int | None = None  # equipment: how many are free that day
    is_past: bool = False

    @property
    def state(self):
        if self.is_past:
            return "past"
        if self.free_count is not None:
            return "free" if self.free_count > 0 else "busy"
        if self.closed or not self.open_hours:
            return "closed"
        return "partly" if self.busy else "free"


def _bounds(first, days):
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time(0)))
    return start, start + datetime.timedelta(days=days)


def space_days(space, first, days=14):
    start, end = _bounds(first, days)
    busy = list(
        Booking.objects.of_resource(space)
        .blocking()
        .overlapping(start, end)
        .values_list("blocked_from", "blocked_until")
    )
    today = timezone.localdate()
    result = []
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        windows = services.opening_windows(space, day)
        day_start, day_end = _bounds(day, 1)
        result.append(
            Day(
                date=day,
                open_hours=[(timezone.localtime(a), timezone.localtime(b)) for a, b in windows],
                busy=[
                    (
                        timezone.localtime(max(b_from, day_start)),
                        timezone.localtime(min(b_until, day_end)),
                    )
                    for b_from, b_until in busy
                    if b_from < day_end and day_start < b_until
                ],
                closed=not windows,
                is_past=day < today,
            )
        )
    return result


def equipment_days(item, first, days=14):
    start, end = _bounds(first, days)
    rows = list(
        Booking.objects.of_resource(item)
        .blocking()
        .overlapping(start, end)
        .values_list("blocked_from", "blocked_until", "quantity")
    )
    today = timezone.localdate()
    result = []
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        day_start, day_end = _bounds(day, 1)
        used = sum(q for b_from, b_until, q in rows if b_from < day_end and day_start < b_until)
        result.append(Day(date=day, free_count=max(item.quantity - used, 0), is_past=day < today))
    return result
