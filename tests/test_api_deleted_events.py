"""`show_deleted` on the read API's event list: a partner who syncs by modification time
learns of the events that went away (unpublished, deleted, made private), as Linked Events
tells of deleted events, and stops hearing of them when they come back."""

import pytest

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from catalogue.models import Occurrence
from tests.api_client import walk
from tests.catalogue_factories import make_training, republish

pytestmark = pytest.mark.django_db

DELETED_NAME = {"fi": "POISTETTU", "sv": "RADERAD", "en": "DELETED"}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the feeds' new generation, a lifted restriction)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def since_query(moment):
    return "last_modified_since=" + moment.isoformat().replace("+", "%2B")


def events_by_id(client, query):
    # A test is one transaction: after its first change, the feeds' new generation waits for
    # a commit that never comes, so each read starts from an empty cache.
    cache.clear()
    return {event["id"]: event for event in walk(client, f"/api/v1/event/?{query}&page_size=100")}


def test_an_unpublished_event_is_told_as_deleted_since_then(client, committed):
    before = timezone.now()
    page = make_training("poistuva-ilta", title="Poistuva ilta")
    ours = f"meidanhame:{page.uid}"
    query = f"{since_query(before)}&show_deleted=true"
    assert events_by_id(client, query)[ours]["deleted"] is False

    committed(page.unpublish)

    deleted = events_by_id(client, query)[ours]
    assert deleted == {
        "id": ours,
        "@id": f"{settings.BASE_URL}/api/v1/event/{ours}/",
        "name": DELETED_NAME,
        "last_modified_time": deleted["last_modified_time"],
        "deleted": True,
        "replaced_by": None,
    }
    removed_at = timezone.datetime.fromisoformat(deleted["last_modified_time"])
    assert before <= removed_at <= timezone.now()
    # Without show_deleted nothing changes: the event is simply gone.
    assert ours not in events_by_id(client, since_query(before))
    assert ours not in events_by_id(client, "show_deleted=false")
    # A sync from after the removal has nothing more to learn of it.
    later = events_by_id(client, f"{since_query(timezone.now())}&show_deleted=true")
    assert ours not in later


def test_a_deleted_page_is_told_as_deleted(client, committed):
    page = make_training("poistettava-ilta")
    ours = f"meidanhame:{page.uid}"
    committed(page.delete)
    assert events_by_id(client, "show_deleted=1")[ours]["deleted"] is True
    assert client.get(f"/api/v1/event/{ours}/").status_code == 404


def test_an_event_made_private_is_deleted_until_the_restriction_is_lifted(client, committed):
    page = make_training("yksityinen-ilta")
    ours = f"meidanhame:{page.uid}"
    restriction = committed(
        lambda: PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="sala"
        )
    )
    assert events_by_id(client, "show_deleted=true")[ours]["deleted"] is True

    committed(restriction.delete)

    event = events_by_id(client, "show_deleted=true")[ours]
    assert event["deleted"] is False and event["name"]["fi"] == "Testikoulutus"
    every = walk(client, "/api/v1/event/?show_deleted=true&page_size=100")
    assert [e["id"] for e in every].count(ours) == 1


def test_making_an_event_private_changes_the_cached_answer(client, committed):
    upcoming = Occurrence.objects.filter(locale__language_code="fi", start__gt=timezone.now())
    page = upcoming.order_by("start").first().training
    ours = f"meidanhame:{page.uid}"
    url = f"/api/v1/event/?show_deleted=true&super_event={ours}"
    before = client.get(url)
    assert [event["deleted"] for event in before.json()["data"]][:1] == [False]
    committed(
        lambda: PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    )
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert [event["deleted"] for event in after.json()["data"]] == [True]


def test_a_private_event_published_again_stays_deleted(client, committed):
    page = make_training("yha-yksityinen")
    ours = f"meidanhame:{page.uid}"
    committed(
        lambda: PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    )
    committed(lambda: republish(page))
    assert events_by_id(client, "show_deleted=true")[ours]["deleted"] is True


def test_an_event_published_again_is_no_longer_deleted(client, committed):
    before = timezone.now()
    page = make_training("palaava-ilta", title="Palaava ilta")
    ours = f"meidanhame:{page.uid}"
    committed(page.unpublish)
    committed(lambda: republish(page))
    cache.clear()
    events = walk(client, f"/api/v1/event/?{since_query(before)}&show_deleted=true")
    assert [event["id"] for event in events if event["id"] == ours] == [ours]
    assert next(event for event in events if event["id"] == ours)["deleted"] is False


def test_deleted_events_follow_the_live_ones_across_pages(client, committed):
    before = timezone.now()
    live = [make_training(f"elava-{n}", title=f"Elävä {n}") for n in range(3)]
    gone = [make_training(f"mennyt-{n}") for n in range(4)]
    for page in gone:
        committed(page.unpublish)
    cache.clear()
    events = walk(client, f"/api/v1/event/?{since_query(before)}&show_deleted=true&page_size=2")
    assert [event["deleted"] for event in events] == [False] * 3 + [True] * 4
    assert {event["id"] for event in events} == {f"meidanhame:{p.uid}" for p in live + gone}
    # The oldest removal first.
    assert [event["id"] for event in events[3:]] == [f"meidanhame:{p.uid}" for p in gone]


def test_super_event_narrows_the_deleted_ones_too(client, committed):
    kept, gone = make_training("pysyva"), make_training("lahteva")
    committed(gone.unpublish)
    committed(kept.unpublish)
    cache.clear()
    events = walk(client, f"/api/v1/event/?show_deleted=true&super_event=meidanhame:{gone.uid}")
    assert [event["id"] for event in events] == [f"meidanhame:{gone.uid}"]


def test_the_list_with_deleted_events_takes_constant_queries(client, committed):
    def count(url):
        cache.clear()  # answered from the database, not from the API's cache
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        return len(context), len(response.json()["data"])

    pages = [make_training(f"jono-{n}") for n in range(12)]
    for page in pages:
        committed(page.unpublish)
    cache.clear()
    live = client.get("/api/v1/event/?page_size=1").json()["meta"]["count"]

    def mixed(sizes):
        """A page (of one of `sizes`) holding the last live events and the first deleted."""
        size = next(size for size in sizes if live % size)
        return f"/api/v1/event/?show_deleted=true&page_size={size}&page={live // size + 1}"

    count(mixed((30, 31)))  # warm-up
    few, many = count(mixed((3, 4))), count(mixed((30, 31)))
    assert many[1] > few[1]
    assert few[0] == many[0]


@pytest.mark.parametrize(
    "query",
    ["show_deleted=perhaps", "show_deleted=2", "hide_recurring_children=sometimes"],
)
def test_a_boolean_that_is_neither_true_nor_false_is_a_bad_parameter(client, query):
    response = client.get(f"/api/v1/event/?{query}")
    assert response.status_code == 400
    reasons = response.json()["detail"]
    assert reasons and any(query.partition("=")[0] in reason for reason in reasons)


@pytest.mark.parametrize("value", ["true", "True", "1", "yes", "on"])
def test_show_deleted_takes_the_usual_words_for_true(client, committed, value):
    page = make_training("sana-ilta")
    committed(page.unpublish)
    assert f"meidanhame:{page.uid}" in events_by_id(client, f"show_deleted={value}")
