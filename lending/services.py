"""The rules of booking, in one place and inside one transaction each.

No double booking of a space is guaranteed by the database (migration 0002: an exclusion
constraint on PostgreSQL, a trigger on SQLite); the check here comes first only to give a
friendly answer with free alternatives. Equipment quantities are summed under a row lock on
the item.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import emails
from .models import (
    Booking,
    BookingEvent,
    BookingStatus,
    EquipmentPage,
    ResourceKind,
    new_nonce,
)

# An owner has this long to answer before a request expires (never later than its start).
ANSWER_WITHIN = datetime.timedelta(days=5)
SLOT_STEP = datetime.timedelta(minutes=30)


class BookingRuleError(Exception):
    """The request breaks one or more of the resource's rules; `messages` name them."""

    def __init__(self, messages):
        super().__init__("; ".join(str(m) for m in messages))
        self.messages = list(messages)


class BookingConflict(Exception):
    """The time (or the quantity) is already taken; `suggestions` are free alternatives."""

    def __init__(self, message, suggestions=()):
        super().__init__(message)
        self.message = message
        self.suggestions = list(suggestions)


class InvalidTransition(Exception):
    pass


class RequestExpired(InvalidTransition):
    """The request's answer deadline has passed: it is expired, whether or not the periodic
    expiry job has run yet, and can no longer be approved or declined."""


@dataclass(frozen=True)
class Slot:
    start: datetime.datetime
    end: datetime.datetime


def _local(value):
    return timezone.localtime(value)


def _at(day, time):
    """An aware datetime for a local day and wall time (00:00 as an end means next midnight)."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


def opening_windows(space, day):
    """[(start, end)] aware datetimes in which `space` can be used on `day`."""
    if any(closed.date == day for closed in space.closed_dates.all()):
        return []
    windows = []
    for hours in space.opening_hours.all():
        if hours.weekday != day.weekday():
            continue
        start = _at(day, hours.opens)
        end = (
            _at(day + datetime.timedelta(days=1), datetime.time(0))
            if hours.closes == datetime.time(0)
            else _at(day, hours.closes)
        )
        windows.append((start, end))
    return sorted(windows)


def space_rule_problems(space, start, end, now=None):
    """Every rule of `space` that the time range breaks, as messages naming the rule."""
    now = now or timezone.now()
    problems = []
    if end <= start:
        return [_("The end must be after the start.")]
    minutes = (end - start).total_seconds() / 60
    if start < now:
        problems.append(_("The start is in the past."))
    if start > now + datetime.timedelta(days=space.advance_days):
        problems.append(
            _("This space can be booked at most %(days)s days ahead.")
            % {"days": space.advance_days}
        )
    if minutes < space.min_minutes:
        problems.append(
            _("The shortest booking is %(minutes)s minutes.") % {"minutes": space.min_minutes}
        )
    if minutes > space.max_minutes:
        problems.append(
            _("The longest booking is %(minutes)s minutes.") % {"minutes": space.max_minutes}
        )
    day = _local(start).date()
    if any(closed.date == day for closed in space.closed_dates.all()):
        problems.append(_("The space is closed on %(date)s.") % {"date": day.strftime("%d.%m.%Y")})
    elif not any(ws <= start and end <= we for ws, we in opening_windows(space, day)):
        problems.append(_("The time is outside the space's bookable hours."))
    return problems


def equipment_rule_problems(item, first_day, last_day, quantity, today=None):
    today = today or timezone.localdate()
    problems = []
    if last_day < first_day:
        return [_("The return day must not be before the pickup day.")]
    if first_day < today:
        problems.append(_("The pickup day is in the past."))
    if first_day > today + datetime.timedelta(days=item.advance_days):
        problems.append(
            _("This item can be booked at most %(days)s days ahead.") % {"days": item.advance_days}
        )
    days = (last_day - first_day).days + 1
    if days > item.max_loan_days:
        problems.append(_("The longest loan is %(days)s days.") % {"days": item.max_loan_days})
    if quantity < 1:
        problems.append(_("Ask for at least one."))
    elif quantity > item.quantity:
        problems.append(_("Only %(count)s of these can be lent.") % {"count": item.quantity})
    return problems


def blocked_range(space, start, end):
    return (
        start - datetime.timedelta(minutes=space.buffer_before),
        end + datetime.timedelta(minutes=space.buffer_after),
    )


def busy_ranges(space, start, end):
    """Buffered (from, until) of the blocking bookings of `space` that meet [start, end)."""
    return list(
        Booking.objects.of_resource(space)
        .blocking()
        .overlapping(start, end)
        .order_by("blocked_from")
        .values_list("blocked_from", "blocked_until")
    )


def is_space_free(space, start, end, busy=None):
    blocked_from, blocked_until = blocked_range(space, start, end)
    if busy is None:
        busy = busy_ranges(space, blocked_from, blocked_until)
    return not any(b_from < blocked_until and blocked_from < b_until for b_from, b_until in busy)


def nearest_free_slots(space, start, end, count=3, now=None, search_days=14):
    """Up to `count` free slots of the same length, nearest to the wanted start first."""
    now = now or timezone.now()
    length = end - start
    day = _local(start).date()
    first_day = max(day - datetime.timedelta(days=search_days), timezone.localdate(now))
    last_day = day + datetime.timedelta(days=search_days)
    busy = busy_ranges(
        space, _at(first_day, datetime.time(0)), _at(last_day, datetime.time(23, 59))
    )
    candidates = []
    current = first_day
    while current <= last_day:
        for window_start, window_end in opening_windows(space, current):
            slot_start = window_start
            while slot_start + length <= window_end:
                if (
                    slot_start != start
                    and slot_start >= now
                    and not space_rule_problems(space, slot_start, slot_start + length, now)
                    and is_space_free(space, slot_start, slot_start + length, busy)
                ):
                    candidates.append(Slot(slot_start, slot_start + length))
                slot_start += SLOT_STEP
        current += datetime.timedelta(days=1)
    candidates.sort(key=lambda slot: abs((slot.start - start).total_seconds()))
    return sorted(candidates[:count], key=lambda slot: slot.start)


def available_quantity(item, start, end, exclude=None):
    taken = Booking.objects.of_resource(item).blocking().overlapping(start, end)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    # Bookings overlap on some days only: the worst day counts.
    rows = list(taken.values_list("blocked_from", "blocked_until", "quantity"))
    worst = 0
    day = start
    while day < end:
        following = day + datetime.timedelta(days=1)
        used = sum(q for b_from, b_until, q in rows if b_from < following and day < b_until)
        worst = max(worst, used)
        day = following
    return item.quantity - worst


def day_range(first_day, last_day):
    return (
        _at(first_day, datetime.time(0)),
        _at(last_day + datetime.timedelta(days=1), datetime.time(0)),
    )


def _answer_deadline(start, now):
    return max(now, min(now + ANSWER_WITHIN, start - datetime.timedelta(hours=2)))


def _log(booking, to_status, *, actor=None, actor_label="", reason="", from_status=""):
    BookingEvent.objects.create(
        booking=booking,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=actor_label or (actor.get_username() if actor else ""),
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )


def _requester_fields(user, association, language, message, phone=""):
    return {
        "association": association,
        "requested_by": user,
        "contact_name": user.get_full_name() or user.get_username(),
        "contact_email": user.email,
        "contact_phone": phone,
        "message": message,
        "language": language or settings.LANGUAGE_CODE,
    }


def request_space(space, *, user, association, start, end, message="", phone="", language=None):
    """Create a request for `space` (its Finnish page); raises BookingRuleError or
    BookingConflict. The request blocks the time until it is declined, cancelled or expires."""
    space = space.source_page
    now = timezone.now()
    problems = space_rule_problems(space, start, end, now)
    if problems:
        raise BookingRuleError(problems)
    blocked_from, blocked_until = blocked_range(space, start, end)
    try:
        with transaction.atomic():
            if not is_space_free(space, start, end):
                raise IntegrityError("overlap")
            booking = Booking.objects.create(
                kind=ResourceKind.SPACE,
                resource=space,
                owner_id=space.association_id,
                municipality=space.municipality,
                starts_at=start,
                ends_at=end,
                blocked_from=blocked_from,
                blocked_until=blocked_until,
                expires_at=_answer_deadline(start, now),
                **_requester_fields(user, association, language, message, phone),
            )
            _log(booking, BookingStatus.REQUESTED, actor=user, reason=message)
    except IntegrityError as error:
        # The friendly check or the database constraint (a simultaneous request) said no.
        raise BookingConflict(
            _("The space is already booked at that time (or too close to another booking)."),
            nearest_free_slots(space, start, end, now=now),
        ) from error
    _notify_requested(booking)
    return booking


def request_equipment(
    item, *, user, association, first_day, last_day, quantity, message="", phone="", language=None
):
    item = item.source_page
    problems = equipment_rule_problems(item, first_day, last_day, quantity)
    if problems:
        raise BookingRuleError(problems)
    start, end = day_range(first_day, last_day)
    now = timezone.now()
    with transaction.atomic():
        # The item's row lock makes simultaneous requests for it take turns.
        EquipmentPage.objects.select_for_update().filter(pk=item.pk).values_list("pk").get()
        free = available_quantity(item, start, end)
        if quantity > free:
            raise BookingConflict(
                _("Only %(count)s of these are free on those days.") % {"count": max(free, 0)},
                [],
            )
        booking = Booking.objects.create(
            kind=ResourceKind.EQUIPMENT,
            resource=item,
            owner_id=item.association_id,
            municipality=item.municipality,
            starts_at=start,
            ends_at=end,
            blocked_from=start,
            blocked_until=end,
            quantity=quantity,
            expires_at=_answer_deadline(start, now),
            **_requester_fields(user, association, language, message, phone),
        )
        _log(booking, BookingStatus.REQUESTED, actor=user, reason=message)
    _notify_requested(booking)
    return booking


DECISIONS = (BookingStatus.APPROVED, BookingStatus.DECLINED)
ALLOWED = {
    BookingStatus.APPROVED: {BookingStatus.REQUESTED},
    BookingStatus.DECLINED: {BookingStatus.REQUESTED},
    BookingStatus.CANCELLED: {BookingStatus.REQUESTED, BookingStatus.APPROVED},
    BookingStatus.EXPIRED: {BookingStatus.REQUESTED},
}


def _transition(booking, to_status, *, actor=None, actor_label="", reason=""):
    """Change the status under a row lock; returns the fresh booking. A new nonce makes every
    decision link sent before it unusable."""
    with transaction.atomic():
        locked = Booking.objects.select_for_update().get(pk=booking.pk)
        if locked.status not in ALLOWED[to_status]:
            raise InvalidTransition(locked.status)
        if to_status in DECISIONS and locked.is_past_deadline:
            raise RequestExpired(locked.status)
        previous = locked.status
        locked.status = to_status
        locked.decision_nonce = new_nonce()
        if to_status in (BookingStatus.APPROVED, BookingStatus.DECLINED):
            locked.decided_at = timezone.now()
            locked.decision_reason = reason
        elif reason:
            locked.decision_reason = reason
        locked.save(
            update_fields=[
                "status",
                "decision_nonce",
                "decided_at",
                "decision_reason",
                "changed_at",
            ]
        )
        _log(
            locked,
            to_status,
            actor=actor,
            actor_label=actor_label,
            reason=reason,
            from_status=previous,
        )
    return locked


def _decide(booking, to_status, *, actor, actor_label, reason):
    try:
        booking = _transition(
            booking, to_status, actor=actor, actor_label=actor_label, reason=reason
        )
    except RequestExpired:
        # Late: expire it now rather than when the job next runs, and say so.
        _expire(booking)
        raise
    emails.decided(booking)
    return booking


def approve(booking, *, actor=None, actor_label="", reason=""):
    """Raises RequestExpired after the answer deadline (InvalidTransition once decided)."""
    return _decide(
        booking, BookingStatus.APPROVED, actor=actor, actor_label=actor_label, reason=reason
    )


def decline(booking, *, actor=None, actor_label="", reason=""):
    return _decide(
        booking, BookingStatus.DECLINED, actor=actor, actor_label=actor_label, reason=reason
    )


def cancel(booking, *, actor, reason):
    booking = _transition(booking, BookingStatus.CANCELLED, actor=actor, reason=reason)
    emails.cancelled(booking, actor)
    return booking


def cancel_for_deleted_account(booking, user):
    """The requester deleted their account: the time is free again at once and the owner's
    admins are told, as when a requester cancels. The history entry names nobody."""
    booking = _transition(
        booking,
        BookingStatus.CANCELLED,
        actor_label="system",
        reason=_("The requester deleted their account."),
    )
    emails.cancelled(booking, user)
    return booking


def _expire(booking):
    """Expire one unanswered request and tell the requester; None if decided meanwhile."""
    try:
        booking = _transition(
            booking,
            BookingStatus.EXPIRED,
            actor_label="system",
            reason=_("Nobody answered in time."),
        )
    except InvalidTransition:
        return None
    emails.expired(booking)
    return booking


def expire_unanswered(now=None):
    """Expire requests nobody answered in time; tell the requesters. Safe to run often."""
    now = now or timezone.now()
    expired = []
    for booking in Booking.objects.filter(status=BookingStatus.REQUESTED, expires_at__lte=now):
        booking = _expire(booking)
        if booking is not None:
            expired.append(booking)
    return expired


def _notify_requested(booking):
    emails.requested(booking)
