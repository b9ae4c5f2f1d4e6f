"""Surveys in a browser: a member answers the council's survey for their association with the
keyboard alone, and the survey pages (the form, the form with its errors, the thank-you page,
the message asking a visitor to log in) have no accessibility violations in any language."""

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

STRATEGY = "/{lang}/mita-yhdistyksesi-tarvitsee/"
WISHES = "/{lang}/koulutustoiveet/"
ASSOCIATION = "#id_mita_yhdistysta_edustat"
THEMES = "#id_millaista_koulutusta_yhdistyksenne_tarvitsee_{n}"
SCALE = "#id_kuinka_tarkeaa_yhteistyo_muiden_yhdistysten_kanssa_on_teille_0"
INFORMED = "#id_miten_haluatte_ensisijaisesti_saada_tietoa_neuvottelukunnalta_0"
COMMENT = "#id_mita_muuta_haluatte_sanoa_neuvottelukunnalle"


def test_member_answers_for_their_association_by_keyboard_only(page):
    log_in(page, "member")
    page.goto(STRATEGY.format(lang="fi"))
    association = page.locator(f"{ASSOCIATION} option:not([value=''])").first.get_attribute("value")

    tab_to(page, ASSOCIATION)
    arrow_to(page, association)
    tab_to(page, THEMES.format(n=0))
    check_by_keyboard(page)
    tab_to(page, THEMES.format(n=3))
    check_by_keyboard(page)
    tab_to(page, SCALE)
    arrow_to(page, "4")
    tab_to(page, INFORMED)
    arrow_to(page, "Meidän Häme -portaali")
    tab_to(page, COMMENT)
    type_text(page, "Rahoitushauista toivotaan iltakoulutusta Riihimäellä.")
    tab_to(page, ".survey-form button[type=submit]")
    press_and_wait(page)

    assert page.locator(".survey-thanks").is_visible()
    assert_no_violations(page)

    # The association that answered is no longer offered; answering again is not possible.
    page.goto(STRATEGY.format(lang="fi"))
    offered = page.locator(f"{ASSOCIATION} option").evaluate_all(
        "options => options.map(option => option.value)"
    )
    assert association not in offered


@pytest.mark.parametrize("lang", LANGUAGES)
def test_survey_pages_have_no_accessibility_violations(page, lang):
    # A visitor is asked to log in, and sees no form.
    assert_no_violations(page, WISHES.format(lang=lang), expect_status=200)
    assert page.locator(".survey-notice").is_visible()
    assert page.locator(".survey-form").count() == 0

    log_in(page, "member")
    assert_no_violations(page, STRATEGY.format(lang=lang), expect_status=200)
    # The form sent empty: its errors are announced and marked on each question.
    with page.expect_navigation():
        page.locator(".survey-form button[type=submit]").click()
    assert page.locator("#form-errors").is_visible()
    assert page.locator(".survey-question .errorlist").count() >= 3
    assert_no_violations(page)

    assert_no_violations(page, WISHES.format(lang=lang), expect_status=200)
    page.locator(".survey-form input[type=checkbox]").first.check()
    page.locator(".survey-form input[type=radio]").first.check()
    with page.expect_navigation():
        page.locator(".survey-form button[type=submit]").click()
    assert page.locator(".survey-thanks").is_visible()
    assert_no_violations(page)
