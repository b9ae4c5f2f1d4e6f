"""Rendering in three languages, the language switcher, sitemap, health, errors."""

import re

import pytest

from django.conf import settings
from django.test import override_settings

from wagtail.models import Locale, Page

from home.models import (
    AccessibilityStatementPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

pytestmark = pytest.mark.django_db

PAGE_TYPES = [HomePage, StandardPage, NewsIndexPage, NewsPage, AccessibilityStatementPage]


@pytest.mark.parametrize("page_class", PAGE_TYPES)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_type_renders_in_every_language(client, page_class, language):
    page = page_class.objects.filter(locale__language_code=language).live().first()
    assert page is not None, f"the demo has a {page_class.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert page.title in html


def test_translations_have_translated_content(client):
    response = client.get("/sv/tietoa-palvelusta/")
    assert "Om tjänsten" in response.content.decode()
    assert "Vanliga frågor" in response.content.decode()
    response = client.get("/en/tietoa-palvelusta/")
    assert "Frequently asked questions" in response.content.decode()


def test_language_switcher_links_to_the_same_page_in_other_languages(client):
    html = client.get("/fi/ajankohtaista/lausunto-toimitilat/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/sv/ajankohtaista/lausunto-toimitilat/"' in switcher
    assert 'href="/en/ajankohtaista/lausunto-toimitilat/"' in switcher
    # The alternates are absolute from BASE_URL, whatever host the request named.
    alternate = f"{settings.BASE_URL}/sv/ajankohtaista/lausunto-toimitilat/"
    assert f'hreflang="sv" href="{alternate}"' in html


def test_language_switcher_says_when_a_translation_is_missing(client, home):
    page = StandardPage(title="Vain suomeksi", slug="vain-suomeksi")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/fi/vain-suomeksi/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/sv/"' in switcher  # goes to the Swedish front page instead
    assert "not translated" in switcher or "käännetty" in switcher


def test_sitemap_lists_every_page_in_all_three_languages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    pages = Page.objects.live().public().filter(depth__gt=1)
    for page in pages:
        assert f"<loc>{page.full_url}</loc>" in xml
    for language in ["fi", "sv", "en"]:
        assert f"/{language}/ajankohtaista/" in xml
    assert pages.filter(locale__language_code="sv").count() > 5


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert f"Sitemap: {settings.BASE_URL}/sitemap.xml" in response.content.decode()


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "up"


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.parametrize(
    "url", ["/fi/ei-ole-olemassa/", "/sv/finns-inte/", "/en/ajankohtaista/nothing-here/"]
)
def test_unknown_page_gets_the_friendly_404_in_the_active_language(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<main id="main"' in html
    language = url.split("/")[1]
    assert f'<html lang="{language}">' in html


def test_unknown_language_prefix_is_not_a_server_error(client):
    response = client.get("/xx/jotain/", follow=True)
    assert response.status_code == 404


@override_settings(DEBUG=False)
def test_server_error_page_renders_without_the_database(client):
    from django.test import RequestFactory

    from home.views import server_error

    response = server_error(RequestFactory().get("/fi/"))
    assert response.status_code == 500
    assert "Meidän Häme" in response.content.decode()


def test_site_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"fi", "sv", "en"}


def test_base_template_landmarks_and_skip_link(client):
    html = client.get("/fi/").content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert "<header" in html and "<footer" in html and '<main id="main"' in html
    assert 'aria-label="Päävalikko"' in html or 'aria-label="Main"' in html
    assert "Saavutettavuusseloste" in html  # footer link, in Finnish
