"""Booking rules, conflicts, the signed decision links and the email flow."""

import datetime

import pytest
import time_machine

from django.core import mail, signing
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from lending import links, services
from lending.models import Booking, BookingEvent, BookingStatus, EquipmentPage, SpacePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the site's default language is Finnish."""
    from django.utils import translation

    with translation.override("en"):
        yield


def next_weekday(weekday=2, weeks=1):
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def space(requester):
    """A space of the association the demo member administers (so the member gets the
    owner's emails), with no buffers."""
    from associations.permissions import associations_of

    owned = associations_of(requester[0], role="admin")
    space = SpacePage.objects.filter(
        locale__language_code="fi", booking_mode="request", association__in=owned
    ).first()
    SpacePage.objects.filter(pk=space.pk).update(buffer_before=0, buffer_after=0)
    space.refresh_from_db()
    return space


@pytest.fixture
def item():
    return EquipmentPage.objects.filter(locale__language_code="fi", quantity__gte=4).first()


@pytest.fixture
def requester(users):
    from associations.permissions import associations_of

    user = users["member"]
    return user, associations_of(user).first()


def free_day(space, weeks=3):
    day = next_weekday(2, weeks)
    while (
        Booking.objects.of_resource(space).blocking().overlapping(at(day, 0), at(day, 23)).exists()
    ):
        day += datetime.timedelta(days=7)
    return day


def test_request_blocks_the_time_and_emails_the_owner_admins(space, requester):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    assert booking.status == BookingStatus.REQUESTED
    assert booking.owner_id == space.association_id
    assert booking.events.get().to_status == "requested"
    subjects = [m.subject for m in mail.outbox]
    assert any("Varauspyyntö" in s or "Booking request" in s for s in subjects)
    with pytest.raises(services.BookingConflict) as conflict:
        services.request_space(
            space, user=user, association=association, start=at(day, 11), end=at(day, 13)
        )
    assert "already booked" in conflict.value.message or conflict.value.message
    assert conflict.value.suggestions, "free alternatives are suggested"
    for slot in conflict.value.suggestions:
        assert services.is_space_free(space, slot.start, slot.end)


def test_database_refuses_overlapping_space_bookings_even_without_the_service(space, requester):
    user, association = requester
    day = free_day(space)
    base = {
        "kind": "space",
        "resource": space,
        "owner_id": space.association_id,
        "municipality": space.municipality,
        "association": association,
    }
    Booking.objects.create(
        **base,
        starts_at=at(day, 10),
        ends_at=at(day, 12),
        blocked_from=at(day, 10),
        blocked_until=at(day, 12),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            **base,
            starts_at=at(day, 11),
            ends_at=at(day, 13),
            blocked_from=at(day, 11),
            blocked_until=at(day, 13),
        )
    # Declined bookings do not block; touching ends do not overlap.
    Booking.objects.create(
        **base,
        starts_at=at(day, 12),
        ends_at=at(day, 14),
        blocked_from=at(day, 12),
        blocked_until=at(day, 14),
    )
    Booking.objects.create(
        **base,
        status="declined",
        starts_at=at(day, 10),
        ends_at=at(day, 12),
        blocked_from=at(day, 10),
        blocked_until=at(day, 12),
    )


def test_buffers_block_neighbouring_slots(space, requester):
    user, association = requester
    SpacePage.objects.filter(pk=space.pk).update(buffer_after=30)
    space.refresh_from_db()
    day = free_day(space)
    services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    with pytest.raises(services.BookingConflict):
        services.request_space(
            space, user=user, association=association, start=at(day, 12), end=at(day, 13)
        )
    services.request_space(
        space, user=user, association=association, start=at(day, 12, 30), end=at(day, 14)
    )


@pytest.mark.parametrize(
    "start,end,rule",
    [
        ((10, 0), (9, 0), "end must be after"),
        ((10, 0), (10, 30), "shortest booking"),
        ((5, 0), (7, 0), "bookable hours"),
        ((8, 0), (21, 30), "longest booking"),
    ],
)
def test_rules_name_what_is_wrong(space, requester, start, end, rule):
    user, association = requester
    day = free_day(space)
    with pytest.raises(services.BookingRuleError) as error:
        services.request_space(
            space, user=user, association=association, start=at(day, *start), end=at(day, *end)
        )
    assert any(rule in str(m) for m in error.value.messages), error.value.messages


def test_past_closed_and_too_far_ahead_are_refused(space, requester):
    from lending.models import SpaceClosedDate

    user, association = requester
    past = next_weekday(2, -2)
    problems = services.space_rule_problems(space, at(past, 10), at(past, 12))
    assert any("past" in str(p) for p in problems)
    far = next_weekday(2, 60)
    assert any(
        "days ahead" in str(p)
        for p in services.space_rule_problems(space, at(far, 10), at(far, 12))
    )
    day = free_day(space)
    SpaceClosedDate.objects.create(page=space, date=day)
    assert any(
        "closed" in str(p) for p in services.space_rule_problems(space, at(day, 10), at(day, 12))
    )


def test_equipment_quantity_never_exceeds_stock(item, requester):
    user, association = requester
    first = next_weekday(1, 8)
    free = services.available_quantity(
        item, *services.day_range(first, first + datetime.timedelta(days=1))
    )
    services.request_equipment(
        item,
        user=user,
        association=association,
        first_day=first,
        last_day=first + datetime.timedelta(days=1),
        quantity=free,
    )
    with pytest.raises(services.BookingConflict) as conflict:
        services.request_equipment(
            item,
            user=user,
            association=association,
            first_day=first + datetime.timedelta(days=1),
            last_day=first + datetime.timedelta(days=2),
            quantity=1,
        )
    assert "free" in conflict.value.message
    with pytest.raises(services.BookingRuleError) as error:
        services.request_equipment(
            item,
            user=user,
            association=association,
            first_day=first,
            last_day=first,
            quantity=item.quantity + 1,
        )
    assert any("can be lent" in str(m) for m in error.value.messages)


def test_signed_link_approves_once_and_tells_the_requester(client, space, requester):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    mail.outbox.clear()
    url = reverse("lending:decide", args=[links.make_token(booking, "approve")])
    page = client.get(url)
    assert page.status_code == 200
    booking.refresh_from_db()
    assert booking.status == "requested", "opening the link changes nothing"
    response = client.post(url, {"reason": "Tervetuloa!"})
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == "approved"
    assert booking.decision_reason == "Tervetuloa!"
    assert len(mail.outbox) == 1 and user.email in mail.outbox[0].to
    assert "Tervetuloa!" in mail.outbox[0].body
    again = client.post(url, {"reason": ""})
    assert again.status_code == 410
    booking.refresh_from_db()
    assert booking.status == "approved"
    assert list(booking.events.values_list("to_status", flat=True)) == ["requested", "approved"]


def test_tampered_and_expired_links_change_nothing(client, space, requester, monkeypatch):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    token = links.make_token(booking, "approve")
    tampered = token.replace(f"{booking.pk}:approve", f"{booking.pk}:decline")
    response = client.post(reverse("lending:decide", args=[tampered]))
    assert response.status_code == 410
    assert "not valid" in response.content.decode() or "ei kelpaa" in response.content.decode()
    monkeypatch.setattr(links, "MAX_AGE", -1)
    with pytest.raises(links.LinkError) as error:
        links.read_token(token, max_age=-1)
    assert error.value.reason == "expired"
    booking.refresh_from_db()
    assert booking.status == "requested"
    assert isinstance(signing.TimestampSigner, type)


def test_a_decision_link_after_the_answer_deadline_is_refused_before_the_expiry_job_runs(
    client, space, requester
):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    url = reverse("lending:decide", args=[links.make_token(booking, "approve")])
    with time_machine.travel(booking.expires_at - datetime.timedelta(minutes=1), tick=False):
        assert client.get(url).status_code == 200, "still open just before the deadline"
    mail.outbox.clear()
    with time_machine.travel(booking.expires_at + datetime.timedelta(minutes=1), tick=False):
        page = client.get(url)
        assert page.status_code == 410
        assert "answer deadline of the request has passed" in page.content.decode()
        response = client.post(url, {"reason": "Myöhässä"})
    assert response.status_code == 410
    booking.refresh_from_db()
    assert booking.status == "requested", "the link changed nothing; the expiry job expires it"
    assert mail.outbox == []


def test_a_late_decision_in_the_dashboard_expires_the_request_instead(client, space, requester):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    client.force_login(user)  # an admin of the owner association
    mail.outbox.clear()
    with time_machine.travel(booking.expires_at + datetime.timedelta(minutes=1), tick=False):
        page = client.get(reverse("lending:booking", args=[booking.uid]))
        assert reverse("lending:booking_action", args=[booking.uid, "approve"]) not in (
            page.content.decode()
        ), "no decision buttons after the deadline"
        response = client.post(
            reverse("lending:booking_action", args=[booking.uid, "approve"]), follow=True
        )
        assert "answer deadline of the request has passed" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "expired"
    assert [m.to for m in mail.outbox] == [[user.email]], "the requester hears it expired"


def test_history_is_append_only(space, requester):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    event = booking.events.get()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        BookingEvent.objects.filter(pk=event.pk).update(reason="changed")


def test_cancel_frees_the_time_and_tells_the_owner(space, requester):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    mail.outbox.clear()
    services.cancel(booking, actor=user, reason="Kokous siirtyi")
    assert mail.outbox, "owner admins are told"
    services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )


def test_unanswered_requests_expire_and_the_requester_is_told(space, requester):
    user, association = requester
    day = free_day(space)
    booking = services.request_space(
        space, user=user, association=association, start=at(day, 10), end=at(day, 12)
    )
    mail.outbox.clear()
    expired = services.expire_unanswered(now=booking.expires_at + datetime.timedelta(minutes=1))
    assert booking.pk in [b.pk for b in expired]
    booking.refresh_from_db()
    assert booking.status == "expired"
    assert any(user.email in m.to for m in mail.outbox)
