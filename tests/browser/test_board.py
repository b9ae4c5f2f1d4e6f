"""The cooperation board in a browser: no accessibility violations on the board, a listing
and its contact form (with errors too) in any language, and a visitor who answers a volunteer
listing with the keyboard alone; the association's admins get the message, never the page
the visitor's address."""

import re

import pytest

from .helpers import LANGUAGES, assert_no_violations, tab_until

BOARD = "/{lang}/yhteistyo/"
VOLUNTEERS = BOARD + "nuorten-disco-vapaaehtoiset/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_board_pages_have_no_accessibility_violations(page, lang):
    assert_no_violations(page, BOARD.format(lang=lang), expect_status=200)
    assert_no_violations(page, BOARD.format(lang=lang) + "?kind=volunteers&q=disko")
    assert_no_violations(page, VOLUNTEERS.format(lang=lang), expect_status=200)
    # The contact form with its errors.
    with page.expect_navigation():
        page.locator("#contact-title ~ form button[type=submit]").click()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert_no_violations(page)


def test_a_visitor_answers_a_volunteer_listing_by_keyboard(page, mailbox):
    page.goto(VOLUNTEERS.format(lang="en"))
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", page.locator("main").inner_text())
    tab_until(page, "#contact-title ~ form input[name=name]")
    page.keyboard.type("Aino Virtanen")
    page.keyboard.press("Tab")
    page.keyboard.type("aino.virtanen@example.fi")
    page.keyboard.press("Tab")
    page.keyboard.type("I can help at the disco on Friday evening, from six to ten.")
    tab_until(page, "#contact-title ~ form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".message--success").is_visible()
    message = mailbox.latest()
    assert "I can help at the disco" in message.text
