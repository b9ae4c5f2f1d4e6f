"""Benchmark: the funding index with thousands of opportunities.

`FUNDING_BENCH_SCALE` (default 21, i.e. 5,000 copies on top of the demo) sets the size;
`FUNDING_BENCH_SCALE=2` makes a quick smoke run. Prints the median render time of the default
view and of a filtered view, and the number of queries, which must not depend on the size.

The copies are committed and the tables vacuumed before the pages are measured, as
production's rows are (rows the reading transaction inserted itself never get hint bits or
the all-visible mark, so every read checks them again). They are deleted when the module
ends, so that a benchmark after this one sees the small demo.
"""

import io
import os
import statistics
import time

import pytest

from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from funding.demo import seed_copies, seed_funders
from funding.models import FundingIndexPage, FundingOpportunityPage
from tests.bench.seeding import seeding_without_savepoints

SCALE = int(os.environ.get("FUNDING_BENCH_SCALE", "21"))
RUNS = int(os.environ.get("FUNDING_BENCH_RUNS", "15"))
TARGET_MS = 100


def _median_ms(client, url):
    client.get(url)  # warm up
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(times)


def count_queries(client, url):
    client.get(url)  # the first request of a process fills a few caches (sites, settings)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Counted now: `captured_queries` slices the connection's log, which later requests reset.
    return len(queries)


@pytest.fixture(scope="module")
def committed_copies(django_db_setup, django_db_blocker, site_host):
    """The small demo's query count, then thousands of committed copies (removed afterwards)."""
    with django_db_blocker.unblock():
        index = FundingIndexPage.objects.get(locale__language_code="fi")
        small = count_queries(Client(HTTP_HOST=site_host), index.url)
        started = time.perf_counter()
        with transaction.atomic(), seeding_without_savepoints():
            made = seed_copies(io.StringIO(), index, seed_funders(), SCALE, timezone.localdate())
        seeding = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # what autovacuum does in production
                cursor.execute("VACUUM ANALYZE")
        yield {"index": index, "small": small, "made": made, "seeding": seeding}
        with transaction.atomic():
            copies = FundingOpportunityPage.objects.child_of(index)
            copies.filter(slug__startswith="kopio-").delete()


@pytest.mark.django_db
def test_funding_index_render_time(client, committed_copies):
    index, small = committed_copies["index"], committed_copies["small"]
    total = FundingOpportunityPage.objects.filter(locale__language_code="fi").count()
    reset_queries()  # seeding filled the query log
    count = count_queries(client, index.url)
    results = {
        "default": _median_ms(client, index.url),
        "filtered": _median_ms(
            client, index.url + "?funder_type=municipality&amount_min=500&joint=1&sort=amount"
        ),
        "csv": _median_ms(client, f"/fi/funding/{index.pk}/opportunities.csv"),
    }
    print(
        f"\nFunding index, {total} opportunities ({committed_copies['made']} committed copies "
        f"made in {committed_copies['seeding']:.1f} s), "
        f"{count} queries (small demo: {small}), median of {RUNS}: "
        + ", ".join(f"{name} {ms:.1f} ms" for name, ms in results.items())
        + f" (target for the index: under {TARGET_MS} ms)"
    )
    assert count == small, f"{small} queries with the demo, {count} now"
    if SCALE >= 21:
        assert total >= 5000
