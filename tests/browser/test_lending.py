"""Lending as people use it: accessible listings, space page and request form (with its
errors) in three languages, and the journey from a request to an approved, busy slot."""

import datetime

import pytest

from .helpers import LANGUAGES, assert_no_violations, log_in

INDEX = {"spaces": "/{lang}/tilat/", "equipment": "/{lang}/lainattavat/"}


def first_space_url(page, lang):
    page.goto(INDEX["spaces"].format(lang=lang))
    return page.locator(".lending-card a").first.get_attribute("href")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listings_are_accessible(page, lang):
    assert_no_violations(page, INDEX["spaces"].format(lang=lang))
    assert_no_violations(page, INDEX["equipment"].format(lang=lang))
    assert_no_violations(page, INDEX["spaces"].format(lang=lang) + "?capacity=abc&access=loop")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_space_page_and_request_form_with_errors_are_accessible(page, lang):
    url = first_space_url(page, lang)
    assert_no_violations(page, url)
    log_in(page, "member")
    page.goto(url + "varaa/")
    page.locator("button[type=submit]").click()
    assert page.locator(".errorlist").count() > 0
    assert_no_violations(page)


def next_weekday(weekday, days_ahead=30):
    day = datetime.date.today() + datetime.timedelta(days=days_ahead)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return day


def test_member_requests_owner_approves_by_email_link_and_slot_shows_busy(page, mailbox):
    log_in(page, "member")
    page.goto("/fi/tilat/tila-1/")
    page.goto("/fi/tilat/tila-1/varaa/")
    day = next_weekday(2, 60)
    page.locator("select[name=association]").select_option(index=0)
    page.locator("input[name=date]").fill(day.isoformat())
    page.locator("input[name=start]").fill("13:00")
    page.locator("input[name=end]").fill("15:00")
    page.locator("textarea[name=message]").fill("Hallituksen kokous")
    page.locator("input[name=accept_terms]").check()
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/lainaus/varaus/**")
    mailbox.latest()
    approve = next(
        link
        for message in reversed(mailbox.all())
        for link in message.links(contains="/lainaus/paatos/")
    )
    page.goto(approve)
    page.locator("button[type=submit]").click()
    assert page.locator("h1").inner_text()
    monday = day - datetime.timedelta(days=day.weekday())
    page.goto(f"/fi/tilat/tila-1/?week={monday.isoformat()}")
    row = page.locator(f'time[datetime="{day.isoformat()}"]').locator("xpath=ancestor::tr")
    assert "13:00" in row.inner_text()
    assert row.locator(".availability__busy").count() == 1
