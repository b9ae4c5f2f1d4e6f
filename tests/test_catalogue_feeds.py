"""The catalogue's calendar interface: trainings as FeedEvents, read back by an independent
parser (recurring-ical-events) and compared with the occurrence table the HTML pages show."""

import datetime

import icalendar
import pytest
import recurring_ical_events

from django.utils import timezone

from calendars.ical import build_calendar
from calendars.types import CalendarMeta
from catalogue.feeds import training_events, training_ics, trainings_for_feed
from catalogue.models import TrainingPage

pytestmark = pytest.mark.django_db


def expand(calendar_bytes, start, end):
    calendar = icalendar.Calendar.from_ical(calendar_bytes)
    return recurring_ical_events.of(calendar).between(start, end)


def occurrences_as_pairs(page, start, end):
    return sorted(
        (o.start, o.status == "cancelled")
        for o in page.occurrences.filter(start__gte=start, start__lt=end)
    )


@pytest.mark.parametrize(
    "slug", ["vertaistukiryhma-forssa", "liikuntaryhma-hausjarvi", "hankeklinikka", "somekoulu"]
)
def test_feed_events_expand_to_the_same_occurrences_as_the_table(slug):
    page = TrainingPage.objects.get(slug=slug, locale__language_code="fi")
    start = timezone.now() - datetime.timedelta(days=1)
    end = timezone.now() + datetime.timedelta(days=300)
    ics = build_calendar(CalendarMeta(name="Testi"), training_events(page))
    expanded = sorted(
        (
            event["DTSTART"].dt.astimezone(datetime.UTC),
            str(event.get("STATUS", "")) == "CANCELLED",
        )
        for event in expand(ics, start, end)
    )
    assert expanded == [
        (s.astimezone(datetime.UTC), c) for s, c in occurrences_as_pairs(page, start, end)
    ]


def test_uid_is_the_same_in_every_language_and_sequence_is_carried():
    uids = {}
    for code in ("fi", "sv", "en"):
        page = TrainingPage.objects.get(slug="hallituksen-perehdytys", locale__language_code=code)
        events = training_events(page)
        uids[code] = [event.uid for event in events]
        assert all(event.sequence == page.sequence for event in events)
        assert all(event.language == code for event in events)
    assert uids["fi"] == uids["sv"] == uids["en"]
    assert len(set(uids["fi"])) == 3  # one per session


def test_single_training_ics_has_no_calendar_name_and_is_byte_stable():
    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="sv")
    first, second = training_ics(page), training_ics(page)
    assert first == second
    text = first.decode()
    assert "X-WR-CALNAME" not in text and "\r\nNAME" not in text
    assert "Understödsansökans ABC" in text
    assert "LANGUAGE=sv" in text


def test_cancelled_training_stays_in_the_feed_as_cancelled():
    page = TrainingPage.objects.get(slug="toimintasuunnitelma-pajat", locale__language_code="fi")
    text = training_ics(page).decode()
    assert "STATUS:CANCELLED" in text


def test_feed_queryset_loads_trainings_in_constant_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        pages = list(trainings_for_feed().filter(locale__language_code="fi"))
        for page in pages:
            list(page.sessions.all())
            list(page.exceptions.all())
            list(page.theme_links.all())
    assert len(pages) >= 40


def test_feed_trainings_follow_the_same_filters_as_the_catalogue():
    from django.http import QueryDict

    from wagtail.models import Locale

    from catalogue.feeds import feed_trainings
    from catalogue.filters import parse_filters
    from catalogue.models import Theme

    fi = Locale.objects.get(language_code="fi")
    themes = Theme.objects.filter(locale=fi).values_list("slug", flat=True)
    filters = parse_filters(
        QueryDict("theme=varautuminen&municipality=loppi"), themes=themes, organisers=[]
    )
    titles = set(feed_trainings(fi, filters).values_list("title", flat=True))
    assert "Yhdistyksen valmiussuunnitelma" in titles
    assert all(page.municipality == "loppi" for page in feed_trainings(fi, filters))
    bad = parse_filters(QueryDict("theme=nope"), themes=themes, organisers=[])
    assert not bad.is_valid and "nope" in bad.problems[0]
