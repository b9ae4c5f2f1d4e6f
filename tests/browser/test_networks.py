"""Networks in a browser: no accessibility violations on the network list, a network's page
and its join form (with errors too) in any language, and a member who asks, with the keyboard
alone, for their association to join a network; the coordinator gets the request by email,
and the page never shows the coordinator's address."""

import re

import pytest

from .helpers import LANGUAGES, arrow_to, assert_no_violations, log_in, press_and_wait, tab_to

NETWORKS = "/{lang}/verkostot/"
HML = NETWORKS + "hameenlinnan-seudun-jarjestoverkosto/"
RIIHIMAKI = NETWORKS + "riihimaen-seudun-jarjestoverkosto/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_network_pages_have_no_accessibility_violations(page, lang):
    assert_no_violations(page, NETWORKS.format(lang=lang), expect_status=200)
    assert_no_violations(page, NETWORKS.format(lang=lang) + "?municipality=forssa")
    assert_no_violations(page, HML.format(lang=lang), expect_status=200)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_join_form_and_its_errors_have_no_accessibility_violations(page, lang):
    log_in(page, "member")
    assert_no_violations(page, RIIHIMAKI.format(lang=lang), expect_status=200)
    with page.expect_navigation():
        page.locator("#network-join ~ form button[type=submit]").click()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert_no_violations(page)


def test_a_member_asks_to_join_a_network_by_keyboard(page, mailbox):
    log_in(page, "member")
    page.goto(RIIHIMAKI.format(lang="en"))
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", page.locator("main").inner_text())
    choices = page.locator("select[name=association] option")
    assert choices.count() >= 1
    tab_to(page, "select[name=association]")
    arrow_to(page, choices.last.get_attribute("value"))
    association = choices.last.inner_text()
    tab_to(page, "textarea[name=message]")
    page.keyboard.type("We run a village hall in Hattula and would like to join the meetings.")
    tab_to(page, "#network-join ~ form button[type=submit]")
    press_and_wait(page)
    assert page.locator(".message--success").is_visible()
    assert association in page.locator(".message--success").inner_text()
    message = mailbox.latest(to="riihimaki.verkosto@demo.meidanhame.fi")
    assert "would like to join the meetings" in message.text
