"""A person's own data: the download holds everything each app keeps about them, and deleting
the account cancels, anonymises or deletes all of it (one test per kind of record)."""

import datetime
import json

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page

from associations import services as association_services
from associations.models import AssociationIndexPage, AssociationPage, Membership
from associations.permissions import admins_of
from catalogue import services as catalogue_services
from catalogue.models import Registration, TrainingIndexPage
from core.models import SavedSearch
from crisis.demo import start_demo_situation
from crisis.models import StatusReport
from crisis.services import save_report
from funding.models import FundingIndexPage
from lending import services as lending_services
from lending.models import Booking, SpacePage
from tests.catalogue_factories import local, make_training

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "salasana-2026!"
EMAIL = "leena.lahtija@example.fi"
NEEDS = "Pyörätuoli; gluteeniton ruokavalio"


@pytest.fixture
def person():
    user = User.objects.create_user(
        username=EMAIL, email=EMAIL, password=PASSWORD, first_name="Leena", last_name="Lähtijä"
    )
    Membership.objects.create(user=user, association=caregivers(), role="member")
    return user


def caregivers():
    return AssociationPage.objects.get(slug="hattulan-omaishoitajat-ry", locale__language_code="fi")


def url(name):
    with translation.override("fi"):
        return reverse(f"accounts:{name}")


def download(client, user):
    client.force_login(user)
    response = client.get(url("my_data"))
    assert response.status_code == 200
    return json.loads(response.content)


def delete_account(client, user):
    client.force_login(user)
    response = client.post(url("delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302, response.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()


def register(training, email, needs=""):
    """A registration whose address is confirmed: the form and the emailed link in one."""
    with translation.override("en"):
        pending = catalogue_services.register(
            training,
            name="Leena",
            email=email,
            association="Yhdistys ry",
            needs=needs,
            language="fi",
        )
        return catalogue_services.confirm(pending)


# Training registrations -----------------------------------------------------------------------


@pytest.fixture
def training():
    return make_training(
        "henkilotiedot",
        registration_mode="built_in",
        capacity=1,
        waiting_list=True,
        registration_opens=timezone.now() - datetime.timedelta(days=1),
    )


def test_download_holds_training_registrations_with_their_needs(client, person, training):
    register(training, EMAIL.upper(), needs=NEEDS)
    rows = download(client, person)["training_registrations"]
    assert [row["training"] for row in rows] == [training.title]
    assert rows[0]["accessibility_or_dietary_needs"] == NEEDS
    assert rows[0]["status"] == "confirmed"


def test_deleting_the_account_gives_up_future_places_and_anonymises_every_registration(
    client, person, training, django_capture_on_commit_callbacks
):
    mine = register(training, EMAIL, needs=NEEDS)
    waiting = register(training, "odottaja@example.fi")
    assert waiting.status == "waiting"
    past = make_training("mennyt-koulutus", sessions=[(local(-30, 10), local(-30, 12))])
    earlier = Registration.objects.create(
        training=past,
        status="confirmed",
        name="Leena",
        email=EMAIL,
        association="Yhdistys ry",
        needs=NEEDS,
        language="fi",
        consent_at=timezone.now() - datetime.timedelta(days=40),
    )
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, person)
    mine.refresh_from_db()
    earlier.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == "cancelled" and mine.anonymised_at is not None
    assert (mine.name, mine.email, mine.needs) == ("", "", "")
    assert earlier.status == "confirmed", "a past registration stays in the attendance figures"
    assert (earlier.name, earlier.email, earlier.needs) == ("", "", "")
    assert waiting.status == "confirmed", "the freed place goes to the first person waiting"
    assert any("odottaja@example.fi" in message.to for message in mail.outbox)
    assert not Registration.objects.filter(email__iexact=EMAIL).exists()


# Crisis status-report contacts ----------------------------------------------------------------


def report_values(**changes):
    return {
        "status": "remote",
        "continues": "Ryhmä kokoontuu puhelimitse.",
        "links": [],
        "offers": [],
        "offers_detail": "",
        "needs": [],
        "needs_detail": "",
        "contact_name": "Leena Lähtijä",
        "contact_email": EMAIL,
        "contact_phone": "040 765 4321",
        "show_publicly": False,
        "share_with_partners": True,
        **changes,
    }


def test_download_holds_status_reports_that_name_the_person_and_their_history(client, person):
    situation = start_demo_situation(hours=2)
    save_report(situation, caregivers(), report_values(), person)
    data = download(client, person)["crisis_status_reports"]
    assert [row["contact_phone"] for row in data["contact_in"]] == ["040 765 4321"]
    assert [row["contact_name"] for row in data["history_naming_you"]] == ["Leena Lähtijä"]
    assert data["versions_written"] == 1


def test_deleting_the_account_removes_the_contact_from_reports_and_their_history(client, person):
    situation = start_demo_situation(hours=2)
    save_report(situation, caregivers(), report_values(), person)
    save_report(situation, caregivers(), report_values(status="paused"), person)
    report = save_report(
        situation,
        caregivers(),
        report_values(
            contact_name="Toinen", contact_email="toinen@example.fi", contact_phone="050 1"
        ),
        None,
    )
    save_report(situation, caregivers(), report_values(status="normal"), None)
    delete_account(client, person)
    report = StatusReport.objects.get(pk=report.pk)
    assert (report.contact_name, report.contact_email, report.contact_phone) == ("", "", "")
    assert report.status == "normal", "the association's report itself stays"
    contacts = [(v.data["contact_name"], v.data["contact_email"]) for v in report.versions.all()]
    assert contacts == [("", ""), ("Toinen", "toinen@example.fi"), ("", ""), ("", "")]
    assert not any("040 765 4321" in json.dumps(v.data) for v in report.versions.all())


# Booking requests -----------------------------------------------------------------------------


def free_slot(space):
    """Two hours on a Tuesday the space is open and nothing blocks, four or more weeks on."""
    day = timezone.localdate() + datetime.timedelta(days=28)
    while True:
        while day.weekday() != 1:
            day += datetime.timedelta(days=1)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        end = start + datetime.timedelta(hours=2)
        if not lending_services.space_rule_problems(space, start, end) and (
            lending_services.is_space_free(space, start, end)
        ):
            return start, end
        day += datetime.timedelta(days=1)


@pytest.fixture
def space():
    return SpacePage.objects.filter(
        locale__language_code="fi", booking_mode="request", live=True
    ).first()


def request(space, user, start, end):
    with translation.override("en"):
        return lending_services.request_space(
            space,
            user=user,
            association=caregivers(),
            start=start,
            end=end,
            message="Omaishoitajien kevätkokous",
            phone="040 111 2222",
        )


def test_download_holds_booking_requests(client, person, space):
    start, end = free_slot(space)
    request(space, person, start, end)
    rows = download(client, person)["lending_bookings"]
    assert [row["message"] for row in rows] == ["Omaishoitajien kevätkokous"]
    assert rows[0]["contact_phone"] == "040 111 2222"


def test_a_slot_blocked_by_the_persons_open_request_is_free_after_deleting_the_account(
    client, person, space, users
):
    start, end = free_slot(space)
    booking = request(space, person, start, end)
    assert not lending_services.is_space_free(space, start, end)
    mail.outbox.clear()
    delete_account(client, person)
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert (booking.contact_email, booking.contact_phone, booking.message) == ("", "", "")
    assert booking.requested_by is None and booking.personal_data_purged
    assert lending_services.is_space_free(space, start, end)
    owner_admins = {m.user.email for m in admins_of(space.association)}
    assert owner_admins and owner_admins <= {to for m in mail.outbox for to in m.to}, (
        "the owner's admins hear that the time is free"
    )
    again = request(space, users["member"], start, end)
    assert again.status == "requested"


def test_deleting_the_account_anonymises_past_bookings(client, person, space):
    start, end = free_slot(space)
    booking = request(space, person, start, end)
    lending_services.approve(booking)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=start - datetime.timedelta(days=60),
        ends_at=end - datetime.timedelta(days=60),
        blocked_from=start - datetime.timedelta(days=60),
        blocked_until=end - datetime.timedelta(days=60),
    )
    delete_account(client, person)
    booking.refresh_from_db()
    assert booking.status == "approved", "a past booking stays for the owner's figures"
    assert (booking.contact_name, booking.contact_email, booking.message) == ("", "", "")
    assert not booking.events.filter(reason="Omaishoitajien kevätkokous").exists()


# Pending pages --------------------------------------------------------------------------------


def apply_for_listing(user, title):
    index = AssociationIndexPage.objects.get(locale__language_code="fi")
    page = AssociationPage(
        title=title,
        slug="lahtijan-kerho",
        summary="Kerho, joka ei ehtinyt listalle.",
        municipality="hattula",
        languages=["fi"],
        locale=index.locale,
    )
    with translation.override("en"):
        return association_services.apply_for_listing(user, index, page)


def test_download_lists_the_persons_pending_pages(client, person):
    apply_for_listing(person, "Lähtijän kerho")
    pages = download(client, person)["pages"]
    assert [row["title"] for row in pages["pending"]] == ["Lähtijän kerho"]
    assert pages["pending"][0]["in_moderation"] is True


def test_deleting_the_account_deletes_never_published_pages_and_keeps_published_ones(
    client, person
):
    pending = apply_for_listing(person, "Lähtijän kerho")
    published = caregivers()
    Page.objects.filter(pk=published.pk).update(owner=person)
    delete_account(client, person)
    assert not Page.objects.filter(pk=pending.pk).exists()
    published = Page.objects.get(pk=published.pk)
    assert published.live and published.owner is None


# Saved searches and any path of deletion --------------------------------------------------------


def test_deleting_the_account_deletes_the_saved_searches_to_its_address(client, person):
    index = FundingIndexPage.objects.filter(locale__language_code="fi").first()
    catalogue = TrainingIndexPage.objects.filter(locale__language_code="fi").first()
    SavedSearch.objects.create(listing=index, email=EMAIL, language="fi", query="q=kylä")
    SavedSearch.objects.create(listing=catalogue, email=EMAIL.upper(), language="fi", query="")
    searches = download(client, person)["saved_searches"]
    assert [search["search"] for search in searches] == ["q=kylä", ""]
    assert searches[1]["listing"] == catalogue.title
    delete_account(client, person)
    assert not SavedSearch.objects.filter(email__iexact=EMAIL).exists()


def test_deleting_a_user_in_the_wagtail_admin_erases_their_data_too(
    client, person, training, users
):
    registration = register(training, EMAIL, needs=NEEDS)
    client.force_login(users["admin"])
    response = client.post(reverse("wagtailusers_users:delete", args=[person.pk]))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled" and registration.needs == ""
