"""Seeding thousands of pages inside a benchmark's test transaction, so that the pages measured
afterwards read like the committed data of production."""

import io
import math
import time
from contextlib import contextmanager

from django.db import connection
from django.utils import timezone

from wagtail.models import Locale

from catalogue import demo
from catalogue.models import Occurrence, TrainingIndexPage, TrainingPage
from core.demo_support import search_index_deferred


@contextmanager
def seeding_without_savepoints():
    """Seed with the search index updated once at the end and without savepoints.

    Every nested atomic block (Wagtail and treebeard open one per page added) would start a
    PostgreSQL subtransaction. Past 64 of them in one transaction, every visibility check of
    their rows looks the subtransaction up in `pg_subtrans`, and the pages measured afterwards
    read up to twice as slowly as the same committed rows do. A failed statement now aborts
    the whole test instead of rolling back to a savepoint, which no seeding step relies on."""
    features = connection.features
    uses_savepoints = features.uses_savepoints
    features.uses_savepoints = False
    try:
        with search_index_deferred():
            yield
    finally:
        features.uses_savepoints = uses_savepoints


def grow_catalogue(trainings):
    """Add demo copies until the Finnish catalogue has at least `trainings` trainings, then
    analyse the tables on PostgreSQL (autovacuum does that in production; rows added in this
    transaction are not analysed). Returns (Finnish trainings, their occurrences, seconds)."""
    started = time.monotonic()
    fi = Locale.objects.get(language_code="fi")
    missing = max(trainings - TrainingPage.objects.filter(locale=fi).count(), 0)
    if missing:
        themes, organisers = demo.seed_taxonomy()
        index = TrainingIndexPage.objects.get(locale=fi, slug="koulutukset")
        scale = math.ceil(missing / demo.COPIES_PER_SCALE) + 1
        with seeding_without_savepoints():
            demo.seed_copies(io.StringIO(), index, themes, organisers, scale, timezone.localdate())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return (
        TrainingPage.objects.filter(locale=fi).count(),
        Occurrence.objects.filter(locale=fi).count(),
        time.monotonic() - started,
    )
