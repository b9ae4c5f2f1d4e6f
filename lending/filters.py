"""The one parser of the space and equipment listing filters, on the shared QueryReader.

The HTML listing ignores invalid values and shows the problems as a note (status 200); a
feed would answer 400 with the same messages. Each message is a whole sentence.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from core.query_params import BaseFilters, QueryReader
from core.regions import Municipality, SubRegion, municipalities_of

from .models import Accessibility, Booking, EquipmentCategory, EquipmentPage, Facility, SpacePage

MAX_CAPACITY = 100000


@dataclass
class LendingFilters(BaseFilters):
    municipalities: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    facilities: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    capacity: int | None = None
    quantity: int | None = None
    free: bool = False
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None

    def _place(self, pages):
        places = set(self.municipalities)
        for region in self.regions:
            places.update(m.value for m in municipalities_of(SubRegion(region)))
        return pages.filter(municipality__in=places) if places else pages

    def apply_spaces(self, pages):
        pages = self._place(pages)
        if self.capacity:
            pages = pages.filter(capacity__gte=self.capacity)
        for value in self.facilities:
            pages = pages.filter(facilities__icontains=f'"{value}"')
        for value in self.accessibility:
            pages = pages.filter(accessibility__icontains=f'"{value}"')
        if self.free:
            pages = pages.filter(price_mode="free")
        if self.start:
            pages = pages.exclude(translation_key__in=busy_space_keys(self.start, self.end))
        return pages

    def apply_equipment(self, pages):
        pages = self._place(pages)
        if self.categories:
            pages = pages.filter(category__in=self.categories)
        if self.quantity:
            pages = pages.filter(quantity__gte=self.quantity)
        if self.free:
            pages = pages.filter(price_mode="free")
        if self.start:
            pages = pages.exclude(
                translation_key__in=short_equipment_keys(self.start, self.end, self.quantity or 1)
            )
        return pages


def busy_space_keys(start, end):
    """Translation keys of spaces that cannot take [start, end): a blocking booking within
    their buffers. Two queries, whatever the number of spaces."""
    margin = datetime.timedelta(days=1)
    rows = list(
        Booking.objects.blocking()
        .filter(kind="space")
        .overlapping(start - margin, end + margin)
        .values_list("resource_id", "blocked_from", "blocked_until")
    )
    if not rows:
        return []
    buffers = {
        pk: (key, before, after)
        for pk, key, before, after in SpacePage.objects.filter(
            pk__in={r[0] for r in rows}
        ).values_list("pk", "translation_key", "buffer_before", "buffer_after")
    }
    busy = set()
    for pk, b_from, b_until in rows:
        key, before, after = buffers.get(pk, (None, 0, 0))
        wanted_from = start - datetime.timedelta(minutes=before)
        wanted_until = end + datetime.timedelta(minutes=after)
        if key and b_from < wanted_until and wanted_from < b_until:
            busy.add(key)
    return list(busy)


def short_equipment_keys(start, end, quantity):
    rows = list(
        Booking.objects.blocking()
        .filter(kind="equipment")
        .overlapping(start, end)
        .values_list("resource_id", "blocked_from", "blocked_until", "quantity")
    )
    if not rows:
        return []
    stock = {
        pk: (key, count)
        for pk, key, count in EquipmentPage.objects.filter(pk__in={r[0] for r in rows}).values_list(
            "pk", "translation_key", "quantity"
        )
    }
    short = set()
    day = start
    while day < end:
        following = day + datetime.timedelta(days=1)
        used = {}
        for pk, b_from, b_until, count in rows:
            if b_from < following and day < b_until:
                used[pk] = used.get(pk, 0) + count
        for pk, count in used.items():
            key, total = stock.get(pk, (None, 0))
            if key and total - count < quantity:
                short.add(key)
        day = following
    return list(short)


def _positive(raw, message, problems):
    """A whole number from 1 to MAX_CAPACITY, or None (and `message` noted)."""
    if not raw:
        return None
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_CAPACITY:
        problems.append(message % {"value": raw[:20]})
        return None
    return number


def _time(raw, problems):
    try:
        value = datetime.time.fromisoformat(raw)
        if value.tzinfo is not None:  # local wall time only
            raise ValueError(raw)
        return value
    except ValueError:
        problems.append(
            _("“%(value)s” is not a time (use HH:MM), so it was ignored.") % {"value": raw[:20]}
        )
        return None


def _space_range(reader):
    """?date=YYYY-MM-DD&from=HH:MM&to=HH:MM → an aware [start, end)."""
    problems = reader.problems
    raw_date = reader.single("date")
    raw_from, raw_to = reader.single("from"), reader.single("to")
    if not raw_date:
        return None, None
    day = reader.as_date(raw_date)
    if day is None:
        return None, None
    start_time = _time(raw_from or "00:00", problems)
    end_time = _time(raw_to or "00:00", problems)
    if start_time is None or end_time is None:
        return None, None
    start = timezone.make_aware(datetime.datetime.combine(day, start_time))
    end_day = day + datetime.timedelta(days=1) if end_time == datetime.time(0) else day
    end = timezone.make_aware(datetime.datetime.combine(end_day, end_time))
    if end <= start:
        problems.append(_("The end time must be after the start time, so the time was ignored."))
        return None, None
    return start, end


def _day_range(reader):
    """?from=YYYY-MM-DD&to=YYYY-MM-DD (to optional) → an aware [start, end) of whole days."""
    problems = reader.problems
    raw_from, raw_to = reader.single("from"), reader.single("to")
    if not raw_from:
        return None, None
    first = reader.as_date(raw_from)
    last = reader.as_date(raw_to) if raw_to else first
    if first is None or last is None:
        return None, None
    if last < first:
        problems.append(_("The return day was before the pickup day, so the days were ignored."))
        return None, None
    if (last - first).days > 366:
        problems.append(_("Ask about at most a year at a time; the days were ignored."))
        return None, None
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time(0)))
    end = timezone.make_aware(
        datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(0))
    )
    return start, end


def _common(reader):
    return {
        "free": reader.flag("free"),
        "municipalities": reader.multi(
            "municipality",
            set(Municipality.values),
            _("Unknown municipality “%(value)s” was ignored."),
        ),
        "regions": reader.multi(
            "region", set(SubRegion.values), _("Unknown sub-region “%(value)s” was ignored.")
        ),
    }


def parse_space_filters(query):
    problems = []
    reader = QueryReader(query, problems)
    common = _common(reader)
    start, end = _space_range(reader)
    capacity = _positive(
        reader.single("capacity"),
        _("The capacity “%(value)s” is not a positive whole number, so it was ignored."),
        problems,
    )
    return LendingFilters(
        **common,
        facilities=reader.multi(
            "facility", set(Facility.values), _("Unknown facility “%(value)s” was ignored.")
        ),
        accessibility=reader.multi(
            "access",
            set(Accessibility.values),
            _("Unknown accessibility feature “%(value)s” was ignored."),
        ),
        capacity=capacity,
        start=start,
        end=end,
        problems=problems,
    )


def parse_equipment_filters(query):
    problems = []
    reader = QueryReader(query, problems)
    common = _common(reader)
    start, end = _day_range(reader)
    quantity = _positive(
        reader.single("quantity"),
        _("The quantity “%(value)s” is not a positive whole number, so it was ignored."),
        problems,
    )
    return LendingFilters(
        **common,
        categories=reader.multi(
            "category",
            set(EquipmentCategory.values),
            _("Unknown category “%(value)s” was ignored."),
        ),
        quantity=quantity,
        start=start,
        end=end,
        problems=problems,
    )
