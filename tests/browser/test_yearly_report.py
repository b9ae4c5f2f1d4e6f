"""The published yearly report in a browser: its charts and tables have no accessibility
violations in any language, every chart has its table beside it, and it prints without the
site's navigation."""

import pytest

from .helpers import LANGUAGES, assert_no_violations

REPORT = "/{lang}/tietoa-palvelusta/vuosiraportti/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_published_report_has_no_accessibility_violations(page, lang):
    assert_no_violations(page, REPORT.format(lang=lang), expect_status=200)
    # Each chart is an image named by its title, and the table in its figure holds its figures.
    figures = page.locator("figure.report-table")
    with_chart = 0
    for index in range(figures.count()):
        figure = figures.nth(index)
        assert figure.locator("table").count() == 1
        chart = figure.locator("svg.report-chart")
        if chart.count():
            assert chart.get_attribute("role") == "img"
            with_chart += 1
    assert with_chart >= 5


def test_the_report_prints_without_the_navigation(page):
    page.goto(REPORT.format(lang="en"))
    page.emulate_media(media="print")
    assert page.locator("h1").is_visible()
    assert page.locator("figure.report-table").first.is_visible()
    header = page.locator("header").first
    assert not header.is_visible() or header.bounding_box() is None
