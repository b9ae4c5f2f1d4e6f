"""A member publishes their association's event: the form is accessible in three languages
(with its errors too), and the whole journey goes by keyboard alone, from the member's
account to the form, an editor's approval on the admin dashboard and the event in the
catalogue."""

import datetime

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

ASSOCIATION = "Hattulan Omaishoitajat ry"


def new_event_url(page, lang):
    """The new-event form of the demo member's association, in `lang`."""
    page.goto("/fi/tili/")
    page.get_by_role("link", name=ASSOCIATION).click()
    href = page.locator("main a[href*='/tapahtumat/uusi/']").first.get_attribute("href")
    return f"/{lang}/" + href.split("/", 2)[2]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_form_and_its_errors_are_accessible(page, lang):
    log_in(page, "member")
    url = new_event_url(page, lang)
    assert_no_violations(page, url)
    page.locator("main form button[type=submit]:not([name]):not([hidden])").click()
    assert page.locator(".errorlist").count() > 0
    assert_no_violations(page)


def type_date(page, day):
    """Type a date into the focused date input, its parts in the order the browser shows
    them: the headless browser's own (US) order, whatever the page's language. Returns
    whether the browser shows times on a 12-hour clock too."""
    page.keyboard.type(day.strftime("%d%m%Y"))
    us_order = page.evaluate("() => document.activeElement.value") != day.isoformat()
    if us_order:
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type(day.strftime("%m%d%Y"))
    assert page.evaluate("() => document.activeElement.value") == day.isoformat()
    return us_order


def type_time(page, hour, minute, twelve_hour):
    """Type a time into the focused time input (with AM/PM on a 12-hour clock)."""
    if twelve_hour:
        text = f"{(hour - 1) % 12 + 1:02d}{minute:02d}" + ("P" if hour >= 12 else "A")
    else:
        text = f"{hour:02d}{minute:02d}"
    page.keyboard.type(text)
    assert page.evaluate("() => document.activeElement.value") == f"{hour:02d}:{minute:02d}"


def test_member_publishes_an_event_by_keyboard_only(page, browser, live_server_url):
    title = "Näppäimistöllä tehty kyläilta"
    day = datetime.date.today() + datetime.timedelta(days=30)
    log_in(page, "member")
    page.goto("/fi/tili/")
    tab_to(page, page.get_by_role("link", name=ASSOCIATION))
    press_and_wait(page)
    tab_to(page, "main a.button[href$='/tapahtumat/uusi/']")
    press_and_wait(page)

    tab_to(page, "main form [name=title]")
    type_text(page, title)
    tab_to(page, "main form [name=summary]")
    type_text(page, "Kyläilta kaikille hattulalaisille yhdistysväelle.")
    tab_to(page, "main form [name=themes][value=vapaaehtoiset]")
    check_by_keyboard(page)
    tab_to(page, "main form [name='sessions-0-date']")
    twelve_hour = type_date(page, day)
    tab_to(page, "main form [name='sessions-0-start']")
    type_time(page, 18, 0, twelve_hour)
    tab_to(page, "main form [name='sessions-0-end']")
    type_time(page, 20, 0, twelve_hour)
    tab_to(page, "main form [name=venue]")
    type_text(page, "Hattulan seurakuntatalo")
    tab_to(page, "main form [name=street_address]")
    type_text(page, "Kirkkotie 2")
    tab_to(page, "main form [name=municipality]")
    arrow_to(page, "hattula")
    tab_to(page, "main form [name=registration_mode]")
    arrow_to(page, "built_in")
    tab_to(page, "main form [name=capacity]")
    type_text(page, "40")
    tab_to(page, "main form [name=accessibility_info]")
    type_text(page, "Esteetön sisäänkäynti pihan puolelta.")
    tab_to(page, "main form [name=title_en]")
    type_text(page, "Village evening made by keyboard")
    tab_to(page, "main form [name=summary_en]")
    type_text(page, "A village evening for all association people in Hattula.")
    tab_to(page, "main form button[type=submit]:not([name])")
    press_and_wait(page)
    assert page.locator(".message--success").count() == 1
    assert title in page.locator("main").inner_text()
    page.goto("/fi/koulutukset/?municipality=hattula")
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

    page.goto("/fi/koulutukset/?municipality=hattula")
    tab_to(page, page.locator("main a", has_text=title).first)
    press_and_wait(page)
    assert page.locator("h1").inner_text() == title
    assert "Kirkkotie 2" in page.locator("main").inner_text()
    page.goto("/en/koulutukset/?municipality=hattula")
    assert "Village evening made by keyboard" in page.locator("main").inner_text()
