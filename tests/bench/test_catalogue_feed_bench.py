"""Benchmark: the whole Finnish catalogue feed with 2,000+ trainings.

A quarter of the trainings repeat weekly, some with a moved and a cancelled date; some single
sessions are cancelled or moved. Prints the median time of
  - the feed built from nothing (no cached feed, no cached event blocks; target < 200 ms),
    and the same for a client that accepts gzip (compressing the bytes adds to that),
  - the feed rebuilt after a publish (event blocks cached, the feed itself not),
  - the cached feed, and the 304 answer to a conditional GET (target < 5 ms),
and checks that the number of queries is the same as with the small demo.
FEEDS_BENCH_TRAININGS=300 make bench   (a quick smoke run)
"""

import datetime
import gc
import io
import math
import os
import statistics
import time

import icalendar
import pytest
import recurrence

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

from calendars.http import invalidate_feeds
from catalogue import demo
from catalogue.models import (
    ExceptionAction,
    Occurrence,
    ScheduleException,
    Session,
    SessionStatus,
    TrainingIndexPage,
    TrainingPage,
)
from catalogue.occurrences import ZONE, write_occurrences
from tests.bench.seeding import seeding_without_savepoints

TRAININGS = int(os.environ.get("FEEDS_BENCH_TRAININGS", "2000"))
ROUNDS = int(os.environ.get("FEEDS_BENCH_ROUNDS", "15"))
URL = "/fi/calendar/trainings.ics"
# Production caches in Redis, which keeps every key. The local-memory cache of the tests keeps
# 300 by default and would evict the feed among thousands of event blocks.
LARGE_LOCAL_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "feeds-bench",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}


def median_ms(client, prepare=None, **headers):
    timings = []
    for _ in range(ROUNDS):
        if prepare:
            prepare()
        started = time.perf_counter()
        response = client.get(URL, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 304)
    return statistics.median(timings), max(timings)


def queries_uncached(client):
    client.get(URL)  # the first request of a process fills a few caches
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    return len(context)


def make_series(pages, today):
    """Turn every fourth copy into a weekly series; every third series gets a moved and a
    cancelled date, and some single sessions are cancelled or moved."""
    series = moved = 0
    for number, page in enumerate(pages):
        if number % 4 == 0:
            first = today + datetime.timedelta(days=number % 60 - 20)
            weeks = 20 + number % 30
            TrainingPage.objects.filter(pk=page.pk).update(
                recurrence=recurrence.Recurrence(
                    rrules=[recurrence.Rule(recurrence.WEEKLY, count=weeks)]
                ),
                series_start_date=first,
                series_start_time=datetime.time(17 + number % 3),
                series_duration=datetime.timedelta(minutes=90),
            )
            Session.objects.filter(page=page).delete()
            if number % 12 == 0:
                moved_day = first + datetime.timedelta(weeks=3)
                new_start = datetime.datetime.combine(
                    moved_day + datetime.timedelta(days=1), datetime.time(18), tzinfo=ZONE
                )
                ScheduleException.objects.bulk_create(
                    [
                        ScheduleException(
                            page=page,
                            locale_id=page.locale_id,
                            date=moved_day,
                            action=ExceptionAction.MOVED,
                            reason="Sali on varattu.",
                            new_start=new_start,
                            new_end=new_start + datetime.timedelta(minutes=90),
                            sort_order=0,
                        ),
                        ScheduleException(
                            page=page,
                            locale_id=page.locale_id,
                            date=first + datetime.timedelta(weeks=5),
                            action=ExceptionAction.CANCELLED,
                            reason="Ohjaaja on sairaana.",
                            sort_order=1,
                        ),
                    ]
                )
                moved += 1
            series += 1
        elif number % 10 == 1:
            Session.objects.filter(page=page).update(
                status=SessionStatus.CANCELLED, reason="Peruttu."
            )
        else:
            continue
        write_occurrences(TrainingPage.objects.get(pk=page.pk))
    return series, moved


@pytest.mark.django_db
@override_settings(CACHES=LARGE_LOCAL_CACHE)
def test_catalogue_feed_at_scale(client):
    small = queries_uncached(client)

    fi = Locale.objects.get(language_code="fi")
    existing = TrainingPage.objects.filter(locale=fi).count()
    missing = max(TRAININGS - existing, 0)
    started = time.monotonic()
    if missing:
        themes, organisers = demo.seed_taxonomy()
        index = TrainingIndexPage.objects.get(locale=fi, slug="koulutukset")
        scale = math.ceil(missing / demo.COPIES_PER_SCALE) + 1
        with seeding_without_savepoints():
            demo.seed_copies(io.StringIO(), index, themes, organisers, scale, timezone.localdate())
    copies = list(TrainingPage.objects.filter(locale=fi, slug__startswith="kopio-").order_by("pk"))
    with seeding_without_savepoints():
        series, moved = make_series(copies, timezone.localdate())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    seeded = time.monotonic() - started

    cache.clear()
    body = client.get(URL).content
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    in_feed = len({str(event["UID"]).split("@")[0][:36] for event in events})
    occurrences = Occurrence.objects.filter(locale=fi).count()
    count = queries_uncached(client)

    # As the server process does after start-up (meidanhame/wsgi.py): what is loaded by now
    # stays out of the garbage collector's full sweeps.
    gc.collect()
    gc.freeze()
    cold, cold_max = median_ms(client, prepare=cache.clear)
    cold_gzip, cold_gzip_max = median_ms(client, prepare=cache.clear, **{"Accept-Encoding": "gzip"})
    after_publish, after_publish_max = median_ms(client, prepare=invalidate_feeds)
    client.get(URL)
    cached, cached_max = median_ms(client)
    etag = client.get(URL)["ETag"]
    not_modified, not_modified_max = median_ms(client, If_None_Match=etag)
    gc.unfreeze()

    print(
        f"\nFeeds benchmark: {in_feed} trainings in the Finnish catalogue feed "
        f"({series} weekly series, {moved} with a moved and a cancelled date; "
        f"{len(events)} VEVENTs, {len(body) / 1e6:.1f} MB, {occurrences} occurrences; "
        f"seeded in {seeded:.0f} s), {ROUNDS} rounds, {connection.vendor}"
    )
    rows = [
        ("built from nothing", cold, cold_max, "target < 200 ms"),
        ("… and gzipped", cold_gzip, cold_gzip_max, "for a client that accepts gzip"),
        ("after a publish", after_publish, after_publish_max, "event blocks cached"),
        ("cached feed", cached, cached_max, ""),
        ("304 Not Modified", not_modified, not_modified_max, "target < 5 ms"),
    ]
    for name, median, worst, note in rows:
        print(f"  {name:20} median {median:7.1f} ms  max {worst:7.1f} ms  {note}")
    print(f"  queries uncached: {count} (small demo: {small})")
    assert count == small, f"{small} queries with the demo, {count} now"
    assert in_feed >= TRAININGS
