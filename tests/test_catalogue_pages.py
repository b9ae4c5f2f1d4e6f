"""The catalogue and training pages: rendering in three languages, JSON-LD, home."""

import json
import re

import pytest

from wagtail.models import Locale

from catalogue.models import Occurrence, TrainingIndexPage, TrainingPage
from tests.catalogue_factories import local, make_training

pytestmark = pytest.mark.django_db

LANGUAGES = ("fi", "sv", "en")


def json_ld(response):
    match = re.search(
        rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_catalogue_is_in_the_menu_in_every_language(client):
    for code in LANGUAGES:
        index = TrainingIndexPage.objects.get(locale__language_code=code)
        assert index.show_in_menus and index.live
        response = client.get(f"/{code}/")
        assert index.title in response.content.decode()


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_renders_in_each_language(client, code):
    index = TrainingIndexPage.objects.get(locale__language_code=code)
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert "<form" in html and 'method="get"' in html
    # The listing shows this language's version of a training.
    training = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code=code)
    assert training.title in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_demo_training_renders_in_each_language(client, code):
    trainings = TrainingPage.objects.live().filter(locale__language_code=code)
    assert trainings.count() >= 40
    for training in trainings:
        response = client.get(training.url)
        assert response.status_code == 200, training.url
        assert training.title in response.content.decode()


def test_training_page_shows_the_facts(client):
    page = TrainingPage.objects.get(slug="kirjanpidon-perusteet", locale__language_code="en")
    html = client.get(page.url).content.decode()
    assert "Association bookkeeping basics" in html
    assert "Forssa" in html
    assert "20.00 €" in html and "members 10.00 €" in html
    assert "Finances and accounting" in html  # the theme, in English
    assert "Forssa Sub-regional Network" in html  # the organiser, in English
    assert "Add to calendar" in html


def test_json_ld_is_an_education_event_with_the_required_fields(client):
    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="fi")
    data = json_ld(client.get(page.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EducationEvent"
    assert data["name"] == page.title
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    types = {location["@type"] for location in data["location"]}
    assert types == {"Place", "VirtualLocation"}
    place = next(loc for loc in data["location"] if loc["@type"] == "Place")
    assert place["address"]["addressLocality"] == "Hämeenlinna"
    assert data["offers"]["price"] == "0"
    assert data["offers"]["priceCurrency"] == "EUR"
    assert data["organizer"]["name"] == "Kanta-Hämeen järjestöneuvottelukunta"
    assert data["organizer"]["url"].endswith("/fi/yhdistykset/jarjestoneuvottelukunta/")
    assert data["organizer"]["sameAs"] == "https://meidanhame.fi"
    assert data["inLanguage"] == ["fi"]
    assert data["startDate"].startswith(str(page.occurrences.first().start.astimezone().year))


def test_json_ld_of_cancelled_and_online_events(client):
    cancelled = TrainingPage.objects.get(
        slug="toimintasuunnitelma-pajat", locale__language_code="fi"
    )
    assert json_ld(client.get(cancelled.url))["eventStatus"] == "https://schema.org/EventCancelled"
    moved = TrainingPage.objects.get(slug="vaalit-yhdistyksissa", locale__language_code="sv")
    data = json_ld(client.get(moved.url))
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["@type"] == "EducationEvent"
    networking = TrainingPage.objects.get(slug="kylaverkosto-tammela", locale__language_code="fi")
    assert json_ld(client.get(networking.url))["@type"] == "Event"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    page = make_training("skripti", title="</script><script>alert(1)</script>")
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    assert json_ld(response)["name"] == page.title


def test_home_page_highlights_next_and_open_trainings(client, django_assert_max_num_queries):
    response = client.get("/fi/")
    html = response.content.decode()
    assert "Seuraavat koulutukset ja tapahtumat" in html or "Next trainings" in html
    fi = Locale.objects.get(language_code="fi")
    upcoming = Occurrence.objects.in_locale(fi).upcoming().exclude(status="cancelled").first()
    assert upcoming.training.title in html
    open_one = Occurrence.objects.in_locale(fi).upcoming().open_to_others().first()
    assert open_one.training.title in html


def test_home_highlights_use_a_constant_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        client.get("/fi/")


def test_unpublishing_clears_occurrences_and_republishing_restores(client):
    page = make_training("hetkellinen")
    assert page.occurrences.count() == 1
    page.unpublish()
    assert not Occurrence.objects.filter(training_id=page.pk).exists()
    page.save_revision().publish()
    assert Occurrence.objects.filter(training_id=page.pk).count() == 1


def test_image_needs_alt_text():
    from django.core.exceptions import ValidationError

    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="fi")
    page.image_id = 1
    page.image_alt = ""
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "image_alt" in error.value.message_dict


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("fi", "Forssan seudun järjestöverkosto"),
        ("sv", "Forssaregionens organisationsnätverk"),
        ("en", "Forssa Sub-regional Network"),
    ],
)
def test_organiser_links_to_its_profile_in_the_same_language(client, code, name):
    page = TrainingPage.objects.get(slug="kirjanpidon-perusteet", locale__language_code=code)
    response = client.get(page.url)
    html = response.content.decode()
    assert f'<a href="/{code}/yhdistykset/forssan-seutuverkosto/">{name}</a>' in html
    assert json_ld(response)["organizer"]["name"] == name
    assert response.context["organiser"].locale.language_code == code


def test_co_organiser_is_shown_with_its_profile(client):
    page = TrainingPage.objects.get(slug="hallituksen-perehdytys", locale__language_code="en")
    html = client.get(page.url).content.decode()
    assert '<a href="/en/yhdistykset/riihimaen-seutuverkosto/">' in html
    council = '<a href="/en/yhdistykset/jarjestoneuvottelukunta/">Kanta-Häme Association Council'
    assert council in html


def test_feed_organizer_is_the_association_in_the_feeds_language(client):
    from catalogue.feeds import training_ics

    page = TrainingPage.objects.get(slug="kirjanpidon-perusteet", locale__language_code="sv")
    ics = training_ics(page).decode().replace("\r\n ", "")
    organizer = next(line for line in ics.split("\r\n") if line.startswith("ORGANIZER"))
    assert "Forssaregionens organisationsnätverk" in organizer


@pytest.mark.parametrize("code", LANGUAGES)
def test_association_profile_lists_its_upcoming_trainings(client, code):
    from associations.models import AssociationPage

    profile = AssociationPage.objects.get(slug="loppi-vpk", locale__language_code=code)
    html = client.get(profile.url).content.decode()
    for slug in ("valmiussuunnitelma", "ensiapu-riihimaki"):
        training = TrainingPage.objects.get(slug=slug, locale__language_code=code)
        assert f'<a href="{training.url}">{training.title}</a>' in html
    past = TrainingPage.objects.get(slug="menneet-turvallisuus", locale__language_code=code)
    assert past.title not in html
    other = TrainingPage.objects.get(slug="kirjanpidon-perusteet", locale__language_code=code)
    assert other.title not in html


def test_profile_lists_trainings_it_co_organises(client):
    from associations.models import AssociationPage

    profile = AssociationPage.objects.get(
        slug="jarjestoneuvottelukunta", locale__language_code="fi"
    )
    html = client.get(profile.url).content.decode()
    co_organised = TrainingPage.objects.get(
        slug="hallituksen-perehdytys", locale__language_code="fi"
    )
    assert co_organised.title in html


def test_association_profile_query_count_does_not_grow_with_trainings(
    client, django_assert_max_num_queries
):
    from associations.models import AssociationPage

    profile = AssociationPage.objects.get(
        slug="jarjestoneuvottelukunta", locale__language_code="fi"
    )
    client.get(profile.url)
    # Each app that adds to a profile (trainings, spaces, equipment, funding, good practices,
    # networks) costs a fixed query or two, whatever the association has.
    with django_assert_max_num_queries(48) as before:
        client.get(profile.url)
    for n in range(5):
        make_training(f"neuvottelukunta-{n}", sessions=[(local(n + 1), local(n + 1, 14))])
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(profile.url)
    assert "neuvottelukunta-4" in response.content.decode()
