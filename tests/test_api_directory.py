"""Places, keywords, languages and organisations of the read API, in the Linked Events shape."""

import pytest

from associations.models import AssociationIndexPage
from catalogue.models import Theme
from sources.models import KeywordTheme
from tests.api_client import get_json, walk

pytestmark = pytest.mark.django_db


def test_places_list_and_resolve(client):
    places = walk(client, "/api/v1/place/?page_size=50")
    assert places
    for place in places[:5]:
        assert place["@type"] == "Place"
        assert get_json(client, place["@id"]) == place
    assert "training_ids" not in places[0]


def test_keywords_are_our_themes_in_three_languages(client):
    keywords = walk(client, "/api/v1/keyword/")
    assert keywords
    keyword = keywords[0]
    assert keyword["id"].startswith("meidanhame:")
    assert set(keyword["name"]) == {"fi", "sv", "en"}
    assert isinstance(keyword["yso_ids"], list)
    assert get_json(client, keyword["@id"]) == keyword


def test_a_yso_keyword_mapped_to_a_theme_filters_events(client):
    theme = Theme.objects.get(slug="rahoitus", locale__language_code="fi")
    KeywordTheme.objects.create(keyword="yso:p1234567", theme=theme)
    by_yso = walk(client, "/api/v1/event/?keyword=yso:p1234567&page_size=100")
    by_theme = walk(client, "/api/v1/event/?keyword=meidanhame:rahoitus&page_size=100")
    assert by_yso == by_theme and by_yso
    keyword = get_json(client, "/api/v1/keyword/meidanhame:rahoitus/")
    assert "yso:p1234567" in keyword["yso_ids"]


def test_events_at_a_place(client):
    event = get_json(client, "/api/v1/event/?page_size=1")["data"][0]
    place_id = event["location"]["@id"].rstrip("/").rsplit("/", 1)[1]
    at_place = walk(client, f"/api/v1/event/?location={place_id}&page_size=100")
    assert event["id"] in [e["id"] for e in at_place]
    assert all(e["location"] == event["location"] for e in at_place)


def test_organisations_are_the_directory_for_the_same_filters(client):
    directory = AssociationIndexPage.objects.get(locale__language_code="fi")
    for query in ({}, {"municipality": "forssa"}):
        rows, number = [], 1
        while True:
            response = client.get(directory.url, {**query, "page": number})
            page_obj = response.context["page_obj"]
            rows += [a.slug for a in page_obj.object_list]
            if not page_obj.has_next():
                break
            number += 1
        suffix = "&".join(f"{k}={v}" for k, v in query.items())
        organisations = walk(client, f"/api/v1/organization/?page_size=7&{suffix}")
        assert [o["id"] for o in organisations] == [f"meidanhame:{slug}" for slug in rows]
    organisation = organisations[0]
    assert organisation["@type"] == "Organization"
    assert set(organisation["name"]) <= {"fi", "sv", "en"}
    assert get_json(client, organisation["@id"]) == organisation
    # Nothing personal: no contact person, email or phone.
    assert not {"email", "contact_name", "contact_email", "phone"} & set(organisation)


def test_organisations_say_their_welfare_work_target_groups_and_offer(client):
    organisations = walk(client, "/api/v1/organization/?welfare=services_interface&group=carers")
    assert organisations
    for organisation in organisations:
        assert "services_interface" in organisation["welfare_areas"]
        assert "carers" in organisation["target_groups"]
    offering = [o for o in organisations if o["can_offer"]]
    assert offering and set(offering[0]["can_offer"]) == {"fi", "sv", "en"}
    everyone = get_json(client, "/api/v1/organization/?page_size=1")["meta"]["count"]
    assert len(organisations) < everyone
    response = client.get("/api/v1/organization/?group=martians")
    assert response.status_code == 400
    assert "martians" in response.content.decode()


def test_organisations_publish_their_events(client):
    organisation = get_json(client, "/api/v1/organization/meidanhame:jarjestoneuvottelukunta/")
    events = walk(client, organisation["events"])
    # Its own events and those it co-organises, as the catalogue's organiser filter finds them.
    assert events and any(e["publisher"] == organisation["id"] for e in events)


def test_languages(client):
    languages = walk(client, "/api/v1/language/")
    assert {"fi", "sv", "en"} <= {language["id"] for language in languages}
    event = get_json(client, "/api/v1/event/?page_size=1")["data"][0]
    for language in event["in_language"]:
        assert get_json(client, language["@id"])["@type"] == "Language"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/place/?page=0",
        "/api/v1/keyword/?colour=red",
        "/api/v1/organization/?municipality=atlantis",
        "/api/v1/organization/?page_size=500",
    ],
)
def test_bad_parameters_are_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/place/meidanhame:nowhere/",
        "/api/v1/keyword/meidanhame:nothing/",
        "/api/v1/keyword/yso:p1/",
        "/api/v1/organization/meidanhame:nobody/",
        "/api/v1/language/xx/",
    ],
)
def test_unknown_resources_are_404(client, url):
    assert client.get(url).status_code == 404
