"""Every list of the read API takes the same number of queries for a few items as for many."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def count(client, url):
    cache.clear()  # answered from the database, not from the API's cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(context), len(response.json()["data"])


@pytest.mark.parametrize(
    "path", ["place/", "keyword/", "language/", "organization/", "space/", "equipment/"]
)
def test_constant_queries(client, path):
    few, few_items = count(client, f"/api/v1/{path}?page_size=2")
    many, many_items = count(client, f"/api/v1/{path}?page_size=30")
    assert many_items > few_items
    assert few == many
