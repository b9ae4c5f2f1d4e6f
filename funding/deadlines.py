"""Writing the deadline table: an opportunity's rounds, a recurring call expanded over the
window, written when the page is published and cleared when it is unpublished, so that no
request expands a rule or walks the page tree to list deadlines."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from calendars import store
from calendars.types import expand_occurrences, recurrence_to_ical

from .feeds import OPPORTUNITY_EVENTS
from .models import ZONE, Deadline, FundingOpportunityPage, FundingRound, Timing, listing_values

WINDOW_BACK = datetime.timedelta(days=366)
WINDOW_AHEAD = datetime.timedelta(days=2 * 366)


def planned_rounds(page, today=None):
    """The rounds of `page` as unsaved `FundingRound`s with a stable key each.

    A call that recurs every year repeats its first round by the page's rule, from a year
    back to two years ahead (`extend_funding_deadlines` moves the window every night).
    """
    today = today or timezone.localdate()
    rounds = sorted(page.rounds.all(), key=lambda r: (r.sort_order or 0, r.closes_on))
    if page.timing == Timing.CONTINUOUS:
        return []
    if page.timing != Timing.ANNUAL or not rounds or not page.recurrence:
        return [(f"r{number}", item) for number, item in enumerate(rounds, start=1)]
    first = rounds[0]
    length = (first.closes_on - first.opens_on) if first.opens_on else None
    decision = (first.decision_on - first.closes_on) if first.decision_on else None
    series = recurrence_to_ical(page.recurrence, first.closes_on)
    planned = []
    for day in expand_occurrences(first.closes_on, series, until=today + WINDOW_AHEAD):
        if day < today - WINDOW_BACK:
            continue
        planned.append(
            (
                f"y{day.year}-{day.month:02d}-{day.day:02d}",
                FundingRound(
                    opens_on=day - length if length is not None else None,
                    closes_on=day,
                    closes_time=first.closes_time,
                    decision_on=day + decision if decision is not None else None,
                ),
            )
        )
    return planned


def deadline_rows(page, today=None):
    return [
        Deadline(
            opportunity_id=page.pk,
            locale_id=page.locale_id,
            key=key,
            opens_at=item.opens_at,
            closes_at=item.closes_at,
            all_day=item.closes_time is None,
            decision_on=item.decision_on,
        )
        for key, item in planned_rounds(page, today)
    ]


def store_listing(page_id, now=None):
    """Write the `listing_*` columns of one opportunity from its deadline rows."""
    FundingOpportunityPage.objects.filter(pk=page_id).update(**listing_values(page_id, now))


@transaction.atomic
def write_deadlines(page, today=None):
    """Replace the deadline rows of a published page, its listing columns and its stored
    calendar events."""
    Deadline.objects.filter(opportunity_id=page.pk).delete()
    Deadline.objects.bulk_create(deadline_rows(page, today))
    store_listing(page.pk)
    store.write(OPPORTUNITY_EVENTS.name, [page.pk])


@transaction.atomic
def clear_deadlines(page):
    Deadline.objects.filter(opportunity_id=page.pk).delete()
    store_listing(page.pk)
    store.clear(OPPORTUNITY_EVENTS.name, [page.pk])


def refresh_listings(now=None):
    """Recompute the listing columns of calls whose stored next deadline has passed (run
    nightly with `extend_funding_deadlines`, so that requests rarely have to)."""
    return FundingOpportunityPage.objects.refresh_stale_listings(now or timezone.now())


def bump_sequence(page):
    """Subscribers' clients replace an event only when its SEQUENCE rises."""
    FundingOpportunityPage.objects.filter(pk=page.pk).update(sequence=F("sequence") + 1)
    page.sequence += 1


def extend_recurring(today=None):
    """Rewrite the rows of every live recurring call (a nightly job keeps the window ahead)."""
    pages = (
        FundingOpportunityPage.objects.live()
        .filter(timing=Timing.ANNUAL)
        .defer_streamfields()
        .prefetch_related("rounds")
    )
    count = 0
    for page in pages:
        write_deadlines(page, today)
        count += 1
    return count


def local(moment):
    return timezone.localtime(moment, ZONE)
