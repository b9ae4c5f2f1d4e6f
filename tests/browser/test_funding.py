"""Funding in a browser: a visitor finds calls closing within the coming month with the
keyboard alone, downloads the list as CSV, and subscribes to an email alert that they confirm
through the emailed link; and the funding pages have no accessibility violations in any
language."""

import csv
import datetime
import io
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from .helpers import LANGUAGES, assert_no_violations, tab_until

ZONE = ZoneInfo("Europe/Helsinki")
INDEX = "/{lang}/rahoitus/"


def listed_titles(page):
    return page.locator(".funding-layout__results .funding-card__title a").all_inner_texts()


def choose_by_keyboard(page, select, value):
    """Move the focused select down to `value`. Changing it reloads nothing (WCAG 3.2.2); the
    visitor asks for the results with the form's button."""
    for _ in range(6):
        if page.locator(select).input_value() == value:
            break
        page.keyboard.press("ArrowDown")
    else:
        raise AssertionError(f"{value!r} was not reached in {select}")
    assert page.locator(select).evaluate("el => el === document.activeElement")
    tab_until(page, ".funding-filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_visitor_finds_calls_closing_soon_downloads_them_and_subscribes(page, mailbox):
    page.goto(INDEX.format(lang="en"))
    tab_until(page, "#funding-deadline")
    choose_by_keyboard(page, "#funding-deadline", "30_days")
    assert re.search(r"[?&]deadline=30_days", page.url)

    # Every listed call closes within 30 days.
    titles = listed_titles(page)
    assert titles, "the demo has calls closing within 30 days"
    now = datetime.datetime.now(ZONE)
    deadlines = page.locator(
        ".funding-layout__results .funding-card__facts div:has(dt:text-is('Deadline')) time"
    )
    assert deadlines.count() == len(titles)
    for moment in deadlines.evaluate_all("els => els.map(el => el.getAttribute('datetime'))"):
        day = datetime.date.fromisoformat(moment[:10])
        assert now.date() <= day <= (now + datetime.timedelta(days=30)).date()

    # The CSV holds exactly the calls the page lists, in its order.
    tab_until(page, "a[download]", key="Shift+Tab")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    body = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][0] == "Title"
    assert [row[0] for row in rows[1:]] == titles

    # Subscribe to the same search, daily.
    tab_until(page, "#alert-signup-email")
    page.keyboard.type("keyboard.visitor@example.fi")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "alert-signup-frequency-weekly"
    page.keyboard.press("ArrowDown")
    assert page.locator("#alert-signup-frequency-daily").is_checked()
    tab_until(page, ".alert-signup button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/alerts/sent/")
    assert page.locator("h1").inner_text() == "Check your email"

    message = mailbox.latest(to="keyboard.visitor@example.fi")
    assert "Closes within 30 days" in message.text
    page.goto(message.links(contains="/alerts/confirm/")[0])
    tab_until(page, "main button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Your email alert is on." in page.locator("main").inner_text()
    assert "Closes within 30 days" in page.locator(".alert__search").inner_text()
    assert page.locator("#alert-frequency-daily").is_checked()


def alert_form_action(page, lang):
    page.goto(INDEX.format(lang=lang))
    return page.locator(".alert-signup form").get_attribute("action")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_funding_pages_have_no_accessibility_violations(page, lang):
    assert_no_violations(page, INDEX.format(lang=lang), expect_status=200)
    assert_no_violations(page, INDEX.format(lang=lang) + "?amount_min=abc&deadline=30_days")
    assert_no_violations(page, INDEX.format(lang=lang) + "stea-avustukset/", expect_status=200)
    assert_no_violations(page, INDEX.format(lang=lang) + "rahoitusopas/", expect_status=200)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_alert_pages_have_no_accessibility_violations(page, mailbox, lang):
    email = f"axe.{lang}@example.fi"
    form = alert_form_action(page, lang)
    assert_no_violations(page, form + "?instrument=project&joint=1", expect_status=200)
    # The form with errors.
    page.locator("#alert-email").fill("not an address")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert page.locator("#alert-email[aria-invalid=true]").count() == 1
    assert_no_violations(page)
    page.locator("#alert-email").fill(email)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert page.url.endswith(f"/{lang}/alerts/sent/")
    assert_no_violations(page)

    page.goto(mailbox.latest(to=email).links(contains="/alerts/confirm/")[0])
    assert_no_violations(page)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    manage = page.url
    assert_no_violations(page)
    assert_no_violations(page, manage + "unsubscribe/", expect_status=200)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert page.url.endswith(f"/{lang}/alerts/deleted/")
    assert_no_violations(page)
    # The used link now answers with a clear page.
    assert_no_violations(page, manage, expect_status=400)
