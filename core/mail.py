"""Every email of the site goes through the outbox: `queue` writes it (one row per recipient,
under a unique key) in the transaction of the action that causes it, with a `deliver_mail` task
that sends it. The queue is a table of the same database, so the email, its task and the action
commit together or not at all (a queue elsewhere, such as Redis, would enqueue on commit).
A refused email is tried again with growing delays (`MAIL_RETRY_DELAYS`); after the last try
it is listed for editors in the admin.

A mail server that is down or slow therefore never slows or breaks a page, and a worker that
is killed loses nothing: `requeue_lost` (run when a worker starts) queues again every pending
email whose task is gone. An email is marked sent in the same transaction that sends it, under
the row's lock, so a task that runs twice sends once; the one gap left is a worker killed
between the mail server's answer and the commit, which sends that one email again (never
loses it)."""

import datetime
import hashlib
import logging
import uuid

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

from .models import MailStatus, OutboxMail
from .text import single_line

logger = logging.getLogger(__name__)


def language_of(user):
    """The language `user` chose for the site (the interface default when none)."""
    if user is None:
        return settings.LANGUAGE_CODE
    language = UserProfile.get_for_user(user).preferred_language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute(path):
    return f"{settings.BASE_URL}{path}"


def send(
    recipients,
    language,
    subject,
    paragraphs,
    link=None,
    link_text="",
    *,
    kind="notice",
    about="",
    revision=None,
):
    """One plain-text email to each address in `recipients`, written in `language`, queued
    (see `queue` for kind, about and revision)."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    with translation.override(language):
        subject, paragraphs = single_line(str(subject())), [str(p) for p in paragraphs()]
        body = render_to_string(
            "core/email/message.txt",
            {"paragraphs": paragraphs, "link": link, "link_text": str(link_text)},
        )
    for address in recipients:
        queue(
            EmailMessage(f"Meidän Häme: {subject}", body, None, [address]),
            kind=kind,
            about=about,
            revision=revision,
        )


# --- the outbox -----------------------------------------------------------------------------


def mail_key(kind, recipient, about, revision):
    key = f"{kind}:{recipient.lower()}:{about}:{revision}"
    if len(key) <= 255:
        return key
    return f"{kind[:60]}:{hashlib.sha256(key.encode()).hexdigest()}"


def queue(message, *, kind, about="", revision=None):
    """Write `message` (an EmailMessage, not yet sent) to the outbox, one row per recipient,
    and queue its delivery in the current transaction.

    The key is (kind, recipient, about, revision): `about` names the object the email is about
    ("registration:12"), `revision` the version of the news (a date, a change's id). A key
    written before is not written again, so code that runs twice (a retried task, a second
    click) sends once. Without a revision every call is an email of its own. Returns the rows
    written."""
    if revision is None:
        revision = uuid.uuid4().hex
    attachments = [
        [name, content.decode() if isinstance(content, bytes) else content, mimetype]
        for name, content, mimetype in message.attachments
    ]
    html = [
        content
        for content, mimetype in getattr(message, "alternatives", ())
        if mimetype == "text/html"
    ]
    written = []
    for recipient in message.to:
        mail, created = OutboxMail.objects.get_or_create(
            key=mail_key(kind, recipient, about, revision),
            defaults={
                "kind": kind,
                "recipient": recipient,
                "from_email": message.from_email or "",
                "subject": message.subject,
                "body": message.body,
                "html_body": html[0] if html else "",
                "headers": dict(message.extra_headers),
                "attachments": attachments,
            },
        )
        if created:
            written.append(mail)
    enqueue_delivery([mail.pk for mail in written])
    return written


def enqueue_delivery(pks, run_after=None):
    deliver = deliver_mail if run_after is None else deliver_mail.using(run_after=run_after)
    for pk in pks:
        result = deliver.enqueue(pk)
        OutboxMail.objects.filter(pk=pk, status=MailStatus.PENDING).update(task_id=result.id)


def message_of(mail):
    message = EmailMultiAlternatives(
        mail.subject, mail.body, mail.from_email or None, [mail.recipient], headers=mail.headers
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for name, content, mimetype in mail.attachments:
        message.attach(name, content, mimetype)
    return message


# Before the other tasks (Wagtail's reference index after a big import, say): people wait for mail.
MAIL_PRIORITY = 10


@task(priority=MAIL_PRIORITY)
def deliver_mail(pk):
    """The task: send one outbox row (see `deliver`)."""
    return deliver(pk)


def deliver(pk):
    """Send the outbox row `pk` unless it is already sent or failed; returns its status.

    The row stays locked while the mail server answers, so two workers never send it both."""
    retry_at = None
    with transaction.atomic():
        mail = OutboxMail.objects.select_for_update().filter(pk=pk).first()
        if mail is None or mail.status != MailStatus.PENDING:
            return mail.status if mail else None
        mail.attempts += 1
        try:
            message_of(mail).send()
        except Exception as error:  # noqa: BLE001 - a mail server outage or a bad header alike
            mail.last_error = single_line(f"{type(error).__name__}: {error}")[:1000]
            delays = settings.MAIL_RETRY_DELAYS
            if mail.attempts > len(delays):
                mail.status = MailStatus.FAILED
                mail.next_attempt_at = None
            else:
                retry_at = timezone.now() + datetime.timedelta(seconds=delays[mail.attempts - 1])
                mail.next_attempt_at = retry_at
            logger.error(
                "Could not send the %s email to %s (attempt %d, %s): %s",
                mail.kind,
                mail.recipient,
                mail.attempts,
                f"next at {retry_at:%H:%M:%S}" if retry_at else "no more tries",
                mail.last_error,
            )
        else:
            mail.status = MailStatus.SENT
            mail.sent_at = timezone.now()
            mail.next_attempt_at = None
            mail.last_error = ""
        mail.save()
    # A queue that runs tasks at once cannot wait: `requeue_lost` tries those again.
    if retry_at is not None and task_backends[DEFAULT_TASK_BACKEND_ALIAS].supports_defer:
        enqueue_delivery([pk], run_after=retry_at)
    return mail.status


def retry(mails):
    """Editors' "send again" for failed emails: a fresh set of tries."""
    pks = list(mails.filter(status=MailStatus.FAILED).values_list("pk", flat=True))
    OutboxMail.objects.filter(pk__in=pks).update(
        status=MailStatus.PENDING, attempts=0, next_attempt_at=None
    )
    enqueue_delivery(pks)
    return len(pks)


def requeue_lost(now=None):
    """Queue again every pending email that is due and has no task waiting for it: its worker
    was killed (a task still running after `TASK_LEASE_SECONDS` is marked failed), the queue
    insert failed after the commit, or the queue runs tasks at once and cannot wait for a
    retry (tests). Returns how many were queued."""
    now = now or timezone.now()
    due = OutboxMail.objects.filter(status=MailStatus.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    waiting = set()
    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        lease = now - datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS)
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lte=lease).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path="core.mail.WorkerLost",
            traceback="The worker stopped while it ran this task.",
        )
        waiting = {
            str(pk)
            for pk in DBTaskResult.objects.filter(
                status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
            ).values_list("id", flat=True)
        }
    lost = [pk for pk, task_id in due.values_list("pk", "task_id") if task_id not in waiting]
    enqueue_delivery(lost)
    return len(lost)


# --- what editors see -----------------------------------------------------------------------


def queue_health():
    """The queue at a glance for the admin: tasks waiting and since when, running and failed
    tasks, when a worker last took one, and emails waiting for a retry or failed."""
    tasks = DBTaskResult.objects.all()
    ready = tasks.filter(status=TaskResultStatus.READY)
    return {
        "waiting": ready.count(),
        "oldest_waiting": ready.aggregate(oldest=Min("enqueued_at"))["oldest"],
        "running": tasks.filter(status=TaskResultStatus.RUNNING).count(),
        "failed": tasks.filter(status=TaskResultStatus.FAILED).count(),
        "last_taken": tasks.aggregate(last=Max("started_at"))["last"],
        "mail_retrying": OutboxMail.objects.filter(
            status=MailStatus.PENDING, attempts__gt=0
        ).count(),
        "mail_failed": OutboxMail.objects.filter(status=MailStatus.FAILED).count(),
    }


def progress_by_kind(since):
    """Emails written since `since`, per kind: (kind, waiting, sent, failed), the bulk notices'
    progress among them."""
    rows = (
        OutboxMail.objects.filter(created_at__gte=since)
        .values("kind")
        .annotate(
            waiting=Count("pk", filter=Q(status=MailStatus.PENDING)),
            sent=Count("pk", filter=Q(status=MailStatus.SENT)),
            failed=Count("pk", filter=Q(status=MailStatus.FAILED)),
        )
        .order_by("kind")
    )
    return [(row["kind"], row["waiting"], row["sent"], row["failed"]) for row in rows]
