"""Registration rules in one place: enrolment window, confirming the address, capacity,
waiting list, cancellation.

The form only makes a pending registration and emails a link; the registration takes a place
when the link is used (`confirm`), so that one client cannot fill a training with made-up
addresses. Each change of the places runs in a transaction that first locks the training's
row (`select_for_update` on PostgreSQL; on SQLite the IMMEDIATE transaction mode serialises
writers), so that counting the places and taking one cannot interleave with another request.
"""

import logging
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from . import emails
from .links import CANCEL_SALT, CONFIRM_SALT, CONFIRMATION_TIMEOUT
from .links import cancellation_token as cancellation_token
from .links import confirmation_token as confirmation_token
from .models import (
    EventRecord,
    EventStatus,
    Registration,
    RegistrationMode,
    RegistrationStatus,
    TrainingPage,
)

logger = logging.getLogger(__name__)


class RegistrationRefused(Exception):
    """Registration is not possible; the message says why, in the visitor's language."""


class LinkRefused(Exception):
    """An emailed link cannot be used: `reason` is "expired" or "invalid" (tampered, or the
    registration is gone)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Places:
    capacity: int | None
    confirmed: int
    waiting: int

    @property
    def left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.capacity is not None and self.confirmed >= self.capacity


def places(training):
    """How many places are taken and waiting for `training` (any language version). Pending
    registrations count for neither: their address is not confirmed."""
    canonical = training.canonical
    counts = dict(
        _active(canonical).values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return Places(
        capacity=canonical.capacity,
        confirmed=counts.get(RegistrationStatus.CONFIRMED, 0),
        waiting=counts.get(RegistrationStatus.WAITING, 0),
    )


def _active(training):
    """The registrations of `training` that are not cancelled or anonymised (pending too)."""
    return Registration.objects.filter(training=training, anonymised_at__isnull=True).exclude(
        status=RegistrationStatus.CANCELLED
    )


def _is_full(locked):
    """Whether the confirmed registrations fill the (locked) training's places."""
    if locked.capacity is None:
        return False
    return _active(locked).filter(status=RegistrationStatus.CONFIRMED).count() >= locked.capacity


def _lock(training_id):
    """Lock the training's row until the transaction ends (see the module docstring)."""
    return (
        TrainingPage.objects.select_for_update(of=("self",))
        .only("pk", "capacity", "waiting_list", "registration_mode", "status")
        .get(pk=training_id)
    )


def last_end(training):
    return training.canonical.occurrences.order_by("-end").values_list("end", flat=True).first()


def registration_state(training, now=None):
    """(is_open, reason): whether built-in registration takes people now, and if not, why."""
    now = now or timezone.now()
    if training.registration_mode != RegistrationMode.BUILT_IN:
        return False, _("This training has no registration on this site.")
    if training.status == EventStatus.CANCELLED:
        return False, _("The training has been cancelled, so registration is closed.")
    if training.status == EventStatus.POSTPONED:
        return False, _(
            "The training has been postponed; registration opens again with the new date."
        )
    if training.registration_opens and now < training.registration_opens:
        opens = timezone.localtime(training.registration_opens)
        return False, _("Registration opens on %(date)s at %(time)s.") % {
            "date": opens.strftime("%-d.%-m.%Y"),
            "time": opens.strftime("%H.%M"),
        }
    if training.registration_closes and now >= training.registration_closes:
        return False, _("Registration closed on %(date)s.") % {
            "date": timezone.localtime(training.registration_closes).strftime("%-d.%-m.%Y")
        }
    end = last_end(training)
    if end is not None and end <= now:
        return False, _("The training is over.")
    return True, ""


def register(training, *, name, email, association, phone="", needs="", language, now=None):
    """Take a registration form and email the address; no place is held until it confirms.

    A new address gets a pending registration and a link to confirm it; an address still
    pending gets a new link (and its details are replaced by the ones just sent); an address
    already registered or waiting is told so by email, with its cancellation link. The
    visitor's answer is the same in each case, so the form does not tell strangers who
    attends which training. Returns the registration the email is about.

    Raises RegistrationRefused when registration is closed, or the training is full and has
    no waiting list.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    details = {
        "name": name.strip(),
        "association": association.strip(),
        "phone": phone.strip(),
        "needs": needs.strip(),
        "language": language,
        "consent_at": now,
        "created_at": now,  # the pending registration expires this long after the last form
    }
    canonical = training.canonical
    try:
        with transaction.atomic():
            locked = _lock(canonical.pk)
            open_, reason = registration_state(canonical, now=now)
            if not open_:
                raise RegistrationRefused(reason)
            # Checked before the address is looked up, so that everyone gets the same answer.
            if not locked.waiting_list and _is_full(locked):
                raise RegistrationRefused(_("The training is full."))
            registration = _active(locked).filter(email=email).first()
            if registration is None:
                registration = Registration.objects.create(
                    training=locked, status=RegistrationStatus.PENDING, email=email, **details
                )
            elif registration.status == RegistrationStatus.PENDING:
                for field, value in details.items():
                    setattr(registration, field, value)
                registration.save(update_fields=list(details))
    except IntegrityError:
        # The partial unique index caught a double submit that raced past the check above.
        registration = _active(canonical).get(email=email)
    kind = "confirm" if registration.status == RegistrationStatus.PENDING else "already"
    transaction.on_commit(lambda: _send_quietly(kind, registration))
    return registration


def confirm(registration, now=None):
    """Confirm a pending registration's address: it takes a free place, or else joins the
    waiting list (in the order of confirmation). Returns the registration; confirming twice,
    or a cancelled registration, changes nothing.

    Raises RegistrationRefused when registration has closed or the training has filled up and
    has no waiting list (the pending registration then expires), and LinkRefused("expired")
    when the pending registration was already deleted for being too old.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # Lock the training's row: counting the places and taking one are one step.
        locked = _lock(registration.training_id)
        # And the registration's: the expiry job must not delete it while it is confirmed.
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("training")
            .filter(pk=registration.pk, anonymised_at__isnull=True)
            .first()
        )
        if registration is None:
            raise LinkRefused("expired")
        if registration.status != RegistrationStatus.PENDING:
            return registration
        open_, reason = registration_state(registration.training, now=now)
        if not open_:
            raise RegistrationRefused(reason)
        if not _is_full(locked):
            registration.status = RegistrationStatus.CONFIRMED
        elif locked.waiting_list:
            registration.status = RegistrationStatus.WAITING
        else:
            raise RegistrationRefused(
                _("The training filled up before you confirmed, so there is no place left.")
            )
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
    transaction.on_commit(lambda: _send_quietly("confirmation", registration))
    return registration


def cancel(registration, now=None):
    """Cancel a registration; if it held a place, the first person waiting gets it.

    Returns the promoted Registration or None. Cancelling twice changes nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        _lock(registration.training_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return None
        held_place = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = promote_waiting(registration.training, now=now) if held_place else []
    for person in promoted:
        transaction.on_commit(lambda person=person: _send_quietly("promotion", person))
    return promoted[0] if promoted else None


def promote_waiting(training, now=None):
    """Fill free places from the waiting list in the order of confirmation (lock held by
    the caller)."""
    now = now or timezone.now()
    training = TrainingPage.objects.only("pk", "capacity").get(pk=training.pk)
    active = Registration.objects.filter(training=training, anonymised_at__isnull=True)
    confirmed = active.filter(status=RegistrationStatus.CONFIRMED).count()
    free = None if training.capacity is None else training.capacity - confirmed
    waiting = active.filter(status=RegistrationStatus.WAITING).order_by(
        "confirmed_at", "created_at", "pk"
    )
    if free is not None:
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting)
    for person in promoted:
        person.status = RegistrationStatus.CONFIRMED
        person.promoted_at = now
        person.save(update_fields=["status", "promoted_at"])
    return promoted


def release_unconfirmed(now=None):
    """Delete the registrations whose address was not confirmed within CONFIRMATION_TIMEOUT
    (their link has expired by then). Returns how many were deleted."""
    now = now or timezone.now()
    _deleted, per_model = Registration.objects.filter(
        status=RegistrationStatus.PENDING, created_at__lt=now - CONFIRMATION_TIMEOUT
    ).delete()
    return per_model.get(Registration._meta.label, 0)


def registration_to_confirm(token):
    """The Registration a confirmation link points to. Raises LinkRefused: "expired" once
    the link is older than CONFIRMATION_TIMEOUT, "invalid" for a bad link or one whose
    registration is gone."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_TIMEOUT)
    except signing.SignatureExpired as error:
        raise LinkRefused("expired") from error
    except signing.BadSignature as error:
        raise LinkRefused("invalid") from error
    return _registration_in(data)


def registration_to_cancel(token, now=None):
    """The Registration a cancellation link points to. Raises LinkRefused: "invalid" for a bad
    link or one whose registration is gone, "expired" once the training's last occurrence has
    ended (its end as it is now: a moved training moves the limit too)."""
    now = now or timezone.now()
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature as error:
        raise LinkRefused("invalid") from error
    registration = _registration_in(data)
    end = last_end(registration.training)
    if end is not None and end <= now:
        raise LinkRefused("expired")
    return registration


def _registration_in(data):
    """The Registration of a signed link's payload (its id and the address it was sent to)."""
    if not isinstance(data, dict):
        raise LinkRefused("invalid")
    registration = (
        Registration.objects.select_related("training")
        .filter(pk=data.get("r"), email=data.get("e"), anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        raise LinkRefused("invalid")
    return registration


def _send_quietly(kind, registration):
    send = {
        "confirm": emails.send_confirmation_request,
        "already": emails.send_already_registered,
        "confirmation": emails.send_confirmation,
        "promotion": emails.send_promotion,
    }[kind]
    try:
        send(registration)
    except Exception:  # noqa: BLE001 - a mail server outage must not undo a registration
        logger.exception("Could not send the %s email for registration %s", kind, registration.pk)


def purge_registrations(retention_days, now=None):
    """Remove the personal data of registrations `retention_days` after the training ended.

    Rows are kept, emptied, so that the counts per training stay for statistics.
    Returns how many registrations were anonymised.
    """
    now = now or timezone.now()
    cutoff = now - timezone.timedelta(days=retention_days)
    ended = (
        TrainingPage.objects.filter(registrations__anonymised_at__isnull=True)
        .annotate(last_end=Max("occurrences__end"))
        .filter(last_end__lt=cutoff)
        .values_list("pk", flat=True)
        .distinct()
    )
    # An unpublished training has no occurrences left: the record of what happened tells
    # when it ended, so that its registrants' data goes on time too.
    recorded = (
        EventRecord.objects.values("training_key")
        .annotate(last_end=Max("end"))
        .filter(last_end__lt=cutoff)
        .values("training_key")
    )
    unlisted = TrainingPage.objects.filter(
        registrations__anonymised_at__isnull=True,
        occurrences__isnull=True,
        translation_key__in=recorded,
    ).values_list("pk", flat=True)
    # A training with an endless repeating schedule never ends; nothing is purged for it
    # until its last occurrence is in the past.
    return Registration.objects.filter(
        training_id__in={*ended, *unlisted}, anonymised_at__isnull=True
    ).update(
        name="",
        email="",
        phone="",
        needs="",
        association="",
        anonymised_at=now,
    )
