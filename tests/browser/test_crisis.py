"""Crisis mode in the browser: accessibility of the situation pages, the board and the report
form with errors, and the journey from declaring a situation to an association's report, with
the mouse and with the keyboard alone."""

import datetime
import os
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import pytest

from tests.browser.helpers import (
    DEMO_PASSWORDS,
    LANGUAGES,
    arrow_to,
    assert_no_violations,
    check_by_keyboard,
    log_in,
    press_and_wait,
    tab_to,
    type_text,
)

from .conftest import REPO_DIR

INDEX = "poikkeustilanteet/"
PAST = INDEX + "vesikatkoharjoitus-2026/"
DEMO = INDEX + "sahkokatko-demo/"
# The server caches the notices for a minute; a command in another process cannot clear it.
NOTICE_WAIT = 75
ZONE = ZoneInfo("Europe/Helsinki")
# The admin's button that opens the menu holding "Publish".
PUBLISH_MENU = ".w-dropdown:has(button[name=action-publish]) button.w-dropdown__toggle"


@pytest.fixture(scope="session")
def crisis_active(live_server_url, server_dir, mail_dir):
    """Declare the demo situation on the browser server's database (an editor's command)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "meidanhame.settings",
        "DEBUG": "0",
        "TESTING": "1",
        "DATABASE_URL": f"sqlite:///{server_dir / 'browser.sqlite3'}",
        "EMAIL_URL": f"file://{mail_dir}",
        "BASE_URL": live_server_url,
        "MEDIA_ROOT": str(server_dir / "media"),
    }
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "start_demo_situation", "--hours", "6"],
        cwd=REPO_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    return DEMO


def wait_for_notice(page, url):
    deadline = time.monotonic() + NOTICE_WAIT
    while True:
        page.goto(url)
        if page.locator("section.crisis-notice").count():
            return page.locator("section.crisis-notice").first
        if time.monotonic() > deadline:
            raise AssertionError(f"no crisis notice on {url}")
        time.sleep(5)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_situation_pages_and_board_are_accessible(page, lang):
    assert_no_violations(page, f"/{lang}/{INDEX}")
    assert_no_violations(page, f"/{lang}/{PAST}")
    assert_no_violations(page, f"/{lang}/{PAST}jatkuu/")
    assert_no_violations(page, f"/{lang}/{PAST}jatkuu/?kunta=hattula&q=kerho")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_form_with_errors_is_accessible(page, lang, crisis_active):
    log_in(page, "member")
    page.goto(f"/{lang}/{crisis_active}")
    page.locator(".crisis-report-box a[href*='/tilanneraportti/']").first.click()
    page.locator("input[name=contact_email]").fill("not an email")
    page.locator("form button[type=submit]").last.click()
    assert page.locator(".errorlist").count() >= 1
    assert page.locator("[role=alert]").count() >= 1
    assert_no_violations(page)


def test_editor_declares_notice_everywhere_association_reports(page, crisis_active):
    notice = wait_for_notice(page, "/fi/")
    assert notice.get_attribute("aria-labelledby")
    assert "sähkökatko" in notice.inner_text().lower()
    assert_no_violations(page)
    for url in ("/fi/koulutukset/", "/sv/", "/en/yhdistykset/", "/fi/tili/kirjaudu/"):
        page.goto(url)
        assert page.locator("section.crisis-notice").count() == 1, url
    page.goto("/sv/")
    assert "strömavbrott" in page.locator("section.crisis-notice").inner_text().lower()

    page.goto("/fi/")
    page.locator("section.crisis-notice a").first.click()
    assert page.url.endswith(crisis_active)
    log_in(page, "member")
    page.goto(f"/fi/{crisis_active}")
    page.locator(".crisis-report-box a[href*='/tilanneraportti/']").first.click()
    page.locator("input[name=status][value=remote]").check()
    page.locator("textarea[name=continues]").fill("Puhelinryhmä tiistaisin klo 10 (selain).")
    page.locator("input[name=contact_name]").fill("Maija Meikäläinen")
    page.locator("input[name=contact_email]").fill("maija@example.fi")
    page.locator("input[name=show_publicly]").check()
    page.locator("form button[type=submit]").last.click()
    assert page.locator(".messages").count() == 1
    page.goto(f"/fi/{crisis_active}jatkuu/")
    assert "Puhelinryhmä tiistaisin klo 10 (selain)." in page.content()
    assert_no_violations(page)


REPORT_TEXT = {
    "fi": "Puhelinryhmä keskiviikkoisin klo 14 (näppäimistö).",
    "sv": "Telefongrupp på onsdagar kl. 14 (tangentbord).",
}
REPORT_SAVED = {
    "fi": "Kiitos! Tilannekatsauksesi tallennettiin.",
    "sv": "Tack! Din lägesrapport har sparats.",
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_association_reports_by_keyboard_only(page, crisis_active, lang):
    """From the situation page a member logs in, opens their association's report form, fills
    and sends it, and finds the report on the board, with Tab, Enter, Space, typing and the
    arrow keys; the focus shows on every element on the way. (The situation itself is declared
    by the `crisis_active` fixture's command.)"""
    continues = REPORT_TEXT[lang]
    page.goto(f"/{lang}/{crisis_active}")
    tab_to(page, ".crisis-report-box a[href*='/kirjaudu/']")
    press_and_wait(page)
    tab_to(page, "main form input[name=username]")
    type_text(page, "member")
    tab_to(page, "main form input[name=password]")
    type_text(page, DEMO_PASSWORDS["member"])
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    assert page.url.endswith(f"/{lang}/{crisis_active}")

    tab_to(page, ".crisis-report-box a[href*='/tilanneraportti/']")
    press_and_wait(page)
    tab_to(page, "main form input[name=status]")
    arrow_to(page, "remote")
    tab_to(page, "main form textarea[name=continues]")
    type_text(page, continues)
    tab_to(page, "main form input[name=contact_name]")
    type_text(page, "Maija Meikäläinen")
    tab_to(page, "main form input[name=contact_email]")
    type_text(page, "maija@example.fi")
    tab_to(page, "main form input[name=show_publicly]")
    check_by_keyboard(page)
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    assert REPORT_SAVED[lang] in page.locator(".messages").inner_text()
    assert page.locator("main form input[name=status][value=remote]").is_checked()

    # Back to the situation by its link, and on to the board.
    tab_to(page, f"main a[href$='/{crisis_active}']")
    press_and_wait(page)
    tab_to(page, "main a[href$='/jatkuu/']")
    press_and_wait(page)
    assert continues in page.locator("main").inner_text()


def test_editor_declares_and_ends_a_situation_by_keyboard_only(page, crisis_active):
    """An editor declares a situation in the admin with the keyboard alone (title, notice,
    message, severity, one municipality; publish), the notice appears on the site at once and
    leads to it; the editor ends it the same way by giving the end time, and the notice goes.
    The focus shows on every element on the way."""
    title = "Myrskyvaroitus (näppäimistö)"
    log_in(page, "editor")
    page.goto("/admin/pages/search/?q=Poikkeustilanteet")
    edit = page.locator("a[href$='/edit/']", has_text="Poikkeustilanteet").first
    index_id = edit.get_attribute("href").rstrip("/").split("/")[-2]
    page.goto(f"/admin/pages/{index_id}/")
    tab_to(page, "a[href$='/add_subpage/']")
    press_and_wait(page)
    tab_to(page, "a[href*='/add/crisis/situationpage/']")
    press_and_wait(page)

    tab_to(page, "input[name=title]")
    type_text(page, title)
    tab_to(page, "input[name=summary]")
    type_text(page, "Myrsky voi katkaista sähköt Hattulassa tänä iltana.")
    tab_to(page, "[contenteditable=true][role=textbox]")
    page.keyboard.type("Pidä taskulamppu ja radio lähellä.")
    tab_to(page, "select[name=severity]")
    arrow_to(page, "severe")
    tab_to(page, "input[name=municipalities][value=hattula]")
    check_by_keyboard(page)
    tab_to(page, PUBLISH_MENU)
    page.keyboard.press("Enter")
    tab_to(page, "button[name=action-publish]")
    press_and_wait(page)
    assert "/edit/" not in page.url and "/add/" not in page.url

    # Publishing drops the cached notices: the new one shows at once, next to the demo's.
    page.goto("/fi/")
    notice = page.locator("section.crisis-notice", has_text=title)
    assert notice.count() == 1
    assert "Myrsky voi katkaista" in notice.inner_text()
    tab_to(page, notice.locator("a"))
    press_and_wait(page)
    assert page.locator("h1").inner_text() == title
    assert "Hattula" in page.locator("main").inner_text()
    assert "Pidä taskulamppu ja radio lähellä." in page.locator("main").inner_text()

    # The editor ends it by giving the end time (now), and publishes again.
    page.goto(f"/admin/pages/{index_id}/")
    tab_to(page, page.locator("a[href$='/edit/']", has_text=title))
    press_and_wait(page)
    tab_to(page, "input[name=ends_at]")
    type_text(page, datetime.datetime.now(ZONE).strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")  # closes the date picker
    tab_to(page, PUBLISH_MENU)
    page.keyboard.press("Enter")
    tab_to(page, "button[name=action-publish]")
    press_and_wait(page)
    page.goto("/fi/")
    assert page.locator("section.crisis-notice", has_text=title).count() == 0
    assert page.locator("section.crisis-notice").count() == 1  # the demo situation's
