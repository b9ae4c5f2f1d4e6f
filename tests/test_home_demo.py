"""seed_demo is idempotent, and the demo users exist with the right roles."""

import io

import pytest

from django.core.management import call_command

from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from associations.models import AssociationPage

pytestmark = pytest.mark.django_db


def counts():
    return (Page.objects.count(), Revision.objects.count(), Translation.objects.count())


def test_seed_demo_twice_changes_nothing():
    before = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == before


def test_demo_users_and_groups(users):
    assert users["admin"].is_superuser
    assert users["editor"].groups.filter(name="Editors").exists()
    assert users["member"].groups.filter(name="Members").exists()
    assert not users["member"].is_superuser


def test_every_demo_page_has_swedish_and_english_versions():
    # Events gathered from a source exist in the languages the source writes them in (the
    # choir's calendar is in Finnish); editors translate them like any other page.
    from sources.models import ImportedEvent

    imported = ImportedEvent.objects.exclude(training=None).values("training_id")
    finnish = (
        Page.objects.filter(depth__gt=1, locale__language_code="fi").live().exclude(pk__in=imported)
    )
    for page in finnish:
        for language in ("sv", "en"):
            assert page.get_translations().filter(locale__language_code=language).exists(), (
                f"{page.title} lacks a {language} translation"
            )


def test_demo_is_searchable_and_pages_saved_afterwards_are_indexed_as_usual(client, home):
    """seed_demo indexes its pages in bulk at the end; afterwards each save indexes again."""
    from home.models import NewsIndexPage, NewsPage

    response = client.get("/fi/search/", {"q": "lausunto"})
    assert "Lausunto: yhdistysten toimitilat" in response.content.decode()
    news = NewsIndexPage.objects.child_of(home).get()
    page = NewsPage(
        title="Kesäteatterin talkoolaiset kiittävät",
        slug="talkoolaiset-kiittavat",
        summary="Kiitos kaikille kesän talkoisiin osallistuneille.",
    )
    news.add_child(instance=page)
    page.save_revision().publish()
    response = client.get("/fi/search/", {"q": "kesäteatterin"})
    assert "Kesäteatterin talkoolaiset kiittävät" in response.content.decode()


def test_demo_theatres_show_the_funding_calls_for_culture(client):
    theatre = (
        AssociationPage.objects.live()
        .filter(locale__language_code="en", slug__contains="harrastajateatteri")
        .first()
    )
    assert {link.field.slug for link in theatre.field_links.all()} == {"other", "culture"}
    response = client.get(theatre.url)
    assert response.status_code == 200
    assert "Funding calls for our fields" in response.content.decode()
