"""Bulk changes of the catalogue in an exceptional situation: every occurrence in a date range
and area is cancelled or moved online, with a reason.

Changes go through the catalogue's own model API (a cancelled or moved session, a schedule
exception for a repeating date) and a published revision of every language version, so the
occurrence table, the calendar SEQUENCE and the feeds update through the normal path.
Registrants get one email each, in their own language: the change queues one task per
registrant, so the editor's request returns at once and the worker writes and sends them."""

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalogue import notices
from catalogue.models import (
    EventStatus,
    ExceptionAction,
    Format,
    Occurrence,
    Registration,
    RegistrationStatus,
    ScheduleException,
    SessionStatus,
    TrainingPage,
)
from core.mail import MAIL_PRIORITY, queue
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


@dataclass
class BulkChange:
    trainings: list  # ids of the Finnish training pages to change
    notices: int  # the registrants' emails to send


def registrants(training_ids):
    """Who hears of a change: confirmed and waiting registrants of the trainings."""
    return Registration.objects.filter(
        training_id__in=training_ids,
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
        anonymised_at__isnull=True,
    )


def apply_bulk_change(first_day, last_day, municipalities, action, reason, join_link="", user=None):
    """Cancel or move online every upcoming occurrence in the range and area: one task per
    training (publishing forty trainings takes longer than an editor should wait), which
    changes it and queues its registrants' notices. Returns what was queued."""
    by_training = affected(first_day, last_day, municipalities)
    change_id = uuid.uuid4().hex  # one notice per registrant and change, however often it runs
    with transaction.atomic():
        for training_id, occurrences in by_training.items():
            change_training.enqueue(
                training_id,
                sorted({o.original_start.isoformat() for o in occurrences}),
                sorted(o.start.isoformat() for o in occurrences),
                action,
                str(reason),
                join_link,
                user.pk if user is not None else None,
                change_id,
            )
    return BulkChange(list(by_training), registrants(list(by_training)).count())


@task()
def change_training(training_id, originals, starts, action, reason, join_link, user_id, change_id):
    """One training's share of a bulk change: every language version changed and published,
    and one notice per registrant queued, in one transaction."""
    originals = {datetime.datetime.fromisoformat(start) for start in originals}
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    with transaction.atomic():
        source = TrainingPage.objects.get(pk=training_id)
        keys = {}
        for page in TrainingPage.objects.filter(translation_key=source.translation_key).live():
            with translation.override(page.locale.language_code):
                _apply(page, originals, action, reason, join_link, keys)
            # Its registrants get the crisis notice below, not a second one about the change.
            with notices.quiet():
                page.save_revision(user=user, log_action=True).publish(user=user)
        for pk in registrants([training_id]).values_list("pk", flat=True):
            send_notice.enqueue(pk, change_id, starts, action, reason)


@task(priority=MAIL_PRIORITY)
def send_notice(registration_pk, change_id, starts, action, reason):
    """One registrant's email of a bulk change, in their language (run by the worker)."""
    registration = (
        Registration.objects.select_related("training")
        .filter(pk=registration_pk, anonymised_at__isnull=True)
        .first()
    )
    if registration is None:  # anonymised or deleted meanwhile
        return False
    training = registration.training
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
            "starts": [
                timezone.localtime(datetime.datetime.fromisoformat(start)) for start in starts
            ],
            "cancelled": action == CANCEL,
            "reason": reason,
        }
        subject = " ".join(
            render_to_string("crisis/email/bulk_change_subject.txt", context).split()
        )
        body = render_to_string("crisis/email/bulk_change.txt", context)
    queue(
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email]),
        kind="crisis-notice",
        about=f"registration:{registration.pk}",
        revision=change_id,
    )
    return True
