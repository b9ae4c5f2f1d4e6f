"""Listings with filters, resource pages with availability and JSON-LD, feeds without
personal data, the permission matrix, the statistics figures and the cron commands."""

import datetime
import io
import json
import re

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lending import services
from lending.impact import impact_figures
from lending.models import (
    Booking,
    EquipmentIndexPage,
    EquipmentPage,
    OwnerFeedToken,
    SpaceIndexPage,
    SpacePage,
)
from lending.retention import purge_personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the site's default language is Finnish."""
    from django.utils import translation

    with translation.override("en"):
        yield


def index(model, language="fi"):
    return model.objects.get(locale__language_code=language)


def test_demo_has_spaces_and_equipment_in_three_languages():
    for language in ("fi", "sv", "en"):
        assert SpacePage.objects.live().filter(locale__language_code=language).count() >= 25
        assert EquipmentPage.objects.live().filter(locale__language_code=language).count() >= 40
    statuses = set(Booking.objects.values_list("status", flat=True))
    assert {"approved", "requested", "declined"} <= statuses
    assert Booking.objects.filter(ends_at__lt=timezone.now()).exists()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_listings_render_with_count(client, language):
    for model in (SpaceIndexPage, EquipmentIndexPage):
        response = client.get(index(model, language).url)
        assert response.status_code == 200
        assert re.search(r"\d+", response.context["result_count"].__str__())


def test_space_filters_narrow_and_bad_values_are_noted(client):
    url = index(SpaceIndexPage).url
    everything = client.get(url).context["result_count"]
    big = client.get(url, {"capacity": "100"})
    assert 0 < big.context["result_count"] < everything
    assert all(s.capacity >= 100 for s in big.context["resources"])
    step_free = client.get(url, {"access": "loop", "region": "hameenlinna-seutu"})
    for space in step_free.context["resources"]:
        assert "loop" in space.accessibility
    free = client.get(url, {"free": "1"})
    assert all(s.price_mode == "free" for s in free.context["resources"])
    bad = client.get(url, {"capacity": "lots", "municipality": "atlantis", "date": "huomenna"})
    assert bad.status_code == 200
    assert len(bad.context["filters"].problems) == 3
    assert bad.context["result_count"] == everything


def test_free_at_time_filter_excludes_busy_spaces(client):
    booking = Booking.objects.filter(
        kind="space", status="approved", starts_at__gt=timezone.now()
    ).first()
    start = timezone.localtime(booking.starts_at)
    response = client.get(
        index(SpaceIndexPage).url,
        {
            "date": start.date().isoformat(),
            "from": start.strftime("%H:%M"),
            "to": timezone.localtime(booking.ends_at).strftime("%H:%M"),
        },
    )
    keys = {s.translation_key for s in response.context["resources"]}
    assert booking.resource.translation_key not in keys


def test_equipment_filters(client):
    url = index(EquipmentIndexPage).url
    tents = client.get(url, {"category": "tents"})
    assert tents.context["result_count"] > 0
    assert all(i.category == "tents" for i in tents.context["resources"])
    many = client.get(url, {"quantity": "10"})
    assert all(i.quantity >= 10 for i in many.context["resources"])


def test_listing_queries_do_not_grow_with_results(client, django_assert_max_num_queries):
    url = index(SpaceIndexPage).url
    client.get(url)
    with django_assert_max_num_queries(25):
        client.get(
            url,
            {
                "date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
                "from": "17:00",
                "to": "19:00",
            },
        )
    with django_assert_max_num_queries(25):
        client.get(index(EquipmentIndexPage).url)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_space_page_has_availability_json_ld_and_feed(client, language):
    space = SpacePage.objects.live().filter(locale__language_code=language).first()
    response = client.get(space.url)
    assert response.status_code == 200
    html = response.content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "EventVenue"
    assert data["maximumAttendeeCapacity"] == space.capacity
    assert "isAccessibleForFree" in data and "amenityFeature" in data
    assert 'type="text/calendar"' in html
    assert "availability" in html


def test_equipment_page_json_ld_is_a_product_with_offers(client):
    item = EquipmentPage.objects.live().filter(locale__language_code="en").first()
    html = client.get(item.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Product"
    assert data["offers"]["@type"] == "Offer"


def test_free_busy_feed_has_no_personal_data(client):
    booking = (
        Booking.objects.filter(kind="space", status="approved", starts_at__gt=timezone.now())
        .select_related("resource")
        .first()
    )
    url = reverse("lending:resource_feed", args=[booking.resource.translation_key])
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode()
    assert "BEGIN:VEVENT" in body
    assert booking.contact_email not in body
    assert booking.contact_name not in body
    assert booking.message not in body
    assert booking.association.title not in body


def test_private_owner_feed_needs_the_token_and_can_be_revoked(client, users):
    owner = Booking.objects.filter(status="approved").first().owner
    token = OwnerFeedToken.objects.create(association=owner)
    url = reverse("lending:owner_feed", args=[token.token])
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    token.revoked_at = timezone.now()
    token.save()
    assert client.get(url).status_code == 404
    assert client.get(reverse("lending:owner_feed", args=["guess"])).status_code == 404


def test_embed_can_be_framed(client):
    space = SpacePage.objects.live().filter(locale__language_code="fi").first()
    response = client.get(reverse("lending:resource_embed", args=[space.translation_key]))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response


def _booking_for_others():
    from associations.models import Membership

    booking = (
        Booking.objects.filter(status="requested", personal_data_purged=False)
        .exclude(contact_email="")
        .first()
    )
    outsider_associations = Membership.objects.exclude(association=booking.owner).values(
        "association"
    )
    return booking, outsider_associations


def test_requester_data_is_for_owner_admins_and_editors_only(client, users, django_user_model):
    from associations.models import Membership

    booking, _ = _booking_for_others()
    url = reverse("lending:booking", args=[booking.uid])
    assert client.get(url).status_code == 404  # anonymous
    outsider = django_user_model.objects.create_user("outsider", "outsider@example.org", "x")
    other = Booking.objects.exclude(owner=booking.owner).values_list("owner", flat=True).first()
    Membership.objects.create(user=outsider, association_id=other, role="admin")
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert booking.contact_email not in client.get(reverse("lending:dashboard")).content.decode()
    plain_member = django_user_model.objects.create_user("plain", "plain@example.org", "x")
    Membership.objects.create(user=plain_member, association=booking.owner, role="member")
    client.force_login(plain_member)
    assert client.get(url).status_code == 404
    assert (
        client.post(reverse("lending:booking_action", args=[booking.uid, "approve"])).status_code
        == 404
    )
    owner_admin = django_user_model.objects.create_user("owneradmin", "oa@example.org", "x")
    Membership.objects.create(user=owner_admin, association=booking.owner, role="admin")
    client.force_login(owner_admin)
    page = client.get(url)
    assert page.status_code == 200 and booking.contact_email in page.content.decode()
    assert booking.contact_email in client.get(reverse("lending:dashboard")).content.decode()
    client.force_login(users["editor"])
    page = client.get(url)
    assert page.status_code == 200 and booking.contact_email in page.content.decode()
    assert (
        client.post(reverse("lending:booking_action", args=[booking.uid, "approve"])).status_code
        == 403
    )


def test_owner_admin_approves_in_the_dashboard(client, django_user_model):
    from associations.models import Membership

    booking, _ = _booking_for_others()
    owner_admin = django_user_model.objects.create_user("oa2", "oa2@example.org", "x")
    Membership.objects.create(user=owner_admin, association=booking.owner, role="admin")
    client.force_login(owner_admin)
    response = client.post(
        reverse("lending:booking_action", args=[booking.uid, "decline"]), {"reason": "Remontti"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "declined" and booking.decision_reason == "Remontti"
    assert booking.events.last().actor == owner_admin


def test_request_form_names_the_broken_rule(client, users):
    from associations.permissions import associations_of

    client.force_login(users["member"])
    owned = associations_of(users["member"], role="admin")
    space = SpacePage.objects.filter(
        locale__language_code="en",
        association__translation_key__in=[a.translation_key for a in owned],
    ).first()
    day = timezone.localdate() + datetime.timedelta(days=10)
    association = associations_of(users["member"]).first()
    response = client.post(
        space.url + "varaa/",
        {
            "association": association.pk,
            "date": day.isoformat(),
            "start": "03:00",
            "end": "04:00",
            "accept_terms": "on",
        },
    )
    assert response.status_code == 400
    assert "bookable hours" in response.content.decode()
    assert "aria-describedby" in response.content.decode()
    empty = client.post(space.url + "varaa/", {})
    assert empty.status_code == 400


def test_request_form_creates_a_request_and_emails(client, users):
    from associations.permissions import associations_of

    client.force_login(users["member"])
    space = SpacePage.objects.filter(locale__language_code="fi", booking_mode="request").first()
    day = timezone.localdate() + datetime.timedelta(days=40)
    while day.weekday() != 1:
        day += datetime.timedelta(days=1)
    association = associations_of(users["member"]).first()
    mail.outbox.clear()
    response = client.post(
        space.url + "varaa/",
        {
            "association": association.pk,
            "date": day.isoformat(),
            "start": "09:00",
            "end": "11:00",
            "accept_terms": "on",
            "message": "Hallituksen kokous",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    booking = Booking.objects.get(uid=response.url.rstrip("/").split("/")[-1])
    assert booking.status == "requested"
    assert any(users["member"].email in m.to for m in mail.outbox)


def test_anonymous_visitor_is_sent_to_log_in(client):
    space = SpacePage.objects.live().filter(locale__language_code="fi").first()
    response = client.get(space.url + "varaa/")
    assert response.status_code == 302


def test_impact_figures_count_only_sharing_between_associations():
    figures = impact_figures(months=2)
    assert len(figures) == 2
    total_hours = sum(m.total_hours for m in figures)
    assert total_hours > 0
    assert set(figures[-1].space_hours) == {"hameenlinna-seutu", "riihimaki-seutu", "forssa-seutu"}


def test_purge_removes_personal_data_after_retention():
    old = Booking.objects.filter(ends_at__lt=timezone.now(), personal_data_purged=False).first()
    count = purge_personal_data(now=timezone.now() + datetime.timedelta(days=1), days=0)
    assert count >= 1
    old.refresh_from_db()
    assert old.personal_data_purged and old.contact_email == "" and old.requested_by is None
    assert old.events.count() == 0


def test_cron_commands_are_idempotent():
    out = io.StringIO()
    call_command("expire_booking_requests", stdout=out)
    call_command("expire_booking_requests", stdout=out)
    booking = (
        Booking.objects.filter(status="approved", starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    mail.outbox.clear()
    # Three hours before the booking starts, its requester is reminded once.
    with time_machine.travel(booking.starts_at - datetime.timedelta(hours=3), tick=False):
        call_command("lending_reminders", stdout=out)
        first = len(mail.outbox)
        call_command("lending_reminders", stdout=out)
    assert first >= 1 and len(mail.outbox) == first
    assert any(booking.contact_email in m.to for m in mail.outbox)
    call_command("purge_bookings", stdout=out)


def test_conflicting_request_shows_free_slots(client, users):
    from associations.permissions import associations_of

    booking = (
        Booking.objects.filter(
            kind="space",
            status="approved",
            starts_at__gt=timezone.now() + datetime.timedelta(days=2),
        )
        .select_related("resource")
        .first()
    )
    space = booking.resource.specific
    client.force_login(users["member"])
    start, end = timezone.localtime(booking.starts_at), timezone.localtime(booking.ends_at)
    response = client.post(
        space.url + "varaa/",
        {
            "association": associations_of(users["member"]).first().pk,
            "date": start.date().isoformat(),
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
            "accept_terms": "on",
        },
    )
    assert response.status_code == 400
    assert response.context["conflict"].suggestions
    assert services.is_space_free(
        space,
        response.context["conflict"].suggestions[0].start,
        response.context["conflict"].suggestions[0].end,
    )


def test_statistics_page_shows_the_sharing_figures(client):
    figures = impact_figures(months=12)
    from associations.models import AssociationIndexPage

    directory = AssociationIndexPage.objects.get(locale__language_code="en")
    response = client.get(directory.url + "tilastot/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Shared spaces and equipment between associations" in html
    busiest = max(figures, key=lambda month: month.total_hours)
    _region, hours = max(busiest.space_hours.items(), key=lambda pair: pair[1])
    assert hours > 0
    assert f"<td>{hours}</td>" in html


def test_listing_query_count_is_the_same_for_one_result_or_a_full_page(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for model, narrow in (
        (SpaceIndexPage, {"capacity": "100"}),
        (EquipmentIndexPage, {"quantity": "10"}),
    ):
        url = index(model, "sv").url
        client.get(url)
        counts = []
        for params in ({}, narrow):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, params)
            counts.append((len(queries), len(response.context["resources"])))
        (full, shown_full), (few, shown_few) = counts
        assert shown_full > shown_few >= 1
        assert full == few, counts
