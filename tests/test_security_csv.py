"""CSV files (issue 17, M6): every CSV the site writes shows what people typed as text, never as
a spreadsheet formula: a cell starting with = + - @, a tab or a carriage return gets a leading
apostrophe. One test per export."""

import csv
import datetime
import io

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale

from associations.models import AssociationPage, FieldOfActivity
from catalogue.models import Registration, TrainingPage
from crisis.demo import start_demo_situation
from crisis.services import save_report
from tests.funding_factories import at, day, fi_index, make_opportunity

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\tx", "\rx"]
ESCAPED = {"'" + formula for formula in FORMULAS}


def rows_of(response, delimiter=","):
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter))


def cells(rows):
    return {cell for row in rows for cell in row}


def assert_escaped(rows):
    written = cells(rows)
    assert written >= ESCAPED
    assert not set(FORMULAS) & written


def training():
    """A demo training of the demo member's association, with built-in registration."""
    return TrainingPage.objects.get(slug="saavutettava-tapahtuma", locale__language_code="fi")


def register_formulas(page):
    for number, formula in enumerate(FORMULAS):
        Registration.objects.create(
            training=page,
            status="confirmed",
            name=formula,
            email=f"kaava{number}@example.org",
            association=formula,
            phone=formula,
            needs=formula,
            language="fi",
            consent_at=timezone.now(),
        )


def test_admin_registrations_csv_does_not_run_formulas(client, users):
    register_formulas(training())
    client.force_login(users["editor"])
    response = client.get("/admin/registrations/", {"export": "csv"})
    assert response.status_code == 200
    rows = rows_of(response)
    assert_escaped(rows)
    names = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in names and "'\rx" in names


def test_admin_registrations_xlsx_keeps_formulas_as_text(client, users):
    from openpyxl import load_workbook

    register_formulas(training())
    client.force_login(users["editor"])
    response = client.get("/admin/registrations/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    types = {cell.value: cell.data_type for row in sheet.iter_rows() for cell in row}
    assert types['=HYPERLINK("http://x")'] == "s"


def test_association_registrants_csv_does_not_run_formulas(client, users):
    page = training()
    register_formulas(page)
    client.force_login(users["member"])
    with translation.override("fi"):
        caregivers = AssociationPage.objects.get(
            slug="hattulan-omaishoitajat-ry", locale__language_code="fi"
        )
        url = reverse("associations:registrants_csv", args=[caregivers.pk, page.pk])
    rows = rows_of(client.get(url))
    assert_escaped(rows)


def test_crisis_picture_csv_does_not_run_formulas(client):
    situation = start_demo_situation(hours=2)
    partner = Group.objects.get(name="Partners").user_set.create(username="kunta@example.fi")
    pages = AssociationPage.objects.live().filter(locale__language_code="fi")[: len(FORMULAS)]
    for page, formula in zip(pages, FORMULAS, strict=True):
        base = {
            "status": "remote",
            "continues": formula,
            "links": [],
            "offers": [],
            "offers_detail": formula,
            "needs": [],
            "needs_detail": formula,
            "contact_name": formula,
            "contact_email": "yhteys@example.fi",
            "contact_phone": formula,
            "show_publicly": True,
            "share_with_partners": True,
        }
        save_report(situation, page, base, None)
    client.force_login(partner)
    rows = rows_of(client.get(situation.url + "tilannekuva/csv/"), delimiter=";")
    assert_escaped(rows)


def test_funding_csv_does_not_run_formulas(client):
    with time_machine.travel(at(2025, 10, 1), tick=False):
        for number, formula in enumerate(FORMULAS):
            make_opportunity(
                formula,
                [(None, day(2025, 10, 26), datetime.time(23, 59))],
                slug=f"kaava-{number}",
                programme=formula,
            )
        response = client.get(reverse("funding_csv", args=[fi_index().pk]))
    rows = rows_of(response, delimiter=";")
    assert_escaped(rows)
    titles = [row[0] for row in rows[1:]]
    assert set(titles) >= ESCAPED


def test_association_statistics_csv_does_not_run_formulas(client):
    fi = Locale.objects.get(language_code="fi")
    for number, formula in enumerate(FORMULAS):
        FieldOfActivity.objects.create(locale=fi, name=formula, slug=f"kaava-{number}")
    rows = rows_of(client.get("/fi/yhdistykset/tilastot/csv/"))
    assert_escaped(rows)
    counts = [row[3] for row in rows[1:]]
    assert all(count.isdigit() for count in counts)  # numbers stay numbers
