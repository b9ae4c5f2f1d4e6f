"""The association directory, profiles, statistics and the identifiers' validation."""

import csv
import io
import json

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Locale

from associations.models import AssociationPage, FieldOfActivity
from associations.statistics import association_statistics
from associations.validators import validate_business_id

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["0737546-2", "1572860-0", "2617416-4", "737546-2"])
def test_valid_business_ids_pass(value):
    validate_business_id(value)


@pytest.mark.parametrize("value", ["0737546-3", "1234567", "abc", "1572860-1", "0000001-1"])
def test_invalid_business_ids_are_rejected(value):
    with pytest.raises(ValidationError):
        validate_business_id(value)


def test_the_strategys_ten_fields_of_activity_and_culture_and_sport_in_three_languages():
    strategy = {
        "trade_unions",
        "nature",
        "social_health",
        "society",
        "village",
        "safety",
        "international",
        "business",
        "religion",
        "other",
    }
    for code in ("fi", "sv", "en"):
        slugs = set(
            FieldOfActivity.objects.filter(locale__language_code=code).values_list(
                "slug", flat=True
            )
        )
        assert slugs == strategy | {"culture", "sport"}


def test_directory_lists_demo_associations_with_count(client):
    response = client.get("/fi/yhdistykset/")
    assert response.status_code == 200
    live = AssociationPage.objects.live().filter(locale__language_code="fi").count()
    assert live >= 60
    assert (
        f"{live} yhdistystä" in response.content.decode() or str(live) in response.content.decode()
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_directory_in_each_language(client, language):
    response = client.get(f"/{language}/yhdistykset/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def test_filters_by_field_and_municipality(client):
    response = client.get("/fi/yhdistykset/?field=village&municipality=janakkala")
    shown = [a.slug for a in response.context["associations"]]
    assert "janakkalan-kylayhdistys-ry" in shown
    assert all(
        a.municipality == "janakkala" or "janakkala" in a.areas
        for a in response.context["associations"]
    )
    assert response.context["result_count"] == len(shown)


def test_filters_by_sub_region_language_and_partner_theme(client):
    response = client.get("/fi/yhdistykset/?region=forssa-seutu&partner=any")
    associations = list(response.context["associations"])
    assert associations
    forssa = {"forssa", "humppila", "jokioinen", "tammela", "ypaja"}
    for association in associations:
        assert association.municipality in forssa or forssa & set(association.areas)
        assert association.themes_shown
    response = client.get("/en/yhdistykset/?language=sv&partner=premises")
    for association in response.context["associations"]:
        assert "sv" in association.languages
        assert "premises" in [t.slug for t in association.themes_shown]


def test_a_to_z_and_unknown_values_are_reported(client):
    response = client.get("/fi/yhdistykset/?letter=J&field=nonsense")
    assert response.status_code == 200
    assert all(a.title.startswith("J") for a in response.context["associations"])
    assert response.context["filters"].problems


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_directory_queries_do_not_grow_with_results(client, django_assert_max_num_queries):
    client.get("/fi/yhdistykset/")  # warm the site and locale caches
    few = _queries(client, "/fi/yhdistykset/?field=religion&municipality=lopen")
    full_page = _queries(client, "/fi/yhdistykset/?page=2")
    assert full_page == few or full_page <= few + 2  # 20 rows cost what 1 row costs
    with django_assert_max_num_queries(30):
        client.get("/fi/yhdistykset/?partner=any&region=hameenlinna-seutu&language=fi")


def test_profile_shows_facts_and_organization_json_ld(client):
    page = AssociationPage.objects.get(
        slug="janakkalan-kylayhdistys-ry", locale__language_code="sv"
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "NGO"
    assert data["name"] == page.title
    assert data["taxID"] == page.business_id
    assert data["address"]["addressLocality"] == "Janakkala"
    assert "fi" in data["knowsLanguage"]


def test_statistics_match_the_data(client):
    fi = Locale.objects.get(language_code="fi")
    statistics = association_statistics(fi)
    live = AssociationPage.objects.live().filter(locale=fi)
    assert statistics["total"] == live.count()
    by_municipality = {bar.key: bar.count for bar in statistics["by_municipality"]}
    assert by_municipality["hattula"] == live.filter(municipality="hattula").count()
    by_field = {bar.key: bar.count for bar in statistics["by_field"]}
    assert by_field["village"] == live.filter(field_links__field__slug="village").distinct().count()
    by_region = {bar.key: bar.count for bar in statistics["by_sub_region"]}
    assert sum(by_region.values()) == statistics["total"]

    response = client.get("/fi/yhdistykset/tilastot/")
    html = response.content.decode()
    assert 'role="img"' in html and "<table" in html
    rows = list(
        csv.reader(
            io.StringIO(client.get("/fi/yhdistykset/tilastot/csv/").content.decode("utf-8-sig"))
        )
    )
    hattula = next(row for row in rows if row[1] == "hattula")
    assert hattula[2:4] == ["Hattula", str(by_municipality["hattula"])]


def test_statistics_update_when_an_association_is_unpublished(client):
    fi = Locale.objects.get(language_code="fi")
    before = association_statistics(fi)["total"]
    AssociationPage.objects.filter(locale=fi).live().first().unpublish()
    assert association_statistics(fi)["total"] == before - 1


def test_sitemap_lists_profiles_in_every_language(client):
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("fi", "sv", "en"):
        assert f"/{language}/yhdistykset/janakkalan-kylayhdistys-ry/" in xml


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("field=nonsense", "Unknown field of activity “nonsense” was ignored."),
        ("municipality=tampere", "Unknown municipality “tampere” was ignored."),
        ("region=lappi", "Unknown sub-region “lappi” was ignored."),
        ("language=xx", "Unknown language “xx” was ignored."),
        ("partner=golf", "Unknown cooperation theme “golf” was ignored."),
        ("letter=%C3%9C", "Unknown initial letter “Ü” was ignored."),
        ("q=kyla&q=seura", "“q” was given more than once, so it was ignored."),
    ],
)
def test_unknown_directory_filters_are_named_in_whole_sentences(client, query, message):
    response = client.get(f"/en/yhdistykset/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
