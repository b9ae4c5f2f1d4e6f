"""Benchmark: the catalogue's first page and a filtered page at 5,000+ trainings.

Prints the median render time of each (target: under 100 ms on the 2-core machine) and checks
that the number of queries is the same as with the small demo. The size is configurable:
CATALOGUE_BENCH_TRAININGS=300 make bench   (a quick smoke run)
"""

import io
import math
import os
import statistics
import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

from catalogue import demo
from catalogue.models import Occurrence, TrainingIndexPage, TrainingPage
from tests.bench.seeding import seeding_without_savepoints

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
    if connection.vendor == "postgresql":
        # Production tables are analysed by autovacuum; rows added in this transaction are not.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    trainings = TrainingPage.objects.filter(locale=fi).count()
    occurrences = Occurrence.objects.filter(locale=fi).count()
    print(
        f"\nCatalogue benchmark: {trainings} Finnish trainings, {occurrences} occurrences "
        f"(seeded in {time.monotonic() - started:.0f} s), {ROUNDS} rounds, {connection.vendor}"
    )
    for name, url in PAGES.items():
        count = queries(client, url)
        median, worst = measure(client, url)
        print(f"  {name:14} median {median:6.1f} ms  max {worst:6.1f} ms  {count} queries  {url}")
        assert count == small[name], f"{name}: {small[name]} queries with the demo, {count} now"
    assert trainings >= TRAININGS
