"""The read API's events in the Linked Events v1 shape: a Linked Events client reads the same
events as the catalogue page lists for the same filter."""

import datetime

import pytest

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import Theme
from sources.models import ImportedEvent, Source
from tests.api_client import get_json, walk
from tests.catalogue_factories import fi_catalogue, local, make_training, organiser

pytestmark = pytest.mark.django_db


def catalogue_rows(client, query):
    """(fi page URL, start) of every occurrence the HTML catalogue lists for `query`."""
    path = fi_catalogue().url
    rows, page = [], 1
    while True:
        response = client.get(path, {**query, "page": page})
        assert response.status_code == 200
        page_obj = response.context["page_obj"]
        rows += [(settings.BASE_URL + o.training.url, o.start) for o in page_obj.object_list]
        if not page_obj.has_next():
            return rows
        page += 1


def api_rows(events):
    return [
        (event["info_url"]["fi"], datetime.datetime.fromisoformat(event["start_time"]))
        for event in events
    ]


def test_event_list_has_the_linked_events_envelope_and_shape(client):
    body = get_json(client, "/api/v1/event/?page_size=5")
    assert set(body) == {"meta", "data"}
    assert set(body["meta"]) == {"count", "next", "previous"}
    assert body["meta"]["previous"] is None
    assert len(body["data"]) == 5
    event = body["data"][0]
    assert event["@context"] == "http://schema.org"
    assert event["@type"] == "Event"
    assert event["id"].startswith("meidanhame:")
    assert event["@id"] == f"{settings.BASE_URL}/api/v1/event/{event['id']}/"
    assert set(event["name"]) <= {"fi", "sv", "en"} and event["name"]["fi"]
    assert set(event["location"]) == {"@id"}
    assert all(set(keyword) == {"@id"} for keyword in event["keywords"])
    offer = event["offers"][0]
    assert set(offer) == {"is_free", "price", "info_url", "description"}
    assert event["event_status"] in {
        "EventScheduled",
        "EventCancelled",
        "EventPostponed",
        "EventRescheduled",
        "EventMovedOnline",
    }
    assert event["super_event_type"] in (None, "recurring")
    for name in ("start_time", "end_time", "last_modified_time", "in_language", "external_links"):
        assert name in event


def test_a_linked_events_client_reads_exactly_the_catalogues_events(client):
    theme = Theme.objects.filter(locale__language_code="fi").order_by("slug").first()
    events = walk(client, f"/api/v1/event/?keyword=meidanhame:{theme.slug}&page_size=7")
    expected = catalogue_rows(client, {"theme": theme.slug})
    assert expected, "the demo has events of every theme"
    assert api_rows(events) == expected
    # Every reference resolves, as a Linked Events reader follows them.
    for event in events[:10]:
        place = get_json(client, event["location"]["@id"])
        assert place["@type"] == "Place" and place["@id"] == event["location"]["@id"]
        for keyword in event["keywords"]:
            assert get_json(client, keyword["@id"])["@type"] == "Keyword"
        assert get_json(client, event["@id"])["id"] == event["id"]
        if event["super_event"]:
            series = get_json(client, event["super_event"]["@id"])
            assert series["super_event_type"] == "recurring"
            assert {"@id": event["@id"]} in series["sub_events"]


@pytest.mark.parametrize(
    ("api_query", "page_query"),
    [
        ("text=yhdistys", {"q": "yhdistys"}),
        ("start=today&end=today", {"when": "today"}),
        ("days=7", {"from": "{today}", "to": "{week}"}),
        ("publisher=meidanhame:jarjestoneuvottelukunta", {"organiser": "jarjestoneuvottelukunta"}),
    ],
)
def test_filters_give_the_catalogues_results(client, api_query, page_query):
    today = timezone.localdate()
    page_query = {
        name: value.format(today=today, week=today + datetime.timedelta(days=6))
        for name, value in page_query.items()
    }
    events = walk(client, f"/api/v1/event/?{api_query}&page_size=100")
    assert api_rows(events) == catalogue_rows(client, page_query)


def test_include_location_and_keywords_embeds_them(client):
    event = get_json(client, "/api/v1/event/?include=location,keywords&page_size=1")["data"][0]
    assert event["location"]["@type"] == "Place"
    assert event["keywords"] and all(k["@type"] == "Keyword" for k in event["keywords"])
    assert all(set(k["name"]) <= {"fi", "sv", "en"} for k in event["keywords"])


def test_a_series_is_a_recurring_super_event_with_its_sub_events(client):
    page = make_training(
        "sarja",
        sessions=[(local(3, 17), local(3, 18)), (local(10, 17), local(10, 18))],
    )
    series = get_json(client, f"/api/v1/event/meidanhame:{page.uid}/")
    assert series["super_event_type"] == "recurring"
    assert len(series["sub_events"]) == 2
    children = walk(client, f"/api/v1/event/?super_event=meidanhame:{page.uid}")
    assert [{"@id": child["@id"]} for child in children] == series["sub_events"]
    assert all(child["super_event"] == {"@id": series["@id"]} for child in children)
    hidden = walk(client, "/api/v1/event/?hide_recurring_children=true&page_size=100")
    ids = [event["id"] for event in hidden]
    assert f"meidanhame:{page.uid}" in ids
    assert not any(event["super_event"] for event in hidden)


def test_a_single_event_has_the_trainings_uid(client):
    page = make_training("yksittainen", title="Yksittäinen ilta")
    event = get_json(client, f"/api/v1/event/meidanhame:{page.uid}/")
    assert event["name"]["fi"] == "Yksittäinen ilta"
    assert event["super_event"] is None and event["super_event_type"] is None
    assert event["data_source"] == "meidanhame"


def test_imported_event_keeps_its_data_source(client):
    page = make_training("tuotu", title="Tuotu tapahtuma")
    source = Source.objects.create(
        name="Tavastia Events",
        kind="linkedevents",
        url="https://example.org/v1/event/",
        organiser=organiser(),
    )
    ImportedEvent.objects.create(source=source, origin_id="tavastia:agg123", training=page)
    event = get_json(client, f"/api/v1/event/meidanhame:{page.uid}/")
    assert event["data_source"] == "tavastia"


def test_event_status_and_last_modified_since_filter(client):
    page = make_training("peruttu", status="cancelled")
    cancelled = walk(client, "/api/v1/event/?event_status=EventCancelled&page_size=100")
    assert f"meidanhame:{page.uid}" in [event["id"] for event in cancelled]
    assert all(event["event_status"] == "EventCancelled" for event in cancelled)
    since = page.last_published_at.isoformat()
    recent = walk(client, "/api/v1/event/?" + f"last_modified_since={since}".replace("+", "%2B"))
    assert [event["id"] for event in recent] == [f"meidanhame:{page.uid}"]


def test_unpublished_and_private_events_are_not_served(client):
    page = make_training("piilotettu")
    page.unpublish()
    assert client.get(f"/api/v1/event/meidanhame:{page.uid}/").status_code == 404
    events = walk(client, "/api/v1/event/?text=piilotettu")
    assert events == []


@pytest.mark.parametrize(
    "query",
    [
        "start=yesterday",
        "end=2026-13-40",
        "days=abc",
        "days=0",
        "keyword=meidanhame:no-such-theme",
        "publisher=nobody",
        "event_status=EventMaybe",
        "page=0",
        "page=99999",
        "page_size=101",
        "page_size=x",
        "include=everything",
        "super_event=meidanhame:not-an-id",
        "hide_recurring_children=perhaps",
        "frobnicate=1",
        "start=today&start=now",
    ],
)
def test_bad_parameters_answer_400_with_reasons(client, query):
    response = client.get(f"/api/v1/event/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert detail and all(isinstance(reason, str) and reason for reason in detail)


def test_unknown_event_is_404_in_json(client):
    response = client.get("/api/v1/event/meidanhame:00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_etag_304_cache_control_and_cors(client, django_capture_on_commit_callbacks):
    response = client.get("/api/v1/event/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "max-age" in response["Cache-Control"]
    etag = response["ETag"]
    again = client.get("/api/v1/event/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    with django_capture_on_commit_callbacks(execute=True):
        make_training("uusi-tapahtuma")  # publishing changes the answer and its ETag
    changed = client.get("/api/v1/event/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_the_list_takes_the_same_number_of_queries_for_3_and_30_events(client):
    def count(url):
        cache.clear()  # answered from the database, not from the API's cache
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    for include in ("", "&include=location,keywords"):
        few = count(f"/api/v1/event/?page_size=3{include}")
        many = count(f"/api/v1/event/?page_size=30{include}")
        assert few == many, (include, few, many)
    hidden_few = count("/api/v1/event/?page_size=3&hide_recurring_children=1")
    hidden_many = count("/api/v1/event/?page_size=30&hide_recurring_children=1")
    assert hidden_few == hidden_many


def test_a_start_in_the_past_finds_past_events_too(client):
    page = make_training("eilinen", sessions=[(local(-1, 17), local(-1, 19))])
    ours = f"meidanhame:{page.uid}"
    assert ours not in [e["id"] for e in walk(client, "/api/v1/event/?text=testi&page_size=100")]
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    past = walk(client, f"/api/v1/event/?start={yesterday}&end={yesterday}&page_size=100")
    assert ours in [event["id"] for event in past]
