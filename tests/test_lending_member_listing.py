"""Members list their association's spaces and equipment from the site: the change is a
revision in the editors' approval workflow, never published directly; only the association's
admins (and editors) may. Also: the booking request rate limit, and retention through the
purge command."""

import datetime
import io

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from associations.models import AssociationPage, Membership
from associations.permissions import associations_of
from lending.models import Booking, EquipmentPage, SpacePage
from lending.views import REQUESTS_PER_HOUR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def owned(users):
    """The association the demo member administers."""
    return associations_of(users["member"], role="admin").first()


@pytest.fixture
def other_admin(django_user_model, owned):
    """An admin of another association."""
    user = django_user_model.objects.create_user("otheradmin", "otheradmin@example.org", "x")
    other = (
        AssociationPage.objects.filter(locale__language_code="fi", live=True)
        .exclude(pk=owned.pk)
        .first()
    )
    Membership.objects.create(user=user, association=other, role="admin", status="active")
    return user


def space_data(**changes):
    data = {
        "title": "Seurantalon pieni sali",
        "summary": "Pieni sali kokouksille.",
        "description": "",
        "address": "Kylätie 5",
        "municipality": "hattula",
        "capacity": "30",
        "area_m2": "60",
        "facilities": ["kitchen", "wifi"],
        "accessibility": ["step-free"],
        "min_minutes": "60",
        "max_minutes": "480",
        "buffer_before": "0",
        "buffer_after": "30",
        "advance_days": "120",
        "booking_mode": "request",
        "price_mode": "free",
        "contact_role": "Puheenjohtaja",
        "contact_email": "sali@example.fi",
        "opens_0": "08:00",
        "closes_0": "20:00",
        "opens_5": "10:00",
        "closes_5": "00:00",
        "closed_dates_text": "2027-12-24\n2027-12-25",
    }
    data.update(changes)
    return data


def equipment_data(**changes):
    data = {
        "title": "Kokeilukeitin 50 kuppia",
        "category": "kitchen",
        "summary": "Iso kahvinkeitin juhliin.",
        "quantity": "2",
        "max_loan_days": "5",
        "address": "Kylätie 5",
        "municipality": "hattula",
        "booking_mode": "request",
        "advance_days": "90",
        "price_mode": "free",
    }
    data.update(changes)
    return data


def in_review(page):
    return WorkflowState.objects.for_instance(page).filter(status="in_progress").exists()


def test_admin_lists_a_new_space_which_waits_for_an_editor(client, users, owned):
    client.force_login(users["member"])
    mail.outbox.clear()
    response = client.post(reverse("lending:member_new", args=[owned.pk, "tila"]), space_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    space = SpacePage.objects.get(title="Seurantalon pieni sali")
    assert not space.live, "nothing is published before an editor approves"
    assert space.association_id == owned.pk and space.locale.language_code == "fi"
    assert in_review(space)
    draft = space.get_latest_revision_as_object()
    assert [(h.weekday, h.opens, h.closes) for h in draft.opening_hours.all()] == [
        (0, datetime.time(8), datetime.time(20)),
        (5, datetime.time(10), datetime.time(0)),
    ]
    assert [d.date for d in draft.closed_dates.all()] == [
        datetime.date(2027, 12, 24),
        datetime.date(2027, 12, 25),
    ]
    assert any(users["member"].email in m.to for m in mail.outbox), "the submitter is told"
    listing = client.get(reverse("lending:member_listings", args=[owned.pk]))
    assert "Seurantalon pieni sali" in listing.content.decode()
    assert "Waiting for an editor" in listing.content.decode()
    # The public listing does not show it yet.
    assert "Seurantalon pieni sali" not in client.get("/fi/tilat/").content.decode()


def test_admin_lists_new_equipment(client, users, owned):
    client.force_login(users["member"])
    response = client.post(
        reverse("lending:member_new", args=[owned.pk, "valine"]), equipment_data()
    )
    assert response.status_code == 302
    item = EquipmentPage.objects.get(title="Kokeilukeitin 50 kuppia")
    assert not item.live and item.quantity == 2 and in_review(item)


def test_edit_is_a_revision_and_the_live_page_stays(client, users, owned):
    space = SpacePage.objects.live().filter(association=owned, locale__language_code="fi").first()
    client.force_login(users["member"])
    form = client.get(reverse("lending:member_edit", args=[space.pk]))
    assert form.status_code == 200
    assert f'value="{space.title}"' in form.content.decode()
    response = client.post(
        reverse("lending:member_edit", args=[space.pk]),
        space_data(title=space.title, summary="Uusi kuvaus salista."),
    )
    assert response.status_code == 302
    space.refresh_from_db()
    assert space.summary != "Uusi kuvaus salista.", "the live page waits for the editor"
    assert space.get_latest_revision_as_object().summary == "Uusi kuvaus salista."
    assert in_review(space)


def test_broken_listing_form_names_the_problem_and_stores_nothing(client, users, owned):
    client.force_login(users["member"])
    before = SpacePage.objects.count()
    response = client.post(
        reverse("lending:member_new", args=[owned.pk, "tila"]),
        space_data(
            capacity="0",
            closes_0="07:00",
            opens_1="09:00",
            closed_dates_text="joulu",
            max_minutes="30",
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The end must be after the start." in html
    assert "Give both the start and the end" in html
    assert "is not a date" in html
    assert "The longest booking cannot be shorter than the shortest." in html
    assert 'aria-invalid="true"' in html
    assert SpacePage.objects.count() == before


def test_only_the_associations_admins_may_list(
    client, users, owned, other_admin, django_user_model
):
    space = SpacePage.objects.filter(association=owned, locale__language_code="fi").first()
    urls = [
        reverse("lending:member_listings", args=[owned.pk]),
        reverse("lending:member_new", args=[owned.pk, "tila"]),
        reverse("lending:member_edit", args=[space.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302, "anonymous visitors log in first"
    client.force_login(other_admin)
    before = SpacePage.objects.count()
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, space_data(title=space.title)).status_code == 403, url
    assert SpacePage.objects.count() == before
    assert space.get_latest_revision_as_object().summary != "Pieni sali kokouksille."
    plain = django_user_model.objects.create_user("plainmember", "plain@example.org", "x")
    Membership.objects.create(user=plain, association=owned, role="member", status="active")
    client.force_login(plain)
    for url in urls:
        assert client.get(url).status_code == 403, url
    client.force_login(users["editor"])
    assert client.get(urls[0]).status_code == 200
    client.force_login(users["member"])
    assert client.get(reverse("lending:member_new", args=[owned.pk, "linna"])).status_code == 404
    assert client.get(reverse("lending:member_edit", args=[owned.pk])).status_code == 404
    assert client.get(reverse("lending:member_listings", args=[10**22])).status_code == 404


def test_manage_page_links_to_the_listings(client, users, owned):
    client.force_login(users["member"])
    html = client.get(reverse("associations:manage", args=[owned.pk])).content.decode()
    assert reverse("lending:member_listings", args=[owned.pk]) in html


def test_booking_requests_are_rate_limited(client, users):
    client.force_login(users["member"])
    space = (
        SpacePage.objects.live().filter(locale__language_code="en", booking_mode="request").first()
    )
    url = space.url + "varaa/"
    for _ in range(REQUESTS_PER_HOUR):
        assert client.post(url, {}).status_code == 400
    day = timezone.localdate() + datetime.timedelta(days=50)
    while day.weekday() != 2:
        day += datetime.timedelta(days=1)
    before = Booking.objects.count()
    response = client.post(
        url,
        {
            "association": associations_of(users["member"]).first().pk,
            "date": day.isoformat(),
            "start": "09:00",
            "end": "11:00",
            "accept_terms": "on",
        },
    )
    assert response.status_code == 400
    assert "Too many requests" in response.content.decode()
    assert Booking.objects.count() == before


def test_purge_command_deletes_requester_data_after_the_site_retention(client, users):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.retention_days = 30
    settings.save()
    booking = (
        Booking.objects.filter(personal_data_purged=False, requested_by=users["member"])
        .exclude(contact_email="")
        .order_by("-ends_at")
        .first()
    )
    email = booking.contact_email
    with time_machine.travel(booking.ends_at + datetime.timedelta(days=29), tick=False):
        call_command("purge_bookings", stdout=io.StringIO())
    booking.refresh_from_db()
    assert booking.contact_email == email, "kept within the retention period"
    with time_machine.travel(booking.ends_at + datetime.timedelta(days=31), tick=False):
        call_command("purge_bookings", stdout=io.StringIO())
    booking.refresh_from_db()
    assert booking.personal_data_purged
    assert (booking.contact_name, booking.contact_email, booking.message) == ("", "", "")
    assert booking.requested_by is None
    assert Booking.objects.filter(pk=booking.pk).exists(), "the anonymous booking stays"
    client.force_login(users["editor"])
    html = client.get(reverse("lending:booking", args=[booking.uid])).content.decode()
    assert email not in html and "Deleted after the retention period" in html


def test_own_booking_requests_are_in_the_personal_data_export(client, users):
    import json

    mine = Booking.objects.filter(requested_by=users["member"]).count()
    assert mine > 0
    client.force_login(users["member"])
    data = json.loads(client.get(reverse("accounts:my_data")).content)
    rows = data["lending_bookings"]
    assert len(rows) == mine
    titles = Booking.objects.filter(requested_by=users["member"]).values_list(
        "resource__title", flat=True
    )
    assert {row["resource"] for row in rows} == set(titles)
    assert all("contact_email" in row and "message" in row for row in rows)


def test_deleting_the_account_removes_the_requesters_details(django_user_model, users):
    from accounts.personal_data import delete_account
    from lending import services

    person = django_user_model.objects.create_user("leaver", "leaver@example.org", "x")
    association = associations_of(users["member"]).first()
    Membership.objects.create(user=person, association=association, role="member")
    space = SpacePage.objects.filter(locale__language_code="fi", booking_mode="request").last()
    day = timezone.localdate() + datetime.timedelta(days=90)
    while day.weekday() != 3:
        day += datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    booking = services.request_space(
        space,
        user=person,
        association=association,
        start=start,
        end=start + datetime.timedelta(hours=2),
        message="Minun kokoukseni",
        phone="040 123 4567",
    )
    delete_account(person)
    booking.refresh_from_db()
    assert (booking.contact_email, booking.contact_phone, booking.message) == ("", "", "")
    assert booking.personal_data_purged and booking.requested_by is None
    assert not booking.events.filter(reason="Minun kokoukseni").exists()
