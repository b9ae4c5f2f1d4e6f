"""What subscribers' calendar programs read: the catalogue and funding files as two independent
readers see them (icalendar + recurring-ical-events, and the plain text a program that ignores
STATUS or RECURRENCE-ID shows), after the editors' everyday changes."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from catalogue.factories import local, make_training, republish
from catalogue.models import Session, TrainingPage

HELSINKI = ZoneInfo("Europe/Helsinki")
LANGUAGES = ("fi", "sv", "en")

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def unfolded(body):
    return body.replace(b"\r\n ", b"").decode()


def vevents(body, uid_prefix=""):
    calendar = icalendar.Calendar.from_ical(body)
    return [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(uid_prefix)]


def expand(body, start, end):
    return recurring_ical_events.of(icalendar.Calendar.from_ical(body)).between(start, end)


# 1. Multi-day all-day sessions --------------------------------------------------------------


def test_two_day_forum_ends_after_its_second_day_in_every_file(client):
    """The forum is 15.–16.1. on its page: DTEND;VALUE=DATE is the exclusive 17.1."""
    for code in LANGUAGES:
        page = TrainingPage.objects.get(slug="jarjestofoorumi", locale__language_code=code)
        occurrence = page.occurrences.get()
        first, last = occurrence.local_start.date(), occurrence.last_day
        assert last == first + datetime.timedelta(days=1)  # two days, as the page shows
        for url in (
            f"/{code}/calendar/trainings.ics",
            f"/{code}/calendar/training/{page.uid}.ics",
        ):
            body = client.get(url).content
            (event,) = vevents(body, str(page.uid))
            assert event["DTSTART"].dt == first
            assert event["DTEND"].dt == last + datetime.timedelta(days=1), url
            days = expand(body, first, last + datetime.timedelta(days=3))
            shown = [e for e in days if str(e["UID"]).startswith(str(page.uid))]
            assert len(shown) == 1 and shown[0]["DTEND"].dt == last + datetime.timedelta(days=1)


def test_moved_all_day_session_keeps_its_days_in_the_table_and_the_file(client):
    page = make_training("kaksipaivainen", sessions=[(local(20, 0), local(21, 0))])
    session = page.sessions.get()
    Session.objects.filter(pk=session.pk).update(
        all_day=True,
        status="moved",
        # Times typed with the dates of an all-day session are ignored, as in the admin.
        new_start=local(27, 9),
        new_end=local(28, 17),
        reason="Sali remontissa",
    )
    page = republish(TrainingPage.objects.get(pk=page.pk))

    occurrence = page.occurrences.get()
    moved_to = local(27).date()
    assert (occurrence.local_start.date(), occurrence.last_day) == (
        moved_to,
        moved_to + datetime.timedelta(days=1),
    )
    (event,) = vevents(client.get(f"/fi/calendar/training/{page.uid}.ics").content)
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (
        moved_to,
        moved_to + datetime.timedelta(days=2),
    )
