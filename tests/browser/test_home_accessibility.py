"""Accessibility audit of every page type of the home app in Finnish, Swedish and English:
axe-core's WCAG 2.1 A and AA rules, zero violations. Screenshots at phone and desktop widths on
the way."""

import pytest

from .helpers import LANGUAGES, assert_no_violations, assert_reflows, screenshot

# Finnish paths; the other languages are reached through the page's hreflang alternates, so the
# audit follows whatever slugs the translations have.
PAGES = {
    "home": "/fi/",
    "standard": "/fi/tietoa-palvelusta/",
    "news-index": "/fi/ajankohtaista/",
    "news": "/fi/ajankohtaista/jarjestostrategia-paivitetaan/",
    "accessibility-statement": "/fi/saavutettavuusseloste/",
}
SEARCH_WORDS = {"fi": "järjestöfoorumi", "sv": "organisationsforumet", "en": "forum"}


def translated_url(page, fi_path, lang):
    if lang == "fi":
        return fi_path
    page.goto(fi_path)
    href = page.locator(f'link[rel=alternate][hreflang="{lang}"]').get_attribute("href")
    assert href, f"{fi_path} has no {lang} alternate"
    return href


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_accessibility_violations(page, name, lang):
    url = translated_url(page, PAGES[name], lang)
    assert_no_violations(page, url, expect_status=200)
    screenshot(page, f"{name}-{lang}")
    assert_reflows(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_have_no_accessibility_violations(page, lang):
    assert_no_violations(page, f"/{lang}/search/?q={SEARCH_WORDS[lang]}", expect_status=200)
    assert page.locator(".search-results li").count() > 0
    screenshot(page, f"search-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_empty_search_message_has_no_accessibility_violations(page, lang):
    assert_no_violations(page, f"/{lang}/search/?q=", expect_status=200)
    assert page.locator(".notice").count() == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_not_found_page_has_no_accessibility_violations(page, lang):
    assert_no_violations(page, f"/{lang}/ei-ole-olemassa/", expect_status=404)
    assert page.locator("h1").count() == 1
    screenshot(page, f"not-found-{lang}")
