"""The site search in a browser: no accessibility violations with results, facets and
"did you mean" in any language, and suggestions used with the keyboard alone."""

import pytest

from .helpers import LANGUAGES, assert_no_violations

WORDS = {"fi": "koulutuksia", "sv": "föreningarnas", "en": "trainnig"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_pages_have_no_accessibility_violations(page, lang):
    assert_no_violations(page, f"/{lang}/search/?q={WORDS[lang]}", expect_status=200)
    assert_no_violations(page, f"/{lang}/search/?q={WORDS[lang]}&type=training&upcoming=1")
    assert_no_violations(page, f"/{lang}/search/?q=qzxwvkjh")


def test_suggestions_are_chosen_with_the_keyboard(page):
    page.goto("/fi/search/")
    box = page.locator("#search-q")
    box.focus()
    page.keyboard.type("kirjanpid")
    options = page.locator("#search-suggestions [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_no_violations(page)
    page.keyboard.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    title = first.locator(".search-suggestions__title").inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == title


def test_escape_closes_the_suggestions_and_enter_searches(page):
    page.goto("/en/search/")
    page.locator("#search-q").focus()
    page.keyboard.type("budget")
    page.locator("#search-suggestions [role=option]").first.wait_for()
    page.keyboard.press("Escape")
    assert page.locator("#search-suggestions").is_hidden()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=budget" in page.url
