"""Benchmark: the read API's event list at 5,000+ trainings.

Prints the median time of `event/?page_size=100` (target < 60 ms on the 2-core machine) and
of the same with `include=location,keywords` (target < 80 ms): the answer built (its cache
empty, the catalogue's shared caches warm), the first request after a publish (every cache of
the content generation empty) and the cached answer; and checks that each takes the same
number of queries as with the small demo. The size is configurable:
API_BENCH_TRAININGS=300 make bench   (a quick smoke run)
"""

import os
import statistics
import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from calendars.http import invalidate_feeds
from catalogue.queries import taxonomy
from tests.bench.seeding import grow_catalogue

TRAININGS = int(os.environ.get("API_BENCH_TRAININGS", "5000"))
ROUNDS = int(os.environ.get("API_BENCH_ROUNDS", "30"))
URLS = {
    "events": ("/api/v1/event/?page_size=100", 60),
    "events with location, keywords": (
        "/api/v1/event/?page_size=100&include=location,keywords",
        80,
    ),
    "filtered events": ("/api/v1/event/?page_size=100&keyword=meidanhame:rahoitus&days=31", 60),
}


def fresh(client, url):
    invalidate_feeds()  # a new content generation: the answer is built again
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response


def measure(client, url, mode):
    """Median ms of `url`: "publish": the first request after a publish (every cache of the
    content generation empty); "answer": the answer built while the catalogue's shared caches
    (its themes and organisers) are warm; "cached": the answer from the cache."""
    for _ in range(3):  # warm the URL and template caches
        fresh(client, url)
    timings = []
    for _ in range(ROUNDS):
        if mode != "cached":
            invalidate_feeds()
        if mode == "answer":
            taxonomy(Locale.objects.get(language_code="fi").pk)
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(timings)


def queries(client, url):
    fresh(client, url)  # the first request of a process fills a few caches (sites, settings)
    invalidate_feeds()
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context)


@pytest.mark.django_db
def test_api_event_list_time_at_scale(client):
    small = {name: queries(client, url) for name, (url, _target) in URLS.items()}

    trainings, occurrences, seconds = grow_catalogue(TRAININGS)
    print(
        f"\nAPI benchmark: {trainings} Finnish trainings, {occurrences} occurrences "
        f"(seeded in {seconds:.0f} s), {ROUNDS} rounds, {connection.vendor}"
    )
    for name, (url, target) in URLS.items():
        count = queries(client, url)
        built = measure(client, url, "answer")
        published = measure(client, url, "publish")
        cached = measure(client, url, "cached")
        print(
            f"  {name:31} built {built:6.1f} ms (target < {target} ms), after a publish "
            f"{published:6.1f} ms, cached {cached:4.1f} ms, {count} queries  {url}"
        )
        assert count == small[name], f"{name}: {small[name]} queries with the demo, {count} now"
    assert trainings >= TRAININGS
