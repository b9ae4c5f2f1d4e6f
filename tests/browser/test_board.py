"""The cooperation board in a browser: no accessibility violations on the board, a listing
and its contact form (with errors too) in any language, and a visitor who answers a volunteer
listing with the keyboard alone; the association's admins get the message, never the page
the visitor's address."""

import datetime
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
    tab_until,
    type_text,
)

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


def test_a_member_asks_for_help_and_an_editor_approves_it_by_keyboard(
    page, browser, live_server_url, mailbox
):
    """With Tab, typing, the arrow keys and Enter only: the member goes from their account to
    the association's board section and asks for help; the listing waits for an editor, who
    approves it on the admin dashboard; then it is on the board, and the member is emailed."""
    title = "Apua kevään avustushakemukseen"
    expires = same_day_and_month_after(datetime.date.today() + datetime.timedelta(days=14))
    log_in(page, "member")
    page.goto("/fi/tili/")
    tab_to(page, page.get_by_role("link", name="Hattulan Omaishoitajat ry"))
    press_and_wait(page)
    tab_to(page, "main a.button[href*='/ilmoitustaulu/yhdistys/'][href$='/uusi/']")
    press_and_wait(page)
    fill_by_keyboard(
        page,
        {
            "title": title,
            "kind": "help-wanted",
            "summary": "Etsimme kokenutta hakijaa lukemaan hakemuksemme ennen jättämistä.",
            "description": "Hakemus on valmis maaliskuussa. Tapaaminen Hattulassa tai etänä.",
            "municipality": "hattula",
        },
    )
    tab_to(page, "main form [name=expires_on]")
    page.keyboard.type(expires.strftime("%d%m%Y"))
    assert page.locator("main form [name=expires_on]").input_value() == expires.isoformat()
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    assert page.locator(".message--success").count() == 1
    page.goto(BOARD.format(lang="fi") + "?kind=help-wanted")
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

    page.goto(BOARD.format(lang="fi"))
    tab_to(page, "#bf-kind-help-wanted")
    check_by_keyboard(page)
    tab_to(page, ".lending-filters button[type=submit]")
    press_and_wait(page)
    tab_to(page, page.locator(".lending-card a", has_text=title))
    press_and_wait(page)
    assert page.locator("h1").inner_text() == title
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", page.locator("main").inner_text())
    mailbox.latest(timeout=10)
    assert any(title in m.subject + m.text for m in mailbox.all())  # the member is told
    assert_no_violations(page)


def same_day_and_month_after(day):
    """The first date from `day` on whose day and month are the same number (3.3., 4.4.), so
    typing it into a date input gives the same date whether the browser orders the parts
    day-month or month-day; there is one in every month, so it is within the six months."""
    while day.day != day.month:
        day += datetime.timedelta(days=1)
    return day


def fill_by_keyboard(page, values):
    """Fill a form field by field, in the page's order, with Tab, typing and the arrow keys."""
    for name, value in values.items():
        tab_to(page, f"main form [name={name}]")
        if page.evaluate("() => document.activeElement.matches('select, [type=radio]')"):
            arrow_to(page, value)
        else:
            type_text(page, value)
