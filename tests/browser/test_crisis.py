"""Crisis mode in the browser: accessibility of the situation pages, the board and the report
form with errors, and the journey from declaring a situation to an association's report."""

import os
import subprocess
import sys
import time

import pytest

from tests.browser.helpers import LANGUAGES, assert_no_violations, log_in

from .conftest import REPO_DIR

INDEX = "poikkeustilanteet/"
PAST = INDEX + "vesikatkoharjoitus-2026/"
DEMO = INDEX + "sahkokatko-demo/"
# The server caches the notices for a minute; a command in another process cannot clear it.
NOTICE_WAIT = 75


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
