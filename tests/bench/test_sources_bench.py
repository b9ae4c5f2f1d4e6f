"""Benchmark: syncing an iCal source of 500 events (400 single events and 100 weekly series in
the eleven municipalities) served by a local feed server. Prints the first import (target
< 60 s), the re-sync of the unchanged feed (target < 2 s) and a re-sync in which 10 events
changed (target < 10 s). Meant for PostgreSQL (`make bench DATABASE_URL=…`)."""

import datetime
import time

import pytest

from django.test import override_settings
from django.utils import timezone

from core.regions import Municipality
from sources import sync
from sources.models import RunStatus
from tests.catalogue_factories import organiser
from tests.sources_server import document

pytestmark = pytest.mark.django_db
SINGLES = 400
SERIES = 100
CHANGED = 10
PLACES = [label for _code, label in Municipality.choices]
# As in production, Wagtail's own follow-up work of each save (the reference index) goes to
# the queue for the worker instead of running inside the sync.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def feed(changed=0):
    today = timezone.localdate()
    events = []
    for n in range(SINGLES):
        day = today + datetime.timedelta(days=30 + n % 200)
        hour = 17 + (1 if n < changed else 0)
        events.append(
            f"BEGIN:VEVENT\r\nUID:vertailu-{n}@example.fi\r\nDTSTAMP:20261201T000000Z\r\n"
            f"DTSTART;TZID=Europe/Helsinki:{day:%Y%m%d}T{hour}0000\r\n"
            f"DTEND;TZID=Europe/Helsinki:{day:%Y%m%d}T{hour + 2}0000\r\n"
            f"SUMMARY:Yhdistysilta {n}\r\nDESCRIPTION:Ilta yhdistysten vapaaehtoisille {n}.\r\n"
            f"LOCATION:Seurojentalo\\, {PLACES[n % len(PLACES)]}\r\nEND:VEVENT\r\n"
        )
    for n in range(SERIES):
        day = today + datetime.timedelta(days=7 + n % 30)
        events.append(
            f"BEGIN:VEVENT\r\nUID:kerho-{n}@example.fi\r\nDTSTAMP:20261201T000000Z\r\n"
            f"DTSTART;TZID=Europe/Helsinki:{day:%Y%m%d}T180000\r\n"
            f"DTEND;TZID=Europe/Helsinki:{day:%Y%m%d}T193000\r\n"
            f"RRULE:FREQ=WEEKLY;COUNT=20\r\nSUMMARY:Viikkokerho {n}\r\n"
            f"LOCATION:Kerhohuone\\, {PLACES[n % len(PLACES)]}\r\nEND:VEVENT\r\n"
        )
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vertailu//FI\r\n"
        "X-WR-TIMEZONE:Europe/Helsinki\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    ).encode()


def timed(source):
    started = time.perf_counter()
    run = sync.sync_source(source)
    return run, time.perf_counter() - started


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_500_event_feed_is_imported_and_resynced_in_time(server, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    server.routes["/vertailu.ics"] = document(feed())
    source = sync.add_source(
        server.url("/vertailu.ics"), kind="ical", organiser=organiser(), name="Vertailulähde"
    )

    first, first_seconds = timed(source)
    assert first.status == RunStatus.DONE, (first.error, first.report)
    assert first.created == SINGLES + SERIES, first.report

    unchanged, unchanged_seconds = timed(source)
    assert unchanged.status == RunStatus.UNCHANGED

    server.routes["/vertailu.ics"] = document(feed(changed=CHANGED))
    changed, changed_seconds = timed(source)
    assert changed.status == RunStatus.DONE
    assert (changed.updated, changed.created) == (CHANGED, 0)

    print(
        f"\nSource of {SINGLES + SERIES} events: first import {first_seconds:.1f} s "
        f"(target < 60 s); unchanged re-sync {unchanged_seconds:.2f} s (target < 2 s); "
        f"re-sync with {CHANGED} changed {changed_seconds:.2f} s (target < 10 s)"
    )
    assert first_seconds < 60
    assert unchanged_seconds < 2
    assert changed_seconds < 10
