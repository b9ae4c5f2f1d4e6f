"""What subscribers' calendar programs read: the catalogue and funding files as two independent
readers see them (icalendar + recurring-ical-events, and the plain text a program that ignores
STATUS or RECURRENCE-ID shows), after the editors' everyday changes."""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from django.utils import timezone

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


# 2. Date filters narrow the page, not the subscription --------------------------------------

ALTERNATE = re.compile(
    r'<link rel="alternate" type="text/calendar" title="([^"]*)" href="([^"]+)">'
)


@pytest.mark.parametrize(
    "dates", ["when=month", "when=today", "from=2027-01-01&to=2027-01-31", "from=2026-12-01"]
)
def test_a_dated_page_offers_the_undated_subscription_of_its_other_filters(client, dates):
    html = client.get(f"/en/koulutukset/?theme=talous&{dates}").content.decode()
    title, href = ALTERNATE.search(html).groups()

    assert href.endswith("/en/calendar/trainings.ics?theme=talous")
    assert title == "Meidän Häme – trainings: Finances and accounting"
    assert f'id="catalogue-subscribe-url" value="{href}"' in html
    assert "the dates chosen above narrow only this page" in html
    undated = client.get("/en/koulutukset/?theme=talous").content.decode()
    assert "the dates chosen above narrow only this page" not in undated


def test_a_feed_url_with_dates_holds_every_date_of_the_window(client):
    """A subscriber of an old dated URL keeps next month's sessions instead of losing them."""
    whole = client.get("/fi/calendar/trainings.ics").content
    month = client.get("/fi/calendar/trainings.ics?when=month").content
    start = timezone.now()
    end = start + datetime.timedelta(days=365)

    assert month == whole
    later = expand(month, start + datetime.timedelta(days=62), end)
    assert len(later) > 20
