"""Titles on one line (issue 17, L4): a newline typed into a space's or an equipment's title made
every booking request answer 500 after the booking was saved, and no owner was told (Django
refuses a newline in an email subject). Titles lose their control characters when saved, the
subject is made one line whatever the title holds, and a mail that fails never fails the
request."""

import logging

import pytest

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse

from associations.permissions import associations_of
from lending.models import Booking, EquipmentPage, SpacePage
from tests import test_lending_booking as booking_tests
from tests.test_lending_member_listing import equipment_data, space_data

pytestmark = pytest.mark.django_db

# A space of the demo member's association (the member gets the owner's emails) and the member
# with an association to request for.
space, requester = booking_tests.space, booking_tests.requester


def test_space_title_typed_with_a_newline_is_saved_on_one_line(client, users):
    owned = associations_of(users["member"], role="admin").first()
    client.force_login(users["member"])
    response = client.post(
        reverse("lending:member_new", args=[owned.pk, "tila"]),
        space_data(title="Sali\nA\r\n\tyläkerta"),
    )
    assert response.status_code == 302
    space = SpacePage.objects.get(title__startswith="Sali")
    assert space.title == "Sali A yläkerta"
    assert space.draft_title == "Sali A yläkerta"
    assert space.get_latest_revision_as_object().title == "Sali A yläkerta"


def test_equipment_title_typed_with_a_newline_is_saved_on_one_line(client, users):
    owned = associations_of(users["member"], role="admin").first()
    client.force_login(users["member"])
    response = client.post(
        reverse("lending:member_new", args=[owned.pk, "valine"]),
        equipment_data(title="Keitin\u2028 50 kuppia\r"),
    )
    assert response.status_code == 302
    assert EquipmentPage.objects.filter(title="Keitin 50 kuppia").exists()


def request_with_broken_title(client, space, requester):
    """Give the space (all its translations) a title with a newline, as data saved before the
    fix holds, and send a booking request for it through the form."""
    SpacePage.objects.filter(translation_key=space.translation_key).update(title="Sali\nA")
    user, association = requester
    day = booking_tests.free_day(space)
    client.force_login(user)
    return client.post(
        space.url + "varaa/",
        {
            "association": association.pk,
            "date": day.isoformat(),
            "start": "10:00",
            "end": "12:00",
            "accept_terms": "on",
        },
    )


def test_booking_request_for_a_title_with_a_newline_is_sent_to_the_owner(client, space, requester):
    mail.outbox.clear()
    response = request_with_broken_title(client, space, requester)
    assert response.status_code == 302
    booking = Booking.objects.order_by("-pk").first()
    assert str(booking.uid) in response["Location"]
    # The owner's admin is asked, the requester told the request was sent.
    assert sorted(message.subject for message in mail.outbox) == [
        "Meidän Häme: Pyyntö lähetetty: Sali A",
        "Meidän Häme: Varauspyyntö: Sali A",
    ]


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@override_settings(EMAIL_BACKEND="tests.test_security_titles.RefusingBackend")
def test_booking_request_answers_even_when_the_mail_fails(client, space, requester, caplog):
    before = Booking.objects.count()
    with caplog.at_level(logging.ERROR, logger="lending.emails"):
        response = request_with_broken_title(client, space, requester)
    assert response.status_code == 302
    assert Booking.objects.count() == before + 1
    assert "Could not send the booking email" in caplog.text
