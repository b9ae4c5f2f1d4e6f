"""Registration rules in one place: enrolment window, capacity, waiting list, cancellation.

Each change runs in a transaction that first locks the training's row (`select_for_update`
on PostgreSQL; on SQLite the IMMEDIATE transaction mode serialises writers), so that counting
the places and adding the person cannot interleave with another request.
"""

import logging
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EventStatus, Registration, RegistrationMode, RegistrationStatus, TrainingPage

logger = logging.getLogger(__name__)

CANCEL_SALT = "catalogue.registration.cancel"


class RegistrationRefused(Exception):
    """Registration is not possible; the message says why, in the visitor's language."""


class AlreadyRegistered(RegistrationRefused):
    pass


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
    """How many places are taken and waiting for `training` (any language version)."""
    canonical = training.canonical
    counts = dict(
        Registration.objects.filter(training=canonical, anonymised_at__isnull=True)
        .exclude(status=RegistrationStatus.CANCELLED)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return Places(
        capacity=canonical.capacity,
        confirmed=counts.get(RegistrationStatus.CONFIRMED, 0),
        waiting=counts.get(RegistrationStatus.WAITING, 0),
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
    """Register a person; returns the Registration (confirmed, or waiting when full).

    Raises RegistrationRefused (closed, full without a waiting list) or AlreadyRegistered.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    canonical = training.canonical
    try:
        with transaction.atomic():
            # Lock the training's row: the capacity check and the insert below are one step.
            locked = (
                TrainingPage.objects.select_for_update(of=("self",))
                .only("pk", "capacity", "waiting_list", "registration_mode", "status")
                .get(pk=canonical.pk)
            )
            open_, reason = registration_state(canonical, now=now)
            if not open_:
                raise RegistrationRefused(reason)
            active = Registration.objects.filter(
                training=locked, anonymised_at__isnull=True
            ).exclude(status=RegistrationStatus.CANCELLED)
            if active.filter(email=email).exists():
                raise AlreadyRegistered(_("You are already registered for this training."))
            confirmed = active.filter(status=RegistrationStatus.CONFIRMED).count()
            if locked.capacity is None or confirmed < locked.capacity:
                status = RegistrationStatus.CONFIRMED
            elif locked.waiting_list:
                status = RegistrationStatus.WAITING
            else:
                raise RegistrationRefused(_("The training is full."))
            registration = Registration.objects.create(
                training=locked,
                status=status,
                name=name.strip(),
                email=email,
                association=association.strip(),
                phone=phone.strip(),
                needs=needs.strip(),
                language=language,
                consent_at=now,
                created_at=now,
            )
    except IntegrityError as error:
        # The partial unique index caught a double submit that raced past the check above.
        raise AlreadyRegistered(_("You are already registered for this training.")) from error
    transaction.on_commit(lambda: _send_quietly("confirmation", registration))
    return registration


def cancel(registration, now=None):
    """Cancel a registration; if it held a place, the first person waiting gets it.

    Returns the promoted Registration or None. Cancelling twice changes nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        TrainingPage.objects.select_for_update(of=("self",)).only("pk").get(
            pk=registration.training_id
        )
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
    """Fill free places from the waiting list in order of registration (lock held by caller)."""
    now = now or timezone.now()
    training = TrainingPage.objects.only("pk", "capacity").get(pk=training.pk)
    active = Registration.objects.filter(training=training, anonymised_at__isnull=True)
    confirmed = active.filter(status=RegistrationStatus.CONFIRMED).count()
    free = None if training.capacity is None else training.capacity - confirmed
    waiting = active.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    if free is not None:
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting)
    for person in promoted:
        person.status = RegistrationStatus.CONFIRMED
        person.promoted_at = now
        person.save(update_fields=["status", "promoted_at"])
    return promoted


def cancellation_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=CANCEL_SALT)


def registration_from_token(token):
    """The Registration a cancellation link points to, or None for a bad or stale link."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return (
        Registration.objects.select_related("training")
        .filter(pk=data.get("r"), email=data.get("e"), anonymised_at__isnull=True)
        .first()
    )


def _send_quietly(kind, registration):
    from .emails import send_confirmation, send_promotion

    try:
        (send_confirmation if kind == "confirmation" else send_promotion)(registration)
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
    # A training with an endless repeating schedule never ends; nothing is purged for it
    # until its last occurrence is in the past.
    return Registration.objects.filter(
        training_id__in=list(ended), anonymised_at__isnull=True
    ).update(
        name="",
        email="",
        phone="",
        needs="",
        association="",
        anonymised_at=now,
    )
