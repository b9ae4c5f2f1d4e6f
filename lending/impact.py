"""The strategy's indicator of multi-use: hours of shared space use and equipment loans
between associations, per month and sub-region (of the space or item). Only approved
bookings that have started, where the borrower is another association than the owner."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from core.regions import SubRegion, sub_region_of

from .models import Booking, BookingStatus


@dataclass
class MonthFigures:
    month: datetime.date
    space_hours: dict  # sub-region code → hours
    loans: dict  # sub-region code → number of loans

    @property
    def total_hours(self):
        return round(sum(self.space_hours.values()), 1)

    @property
    def total_loans(self):
        return sum(self.loans.values())


def impact_figures(months=12, now=None):
    """[MonthFigures] for the last `months` months, oldest first; one query."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    rows = (
        Booking.objects.filter(
            status=BookingStatus.APPROVED,
            starts_at__gte=timezone.make_aware(datetime.datetime.combine(first, datetime.time(0))),
            starts_at__lte=now,
            association__isnull=False,
        )
        # Borrowing from one's own association is not sharing between associations.
        .exclude(association_id=F("owner_id"))
        .values_list("kind", "municipality", "starts_at", "ends_at")
    )
    hours = defaultdict(lambda: defaultdict(float))
    loans = defaultdict(lambda: defaultdict(int))
    for kind, municipality, start, end in rows:
        month = timezone.localtime(start).date().replace(day=1)
        region = sub_region_of(municipality)
        if kind == "space":
            hours[month][region] += (end - start).total_seconds() / 3600
        else:
            loans[month][region] += 1
    result = []
    month = first
    while month <= today:
        result.append(
            MonthFigures(
                month,
                {r.value: round(hours[month][r.value], 1) for r in SubRegion},
                {r.value: loans[month][r.value] for r in SubRegion},
            )
        )
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return result
