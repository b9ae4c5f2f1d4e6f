"""The one parser of the space and equipment listing filters.

The HTML listing ignores invalid values and shows the problems as a note (status 200); a
feed would answer 400 with the same messages.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.regions import Municipality, SubRegion, municipalities_of

from .models import Accessibility, Booking, EquipmentCategory, Facility

MAX_CAPACITY = 100000


@dataclass
class LendingFilters:
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
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems

    @property
    def is_filtered(self):
        return bool(
            self.municipalities
            or self.regions
            or self.categories
            or self.facilities
            or self.accessibility
            or self.capacity
            or self.quantity
            or self.free
            or self.start
        )

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
    from .models import SpacePage

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
    from .models import EquipmentPage

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


def _multi(query, name, allowed, problems, label):
    values = []
    for value in query.getlist(name):
        value = value.strip()
        if not value:
            continue
        if value in allowed:
            if value not in values:
                values.append(value)
        else:
            problems.append(
                _("Unknown %(label)s “%(value)s” was ignored.") % {"label": label, "value": value}
            )
    return values


def _positive(query, name, problems, label):
    raw = query.get(name, "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
        if not 1 <= value <= MAX_CAPACITY:
            raise ValueError
    except ValueError:
        problems.append(
            _("The %(label)s “%(value)s” is not a positive whole number and was ignored.")
            % {"label": label, "value": raw[:20]}
        )
        return None
    return value


def _date(raw, problems, label):
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        problems.append(
            _("The %(label)s “%(value)s” is not a date (YYYY-MM-DD) and was ignored.")
            % {"label": label, "value": raw[:20]}
        )
        return None


def _time(raw, problems, label):
    try:
        return datetime.time.fromisoformat(raw)
    except ValueError:
        problems.append(
            _("The %(label)s “%(value)s” is not a time (HH:MM) and was ignored.")
            % {"label": label, "value": raw[:20]}
        )
        return None


def _space_range(query, problems):
    """?date=YYYY-MM-DD&from=HH:MM&to=HH:MM → an aware [start, end)."""
    raw_date = query.get("date", "").strip()
    if not raw_date:
        return None, None
    day = _date(raw_date, problems, _("date"))
    if day is None:
        return None, None
    start_time = _time(query.get("from", "").strip() or "00:00", problems, _("start time"))
    end_time = _time(query.get("to", "").strip() or "00:00", problems, _("end time"))
    if start_time is None or end_time is None:
        return None, None
    start = timezone.make_aware(datetime.datetime.combine(day, start_time))
    end_day = day + datetime.timedelta(days=1) if end_time == datetime.time(0) else day
    end = timezone.make_aware(datetime.datetime.combine(end_day, end_time))
    if end <= start:
        problems.append(_("The end time must be after the start time; the time was ignored."))
        return None, None
    return start, end


def _day_range(query, problems):
    """?from=YYYY-MM-DD&to=YYYY-MM-DD (to optional) → an aware [start, end) of whole days."""
    raw_from = query.get("from", "").strip()
    if not raw_from:
        return None, None
    first = _date(raw_from, problems, _("pickup day"))
    raw_to = query.get("to", "").strip()
    last = _date(raw_to, problems, _("return day")) if raw_to else first
    if first is None or last is None:
        return None, None
    if last < first:
        problems.append(_("The return day must not be before the pickup day; ignored."))
        return None, None
    if (last - first).days > 366:
        problems.append(_("Ask about at most a year at a time; the days were ignored."))
        return None, None
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time(0)))
    end = timezone.make_aware(
        datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(0))
    )
    return start, end


def _common(query, problems):
    return {
        "municipalities": _multi(
            query, "municipality", set(Municipality.values), problems, _("municipality")
        ),
        "regions": _multi(query, "region", set(SubRegion.values), problems, _("sub-region")),
        "free": query.get("free", "") in ("1", "on", "true"),
    }


def parse_space_filters(query):
    problems = []
    common = _common(query, problems)
    start, end = _space_range(query, problems)
    return LendingFilters(
        **common,
        facilities=_multi(query, "facility", set(Facility.values), problems, _("facility")),
        accessibility=_multi(
            query, "access", set(Accessibility.values), problems, _("accessibility feature")
        ),
        capacity=_positive(query, "capacity", problems, _("capacity")),
        start=start,
        end=end,
        problems=problems,
    )


def parse_equipment_filters(query):
    problems = []
    common = _common(query, problems)
    start, end = _day_range(query, problems)
    return LendingFilters(
        **common,
        categories=_multi(
            query, "category", set(EquipmentCategory.values), problems, _("category")
        ),
        quantity=_positive(query, "quantity", problems, _("quantity")),
        start=start,
        end=end,
        problems=problems,
    )
