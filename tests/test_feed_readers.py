"""Counting the different programs that read the feeds each day (for the yearly report):
each program once a day per kind, through the full stack and the fast path alike, kept by
`record_feed_readers`, and nothing about anyone stored."""

import datetime
import io

import pytest
import time_machine

from django.core.management import call_command
from django.utils import timezone

from calendars.models import FeedReadersDay

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CALENDAR = "/fi/calendar/trainings.ics"
NEWS = "/fi/feeds/news.rss"


def read(client, url, address, program):
    response = client.get(url, REMOTE_ADDR=address, HTTP_USER_AGENT=program)
    assert response.status_code == 200
    return response


def test_each_program_is_counted_once_a_day_by_kind(client):
    noon = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(12)))
    with time_machine.travel(noon, tick=False):
        for _ in range(3):  # polling again and again; the later ones take the fast path
            read(client, CALENDAR, "10.0.0.1", "Microsoft Outlook 16.0")
        read(client, CALENDAR + "?theme=rahoitus", "10.0.0.1", "Microsoft Outlook 16.0")
        read(client, CALENDAR, "10.0.0.2", "Google-Calendar-Importer")
        read(client, CALENDAR, "10.0.0.1", "Thunderbird/128.0")  # another program, same office
        read(client, NEWS, "10.0.0.3", "Feedly/1.0")
        read(client, NEWS, "10.0.0.3", "Feedly/1.0")
    with time_machine.travel(noon + datetime.timedelta(days=1), tick=False):
        read(client, CALENDAR, "10.0.0.1", "Microsoft Outlook 16.0")  # counted on its own day
        out = io.StringIO()
        call_command("record_feed_readers", "--now", stdout=out)
    readers = {(row.day, row.kind): row.readers for row in FeedReadersDay.objects.all()}
    day = noon.date()
    assert readers == {(day, "calendar"): 3, (day, "news"): 1}
    # Running again changes nothing; the next night keeps the second day.
    with time_machine.travel(noon + datetime.timedelta(days=1), tick=False):
        call_command("record_feed_readers", "--now", stdout=io.StringIO())
    assert FeedReadersDay.objects.count() == 2
    with time_machine.travel(noon + datetime.timedelta(days=2), tick=False):
        call_command("record_feed_readers", "--now", stdout=io.StringIO())
    assert FeedReadersDay.objects.get(day=day + datetime.timedelta(days=1)).readers == 1


def test_nothing_about_a_reader_is_stored(client):
    read(client, CALENDAR, "192.0.2.77", "Secret-Agent/7")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        call_command("record_feed_readers", "--now", stdout=io.StringIO())
    stored = [str(value) for row in FeedReadersDay.objects.values() for value in row.values()]
    assert not any("192.0.2.77" in value or "Secret-Agent" in value for value in stored)
