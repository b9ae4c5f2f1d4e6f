"""Funding calls carry the directory's fields of activity: the migration maps funding's old
codes to the directory's slugs (culture_sport to culture and sport), old links and saved
alerts keep working, and an association sees the calls for its fields on its profile."""

import datetime
import importlib
import re
from types import SimpleNamespace

import pytest

from django.apps import apps
from django.core import mail
from django.utils import timezone

from wagtail.models import Locale

from associations.models import (
    AssociationFieldLink,
    AssociationIndexPage,
    AssociationPage,
    FieldOfActivity,
)
from core.models import SavedSearch
from funding.models import FundingIndexPage, FundingOpportunityPage
from funding.models import eligibility_tokens as funding_tokens
from tests.funding_factories import fi_index, make_opportunity

pytestmark = pytest.mark.django_db

migration = importlib.import_module("funding.migrations.0006_fields_of_activity_from_directory")

OLD_CODES = {
    "trade_unions": ["trade_unions"],
    "nature": ["nature"],
    "social_health": ["social_health"],
    "society": ["society"],
    "village": ["village"],
    "safety": ["safety"],
    "international": ["international"],
    "business": ["business"],
    "religion": ["religion"],
    "culture_sport": ["culture", "sport"],
    "other": ["other"],
}


@pytest.fixture
def client(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def directory_slugs(code="fi"):
    return set(
        FieldOfActivity.objects.filter(locale__language_code=code).values_list("slug", flat=True)
    )


def titles(client, query, code="fi"):
    index = FundingIndexPage.objects.get(locale__language_code=code)
    html = client.get(f"{index.url}?{query}").content.decode()
    results = html.split('id="funding-results-title"', 1)[1]
    return re.findall(r'<h3 class="funding-card__title"><a href="[^"]+">([^<]+)</a>', results)


def open_call(title, fields):
    today = timezone.localdate()
    return make_opportunity(
        title,
        [(today - datetime.timedelta(days=5), today + datetime.timedelta(days=20), None)],
        fields_of_activity=fields,
    )


def store_as_before(call, codes):
    """Put funding's old codes back on a call, its filter column and its latest revision, as
    the database held them before the migration."""
    tokens = migration.tokens_with(call.filter_tokens, codes)
    FundingOpportunityPage.objects.filter(pk=call.pk).update(
        fields_of_activity=codes, filter_tokens=tokens
    )
    revision = call.latest_revision
    revision.content = {**revision.content, "fields_of_activity": codes, "filter_tokens": tokens}
    revision.save(update_fields=["content"])


def make_association(title, slug, field_slug):
    index = AssociationIndexPage.objects.get(locale__language_code="fi")
    field = FieldOfActivity.objects.get(slug=field_slug, locale__language_code="fi")
    page = AssociationPage(
        title=title,
        slug=slug,
        summary=f"{title}: esimerkki.",
        municipality="forssa",
        languages=["fi"],
        field_links=[AssociationFieldLink(field=field)],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# --- the mapping ---------------------------------------------------------------------------


def test_directory_has_the_strategys_ten_fields_and_culture_and_sport():
    for code in ("fi", "sv", "en"):
        assert directory_slugs(code) == {slug for slugs in OLD_CODES.values() for slug in slugs}
    names = dict(
        FieldOfActivity.objects.filter(locale__language_code="sv").values_list("slug", "name")
    )
    assert names["culture"] == "Kultur och konst" and names["sport"] == "Idrott och motion"
    order = list(
        FieldOfActivity.objects.filter(locale__language_code="fi").values_list("slug", flat=True)
    )
    assert order[-3:] == ["culture", "sport", "other"]


@pytest.mark.parametrize(("code", "slugs"), OLD_CODES.items())
def test_each_old_code_becomes_the_directorys_slugs(code, slugs):
    assert migration.directory_slugs([code]) == slugs
    assert set(slugs) <= directory_slugs()


def test_a_call_keeps_its_order_and_has_no_repeats():
    assert migration.directory_slugs(["international", "culture_sport", "other"]) == [
        "international",
        "culture",
        "sport",
        "other",
    ]
    assert migration.directory_slugs(["culture_sport", "culture_sport"]) == ["culture", "sport"]
    assert migration.old_codes(["culture", "village", "sport"]) == ["culture_sport", "village"]


def test_the_filter_column_is_what_saving_the_call_writes():
    call = SimpleNamespace(
        sub_regions=[],
        municipalities=["forssa"],
        applicant_types=["registered"],
        fields_of_activity=["culture", "sport"],
    )
    old = "|m:forssa|r:forssa-seutu|a:registered|f:culture_sport|"
    assert migration.tokens_with(old, ["culture", "sport"]) == funding_tokens(call)
    assert migration.tokens_with("|m:*|a:any|f:culture|", []) == "|m:*|a:any|f:*|"


def test_a_saved_search_gets_the_new_slugs_in_canonical_order():
    convert = migration.directory_slugs
    assert (
        migration.alert_query("status=open&field=culture_sport&field=village&region=x", convert)
        == "status=open&field=culture&field=sport&field=village&region=x"
    )
    assert migration.alert_query("q=kuoro&field=nature", convert) == "q=kuoro&field=nature"
    assert migration.alert_query("q=culture_sport", convert) == "q=culture_sport"


# --- through the site ------------------------------------------------------------------------


def test_a_migrated_culture_call_is_found_by_culture_and_shown_to_culture_associations(client):
    call = open_call("Teatterikesän kohdeavustus", ["village"])
    other = open_call("Kylätalojen korjausavustus", ["village"])
    store_as_before(call, ["culture_sport"])
    migration.forwards(apps, None)

    call.refresh_from_db()
    assert call.fields_of_activity == ["culture", "sport"]
    assert "|f:culture|f:sport|" in call.filter_tokens
    assert call.latest_revision.content["fields_of_activity"] == ["culture", "sport"]
    other.refresh_from_db()
    assert other.fields_of_activity == ["village"]

    # The funding index filtered by culture (or sport, or the old code of an old link).
    for query in ("field=culture", "field=sport", "field=culture_sport"):
        shown = titles(client, query)
        assert "Teatterikesän kohdeavustus" in shown, query
        assert "Kylätalojen korjausavustus" not in shown, query
    assert "Teatterikesän kohdeavustus" not in titles(client, "field=religion")

    # An association of the culture field sees the call on its profile, with a link to more.
    theatre = make_association("Forssan Teatteriyhdistys ry", "forssan-teatteriyhdistys", "culture")
    html = client.get(theatre.url).content.decode()
    section = next(part for part in html.split("<section") if "?field=culture" in part)
    assert call.url in section and "Teatterikesän kohdeavustus" in section
    assert "Kylätalojen korjausavustus" not in section
    assert f'href="{fi_index().url}?field=culture"' in section
    choir = make_association("Forssan Uskontoseura ry", "forssan-uskontoseura", "religion")
    assert "Teatterikesän kohdeavustus" not in client.get(choir.url).content.decode()


def test_a_deadline_feed_with_the_old_code_still_answers(client):
    index = fi_index()
    response = client.get(f"/fi/funding/{index.pk}/deadlines.ics?field=culture_sport")
    assert response.status_code == 200
    assert client.get(f"/fi/funding/{index.pk}/deadlines.ics?field=nonsense").status_code == 400


def test_field_names_come_from_the_directory_in_the_pages_language(client):
    page = FundingOpportunityPage.objects.get(
        slug="forssa-kulttuuriavustus", locale=Locale.objects.get(language_code="sv")
    )
    assert page.fields_of_activity == ["culture", "sport"]
    assert "Kultur och konst, Idrott och motion" in client.get(page.url).content.decode()
    index = FundingIndexPage.objects.get(locale__language_code="sv")
    html = client.get(index.url).content.decode()
    assert '<option value="culture">Kultur och konst</option>' in html
    assert "Kultur, idrott och unga" not in html


def test_an_alert_from_an_old_link_saves_the_new_slugs_and_names_them(client):
    index = fi_index()
    mail.outbox.clear()
    response = client.post(
        f"/fi/alerts/new/{index.pk}/",
        {"email": "aino@example.fi", "frequency": "weekly", "query": "field=culture_sport"},
    )
    assert response.status_code == 302
    assert SavedSearch.objects.get(email="aino@example.fi").query == "field=culture&field=sport"
    (message,) = mail.outbox
    assert "Kulttuuri ja taide, Liikunta ja urheilu" in message.body
