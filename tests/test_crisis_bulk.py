"""Bulk changes of the catalogue in an exceptional situation, and reminders to report."""

import datetime
import io

import icalendar
import pytest
import recurring_ical_events

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalogue.feeds import training_ics
from catalogue.models import Registration, TrainingPage
from crisis.bulk import apply_bulk_change
from crisis.demo import start_demo_situation
from crisis.models import StatusReport
from tests.catalogue_factories import local, make_training

pytestmark = pytest.mark.django_db
DAYS = 200


def register(page, email, language):
    return Registration.objects.create(
        training=page,
        status="confirmed",
        name="Testi Henkilö",
        email=email,
        association="Testiyhdistys",
        language=language,
        consent_at=timezone.now(),
    )


@pytest.fixture
def trainings():
    inside = make_training(
        "kriisi-sisalla",
        title="Kerho Ypäjällä",
        municipality="ypaja",
        sessions=[(local(DAYS, 17), local(DAYS, 19)), (local(DAYS + 20, 17), local(DAYS + 20, 19))],
    )
    outside = make_training(
        "kriisi-ulkona",
        title="Kerho Lopella",
        municipality="loppi",
        sessions=[(local(DAYS, 17), local(DAYS, 19))],
    )
    return inside, outside


def test_bulk_cancellation_changes_pages_feeds_and_emails(
    client, trainings, django_capture_on_commit_callbacks
):
    inside, outside = trainings
    register(inside, "sv@example.fi", "sv")
    register(inside, "fi@example.fi", "fi")
    sequence_before = inside.sequence
    day = timezone.localdate() + datetime.timedelta(days=DAYS)
    with django_capture_on_commit_callbacks(execute=True):
        changed = apply_bulk_change(day, day, ["ypaja"], "cancel", "Laaja sähkökatko")
    assert changed.trainings == [inside.pk]
    assert changed.notices == 2
    inside.refresh_from_db()
    assert inside.sequence > sequence_before
    statuses = list(inside.occurrences.order_by("start").values_list("status", flat=True))
    assert statuses == ["cancelled", "scheduled"]  # the later date is outside the range
    assert set(outside.occurrences.values_list("status", flat=True)) == {"scheduled"}

    # The feed read back by an independent parser.
    calendar = icalendar.Calendar.from_ical(training_ics(inside))
    events = recurring_ical_events.of(calendar).between(local(DAYS - 1), local(DAYS + 30))
    by_day = {e["DTSTART"].dt.date(): e for e in events}
    cancelled = by_day[day]
    assert str(cancelled.get("STATUS")) == "CANCELLED"
    assert int(cancelled.get("SEQUENCE")) == inside.sequence > sequence_before
    later = by_day[day + datetime.timedelta(days=20)]
    assert str(later.get("STATUS", "CONFIRMED")) != "CANCELLED"

    # The page shows the reason, in every language version.
    assert "Laaja sähkökatko" in client.get(inside.url).content.decode()
    sv = TrainingPage.objects.filter(
        translation_key=inside.translation_key, locale__language_code="sv"
    ).first()
    if sv is not None:
        assert sv.occurrences.filter(status="cancelled").count() == 1

    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["fi@example.fi", "sv@example.fi"]
    assert all("Kerho Ypäjällä" in m.body and "Laaja sähkökatko" in m.body for m in mail.outbox)


def test_bulk_move_online(trainings, django_capture_on_commit_callbacks):
    inside, _ = trainings
    first = timezone.localdate() + datetime.timedelta(days=DAYS)
    with django_capture_on_commit_callbacks(execute=True):
        apply_bulk_change(
            first,
            first + datetime.timedelta(days=30),
            [],
            "online",
            "Kokoontumisrajoitus",
            "https://example.fi/teams",
        )
    inside.refresh_from_db()
    occurrences = list(inside.occurrences.order_by("start"))
    assert all(o.status == "rescheduled" for o in occurrences)
    assert all("https://example.fi/teams" in o.location for o in occurrences)
    assert "https://example.fi/teams" in training_ics(inside).decode().replace("\r\n ", "")


def test_bulk_change_admin_view_is_for_editors(client, users, trainings):
    url = reverse("crisis_bulk_change")
    client.force_login(users["member"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(users["editor"])
    day = (timezone.localdate() + datetime.timedelta(days=DAYS)).isoformat()
    data = {
        "first_day": day,
        "last_day": day,
        "municipalities": ["ypaja"],
        "action": "cancel",
        "reason": "Myrsky",
    }
    preview = client.post(url, data)
    assert preview.status_code == 200 and "Kerho Ypäjällä" in preview.content.decode()
    assert not trainings[0].occurrences.filter(status="cancelled").exists()
    response = client.post(url, {**data, "confirm": "1"})
    assert response.status_code == 302
    assert trainings[0].occurrences.filter(status="cancelled").count() == 1


def test_reminders_go_to_admins_of_associations_without_a_report(users):
    situation = start_demo_situation(hours=2)
    mail.outbox.clear()
    out = io.StringIO()
    call_command("remind_status_reports", stdout=out)
    recipients = {address for m in mail.outbox for address in m.to}
    assert users["member"].email in recipients  # Hattulan Omaishoitajat has not reported
    reported_admins = {r.association_id for r in StatusReport.objects.filter(situation=situation)}
    assert reported_admins
    assert all(f"/{situation.pk}/" in m.body for m in mail.outbox)


def test_reminders_need_an_active_situation():
    with pytest.raises(Exception, match="No active situation"):
        call_command("remind_status_reports", stdout=io.StringIO())
