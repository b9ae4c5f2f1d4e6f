"""Benchmark: the catalogue's first page and a filtered page at 5,000+ trainings.

Prints the median render time of each (target: under 100 ms on the 2-core machine) and checks
that the number of queries is the same as with the small demo. The size is configurable:
CATALOGUE_BENCH_TRAININGS=300 make bench   (a quick smoke run)
"""

import os
import statistics
import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.bench.seeding import grow_catalogue

TRAININGS = int(os.environ.get("CATALOGUE_BENCH_TRAININGS", "5000"))
ROUNDS = int(os.environ.get("CATALOGUE_BENCH_ROUNDS", "30"))
PAGES = {
    "first page": "/fi/koulutukset/",
    "filtered page": "/fi/koulutukset/?theme=rahoitus&region=hameenlinna-seutu&free=1&when=month",
    "text search": "/fi/koulutukset/?q=yhdistys&format=onsite",
    "month view": "/fi/koulutukset/?view=month",
}


def measure(client, url):
    for _ in range(3):  # warm the template and URL caches
        assert client.get(url).status_code == 200
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(timings), max(timings)


def queries(client, url):
    client.get(url)  # the first request of a process fills a few caches (sites, settings)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context)


@pytest.mark.django_db
def test_catalogue_render_time_at_scale(client):
    small = {name: queries(client, url) for name, url in PAGES.items()}

    trainings, occurrences, seconds = grow_catalogue(TRAININGS)
    print(
        f"\nCatalogue benchmark: {trainings} Finnish trainings, {occurrences} occurrences "
        f"(seeded in {seconds:.0f} s), {ROUNDS} rounds, {connection.vendor}"
    )
    for name, url in PAGES.items():
        count = queries(client, url)
        median, worst = measure(client, url)
        print(f"  {name:14} median {median:6.1f} ms  max {worst:6.1f} ms  {count} queries  {url}")
        assert count == small[name], f"{name}: {small[name]} queries with the demo, {count} now"
    assert trainings >= TRAININGS
