"""Registrants hear when a training they are coming to changes: a publish that moves a date,
the place or the status queues one notice per confirmed or waiting registrant, written in
their language with the updated calendar file; the same change published again, or a change
of texts only, mails nobody; the editor is told how many notices were queued."""

import datetime

import icalendar
import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Registration, TrainingPage
from core.models import OutboxMail
from tests.catalogue_factories import local, make_training
from tests.test_associations_moderation import admin_form_data

pytestmark = pytest.mark.django_db


def register(page, email, language="fi", status="confirmed"):
    return Registration.objects.create(
        training=page,
        status=status,
        name="Testi Henkilö",
        email=email,
        association="Testiyhdistys",
        language=language,
        consent_at=timezone.now(),
    )


@pytest.fixture
def training():
    page = make_training(
        "muuttuva-koulutus",
        title="Hallituksen kevätkoulutus",
        sessions=[(local(20, 17), local(20, 19)), (local(27, 17), local(27, 19))],
        venue="Verkatehdas",
        street_address="Paasikiventie 2",
        postal_code="13200",
    )
    register(page, "fi@example.fi", "fi")
    register(page, "sv@example.fi", "sv", status="waiting")
    register(page, "en@example.fi", "en", status="cancelled")
    register(page, "pending@example.fi", "fi", status="pending")
    return page


def publish(page, change, capture):
    page = TrainingPage.objects.get(pk=page.pk)
    change(page)
    with capture(execute=True):
        page.save_revision().publish()
    return page


def move_second_session(page):
    sessions = list(page.sessions.all())
    sessions[1].start = local(28, 18)
    sessions[1].end = local(28, 20)
    page.sessions = sessions


def test_a_moved_date_tells_confirmed_and_waiting_registrants_once(
    training, django_capture_on_commit_callbacks
):
    sequence = training.sequence
    publish(training, move_second_session, django_capture_on_commit_callbacks)
    training.refresh_from_db()
    assert training.sequence > sequence

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["fi@example.fi", "sv@example.fi"]
    finnish, swedish = by_address["fi@example.fi"], by_address["sv@example.fi"]
    moved_from = timezone.localtime(local(27, 17))
    moved_to = timezone.localtime(local(28, 18))
    assert "Hallituksen kevätkoulutus" in finnish.subject
    assert f"{moved_from:%-d.%-m.%Y %H.%M}" in finnish.body
    assert f"{moved_to:%-d.%-m.%Y %H.%M}" in finnish.body
    assert "Muuttunut" in finnish.body
    assert "Ändrad" in swedish.body
    # The unchanged first date is not listed as a change.
    unchanged = timezone.localtime(local(20, 17))
    assert f"Muuttunut: {unchanged:%-d.%-m.%Y}" not in finnish.body

    # The attached calendar file carries the new time and the raised SEQUENCE.
    (name, content, kind) = finnish.attachments[0]
    assert kind.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    starts = {event.decoded("DTSTART") for event in calendar.walk("VEVENT")}
    assert local(28, 18) in starts
    assert {int(event["SEQUENCE"]) for event in calendar.walk("VEVENT")} == {training.sequence}

    # Publishing the same again mails nobody.
    publish(training, lambda page: None, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert OutboxMail.objects.filter(kind="registration-changed").count() == 2


def test_a_cancelled_training_and_a_new_place_are_named(
    training, django_capture_on_commit_callbacks
):
    def cancel_and_move(page):
        page.status = "cancelled"
        page.status_note = "Kouluttaja sairastui."
        page.venue = "Kirjasto"
        page.street_address = "Lukiokatu 2"

    publish(training, cancel_and_move, django_capture_on_commit_callbacks)
    finnish = next(m for m in mail.outbox if m.to == ["fi@example.fi"])
    assert finnish.body.count("Peruttu:") == 2
    assert "Kouluttaja sairastui." in finnish.body
    assert "Verkatehdas, Paasikiventie 2, 13200 Hämeenlinna" in finnish.body
    assert "Kirjasto, Lukiokatu 2, 13200 Hämeenlinna" in finnish.body


def test_a_change_of_texts_only_mails_nobody(training, django_capture_on_commit_callbacks):
    def retitle(page):
        page.title = "Hallituksen kevätkoulutus 2027"
        page.summary = "Uusi kuvaus."

    publish(training, retitle, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_change_of_a_past_date_mails_nobody(django_capture_on_commit_callbacks):
    page = make_training(
        "mennyt-koulutus",
        sessions=[(local(-3, 17), local(-3, 19))],
    )
    register(page, "fi@example.fi")

    def move(page):
        session = page.sessions.all()[0]
        session.start, session.end = local(-3, 16), local(-3, 18)
        page.sessions = [session]

    publish(page, move, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_an_anonymised_or_cancelled_registrant_is_not_mailed_even_if_queued_before(
    training, django_capture_on_commit_callbacks
):
    Registration.objects.filter(email="sv@example.fi").update(
        anonymised_at=timezone.now(), email="poistettu@example.invalid"
    )
    publish(training, move_second_session, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["fi@example.fi"]]


def test_the_editor_is_told_how_many_notices_were_queued(
    client, users, training, django_capture_on_commit_callbacks
):
    client.force_login(users["editor"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[training.pk])
    data = admin_form_data(client, edit_url, "page-edit-form")
    data["status"] = "postponed"
    data["status_note"] = "Uusi aika kerrotaan myöhemmin."
    data["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("2 ilmoittautunutta saa tiedon muutoksesta" in message for message in shown), shown
    assert sorted(m.to[0] for m in mail.outbox) == ["fi@example.fi", "sv@example.fi"]
    finnish = next(m for m in mail.outbox if m.to == ["fi@example.fi"])
    assert "Siirretty" in finnish.body


def test_the_crisis_bulk_change_sends_its_own_notice_only(
    training, django_capture_on_commit_callbacks
):
    from crisis.bulk import apply_bulk_change

    day = timezone.localdate() + datetime.timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        apply_bulk_change(day, day, ["hameenlinna"], "cancel", "Myrsky")
    assert sorted(m.to[0] for m in mail.outbox) == ["fi@example.fi", "sv@example.fi"]
    assert not OutboxMail.objects.filter(kind="registration-changed").exists()
