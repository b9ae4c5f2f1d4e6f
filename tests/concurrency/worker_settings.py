"""Settings of the worker processes that tests/concurrency/test_mail_worker.py starts: the
site's, on the database queue, with a mail server the test controls through files."""

from meidanhame.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "tests.concurrency.mail_server.ControlledBackend"
