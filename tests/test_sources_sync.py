"""Syncing a source into the catalogue, against recorded files served by a local feed server:
what a calendar reader sees in our feeds equals what it sees at the source; an unchanged source
writes nothing; one changed event changes one training; local edits survive; events gone at
the source are cancelled (or held for an editor); a second source's copy is shown once."""

import datetime
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
import time_machine

from django.core import mail
from django.utils import timezone

from catalogue.feeds import training_ics
from catalogue.models import Registration, TrainingPage
from sources import sync
from sources.models import ImportedEvent, RunStatus
from tests.catalogue_factories import organiser
from tests.sources_server import document

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures" / "sources"
UTC = datetime.UTC
NOW = datetime.datetime(2026, 12, 15, 10, 0, tzinfo=UTC)
WINDOW = (NOW, NOW + datetime.timedelta(days=200))


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def fetchable(settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True


def served(server, name, body=None, path=None):
    body = body if body is not None else (FIXTURES / name).read_bytes()
    path = path or f"/{name}"
    server.routes[path] = document(body)
    return server.url(path)


def add(url, kind="ical", **options):
    source = sync.add_source(url, kind=kind, organiser=organiser(), name="Testilähde", **options)
    source.municipality = "hameenlinna"
    source.save()
    return source


def trainings_of(source):
    return [
        event.training
        for event in ImportedEvent.objects.filter(source=source, primary=True).select_related(
            "training"
        )
    ]


def instances(calendar_bytes):
    """(UID, start, end) of every instance a calendar reader shows in the window, cancelled
    ones left out, instants in UTC."""
    calendar = icalendar.Calendar.from_ical(calendar_bytes)
    found = set()
    for event in recurring_ical_events.of(calendar).between(*WINDOW):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start, end = event.decoded("DTSTART"), event.decoded("DTEND", None)
        zone = timezone.get_default_timezone()  # a floating time is Helsinki's, as the reader's
        if not isinstance(start, datetime.datetime):
            start = datetime.datetime.combine(start, datetime.time(), tzinfo=zone)
            end = datetime.datetime.combine(end, datetime.time(), tzinfo=zone) if end else start
        end = end or start
        if start.tzinfo is None:
            start, end = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
        found.add((str(event["UID"]), start.astimezone(UTC), end.astimezone(UTC)))
    return found


def our_instances(source):
    found = set()
    for page in trainings_of(source):
        found |= instances(training_ics(page))
    return found


@pytest.mark.parametrize("name", ["google.ics", "outlook.ics", "nextcloud.ics"])
def test_our_feeds_show_what_the_source_shows(server, fetchable, name):
    source = add(served(server, name))
    run = sync.sync_source(source)
    assert run.status == RunStatus.DONE, (run.error, run.report)
    assert run.created > 0
    theirs = instances((FIXTURES / name).read_bytes())
    ours = our_instances(source)
    # The same instants, and under the origin's UIDs wherever the origin had one event.
    assert {(start, end) for _uid, start, end in ours} == {
        (start, end) for _uid, start, end in theirs
    }
    their_uids = {uid for uid, _start, _end in theirs}
    assert their_uids & {uid for uid, _start, _end in ours}
    for page in trainings_of(source):
        assert page.live
        assert page.occurrences.exists()


def test_an_unchanged_source_writes_nothing_and_one_change_changes_one_training(server, fetchable):
    body = (FIXTURES / "google.ics").read_bytes()
    url = served(server, "google.ics", body)
    source = add(url)
    sync.sync_source(source)
    pages = {page.calendar_uid: page for page in trainings_of(source)}
    revisions = {uid: page.revisions.count() for uid, page in pages.items()}
    sequences = {uid: page.sequence for uid, page in pages.items()}

    again = sync.sync_source(source)
    assert again.status == RunStatus.UNCHANGED
    assert {uid: page.revisions.count() for uid, page in pages.items()} == revisions

    # The board meeting moves by an hour at the source (a new ETag, a new body).
    changed = body.replace(b"DTSTART:20270120T160000Z", b"DTSTART:20270120T170000Z").replace(
        b"DTEND:20270120T173000Z", b"DTEND:20270120T183000Z"
    )
    assert changed != body
    served(server, "google.ics", changed)
    run = sync.sync_source(source)
    assert run.status == RunStatus.DONE
    assert (run.updated, run.created, run.cancelled) == (1, 0, 0)
    meeting = "3t9s8r7q6p5o4n3m2l1k0j9i8h@google.com"
    for uid, page in pages.items():
        page.refresh_from_db()
        if uid == meeting:
            assert page.revisions.count() > revisions[uid]
            assert page.sequence > sequences[uid]
            assert page.occurrences.first().start == datetime.datetime(2027, 1, 20, 17, tzinfo=UTC)
        else:
            assert page.revisions.count() == revisions[uid], uid
            assert page.sequence == sequences[uid]


def test_a_local_edit_survives_a_sync_that_changes_another_field(server, fetchable):
    body = (FIXTURES / "google.ics").read_bytes()
    source = add(served(server, "google.ics", body))
    sync.sync_source(source)
    meeting = TrainingPage.objects.get(calendar_uid="3t9s8r7q6p5o4n3m2l1k0j9i8h@google.com")
    edited = meeting.get_latest_revision_as_object()
    edited.summary = "Toimittajan parempi kuvaus kokouksesta."
    edited.save_revision().publish()

    served(
        server,
        "google.ics",
        body.replace(b"SUMMARY:Hallituksen kokous", b"SUMMARY:Hallituksen kokous (siirretty)"),
    )
    run = sync.sync_source(source)
    assert run.updated == 1
    meeting.refresh_from_db()
    assert meeting.title == "Hallituksen kokous (siirretty)"
    assert meeting.summary == "Toimittajan parempi kuvaus kokouksesta."
    event = ImportedEvent.objects.get(training=meeting)
    assert [key for key, _label in sync.locked_fields(event)] == ["summary:fi"]

    # Released, the next sync writes the source's summary again.
    sync.release(event, "summary:fi")
    sync.sync_source(source)
    meeting.refresh_from_db()
    assert meeting.summary != "Toimittajan parempi kuvaus kokouksesta."
    event.refresh_from_db()
    assert sync.locked_fields(event) == []


def test_an_event_gone_at_the_source_is_cancelled_with_a_note_and_registrants_told(
    server, fetchable, django_capture_on_commit_callbacks
):
    body = (FIXTURES / "google.ics").read_bytes()
    source = add(served(server, "google.ics", body))
    sync.sync_source(source)
    meeting = TrainingPage.objects.get(calendar_uid="3t9s8r7q6p5o4n3m2l1k0j9i8h@google.com")
    sequence = meeting.sequence
    Registration.objects.create(
        training=meeting,
        status="confirmed",
        name="Testi Henkilö",
        email="tulija@example.fi",
        association="Testiyhdistys",
        language="fi",
        consent_at=timezone.now(),
    )
    # The board meeting is deleted at the source.
    calendar = icalendar.Calendar.from_ical(body)
    kept = [c for c in calendar.subcomponents if c.get("UID") != meeting.calendar_uid]
    assert len(kept) == len(calendar.subcomponents) - 1
    calendar.subcomponents = kept
    served(server, "google.ics", calendar.to_ical())
    with django_capture_on_commit_callbacks(execute=True):
        run = sync.sync_source(source)
    assert run.cancelled == 1
    meeting.refresh_from_db()
    assert meeting.live and meeting.status == "cancelled"
    assert "Testilähde" in meeting.status_note
    assert meeting.sequence > sequence
    calendar = icalendar.Calendar.from_ical(training_ics(meeting))
    (event,) = calendar.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == meeting.sequence
    assert [m.to for m in mail.outbox] == [["tulija@example.fi"]]
    assert "Peruttu" in mail.outbox[0].body


def test_a_run_that_would_cancel_too_much_waits_for_an_editor(server, fetchable):
    def event(n):
        day = f"202701{n + 10:02d}"
        return (
            f"BEGIN:VEVENT\r\nUID:kerho-{n}@example.fi\r\nDTSTAMP:20261201T000000Z\r\n"
            f"DTSTART;TZID=Europe/Helsinki:{day}T180000\r\n"
            f"DTEND;TZID=Europe/Helsinki:{day}T200000\r\n"
            f"SUMMARY:Kerhoilta {n}\r\nLOCATION:Hämeenlinna\r\nEND:VEVENT\r\n"
        )

    def calendar(numbers):
        events = "".join(event(n) for n in numbers)
        return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Testi//FI\r\n{events}END:VCALENDAR\r\n"

    source = add(served(server, "kerho.ics", calendar(range(10)).encode()))
    assert sync.sync_source(source).created == 10
    served(server, "kerho.ics", calendar(range(3)).encode())
    held = sync.sync_source(source)
    assert held.status == RunStatus.HELD
    assert len(held.report["held"]) == 7
    assert not TrainingPage.objects.filter(calendar_uid__startswith="kerho-", status="cancelled")
    confirmed = sync.sync_source(source, confirm_cancellations=True)
    assert confirmed.status == RunStatus.DONE and confirmed.cancelled == 7


def test_the_same_event_from_two_sources_is_shown_once_with_both_noted(server, fetchable):
    first = add(served(server, "google.ics"))
    sync.sync_source(first)
    second = add(served(server, "google.ics", path="/kopio.ics"))
    second.name = "Toinen lähde"
    second.save()
    run = sync.sync_source(second)
    assert run.created == 0
    meeting = TrainingPage.objects.get(calendar_uid="3t9s8r7q6p5o4n3m2l1k0j9i8h@google.com")
    noted = sync.sources_of(meeting)
    assert [(event.source.name, event.primary) for event in noted] == [
        ("Testilähde", True),
        ("Toinen lähde", False),
    ]


def test_a_moderated_source_waits_for_an_editor(server, fetchable):
    source = add(served(server, "google.ics"), moderated=True)
    run = sync.sync_source(source)
    assert run.created > 0
    for page in trainings_of(source):
        assert not page.live
        assert page.workflow_in_progress


def test_linked_events_pages_become_one_training_per_event_in_three_languages(server, fetchable):
    first = (FIXTURES / "linkedevents_page1.json").read_text()
    second = (FIXTURES / "linkedevents_page2.json").read_text()
    base = server.url("/v1/event/")
    first = first.replace("http://linkedevents.test/v1/event/", base)
    second = second.replace("http://linkedevents.test/v1/event/", base)

    def route(handler):
        body = (second if "page=2" in handler.path else first).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.routes["/v1/event/"] = route
    source = add(base, kind="linkedevents")
    run = sync.sync_source(source)
    assert run.status == RunStatus.DONE, (run.error, run.report)
    assert run.created >= 3
    pages = trainings_of(source)
    languages = {
        page.pk: set(
            TrainingPage.objects.filter(translation_key=page.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        for page in pages
    }
    assert any(found == {"fi", "sv", "en"} for found in languages.values())
    series = max(pages, key=lambda page: page.sessions.count())
    assert series.sessions.count() >= 2
    again = sync.sync_source(source)
    assert again.status in (RunStatus.UNCHANGED, RunStatus.DONE)
    assert again.created == 0 and again.updated == 0


def test_a_feed_answering_410_gone_cancels_its_few_events(server, fetchable):
    source = add(served(server, "google.ics"))
    created = sync.sync_source(source).created

    def gone(handler):
        handler.send_response(410)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.routes["/google.ics"] = gone
    run = sync.sync_source(source)
    # Only a few events: no more than five, so they are cancelled at once.
    assert created <= 5
    assert run.status == RunStatus.DONE and run.cancelled == created
    assert all(page.status == "cancelled" and page.live for page in trainings_of(source))


def test_an_all_day_event_keeps_its_days(server, fetchable):
    """DTEND;VALUE=DATE is the day after the last (RFC 5545): a one-day sale is one day here
    too, and a two-day fair two days, in the training's occurrences and in our feed."""
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Testi//FI",
            "BEGIN:VEVENT",
            "UID:myyjaiset@example.org",
            "DTSTAMP:20261201T080000Z",
            "DTSTART;VALUE=DATE:20261219",
            "DTEND;VALUE=DATE:20261220",
            "SUMMARY:Nuottimyyjäiset",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:messut@example.org",
            "DTSTAMP:20261201T080000Z",
            "DTSTART;VALUE=DATE:20270109",
            "DTEND;VALUE=DATE:20270111",
            "SUMMARY:Yhdistysmessut",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()
    source = add(served(server, "days.ics", body))
    assert sync.sync_source(source).status == RunStatus.DONE

    days = {}
    for page in trainings_of(source):
        (occurrence,) = page.occurrences.all()
        assert occurrence.all_day
        days[page.calendar_uid] = (
            timezone.localtime(occurrence.start).date(),
            timezone.localtime(occurrence.end).date(),
        )
    assert days == {
        "myyjaiset@example.org": (datetime.date(2026, 12, 19), datetime.date(2026, 12, 20)),
        "messut@example.org": (datetime.date(2027, 1, 9), datetime.date(2027, 1, 11)),
    }
    assert our_instances(source) == instances(body)
