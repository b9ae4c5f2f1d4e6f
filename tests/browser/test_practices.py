"""The good-practice library in a browser: no accessibility violations on the library, a
practice and the member's form (with its errors) in any language, and the journey from a
member's practice to the published one with the keyboard alone: the member writes it from the
association's page, an editor approves it on the admin dashboard, and it is in the library."""

import re

import pytest

from .helpers import (
    LANGUAGES,
    arrow_to,
    assert_no_violations,
    check_by_keyboard,
    log_in,
    press_and_wait,
    tab_to,
    type_text,
)

LIBRARY = {"fi": "/fi/hyvat-kaytannot/", "sv": "/sv/goda-exempel/", "en": "/en/good-practices/"}
NEW_PRACTICE = "main a.button[href*='/kaytantokirjasto/'][href$='/uusi/']"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_library_and_practice_pages_have_no_accessibility_violations(page, lang):
    assert_no_violations(page, LIBRARY[lang], expect_status=200)
    assert_no_violations(page, LIBRARY[lang] + "?readiness=1&q=a")
    href = page.locator(".lending-card a").first.get_attribute("href")
    assert_no_violations(page, href, expect_status=200)
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", page.locator("main").inner_text())
    # The contact form with its errors.
    with page.expect_navigation():
        page.locator("#contact-title ~ form button[type=submit]").click()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_members_form_has_no_accessibility_violations(page, lang):
    log_in(page, "member")
    page.goto(f"/{lang}/tili/")
    page.get_by_role("link", name="Hattulan Omaishoitajat ry").click()
    page.locator(NEW_PRACTICE).click()
    assert_no_violations(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert_no_violations(page)
    # The association's own list of its practices, with their states.
    with page.expect_navigation():
        page.locator("main a[href*='/kaytantokirjasto/yhdistys/']:not(.button)").last.click()
    assert page.locator("main table").count() == 1
    assert_no_violations(page)


def test_member_submits_a_practice_and_editor_approves_it_by_keyboard_only(
    page, browser, live_server_url
):
    title = "Kylätalon yhteinen avainvuorolista"
    log_in(page, "member")
    page.goto("/fi/tili/")
    tab_to(page, page.get_by_role("link", name="Hattulan Omaishoitajat ry"))
    press_and_wait(page)
    tab_to(page, NEW_PRACTICE)
    press_and_wait(page)
    texts = {
        "title": title,
        "summary": "Neljä yhdistystä jakaa kylätalon avaimet yhteisellä vuorolistalla.",
        "for_whom": "Yhdistyksille, jotka käyttävät samaa kylätaloa.",
        "how_text": "Teimme yhteisen kalenterin.\n\nAvain kulkee vuorolistan mukaan.",
        "cost": "Ei mitään.",
        "learned": "Selkeä vuorolista vähentää puheluita.",
        "contact_name": "Anna Laine",
        "contact_role": "kylätalon isäntä",
    }
    for name, value in texts.items():
        tab_to(page, f"main form [name={name}]")
        if "\n" in value:
            first, second = value.split("\n\n")
            page.keyboard.type(first)
            page.keyboard.press("Enter")
            page.keyboard.press("Enter")
            page.keyboard.type(second)
        else:
            type_text(page, value)
    tab_to(page, "main form [name=themes][value=joint-projects]")
    check_by_keyboard(page)
    tab_to(page, "main form [name=fields_of_activity][value=village]")
    check_by_keyboard(page)
    tab_to(page, "main form [name=municipality]")
    arrow_to(page, "hattula")
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    assert page.locator(".message--success").count() == 1
    page.goto(LIBRARY["fi"])
    assert title not in page.locator("main").inner_text()  # waits for an editor

    editor = browser.new_context(base_url=live_server_url).new_page()
    log_in(editor, "editor")
    editor.goto("/admin/")
    row = editor.locator("tr", has_text=title).first
    tab_to(editor, row.locator("button[aria-haspopup], button[aria-expanded]"))
    editor.keyboard.press("Enter")
    tab_to(
        editor,
        row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])"),
    )
    press_and_wait(editor)
    assert editor.locator("tr", has_text=title).count() == 0  # no longer awaits review
    editor.context.close()

    page.goto(LIBRARY["fi"])
    tab_to(page, "#pf-municipality-hattula")
    check_by_keyboard(page)
    tab_to(page, ".lending-filters button[type=submit]")
    press_and_wait(page)
    assert "municipality=hattula" in page.url
    tab_to(page, page.locator(".lending-card a", has_text=title))
    press_and_wait(page)
    assert page.locator("h1").inner_text() == title
    assert "Avain kulkee vuorolistan mukaan." in page.locator("main").inner_text()
