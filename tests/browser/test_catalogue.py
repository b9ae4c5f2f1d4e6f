"""Browser journeys and accessibility audits of the training catalogue: a newcomer finds a
training with the filters by keyboard alone, registers, confirms with the emailed link and cancels
through its link; axe finds nothing on the catalogue, the month view and a training page."""

import re

import pytest

from .helpers import LANGUAGES, assert_no_violations, focused_matches, tab_until

TRAINING = "koulutukset/kirjanpidon-perusteet/"
TRAINING_TITLE = "Yhdistyksen kirjanpidon perusteet"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_and_month_view_are_accessible(page, lang):
    assert_no_violations(page, f"/{lang}/koulutukset/", expect_status=200)
    assert_no_violations(page, f"/{lang}/koulutukset/?theme=talous&municipality=forssa")
    assert_no_violations(page, f"/{lang}/koulutukset/?view=month", expect_status=200)
    assert_no_violations(page, f"/{lang}/koulutukset/?from=2026-13-45&theme=nope")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_training_page_is_accessible(page, lang):
    assert_no_violations(page, f"/{lang}/{TRAINING}", expect_status=200)
    # With the registration form's errors shown.
    page.locator("#registration button[type=submit]").click()
    assert page.locator(".field__error").count() >= 1
    assert_no_violations(page)


def _wait_for_results(page, query_part):
    page.wait_for_url(re.compile(re.escape(query_part)))
    page.wait_for_load_state("load")


def test_find_register_and_cancel_by_keyboard(page, mailbox):
    # Backwards from the end of the page: the filters' own order puts the dates first, and
    # the harness's focus check would keep resetting a date field to its first part.
    page.goto("/fi/koulutukset/")
    # Municipality: typing the name chooses it in the focused list. Nothing reloads until the
    # visitor asks for the results (WCAG 3.2.2: changing a setting changes no context).
    tab_until(page, "#filter-municipality", max_tabs=200, key="Shift+Tab")
    page.keyboard.type("Forssa")
    assert page.locator("#filter-municipality").input_value() == "forssa"
    assert "municipality=" not in page.url
    # Theme: finances and accounting.
    tab_until(page, "#filter-theme-talous", max_tabs=200, key="Shift+Tab")
    page.keyboard.press("Space")
    assert "theme=" not in page.url
    tab_until(page, ".catalogue-filters button[type=submit]", max_tabs=200)
    page.keyboard.press("Enter")
    _wait_for_results(page, "theme=talous")
    assert "municipality=forssa" in page.url
    assert page.locator("#filter-theme-talous").is_checked()
    assert page.locator("#filter-municipality").input_value() == "forssa"
    results = page.locator(".catalogue__results")
    assert TRAINING_TITLE in results.inner_text()

    tab_until(page, f".catalogue__results a[href$='/{TRAINING}']", max_tabs=200, key="Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(TRAINING) + "$"))
    assert page.locator("h1").inner_text() == TRAINING_TITLE

    tab_until(page, "#registration-name", max_tabs=150)
    page.keyboard.type("Kaisa Näppäimistö")
    page.keyboard.press("Tab")
    assert focused_matches(page, "#registration-email")
    page.keyboard.type("kaisa.nappaimisto@example.fi")
    page.keyboard.press("Tab")
    page.keyboard.type("Forssan Martat ry")
    tab_until(page, "#registration-consent")
    page.keyboard.press("Space")
    tab_until(page, "#registration button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".message--success").count() == 1

    # The emailed link confirms the address, by keyboard too.
    email = mailbox.latest(to="kaisa.nappaimisto@example.fi")
    assert TRAINING_TITLE in email.subject or TRAINING_TITLE in email.text
    page.goto(email.links(contains="/confirm/?t=")[0])
    tab_until(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("main [role=status]").count() == 1

    email = mailbox.latest(to="kaisa.nappaimisto@example.fi")
    cancel_link = email.links(contains="/cancel/?t=")[0]

    page.goto(cancel_link)
    assert "Kaisa Näppäimistö" in page.locator("main").inner_text()
    tab_until(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("main [role=status]").count() == 1
    # The link still works afterwards, and says it was already done.
    page.goto(cancel_link)
    assert page.locator("main form").count() == 0
