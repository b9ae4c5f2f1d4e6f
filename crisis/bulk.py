"""Bulk changes of the catalogue in an exceptional situation: every occurrence in a date range
and area is cancelled or moved online, with a reason.

Changes go through the catalogue's own model API (a cancelled or moved session, a schedule
exception for a repeating date) and a published revision of every language version, so the
occurrence table, the calendar SEQUENCE and the feeds update through the normal path.
Registrants get one email each, in their own language."""

import uuid
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalogue.models import (
    EventStatus,
    ExceptionAction,
    Format,
    Occurrence,
    RegistrationStatus,
    ScheduleException,
    SessionStatus,
    TrainingPage,
)
from core.page_urls import absolute_url

CANCEL = "cancel"
ONLINE = "online"


def affected(first_day, last_day, municipalities=(), now=None):
    """Upcoming scheduled occurrences (Finnish rows) in the range and area, by training id."""
    now = now or timezone.now()
    occurrences = (
        Occurrence.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .on_days(first_day, last_day)
        .filter(start__gte=now)
        .exclude(status=EventStatus.CANCELLED)
    )
    # Online trainings are not where the situation is: they go on as they are.
    occurrences = occurrences.exclude(format=Format.ONLINE)
    if municipalities:
        occurrences = occurrences.in_municipality(*municipalities)
    by_training = defaultdict(list)
    for occurrence in occurrences.order_by("start"):
        by_training[occurrence.training_id].append(occurrence)
    return by_training


def _online_place(join_link):
    place = _("Online")
    return f"{place} {join_link}".strip() if join_link else place


def _apply(page, originals, action, reason, join_link, keys):
    """Mark the occurrences starting at `originals` on one language version of a training."""
    local_dates = {timezone.localtime(start).date() for start in originals}
    sessions = list(page.sessions.all())
    for session in sessions:
        if session.start in originals or (
            session.all_day and timezone.localtime(session.start).date() in local_dates
        ):
            if action == CANCEL:
                session.status = SessionStatus.CANCELLED
            else:
                session.status = SessionStatus.MOVED
                session.new_location = _online_place(join_link)
            session.reason = reason
    exceptions = list(page.exceptions.all())
    existing = {exception.date: exception for exception in exceptions}
    session_starts = {s.start for s in sessions}
    for start in sorted(originals):
        if start in session_starts:
            continue
        day = timezone.localtime(start).date()
        exception = existing.get(day)
        if exception is None:
            exception = ScheduleException(
                date=day, locale=page.locale, translation_key=keys.setdefault(day, uuid.uuid4())
            )
            exceptions.append(exception)
        exception.reason = reason
        if action == CANCEL:
            exception.action = ExceptionAction.CANCELLED
        else:
            exception.action = ExceptionAction.MOVED
            exception.new_location = _online_place(join_link)
    page.sessions = sessions
    page.exceptions = exceptions
    if join_link and action == ONLINE and not page.join_link:
        page.join_link = join_link


@transaction.atomic
def apply_bulk_change(first_day, last_day, municipalities, action, reason, join_link="", user=None):
    """Cancel or move online every upcoming occurrence in the range and area.
    Returns the Finnish training pages changed."""
    changed = []
    emails = []
    for training_id, occurrences in affected(first_day, last_day, municipalities).items():
        source = TrainingPage.objects.get(pk=training_id)
        originals = {o.original_start for o in occurrences}
        keys = {}
        for page in TrainingPage.objects.filter(translation_key=source.translation_key).live():
            with translation.override(page.locale.language_code):
                _apply(page, originals, action, reason, join_link, keys)
            page.save_revision(user=user, log_action=True).publish(user=user)
        changed.append(source)
        emails.append((source, sorted(o.start for o in occurrences)))
    transaction.on_commit(lambda: [notify_registrants(p, s, action, reason) for p, s in emails])
    return changed


def notify_registrants(training, starts, action, reason):
    """One email to each confirmed or waiting registrant, in their language."""
    registrations = training.registrations.filter(
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
        anonymised_at__isnull=True,
    )
    sent = 0
    for registration in registrations:
        with translation.override(registration.language):
            page = (
                TrainingPage.objects.filter(
                    translation_key=training.translation_key,
                    locale__language_code=registration.language,
                )
                .live()
                .first()
                or training
            )
            context = {
                "registration": registration,
                "page": page,
                "url": absolute_url(page),
                "starts": [timezone.localtime(s) for s in starts],
                "cancelled": action == CANCEL,
                "reason": reason,
            }
            subject = " ".join(
                render_to_string("crisis/email/bulk_change_subject.txt", context).split()
            )
            body = render_to_string("crisis/email/bulk_change.txt", context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
            sent += 1
    return sent
