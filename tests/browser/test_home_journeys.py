"""The home app's journeys as a visitor makes them: switching language, searching, and moving
around with the keyboard alone."""

import re

import pytest

from .helpers import assert_focus_visible, focus_indicator, focused_matches, tab_until

NEWS_TITLES = {
    "fi": "Järjestöfoorumi kokoaa maakunnan yhdistykset Forssaan",
    "sv": "Organisationsforumet samlar landskapets föreningar i Forssa",
}
SEARCH_WORDS = {"fi": "järjestöfoorumi", "sv": "organisationsforumet"}
NEWS_INDEX_PATHS = {"fi": "/fi/ajankohtaista/", "sv": "/sv/ajankohtaista/"}


def alternate_url(page, lang):
    """The page's own hreflang alternate for `lang`, as an absolute URL."""
    return page.locator(f'link[rel=alternate][hreflang="{lang}"]').get_attribute("href")


@pytest.mark.parametrize(
    ("start", "target"),
    [("fi", "sv"), ("sv", "fi"), ("fi", "en")],
)
def test_language_switcher_goes_to_the_same_page_in_the_other_language(page, start, target):
    page.goto("/fi/tietoa-palvelusta/")
    if start != "fi":
        page.goto(alternate_url(page, start))
    expected = alternate_url(page, target)
    assert expected, f"the page has no {target} translation to switch to"

    page.locator(f'.language-switcher a[hreflang="{target}"]').click()

    assert page.url == expected
    assert page.locator("html").get_attribute("lang") == target
    current = page.locator(".language-switcher [aria-current]")
    assert current.get_attribute("lang") == target
    # Still the same page: its breadcrumb trail and the way back to where we started.
    assert page.locator(".breadcrumbs").count() == 1
    assert page.locator(f'.language-switcher a[hreflang="{start}"]').count() == 1


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_site_search_finds_a_news_item(page, lang):
    page.goto(f"/{lang}/")
    page.locator("#site-search-q").fill(SEARCH_WORDS[lang])
    page.locator("#site-search-q").press("Enter")

    page.wait_for_url(re.compile(rf"/{lang}/search/\?q="))
    result = page.locator(".search-results a", has_text=NEWS_TITLES[lang])
    assert result.count() == 1
    result.click()

    assert page.locator("h1").inner_text() == NEWS_TITLES[lang]
    assert NEWS_INDEX_PATHS[lang] in page.url


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_tab_reaches_skip_link_first_and_enter_moves_focus_to_main(page, lang):
    page.goto(f"/{lang}/tietoa-palvelusta/" if lang == "fi" else f"/{lang}/")
    page.keyboard.press("Tab")

    assert focused_matches(page, "a.skip-link")
    assert_focus_visible(page)
    box = page.locator("a.skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] >= 24, "the focused skip link is not on screen"

    page.keyboard.press("Enter")
    assert focused_matches(page, "main#main")
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main, footer')")


@pytest.mark.parametrize(
    "path",
    ["/fi/", "/fi/tietoa-palvelusta/", "/fi/ajankohtaista/", "/fi/search/?q=järjestöfoorumi"],
)
def test_every_element_reached_by_tab_shows_focus(page, path):
    page.goto(path)
    seen = []
    for _ in range(100):
        page.keyboard.press("Tab")
        indicator = focus_indicator(page)
        if indicator is None or indicator.element in seen[:1]:
            break  # past the last element (focus left the page) or round to the first again
        assert indicator.is_visible, (
            f"No visible focus on {indicator.element}\n"
            f"focused: {indicator.focused}\nunfocused: {indicator.unfocused}"
        )
        seen.append(indicator.element)
    else:
        pytest.fail(f"Tab never left {path} in 100 presses")
    # Header, navigation, search, content and footer all take part.
    assert len(seen) >= 10, seen


def test_main_navigation_works_by_keyboard(page):
    page.goto("/fi/")
    tab_until(page, '.main-nav__list a[href="/fi/ajankohtaista/"]')
    page.keyboard.press("Enter")

    page.wait_for_url("**/fi/ajankohtaista/")
    assert (
        page.locator('.main-nav__list a[href="/fi/ajankohtaista/"]').get_attribute("aria-current")
        == "page"
    )
    # And on into a news item, still by keyboard.
    tab_until(page, "main a[href^='/fi/ajankohtaista/'][href$='/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fi/ajankohtaista/[^/]+/$"))
    assert page.locator(".breadcrumbs a", has_text="Ajankohtaista").count() == 1


def test_site_search_works_by_keyboard(page):
    page.goto("/sv/")
    tab_until(page, "#site-search-q")
    page.keyboard.type(SEARCH_WORDS["sv"])
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/sv/search/\?q="))
    tab_until(page, ".search-results a")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == NEWS_TITLES["sv"]


def test_editor_resets_a_forgotten_password_through_the_emailed_link(page, mailbox):
    page.goto("/admin/password_reset/")
    page.locator("input[name=email]").fill("editor@demo.meidanhame.fi")
    page.locator("form button[type=submit], form input[type=submit]").first.click()

    message = mailbox.latest(to="editor@demo.meidanhame.fi")
    link = message.links(contains="/admin/password_reset/confirm/")[0]
    page.goto(link)

    assert page.locator("input[name=new_password1]").count() == 1
    assert page.locator("input[name=new_password2]").count() == 1
