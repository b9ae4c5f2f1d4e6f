"""Benchmark: the crisis bulk action over 40 trainings with 600 registrants, on the database
queue. Prints how long the editor's request takes (target < 2 s: it changes the trainings and
queues one notice per registrant, sending none) and how long one worker takes to send the 600
notices to the local-memory mail backend (target < 60 s)."""

import datetime
import time

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Registration
from core.models import MailStatus, OutboxMail
from tests.catalogue_factories import local, make_training

pytestmark = pytest.mark.django_db
TRAININGS = 40
PER_TRAINING = 15
DAYS = 230  # past the demo's trainings
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_QUEUE)
def test_bulk_notices_are_queued_at_once_and_sent_by_one_worker(client, users, monkeypatch):
    now = timezone.now()
    for t in range(TRAININGS):
        training = make_training(
            f"jonokoe-{t}", municipality="ypaja", sessions=[(local(DAYS, 17), local(DAYS, 19))]
        )
        Registration.objects.bulk_create(
            Registration(
                training=training,
                status="confirmed",
                name=f"Henkilö {t}-{i}",
                email=f"henkilo{t}-{i}@example.org",
                association="Jonoyhdistys ry",
                language=("fi", "sv", "en")[i % 3],
                consent_at=now,
            )
            for i in range(PER_TRAINING)
        )
    DBTaskResult.objects.all().delete()  # what seeding queued (Wagtail's reference index)
    client.force_login(users["editor"])
    day = (timezone.localdate() + datetime.timedelta(days=DAYS)).isoformat()
    form = {
        "first_day": day,
        "last_day": day,
        "municipalities": ["ypaja"],
        "action": "cancel",
        "reason": "Myrsky",
        "confirm": "1",
    }
    started = time.perf_counter()
    response = client.post(reverse("crisis_bulk_change"), form, follow=True)
    request_seconds = time.perf_counter() - started
    assert response.status_code == 200
    notices = TRAININGS * PER_TRAINING
    assert f"{notices} notices queued" in response.content.decode()
    assert mail.outbox == []

    # The worker of `run_worker`, in this process and the test's transaction, which its
    # check for stale connections would close (it is never in autocommit mode).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    )
    started = time.perf_counter()
    worker.run()
    worker_seconds = time.perf_counter() - started
    print(
        f"\nCrisis bulk action, {TRAININGS} trainings, {notices} registrants: request "
        f"{request_seconds:.2f} s (target < 2 s); one worker sent the {notices} notices in "
        f"{worker_seconds:.1f} s (target < 60 s)"
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Registration.objects.filter(
            email__endswith="@example.org", association="Jonoyhdistys ry"
        ).values_list("email", flat=True)
    )
    assert (
        OutboxMail.objects.filter(kind="crisis-notice", status=MailStatus.SENT).count() == notices
    )
    assert request_seconds < 2
    assert worker_seconds < 60
