"""Spaces and equipment of the read API: the listings' results for the same filters, and
availability for a range of days without anything personal."""

import datetime

import pytest

from django.utils import timezone

from lending.models import EquipmentIndexPage, SpaceIndexPage
from tests.api_client import get_json, walk

pytestmark = pytest.mark.django_db


def listing_slugs(client, index, query):
    rows, number = [], 1
    while True:
        response = client.get(index.url, {**query, "page": number})
        assert response.status_code == 200
        page_obj = response.context["page_obj"]
        rows += [f"meidanhame:{resource.slug}" for resource in page_obj.object_list]
        if not page_obj.has_next():
            return rows
        number += 1


@pytest.mark.parametrize(
    ("kind", "index_model", "query"),
    [
        ("space", SpaceIndexPage, {}),
        ("space", SpaceIndexPage, {"free": "1"}),
        ("space", SpaceIndexPage, {"capacity": "20"}),
        ("equipment", EquipmentIndexPage, {}),
        ("equipment", EquipmentIndexPage, {"category": "audio-video"}),
    ],
)
def test_lists_are_the_listings_for_the_same_filters(client, kind, index_model, query):
    index = index_model.objects.get(locale__language_code="fi")
    suffix = "".join(f"&{name}={value}" for name, value in query.items())
    items = walk(client, f"/api/v1/{kind}/?page_size=3{suffix}")
    assert [item["id"] for item in items] == listing_slugs(client, index, query)


def test_free_at_a_time_uses_the_listings_question(client):
    day = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    index = SpaceIndexPage.objects.get(locale__language_code="fi")
    query = {"date": day, "from": "10:00", "to": "12:00"}
    items = walk(client, f"/api/v1/space/?date={day}&from=10:00&to=12:00")
    assert [item["id"] for item in items] == listing_slugs(client, index, query)


def test_space_availability_for_a_range_has_no_names(client):
    space = walk(client, "/api/v1/space/")[0]
    start = timezone.localdate().isoformat()
    detail = get_json(client, f"{space['@id']}?start={start}&days=10")
    assert len(detail["availability"]) == 10
    day = detail["availability"][0]
    assert set(day) == {"date", "state", "open_hours", "busy"}
    assert day["date"] == start
    text = str(detail)
    for personal in ("contact_email", "contact_name", "requested_by", "message"):
        assert personal not in text


def test_equipment_availability_counts_free_items(client):
    item = walk(client, "/api/v1/equipment/")[0]
    detail = get_json(client, f"{item['@id']}?days=5")
    assert len(detail["availability"]) == 5
    assert all(0 <= day["free"] <= item["quantity"] for day in detail["availability"])


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/space/?capacity=-3",
        "/api/v1/space/?facility=moat",
        "/api/v1/equipment/?from=2026-02-30",
        "/api/v1/equipment/?page_size=0",
        "/api/v1/space/meidanhame:x/?days=1000",
    ],
)
def test_bad_parameters_are_400(client, url):
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    assert response.json()["detail"]


def test_unknown_resource_is_404(client):
    assert client.get("/api/v1/space/meidanhame:no-such-space/").status_code == 404
    assert client.get("/api/v1/equipment/meidanhame:no-such-thing/").status_code == 404
