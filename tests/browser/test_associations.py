"""Browser journeys and accessibility audits of the association directory and member pages."""

import pytest
from PIL import Image

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
    page.locator("main button[type=submit]").click()
    assert page.locator("main .errorlist, main .field__error").count() >= 1
    assert_no_violations(page)
    page.goto(f"/{lang}/tili/kirjaudu/")
    page.locator("main button[type=submit]").click()
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_account_manage_and_registrant_pages_are_accessible(page, lang):
    log_in(page, "member")
    assert_no_violations(page, f"/{lang}/tili/", expect_status=200)
    page.get_by_role("link", name="Hattulan Omaishoitajat ry").click()
    page.wait_for_load_state("load")
    assert_no_violations(page)
    page.locator("a[href*='/ilmoittautuneet/']").first.click()
    page.wait_for_load_state("load")
    assert page.locator("table tbody tr").count() >= 1
    assert_no_violations(page)


def test_member_edits_profile_and_editor_approves(
    page, browser, live_server_url, mailbox, tmp_path
):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 40), "darkgreen").save(logo, "PNG")
    log_in(page, "member")
    page.goto("/fi/tili/")
    page.get_by_role("link", name="Hattulan Omaishoitajat ry").click()
    page.locator("a.button[href*='/muokkaa/']").click()
    page.locator("textarea[name=summary]").fill("Vertaistukea ja virkistystä – päivitetty.")
    page.locator("input[name=logo]").set_input_files(str(logo))
    page.locator("input[name=logo_alt]").fill("Vihreä sydän, Hattulan Omaishoitajien logo")
    page.locator("form button[type=submit]").last.click()
    assert page.locator(".message--success").count() == 1
    assert "Hattulan Omaishoitajat ry" in mailbox.latest(to="member@demo.meidanhame.fi").subject

    editor = browser.new_context(base_url=live_server_url).new_page()
    log_in(editor, "editor")
    editor.goto("/admin/")
    # The dashboard's "awaiting your review" row: its actions menu, then "Approve" (the one
    # without a comment dialog).
    row = editor.locator("tr", has_text="Hattulan Omaishoitajat ry").first
    row.locator("button[aria-haspopup], button[aria-expanded]").first.click()
    approve = row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
    with editor.expect_navigation():
        approve.first.click()
    page.goto("/fi/yhdistykset/hattulan-omaishoitajat-ry/")
    assert "päivitetty" in page.content()
    logo_image = page.locator("img.association__logo")
    assert logo_image.get_attribute("alt") == "Vihreä sydän, Hattulan Omaishoitajien logo"
    assert "max-240x160" in logo_image.get_attribute("src")  # a rendition of the upload
