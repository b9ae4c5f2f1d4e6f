"""The worker tests start real worker processes, which open the test database themselves:
with SQLite it must be a file, not the in-memory database of this process."""

import os
import tempfile
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = Path(tempfile.gettempdir()) / f"meidanhame-concurrency-{os.getpid()}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)
