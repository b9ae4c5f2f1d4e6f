"""Real worker processes on the database queue (SQLite and PostgreSQL): a worker killed in the
middle of a batch loses and repeats nothing after a restart; a mail server that refuses for a
while loses nothing, and registrations commit meanwhile; two workers never take the same task.
Each test commits, so this module runs in the concurrency tests' own pytest invocation."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.test import override_settings

from catalogue import services
from catalogue.models import Registration
from core.mail import queue
from core.models import MailStatus, OutboxMail
from tests.catalogue_factories import make_training

from .mail_server import sent_to
from .test_catalogue_registration_concurrency import catalogue_tree  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def database_queue():
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


@pytest.fixture
def mail_server(tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


def database_url():
    """This test database's address, for the worker processes."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


def start_worker(mail_server, *options, **environment):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.concurrency.worker_settings",
        "TESTING": "1",
        "DATABASE_URL": database_url(),
        "MAIL_SERVER_DIR": str(mail_server),
        **environment,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.1", "--verbosity", "0", *options],
        cwd=ROOT,
        env=env,
    )


def wait_for(condition, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    raise AssertionError("timed out")


def queue_notices(addresses):
    with transaction.atomic():
        for address in addresses:
            queue(
                EmailMessage("Meidän Häme: ilmoitus", "Hei", None, [address]),
                kind="test",
                about=address,
                revision="",
            )


def test_a_worker_killed_in_a_batch_sends_every_email_exactly_once_after_a_restart(mail_server):
    addresses = [f"person{i:02}@example.org" for i in range(40)]
    queue_notices(addresses)
    (mail_server / "stall-person20@example.org").touch()
    worker = start_worker(mail_server)
    try:
        # The worker hangs inside the 21st task, with its email's row locked: kill it there.
        wait_for(lambda: (mail_server / "stalled-person20@example.org").exists())
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    before = sent_to(mail_server)
    assert len(before) == 20 and "person20@example.org" not in before
    assert OutboxMail.objects.filter(status=MailStatus.PENDING).count() == 20

    # The restarted worker marks the killed task failed (lease 0 s here), queues its email
    # again and works the queue until it is empty.
    restarted = start_worker(mail_server, "--batch", TASK_LEASE_SECONDS="0")
    assert restarted.wait(timeout=120) == 0
    assert sent_to(mail_server) == dict.fromkeys(addresses, 1)
    assert set(OutboxMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}


def test_nothing_is_lost_while_the_mail_server_refuses_and_registrations_commit(mail_server):
    (mail_server / "down").touch()
    worker = start_worker(mail_server, MAIL_RETRY_DELAYS="0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,1,1")
    try:
        training = make_training(
            "posti-alhaalla", registration_mode="built_in", capacity=50, waiting_list=True
        )
        addresses = [f"registrant{i}@example.org" for i in range(6)]
        for address in addresses:
            services.register(
                training, name="Maija", email=address, association="Ry", language="fi"
            )
        registered = Registration.objects.filter(training=training)
        assert sorted(registered.values_list("email", flat=True)) == addresses
        # The worker tries each email and the mail server refuses: they wait for another try.
        waiting = OutboxMail.objects.filter(recipient__in=addresses)
        wait_for(lambda: waiting.filter(attempts__gte=2).count() == len(addresses))
        assert not waiting.exclude(status=MailStatus.PENDING).exists()
        assert "SMTPServerDisconnected" in waiting.first().last_error
        assert sent_to(mail_server) == {}

        (mail_server / "down").unlink()  # the mail server is back
        wait_for(lambda: waiting.filter(status=MailStatus.SENT).count() == len(addresses))
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert sent_to(mail_server) == dict.fromkeys(addresses, 1)


def test_two_workers_never_take_the_same_task(mail_server):
    addresses = [f"member{i:03}@example.org" for i in range(150)]
    queue_notices(addresses)
    workers = [start_worker(mail_server, "--batch") for _ in range(2)]
    assert [worker.wait(timeout=180) for worker in workers] == [0, 0]
    tasks = DBTaskResult.objects.filter(task_path="core.mail.deliver_mail")
    assert tasks.count() == len(addresses)
    assert all(len(task.worker_ids) == 1 for task in tasks)
    assert set(tasks.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert sent_to(mail_server) == dict.fromkeys(addresses, 1)
