"""Every email goes through the outbox and a task: written once under its key, sent once, tried
again with growing delays while the mail server refuses, listed for editors with the reason
after the last try, and sent again from the admin. These tests run the tasks in process (the
test settings' immediate queue); tests/concurrency/test_mail_worker.py runs real workers."""

import datetime
import smtplib

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Registration
from core.mail import deliver, queue, requeue_lost
from core.models import MailStatus, OutboxMail
from tests.catalogue_factories import make_training

pytestmark = pytest.mark.django_db
REFUSING = "tests.test_mail_queue.RefusingBackend"
DELAYS = [60, 300]


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every message for now."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def notice(address="someone@example.org"):
    return EmailMessage("Meidän Häme: notice", "Hello", None, [address])


def test_the_same_key_is_written_and_sent_once():
    first = queue(notice(), kind="test", about="thing:1", revision="r1")
    again = queue(notice(), kind="test", about="thing:1", revision="r1")
    assert len(first) == 1 and again == []
    assert deliver(first[0].pk) == MailStatus.SENT  # a task that runs twice
    assert [m.to for m in mail.outbox] == [["someone@example.org"]]
    queue(notice(), kind="test", about="thing:1", revision="r2")  # a new revision is news
    assert len(mail.outbox) == 2


@override_settings(EMAIL_BACKEND=REFUSING, MAIL_RETRY_DELAYS=DELAYS)
def test_a_registration_commits_when_the_mail_server_is_down(
    client, django_capture_on_commit_callbacks
):
    training = make_training(
        "posti-alhaalla",
        registration_mode="built_in",
        capacity=5,
        registration_opens=timezone.now() - datetime.timedelta(days=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            training.url,
            {
                "name": "Maija Meikäläinen",
                "email": "maija@example.org",
                "association": "Hattulan Martat ry",
                "phone": "",
                "needs": "",
                "consent": "on",
                "website": "",
            },
        )
    assert response.status_code == 302
    assert Registration.objects.filter(training=training, email="maija@example.org").exists()
    waiting = OutboxMail.objects.get(recipient="maija@example.org")
    assert waiting.status == MailStatus.PENDING and waiting.attempts == 1
    assert "SMTPServerDisconnected" in waiting.last_error
    assert waiting.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
    assert mail.outbox == []


def test_nothing_is_lost_while_the_mail_server_refuses_and_all_is_sent_after():
    addresses = [f"person{i}@example.org" for i in range(5)]
    start = timezone.now()
    with override_settings(EMAIL_BACKEND=REFUSING, MAIL_RETRY_DELAYS=DELAYS):
        for address in addresses:
            queue(notice(address), kind="test", about=address, revision="")
        # Not due yet: nothing is tried before its delay.
        assert requeue_lost() == 0
        with time_machine.travel(start + datetime.timedelta(seconds=61)):
            assert requeue_lost() == 5  # second try, refused again
    ours = OutboxMail.objects.filter(recipient__in=addresses)
    assert set(ours.values_list("attempts", flat=True)) == {2}
    assert mail.outbox == []
    with time_machine.travel(start + datetime.timedelta(seconds=61 + 301)):
        assert requeue_lost() == 5  # the server is back: the third try sends
    sent = sorted(m.to[0] for m in mail.outbox)
    assert sent == sorted(addresses)
    assert set(ours.values_list("status", flat=True)) == {MailStatus.SENT}


@override_settings(EMAIL_BACKEND=REFUSING, MAIL_RETRY_DELAYS=[])
def test_failed_emails_are_listed_for_editors_and_sent_again(client, users):
    (failed,) = queue(notice("gone@example.org"), kind="test", about="x", revision="")
    failed.refresh_from_db()
    assert failed.status == MailStatus.FAILED
    client.force_login(users["editor"])
    page = client.get(reverse("core_outgoing_mail")).content.decode()
    assert "gone@example.org" in page and "SMTPServerDisconnected" in page
    assert "Connection unexpectedly closed" in page
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="queue-health-heading"' in dashboard
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        response = client.post(reverse("core_outgoing_mail_retry"), {"mail": failed.pk})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == MailStatus.SENT
    assert [m.to for m in mail.outbox] == [["gone@example.org"]]


def test_only_those_who_may_see_outgoing_mail_see_it(client, users):
    client.force_login(users["member"])
    assert client.get(reverse("core_outgoing_mail")).status_code in (302, 403)
    assert client.post(reverse("core_outgoing_mail_retry")).status_code in (302, 403)


def test_a_lost_task_is_queued_again_once_its_lease_has_passed():
    """The database queue: a worker killed mid-task leaves its task running; the next worker
    marks it failed after the lease and queues the email again."""
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database, TASK_LEASE_SECONDS=60):
        (waiting,) = queue(notice(), kind="test", about="lost", revision="")
        task = DBTaskResult.objects.get()
        assert requeue_lost() == 0  # its task waits in the queue
        task.claim("killed-worker")
        assert requeue_lost() == 0  # it runs, within its lease
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
            assert requeue_lost() == 1
        task.refresh_from_db()
        assert task.status == "FAILED"
        assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert mail.outbox == []
