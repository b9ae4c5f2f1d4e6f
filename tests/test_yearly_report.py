"""The yearly report: who may see it, each section's figures against hand-counted data in a
year of their own (the demo's own content lives in the current years), the CSV and XLSX with
the same figures as the page, a wrong year, and the public page the council may publish."""

import csv
import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.users.models import UserProfile

from associations.models import (
    AssociationPage,
    DirectorySettings,
    DirectorySnapshot,
    RegisterBaseline,
)
from calendars.models import FeedReadersDay
from catalogue.models import EventRecord, Registration
from core.models import SavedSearch
from funding.models import Funder, FundingIndexPage
from home.models import HomePage, NewsPage
from lending.models import Booking, EquipmentPage, SpacePage
from reports.models import YearlyReportPage
from tests.catalogue_factories import fi_catalogue, make_training
from tests.funding_factories import make_opportunity

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

HELSINKI = ZoneInfo("Europe/Helsinki")
YEAR = 2019  # before any demo content: every figure of it is made here
URL = "/admin/reports/yearly/"


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=HELSINKI)


@pytest.fixture
def editor_client(client, users):
    """An editor whose admin is in English."""
    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = "en"
    profile.save()
    client.force_login(users["editor"])
    return client


def table(html, title):
    """The rows of the report table titled `title`: [[label, value, value], …] (the total
    row last when it has one)."""
    part = html.split(f'<h3 class="report-table__title">{title}</h3>', 1)[1]
    part = part.split("</table>", 1)[0]
    rows = []
    for chunk in part.split("<tr>")[2:]:
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", chunk, flags=re.S)
        rows.append([re.sub(r"<[^>]+>", "", cell).strip() for cell in cells])
    return rows


def report(client, year=YEAR):
    response = client.get(URL, {"year": year})
    assert response.status_code == 200
    return response.content.decode()


# --- who sees it ------------------------------------------------------------------------------


def test_only_editors_see_the_report(client, users):
    assert client.get(URL).status_code == 302  # to the login
    client.force_login(users["member"])
    assert client.get(URL).status_code in (302, 403)
    client.force_login(users["editor"])
    response = client.get(URL)
    assert response.status_code == 200
    assert 'class="report-table"' in response.content.decode()


def test_the_report_is_in_the_reports_menu_for_editors_only(client, users):
    client.force_login(users["editor"])
    assert URL in client.get("/admin/").content.decode()
    editors = Group.objects.get(name="Editors")
    users["editor"].groups.remove(editors)
    client.force_login(users["editor"])
    response = client.get(URL)
    assert response.status_code in (302, 403)


def test_a_wrong_year_answers_400_with_the_reason(editor_client):
    response = editor_client.get(URL, {"year": "last"})
    assert response.status_code == 400
    assert "“last” is not a year." in response.content.decode()
    response = editor_client.get(URL, {"year": "1800"})
    assert response.status_code == 400
    assert "Choose a year between" in response.content.decode()
    assert editor_client.get(URL, {"year": YEAR, "format": "pdf"}).status_code == 400


# --- the figures ------------------------------------------------------------------------------


def published_in(page, moment):
    type(page).objects.filter(translation_key=page.translation_key).update(
        first_published_at=moment
    )


def test_funding_calls_are_counted_once_by_funder_type_and_year(editor_client):
    foundation = Funder.objects.filter(funder_type="foundation").first()
    municipality = Funder.objects.filter(funder_type="municipality").first()
    calls = [
        make_opportunity("Säätiön haku A", funder=foundation),
        make_opportunity("Säätiön haku B", funder=foundation, instrument="operating"),
        make_opportunity("Kunnan haku", funder=municipality),
        make_opportunity("Edellisen vuoden haku", funder=municipality),
    ]
    for call in calls[:3]:
        published_in(call, at(YEAR, 3, 1))
    published_in(calls[3], at(YEAR - 1, 11, 1))
    # A call translated to Swedish is still one call; one unpublished since still counts.
    sv = FundingIndexPage.objects.get(locale__language_code="sv").locale
    calls[0].copy_for_translation(sv, copy_parents=False).save_revision().publish()
    published_in(calls[0], at(YEAR, 3, 1))
    calls[1].refresh_from_db()  # as an editor's admin loads it
    calls[1].unpublish()
    html = report(editor_client)
    assert table(html, "By type of funder") == [
        ["Municipality", "1", "1"],
        ["Foundation", "0", "2"],
        ["Total", "1", "3"],
    ]
    instruments = table(html, "By type of funding")
    assert ["Operating grant", "0", "1"] in instruments
    assert instruments[-1] == ["Total", "1", "3"]


def test_shared_space_hours_loans_and_borrowers_count_only_between_associations(editor_client):
    spaces = SpacePage.objects.filter(locale__language_code="fi").select_related("association")
    space = spaces.filter(municipality="hameenlinna").first()
    item = EquipmentPage.objects.filter(locale__language_code="fi", municipality="forssa").first()
    others = AssociationPage.objects.filter(locale__language_code="fi").exclude(
        pk__in=[space.association_id, item.association_id]
    )[:2]

    def book(resource, borrower, start, end, status="approved", kind="space"):
        Booking.objects.create(
            kind=kind,
            resource=resource,
            owner_id=resource.association_id,
            municipality=resource.municipality,
            association=borrower,
            starts_at=start,
            ends_at=end,
            blocked_from=start,
            blocked_until=end,
            status=status,
        )

    book(space, others[0], at(YEAR, 2, 1, 10), at(YEAR, 2, 1, 13))  # 3 h
    book(space, others[1], at(YEAR, 2, 8, 10), at(YEAR, 2, 8, 11))  # 1 h
    book(space, others[1], at(YEAR, 2, 9, 10), at(YEAR, 2, 9, 12), status="declined")
    book(space, space.association, at(YEAR, 2, 10, 10), at(YEAR, 2, 10, 15))  # its own
    book(space, others[0], at(YEAR - 1, 5, 1, 10), at(YEAR - 1, 5, 1, 12))  # 2 h the year before
    book(item, others[0], at(YEAR, 6, 1, 0), at(YEAR, 6, 3, 0), kind="equipment")
    book(item, others[0], at(YEAR, 7, 1, 0), at(YEAR, 7, 2, 0), kind="equipment")
    html = report(editor_client)
    hours = table(html, "Hours of shared spaces")
    assert ["Hämeenlinna sub-region", "2.0", "4.0"] in hours
    assert ["Forssa sub-region", "0", "0"] in hours
    assert hours[-1] == ["Total", "2.0", "4.0"]
    loans = table(html, "Equipment loans")
    assert ["Forssa sub-region", "0", "2"] in loans
    borrowers = table(html, "Different borrowing associations")
    assert ["Hämeenlinna sub-region", "1", "2"] in borrowers
    assert ["Forssa sub-region", "0", "1"] in borrowers
    assert borrowers[-1] == ["The whole region, each association once", "1", "2"]


def test_statements_and_initiatives_are_counted_and_named(editor_client):
    statements = NewsPage.objects.filter(category="statement")
    initiatives = NewsPage.objects.filter(category="initiative")
    statement, initiative = statements.first(), initiatives.first()
    published_in(statement, at(YEAR, 4, 1))
    published_in(initiative, at(YEAR - 1, 9, 1))
    html = report(editor_client)
    assert table(html, "Published") == [
        ["Statement", "0", "1"],
        ["Initiative", "1", "0"],
        ["Total", "1", "1"],
    ]
    english = statements.filter(
        translation_key=statement.translation_key, locale__language_code="en"
    ).first()
    assert (english or statement).title in html


def test_alerts_confirmed_and_still_on(editor_client):
    funding = FundingIndexPage.objects.get(locale__language_code="en")
    for number, confirmed in enumerate([at(YEAR, 2, 1), at(YEAR - 1, 2, 1), None]):
        search = SavedSearch.objects.create(
            listing=funding, email=f"a{number}@example.fi", language="en", query=f"q={number}"
        )
        SavedSearch.objects.filter(pk=search.pk).update(confirmed_at=confirmed)
    html = report(editor_client)
    assert table(html, "Alerts confirmed in the year") == [
        ["Email alert of new funding calls", "1", "1"],
        ["Total", "1", "1"],
    ]
    assert table(html, "Alerts on at the end of the year")[0] == [
        "Email alert of new funding calls",
        "1",
        "2",
    ]


# --- the files and the public page ------------------------------------------------------------


def test_csv_and_xlsx_have_the_figures_of_the_page(editor_client):
    foundation = Funder.objects.filter(funder_type="foundation").first()
    published_in(make_opportunity("Säätiön haku", funder=foundation), at(YEAR, 3, 1))
    html = report(editor_client)
    page_rows = table(html, "By type of funder")

    response = editor_client.get(URL, {"year": YEAR, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Section", "Table", "Row", str(YEAR - 1), str(YEAR)]
    csv_rows = [row[2:] for row in rows if row[1] == "By type of funder"]
    assert csv_rows == page_rows

    response = editor_client.get(URL, {"year": YEAR, "format": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Funding calls informed"]
    xlsx_rows = [
        [str(cell) for cell in row[1:]]
        for row in sheet.iter_rows(values_only=True)
        if row[0] == "By type of funder"
    ]
    assert xlsx_rows == page_rows


def test_the_council_can_publish_the_report_as_a_page(client):
    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(
        instance=YearlyReportPage(
            title=f"Yearly report {YEAR}", slug=f"yearly-report-{YEAR}", year=YEAR, intro="Ours."
        )
    )
    page.save_revision().publish()
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Funding calls informed" in html
    assert f'<th scope="col" class="numeric">{YEAR}' in html
    assert 'role="img"' in html
    assert "report.css" in html


# --- events held ------------------------------------------------------------------------------


def held_trainings():
    """Trainings of YEAR and the year before, unpublished afterwards (a record, not a page),
    and their record: 3 held in YEAR (one hybrid and open to others, one co-organised, one
    online), one cancelled in YEAR, one held the year before."""
    first = make_training(
        "raportti-a",
        title="Avustushaun ilta",
        themes=("rahoitus",),
        sessions=[
            (at(YEAR, 3, 1, 17), at(YEAR, 3, 1, 19)),
            (at(YEAR, 3, 8, 17), at(YEAR, 3, 8, 20)),
        ],
        municipality="hattula",
        format="hybrid",
        open_to_others=True,
    )
    second = make_training(
        "raportti-b",
        title="Kirjanpidon päivä",
        themes=("rahoitus", "talous"),
        sessions=[(at(YEAR, 9, 10, 9), at(YEAR, 9, 10, 15))],
        municipality="forssa",
    )
    third = make_training(
        "raportti-c",
        title="Verkkoilta",
        themes=("talous",),
        sessions=[(at(YEAR, 10, 1, 18), at(YEAR, 10, 1, 19))],
        municipality="online",
        format="online",
    )
    cancelled = make_training(
        "raportti-peruttu",
        themes=("lait",),
        sessions=[(at(YEAR, 5, 5, 9), at(YEAR, 5, 5, 10))],
        status="cancelled",
    )
    earlier = make_training(
        "raportti-edellinen",
        themes=("rahoitus",),
        sessions=[(at(YEAR - 1, 6, 1, 9), at(YEAR - 1, 6, 1, 11))],
        municipality="riihimaki",
    )
    for number in range(4):
        Registration.objects.create(
            training=first,
            status="confirmed",
            name=f"Osallistuja {number}",
            email=f"o{number}@example.org",
            language="fi",
            consent_at=at(YEAR, 2, 1),
        )
    pages = [first, second, third, cancelled, earlier]
    call_command("record_history", stdout=io.StringIO())
    # Co-organising is tested with the record itself (tests/test_history.py).
    EventRecord.objects.filter(training_key=second.translation_key).update(co_organised=True)
    return pages


def test_events_held_against_hand_counted_trainings(editor_client):
    EventRecord.objects.all().delete()
    pages = held_trainings()
    # The organiser marks who came: three of the four registrants.
    first = pages[0]
    registrants = reverse("associations:registrants", args=[first.organiser_id, first.pk])
    came = list(first.registrations.order_by("pk").values_list("pk", flat=True)[:3])
    response = editor_client.post(registrants, {"came": came})
    assert response.status_code == 302
    assert editor_client.get(registrants).content.decode().count(" checked") == 3
    for page in pages:  # a record of what happened, not a page
        page.refresh_from_db()
        page.unpublish()
    html = report(editor_client)
    assert table(html, "By kind")[-1] == ["Total", "1", "3"]
    themes = table(html, "By theme")
    assert ["Funding and grants", "1", "2"] in themes
    assert ["Finances and accounting", "0", "2"] in themes
    assert not any(row[0] == "Law and regulations" for row in themes)  # only the cancelled one
    regions = table(html, "By sub-region")
    assert ["Hämeenlinna sub-region", "0", "1"] in regions
    assert ["Riihimäki sub-region", "1", "0"] in regions
    assert ["Forssa sub-region", "0", "1"] in regions
    assert ["Online, no place", "0", "1"] in regions
    assert table(html, "Sessions, hours and registrations") == [
        ["Events", "1", "3"],
        ["Sessions", "1", "4"],
        ["Hours", "2.0", "12.0"],  # 2 + 3 + 6 + 1
        ["Registrations", "0", "4"],
        ["Events whose attendance was recorded", "0", "1"],
        ["Came, in those events", "0", "3"],
    ]
    assert table(html, "Open, remote and co-organised events") == [
        ["Open to other associations", "0", "1"],
        ["Online", "0", "1"],
        ["Hybrid", "0", "1"],
        ["Co-organised", "0", "1"],
    ]
    assert table(html, "Their share of all events")[0] == [
        "Open to other associations",
        "0.0 %",
        "33.3 %",
    ]


def test_the_events_held_match_the_archive_for_the_same_filters(client, editor_client):
    EventRecord.objects.all().delete()
    held_trainings()
    html = report(editor_client)
    archive = fi_catalogue().url + "archive/"
    dates = {"from": f"{YEAR}-01-01", "to": f"{YEAR}-12-31", "kind": "training"}
    by_theme = {row[0]: row[2] for row in table(html, "By theme")}
    for slug, name in (("rahoitus", "Funding and grants"), ("talous", "Finances and accounting")):
        response = client.get(archive, {**dates, "theme": slug})
        assert response.context["result_count"] == int(by_theme[name]), slug
    by_region = {row[0]: row[2] for row in table(html, "By sub-region")}
    for slug, name in (
        ("forssa-seutu", "Forssa sub-region"),
        ("riihimaki-seutu", "Riihimäki sub-region"),
    ):
        response = client.get(archive, {**dates, "region": slug})
        assert response.context["result_count"] == int(by_region[name]), slug


def test_the_directory_from_the_yearly_snapshots_and_the_register(editor_client):
    DirectorySnapshot.objects.filter(year__in=[YEAR - 2, YEAR - 1, YEAR]).delete()
    for year, total, regions in (
        (YEAR - 2, 90, {"hameenlinna-seutu": 50, "riihimaki-seutu": 25, "forssa-seutu": 15}),
        (YEAR - 1, 100, {"hameenlinna-seutu": 55, "riihimaki-seutu": 28, "forssa-seutu": 17}),
        (YEAR, 130, {"hameenlinna-seutu": 70, "riihimaki-seutu": 36, "forssa-seutu": 24}),
    ):
        DirectorySnapshot.objects.create(year=year, total=total, by_sub_region=regions)
    settings = DirectorySettings.load()
    RegisterBaseline.objects.filter(settings=settings).delete()
    RegisterBaseline.objects.create(settings=settings, year=YEAR - 1, registered=3200)
    RegisterBaseline.objects.create(settings=settings, year=YEAR, registered=3250)
    html = report(editor_client)
    assert table(html, "Associations listed at the end of the year") == [
        ["Hämeenlinna sub-region", "55", "70"],
        ["Riihimäki sub-region", "28", "36"],
        ["Forssa sub-region", "17", "24"],
        ["Total", "100", "130"],
    ]
    assert table(html, "Size, growth and coverage of the register") == [
        ["Associations listed", "100", "130"],
        ["Growth on the year before", "10", "30"],
        ["Registered associations in the region", "3200", "3250"],
        ["Share of the register listed (%)", "3.1", "4.0"],
    ]


def test_feed_readers_on_an_average_and_the_busiest_day(editor_client):
    for day, kind, readers in (
        (datetime.date(YEAR, 1, 5), "calendar", 10),
        (datetime.date(YEAR, 6, 5), "calendar", 30),
        (datetime.date(YEAR, 6, 5), "news", 4),
        (datetime.date(YEAR - 1, 12, 31), "calendar", 7),
    ):
        FeedReadersDay.objects.create(day=day, kind=kind, readers=readers)
    rows = table(report(editor_client), "Different programs reading the feeds")
    assert rows == [
        ["Calendar subscribers (iCal) on an average day", "7.0", "20.0"],
        ["Calendar subscribers (iCal) on the busiest day", "7", "30"],
        ["News readers (RSS, Atom) on an average day", "0", "4.0"],
        ["News readers (RSS, Atom) on the busiest day", "0", "4"],
    ]


def test_attendance_is_marked_only_once_a_training_has_begun_and_only_by_its_organiser(
    client, users
):
    upcoming = make_training("tuleva-ilta", title="Tuleva ilta")
    registration = Registration.objects.create(
        training=upcoming,
        status="confirmed",
        name="Aino",
        email="aino@example.org",
        language="fi",
        consent_at=at(YEAR, 1, 1),
    )
    registrants = reverse("associations:registrants", args=[upcoming.organiser_id, upcoming.pk])
    client.force_login(users["editor"])
    response = client.post(registrants, {"came": [registration.pk]}, follow=True)
    assert "Attendance can be marked once the training has begun." in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended is None
    client.force_login(users["member"])  # not an admin of the organiser
    assert client.post(registrants, {"came": [registration.pk]}).status_code == 403
