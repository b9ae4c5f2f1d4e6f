"""Funding calls in the CommonGrants core shape: a CommonGrants client reads the same calls as
the funding index lists for the same question."""

import datetime
import json
import uuid

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.api_client import get_json
from tests.funding_factories import fi_index, make_opportunity

pytestmark = pytest.mark.django_db


def index_pages(client, query):
    """Absolute page URLs of the calls the HTML funding index lists for `query`, in order."""
    rows, number = [], 1
    while True:
        response = client.get(fi_index().url, {**query, "page": number})
        assert response.status_code == 200
        page_obj = response.context["page_obj"]
        rows += [page.full_url for page in page_obj.object_list]
        if not page_obj.has_next():
            return rows
        number += 1


def walk_opportunities(client, first, post=None):
    """Every item, page by page as paginationInfo says, by GET or by POST search."""
    items, page = [], 1
    while True:
        if post is None:
            separator = "&" if "?" in first else "?"
            body = get_json(client, f"{first}{separator}page={page}&pageSize=3")
        else:
            response = client.post(
                first,
                json.dumps({**post, "pagination": {"page": page, "pageSize": 3}}),
                content_type="application/json",
            )
            assert response.status_code == 200, response.content[:500]
            body = response.json()
        assert body["status"] == 200 and body["message"] == "Success"
        items += body["items"]
        info = body["paginationInfo"]
        assert info["pageSize"] == 3
        if page >= info["totalPages"]:
            assert len(items) == info["totalItems"]
            return items
        page += 1


def urls_of(items):
    return [item["customFields"]["pageUrl"]["value"] for item in items]


def test_opportunity_has_the_commongrants_core_shape(client):
    item = get_json(client, "/common-grants/opportunities?pageSize=1")["items"][0]
    uuid.UUID(item["id"])
    assert item["title"] and item["description"]
    assert item["status"]["value"] in {"forecasted", "open", "closed", "custom"}
    money = item["funding"]["maxAwardAmount"]
    assert money is None or (money["currency"] == "EUR" and "." in money["amount"])
    assert set(item["keyDates"]) == {"postDate", "closeDate", "otherDates"}
    assert item["source"].startswith("http")
    assert all({"name", "fieldType", "value"} <= set(f) for f in item["customFields"].values())
    assert get_json(client, f"/common-grants/opportunities/{item['id']}")["data"] == item


def test_a_commongrants_client_reads_exactly_the_funding_index(client):
    assert urls_of(walk_opportunities(client, "/common-grants/opportunities")) == index_pages(
        client, {}
    )
    assert urls_of(
        walk_opportunities(client, "/common-grants/opportunities?instrument=project")
    ) == index_pages(client, {"instrument": "project"})


def test_search_gives_the_funding_index_results_for_the_same_question(client):
    searched = walk_opportunities(
        client,
        "/common-grants/opportunities/search",
        post={
            "filters": {
                "status": {"operator": "in", "value": ["open", "forecasted"]},
                "customFilters": {"instrument": {"operator": "in", "value": ["project"]}},
            },
            "sorting": {"sortBy": "title"},
        },
    )
    expected = index_pages(
        client, {"status": ["open", "upcoming"], "instrument": "project", "sort": "title"}
    )
    assert expected and urls_of(searched) == expected


def test_search_by_text_and_amount(client):
    make_opportunity(
        "Kylätalojen korjausavustus",
        rounds=[(None, timezone.localdate() + datetime.timedelta(days=40), None)],
        amount_max=20000,
    )
    searched = walk_opportunities(
        client,
        "/common-grants/opportunities/search",
        post={
            "search": "kylätalo",
            "filters": {
                "maxAwardAmountRange": {
                    "operator": "between",
                    "value": {"min": {"amount": "10000", "currency": "EUR"}},
                }
            },
        },
    )
    assert [item["title"] for item in searched] == ["Kylätalojen korjausavustus"]
    assert searched[0]["funding"]["maxAwardAmount"] == {"amount": "20000.00", "currency": "EUR"}


def test_ids_are_stable_across_edits(client):
    page = make_opportunity(
        "Vakaa tunniste", rounds=[(None, timezone.localdate() + datetime.timedelta(days=20), None)]
    )
    before = get_json(client, "/common-grants/opportunities?q=vakaa")["items"][0]["id"]
    page.title = "Vakaa tunniste, korjattu"
    page.save_revision().publish()
    cache.clear()  # the test's transaction never commits, so the content generation stays
    after = get_json(client, "/common-grants/opportunities?q=vakaa")["items"][0]
    assert after["id"] == before and after["title"] == "Vakaa tunniste, korjattu"


@pytest.mark.parametrize(
    ("method", "query_or_body"),
    [
        ("get", "status=maybe"),
        ("get", "pageSize=1000"),
        ("get", "page=abc"),
        ("get", "amount_min=lots"),
        ("get", "nonsense=1"),
        ("post", {"filters": {"status": {"operator": "in", "value": ["someday"]}}}),
        ("post", {"filters": {"customFilters": {"colour": "red"}}}),
        ("post", {"sorting": {"sortBy": "luck"}}),
        ("post", {"pagination": {"page": 0}}),
        ("post", "not json at all"),
        ("post", {"filters": "everything"}),
    ],
)
def test_bad_questions_answer_400_with_reasons(client, method, query_or_body):
    if method == "get":
        response = client.get(f"/common-grants/opportunities?{query_or_body}")
    else:
        data = query_or_body if isinstance(query_or_body, str) else json.dumps(query_or_body)
        response = client.post(
            "/common-grants/opportunities/search", data, content_type="application/json"
        )
    assert response.status_code == 400, response.content[:300]
    assert response.json()["detail"]


def test_unknown_opportunity_is_404(client):
    assert client.get(f"/common-grants/opportunities/{uuid.uuid4()}").status_code == 404
    assert client.get("/common-grants/opportunities/not-a-uuid").status_code == 404


def test_list_takes_the_same_number_of_queries_for_few_and_many(client):
    def count(url):
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    assert count("/common-grants/opportunities?pageSize=2") == count(
        "/common-grants/opportunities?pageSize=30"
    )
