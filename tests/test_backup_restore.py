"""Backups: scripts/backup.sh then scripts/restore.sh into a scratch PostgreSQL database gives
back every table with the same number of rows, and the media files; old backups are pruned.

Runs against the seeded test database (PostgreSQL only: on SQLite a backup is a file copy)."""

import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.skipif(
    not settings.IS_POSTGRES,
    reason="backup.sh and restore.sh use pg_dump/pg_restore: run with a PostgreSQL DATABASE_URL",
)

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def database_url(name):
    """A libpq URL for database `name` on the server the tests use."""
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgresql://{user}{password}@{host}:{port}/{name}"


def row_counts(url):
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }


@pytest.fixture
def scratch_database(django_db_setup):
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restore"
    admin = database_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(script, *args, **env):
    result = subprocess.run(
        [str(SCRIPTS / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_backup_then_restore_gives_back_every_row_and_the_media(
    django_db_setup, scratch_database, tmp_path
):
    source = database_url(connection.settings_dict["NAME"])
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "kuva.jpg").write_bytes(b"\xff\xd8kuva")
    backups = tmp_path / "backups"

    folder = Path(
        run("backup.sh", DATABASE_URL=source, MEDIA_ROOT=str(media), BACKUP_DIR=str(backups))
    )
    assert {p.name for p in folder.iterdir()} == {"database.dump", "media.tar.gz", "SHA256SUMS"}

    restored_media = tmp_path / "restored-media"
    run("restore.sh", str(folder), DATABASE_URL=scratch_database, MEDIA_ROOT=str(restored_media))

    expected = row_counts(source)
    assert expected["wagtailcore_page"] > 10  # the seeded demo, not an empty database
    assert row_counts(scratch_database) == expected
    assert (restored_media / "images" / "kuva.jpg").read_bytes() == b"\xff\xd8kuva"
    assert urlsplit(scratch_database).path != urlsplit(source).path


def test_backup_keeps_only_the_newest_and_restore_refuses_a_damaged_one(
    django_db_setup, scratch_database, tmp_path
):
    source = database_url(connection.settings_dict["NAME"])
    backups = tmp_path / "backups"
    env = {"DATABASE_URL": source, "MEDIA_ROOT": str(tmp_path / "none"), "BACKUP_KEEP": "2"}
    folders = [Path(run("backup.sh", BACKUP_DIR=str(backups), **env)) for _ in range(3)]
    assert sorted(p.name for p in backups.iterdir()) == [f.name for f in folders[1:]]

    (folders[-1] / "database.dump").write_bytes(b"damaged")
    result = subprocess.run(
        [str(SCRIPTS / "restore.sh"), str(folders[-1])],
        env={**os.environ, "DATABASE_URL": scratch_database},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert row_counts(scratch_database) == {}
