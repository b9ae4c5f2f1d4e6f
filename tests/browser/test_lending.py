"""Lending as people use it: accessible listings, space page and request form (with its
errors) in three languages; the journeys from a request to an approved, busy slot and from a
member's listing to the published equipment, with the mouse and with the keyboard alone."""

import datetime

import pytest

from .helpers import (
    LANGUAGES,
    arrow_to,
    assert_no_violations,
    log_in,
    press_and_wait,
    tab_to,
    tab_until,
    type_text,
)

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
    page.locator("main form button[type=submit]").click()
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
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/lainaus/varaus/**")
    mailbox.latest()
    approve = next(
        link
        for message in reversed(mailbox.all())
        for link in message.links(contains="/lainaus/paatos/")
    )
    page.goto(approve)
    page.locator("main form button[type=submit]").click()
    assert page.locator("h1").inner_text()
    monday = day - datetime.timedelta(days=day.weekday())
    page.goto(f"/fi/tilat/tila-1/?week={monday.isoformat()}")
    row = page.locator(f'time[datetime="{day.isoformat()}"]').locator("xpath=ancestor::tr")
    # The busy block is the booking with the space's preparation time before it (30 min).
    busy = row.locator(".availability__busy")
    assert busy.count() == 1
    assert "12:30–15:00" in busy.inner_text()


def test_filters_and_request_by_keyboard_only(page):
    """A keyboard user filters the spaces and sends a request (from a suggested-time link,
    which fills the date and times) with Tab, Space and Enter; focus shows on each control,
    the parts of date and time inputs included (`tab_to`)."""
    page.goto(INDEX["spaces"].format(lang="en"))
    tab_to(page, "#lf-access-step-free")
    page.keyboard.press("Space")
    tab_until(page, ".lending-filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**access=step-free**")
    assert page.locator(".lending-card").count() > 0
    log_in(page, "member")
    day = next_weekday(3, 70)
    page.goto(f"/en/tilat/tila-1/varaa/?date={day.isoformat()}&start=10:00&end=12:00")
    tab_to(page, "textarea[name=message]")
    page.keyboard.type("Board meeting")
    tab_until(page, "input[name=accept_terms]")
    page.keyboard.press("Space")
    tab_until(page, "form.form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/lainaus/varaus/**")
    assert "10:00" in page.locator("main").inner_text()


def _fill(page, values):
    """Fill a form by field name, whatever the widget (select, radio buttons or text)."""
    for name, value in values.items():
        field = page.locator(f"main form [name={name}]")
        kind = field.first.evaluate("el => el.tagName.toLowerCase() + ':' + (el.type || '')")
        if kind.startswith("select"):
            field.select_option(value)
        elif kind.endswith(":radio"):
            page.locator(f"main form [name={name}][value='{value}']").check()
        else:
            field.fill(value)


# Where the equipment listed in the journeys below appears once an editor approves it.
KITCHEN_IN_HATTULA = "/fi/lainattavat/?category=kitchen&municipality=hattula"


def equipment_form(title, summary):
    """The member's listing form for a kitchen item in Hattula, by field name."""
    return {
        "title": title,
        "category": "kitchen",
        "summary": summary,
        "max_loan_days": "4",
        "address": "Kylätie 5",
        "municipality": "hattula",
        "booking_mode": "request",
        "advance_days": "90",
        "price_mode": "free",
    }


def test_member_lists_equipment_editor_approves_it_appears_in_the_listing(
    page, browser, live_server_url
):
    title = "Juhlakahvinkeitin 100 kuppia"
    listing = KITCHEN_IN_HATTULA
    log_in(page, "member")
    page.goto("/fi/tili/")
    page.get_by_role("link", name="Hattulan Omaishoitajat ry").click()
    page.locator("a[href*='/lainaus/yhdistys/']").first.click()
    page.locator("a.button[href$='/uusi/valine/']").click()
    _fill(
        page,
        {**equipment_form(title, "Iso kahvinkeitin juhliin ja talkoisiin."), "quantity": "1"},
    )
    page.locator("main form button[type=submit]").last.click()
    assert page.locator(".message--success").count() == 1
    page.goto(listing)
    assert title not in page.locator("main").inner_text()  # waits for an editor

    editor = browser.new_context(base_url=live_server_url).new_page()
    log_in(editor, "editor")
    editor.goto("/admin/")
    row = editor.locator("tr", has_text=title).first
    row.locator("button[aria-haspopup], button[aria-expanded]").first.click()
    approve = row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
    with editor.expect_navigation():
        approve.first.click()
    editor.context.close()

    page.goto(listing)
    card = page.locator(".lending-card", has_text=title)
    assert card.count() == 1
    card.locator("a").first.click()
    assert page.locator("h1").inner_text() == title
    assert_no_violations(page)


def fill_by_keyboard(page, values):
    """Fill a form field by field, in the page's order, with Tab, typing and the arrow keys."""
    for name, value in values.items():
        tab_to(page, f"main form [name={name}]")
        if page.evaluate("() => document.activeElement.matches('select, [type=radio]')"):
            arrow_to(page, value)
        else:
            type_text(page, value)


def test_member_lists_equipment_editor_approves_it_by_keyboard_only(page, browser, live_server_url):
    """The listing journey above with Tab, Enter, Space, typing and the arrow keys: from the
    member's account to the association, its lending page and the form; the editor approves on
    the admin dashboard; the member finds the equipment with the filters."""
    title = "Retkikeitin 30 hengelle"
    log_in(page, "member")
    page.goto("/fi/tili/")
    tab_to(page, page.get_by_role("link", name="Hattulan Omaishoitajat ry"))
    press_and_wait(page)
    tab_to(page, "main a[href*='/lainaus/yhdistys/']")
    press_and_wait(page)
    tab_to(page, "main a.button[href$='/uusi/valine/']")
    press_and_wait(page)
    fill_by_keyboard(page, equipment_form(title, "Kaasukeitin ja kattila retkille ja talkoisiin."))
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    assert page.locator(".message--success").count() == 1
    page.goto(KITCHEN_IN_HATTULA)
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

    page.goto(INDEX["equipment"].format(lang="fi"))
    tab_to(page, "#lf-category")
    arrow_to(page, "kitchen")
    tab_to(page, "#lf-municipality")
    arrow_to(page, "hattula")
    tab_to(page, ".lending-filters button[type=submit]")
    press_and_wait(page)
    assert "category=kitchen" in page.url and "municipality=hattula" in page.url
    tab_to(page, page.locator(".lending-card a", has_text=title))
    press_and_wait(page)
    assert page.locator("h1").inner_text() == title


def test_owner_approves_by_email_link_by_keyboard_only_and_slot_shows_busy(
    page, browser, live_server_url, mailbox
):
    """A member asks for a space (from a suggested-time link, which fills the date and times);
    the owner opens the emailed link in their own browser, where no one is logged in, and
    approves with a word to the requester by keyboard; the week view shows the slot busy."""
    log_in(page, "member")
    day = next_weekday(1, 80)
    page.goto(f"/fi/tilat/tila-1/varaa/?date={day.isoformat()}&start=17:00&end=19:00")
    fill_by_keyboard(page, {"message": "Kuoron harjoitus"})
    tab_to(page, "input[name=accept_terms]")
    page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    assert "/lainaus/varaus/" in page.url

    mailbox.latest()
    approve = next(
        link
        for message in reversed(mailbox.all())
        for link in message.links(contains="/lainaus/paatos/")
        if "Kuoron harjoitus" in message.text
    )
    owner = browser.new_context(base_url=live_server_url).new_page()
    owner.goto(approve)
    assert owner.locator("h1").inner_text() == "Hyväksy pyyntö"
    assert "Kuoron harjoitus" in owner.locator("main").inner_text()
    reason = "Tervetuloa! Avain on lokerossa 3."
    fill_by_keyboard(owner, {"reason": reason})
    tab_to(owner, "main form button[type=submit]")
    press_and_wait(owner)
    assert owner.locator("h1").inner_text() == "Pyyntö on hyväksytty"
    owner.context.close()
    assert any(reason in message.text for message in mailbox.all())

    monday = day - datetime.timedelta(days=day.weekday())
    page.goto(f"/fi/tilat/tila-1/?week={monday.isoformat()}")
    row = page.locator(f'time[datetime="{day.isoformat()}"]').locator("xpath=ancestor::tr")
    # The busy block is the booking with the space's preparation time before it (30 min).
    busy = row.locator(".availability__busy")
    assert busy.count() == 1
    assert "16:30–19:00" in busy.inner_text()
