"""Seeding thousands of pages inside a benchmark's test transaction, so that the pages measured
afterwards read like the committed data of production."""

from contextlib import contextmanager

from django.db import connection

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
