"""Stored calendar events: written once when their source is published or changed, removed when
it goes, joined into every public feed, which then answers again from the cache before the
rest of the stack."""

import datetime
import io

import icalendar
import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from calendars import store
from calendars.http import invalidate_feeds
from calendars.models import SavedFeed, StoredEvent
from calendars.signals import fill_stored_events
from calendars.types import CalendarMeta, FeedEvent
from catalogue.feeds import TRAINING_EVENTS
from catalogue.models import Theme, TrainingIndexPage, TrainingPage
from funding.feeds import OPPORTUNITY_EVENTS
from funding.models import Funder, FundingIndexPage, FundingOpportunityPage
from lending.feeds import BOOKING_EVENTS
from lending.models import BLOCKING_STATUSES, Booking, BookingStatus, SpacePage
from tests.catalogue_factories import make_training, republish

pytestmark = pytest.mark.django_db


def unfolded(body):
    return body.replace(b"\r\n ", b"").decode()


def uids(body):
    return {str(event["UID"]) for event in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def rows(source, object_id, language=None):
    found = StoredEvent.objects.filter(source=source, object_id=object_id)
    if language:
        found = found.filter(language=language)
    return list(found.order_by("language", "position"))


def fi(model, **filters):
    return model.objects.live().filter(locale__language_code="fi", **filters)


def public_feeds():
    """One URL of every kind of public feed in the demo."""
    training = fi(TrainingPage).exclude(slug__startswith="kopio-").first()
    index = fi(FundingIndexPage).get()
    call = fi(FundingOpportunityPage).filter(deadlines__closes_at__gt=timezone.now()).first()
    space = fi(SpacePage).filter(pk__in=Booking.objects.values("resource_id")).first()
    saved = SavedFeed.for_query("catalogue_trainings_ics", "municipality=riihimaki")
    return {
        "catalogue": "/fi/calendar/trainings.ics",
        "filtered catalogue": "/sv/calendar/trainings.ics?municipality=hameenlinna&kind=course",
        "training": f"/en/calendar/training/{training.uid}.ics",
        "funding deadlines": f"/fi/funding/{index.pk}/deadlines.ics",
        "filtered deadlines": f"/fi/funding/{index.pk}/deadlines.ics?funder_type=municipality",
        "funding call": f"/sv/funding/opportunity/{call.uid}.ics",
        "free/busy": f"/fi/calendar/lending/{space.translation_key}.ics",
        "saved filter": f"/fi/calendar/s/{saved.token}.ics",
    }


# Every public feed on the same fast path ------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [
        "catalogue",
        "filtered catalogue",
        "training",
        "funding deadlines",
        "filtered deadlines",
        "funding call",
        "free/busy",
        "saved filter",
    ],
)
def test_every_public_feed_answers_again_from_the_cache_without_a_query(
    client, kind, django_assert_num_queries
):
    url = public_feeds()[kind]
    first = client.get(url)
    assert first.status_code == 200, first.content
    assert first["Content-Type"] == "text/calendar; charset=utf-8"

    with django_assert_num_queries(0):
        again = client.get(url)
        not_modified = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200 and again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert not_modified.status_code == 304


def test_the_owners_private_feed_is_not_shared_but_answers_304(client):
    from lending.models import OwnerFeedToken

    booking = Booking.objects.filter(status__in=BLOCKING_STATUSES).first()
    token = OwnerFeedToken.objects.create(association=booking.owner)
    url = f"/fi/calendar/lending/owner/{token.token}.ics"

    first = client.get(url)
    not_modified = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert first.status_code == 200 and f"{booking.uid}@" in unfolded(first.content)
    assert first["Cache-Control"] == "private, max-age=300"
    assert not_modified.status_code == 304


# A feed is the stored blocks ------------------------------------------------------------------


def test_publishing_writes_the_events_and_the_feed_joins_them(client):
    page = make_training("tallennettu", title="Tallennettu koulutus")

    (row,) = rows(TRAINING_EVENTS.name, page.pk)
    body = client.get("/fi/calendar/trainings.ics").content

    assert row.language == "fi"
    assert row.uid.startswith(str(page.uid)) and row.uid.endswith("@meidanhame.fi")
    assert bytes(row.block) in body  # the stored bytes, joined as they are
    assert row.uid in uids(body)
    assert row.starts_at == page.sessions.get().start


def test_one_training_file_is_its_stored_events_without_a_calendar_name(client):
    page = make_training("yksittainen")

    body = client.get(f"/fi/calendar/training/{page.uid}.ics").content

    assert bytes(rows(TRAINING_EVENTS.name, page.pk)[0].block) in body
    assert "X-WR-CALNAME" not in unfolded(body)


def test_unpublishing_and_deleting_remove_the_events(client, django_capture_on_commit_callbacks):
    kept = make_training("poistuva-1")
    deleted = make_training("poistuva-2")
    uid = rows(TRAINING_EVENTS.name, kept.pk)[0].uid

    with django_capture_on_commit_callbacks(execute=True):
        kept.unpublish()
        deleted.delete()

    assert rows(TRAINING_EVENTS.name, kept.pk) == []
    assert rows(TRAINING_EVENTS.name, deleted.pk) == []
    assert uid not in uids(client.get("/fi/calendar/trainings.ics").content)


def test_a_changed_time_is_rewritten_at_publish_with_a_higher_sequence(client):
    page = make_training("siirtyva")
    before = rows(TRAINING_EVENTS.name, page.pk)[0]
    session = page.sessions.get()
    session.start += datetime.timedelta(days=1)
    session.end += datetime.timedelta(days=1)
    session.save()

    republish(page)

    after = rows(TRAINING_EVENTS.name, page.pk)[0]
    event = icalendar.Event.from_ical(bytes(after.block))
    assert after.uid == before.uid
    assert after.starts_at == before.starts_at + datetime.timedelta(days=1)
    assert event["SEQUENCE"] > icalendar.Event.from_ical(bytes(before.block))["SEQUENCE"]


def test_a_renamed_index_rewrites_the_urls_of_the_events_below_it(
    django_capture_on_commit_callbacks,
):
    index = TrainingIndexPage.objects.get(locale__language_code="fi")
    training = fi(TrainingPage).child_of(index).first()

    index.slug = "koulutukset-ja-tapahtumat"
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()

    text = unfolded(bytes(rows(TRAINING_EVENTS.name, training.pk)[0].block))
    assert f"/fi/koulutukset-ja-tapahtumat/{training.slug}/" in text


def test_a_renamed_theme_is_rewritten_into_the_events_of_its_language():
    page = make_training("teemallinen", themes=("rahoitus",))
    theme = Theme.objects.get(slug="rahoitus", locale__language_code="fi")

    theme.name = "Rahoitus ja avustukset"
    theme.save()

    assert "CATEGORIES;LANGUAGE=fi:Rahoitus ja avustukset" in unfolded(
        bytes(rows(TRAINING_EVENTS.name, page.pk)[0].block)
    )


def test_a_renamed_funder_is_rewritten_into_the_events_of_its_calls():
    call = fi(FundingOpportunityPage).filter(deadlines__isnull=False).first()
    funder = Funder.objects.get(translation_key=call.funder.translation_key, locale=call.locale)

    funder.name = "Uusi rahoittaja"
    funder.save()

    blocks = [unfolded(bytes(row.block)) for row in rows(OPPORTUNITY_EVENTS.name, call.pk)]
    assert blocks and all('ORGANIZER;CN="Uusi rahoittaja"' in block for block in blocks)


def test_a_booking_decision_reaches_the_free_busy_feed_at_once(
    client, django_capture_on_commit_callbacks
):
    booking = Booking.objects.filter(
        status=BookingStatus.APPROVED, kind="space", ends_at__gt=timezone.now()
    ).first()
    space = SpacePage.objects.get(pk=booking.resource_id)
    url = f"/sv/calendar/lending/{space.translation_key}.ics"
    assert f"{booking.uid}@meidanhame.fi" in uids(client.get(url).content)
    assert {row.language for row in rows(BOOKING_EVENTS.name, booking.pk)} == {"fi", "sv", "en"}

    booking.status = BookingStatus.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        booking.save()

    assert rows(BOOKING_EVENTS.name, booking.pk) == []
    assert f"{booking.uid}@meidanhame.fi" not in uids(client.get(url).content)


def test_a_published_address_reaches_the_busy_blocks_of_the_space():
    booking = Booking.objects.filter(status__in=BLOCKING_STATUSES, kind="space").first()
    space = SpacePage.objects.get(pk=booking.resource_id)

    space.address = "Raatihuoneenkatu 1, 13100 Hämeenlinna"
    space.save_revision().publish()

    (row,) = rows(BOOKING_EVENTS.name, booking.pk, "fi")
    assert "LOCATION;LANGUAGE=fi:Raatihuoneenkatu 1\\, 13100 Hämeenlinna" in unfolded(
        bytes(row.block)
    )


# Stored UIDs, rewriting, upgrading ------------------------------------------------------------


def test_the_uid_is_stored_as_the_source_gives_it(monkeypatch):
    """An event imported from another calendar keeps the UID it came with."""
    page = fi(TrainingPage).first()
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    imported = FeedEvent(
        uid="20270301T170000-42@tapahtumat.hameenlinna.example",
        summary="Tuotu tapahtuma",
        start=start,
        end=start + datetime.timedelta(hours=2),
        dtstamp=start,
    )
    source = store.EventSource(
        name="tests.imported",
        model=TrainingPage,
        events=lambda ids: [(pk, "fi", [imported]) for pk in ids],
        current=lambda: TrainingPage.objects.filter(pk=page.pk),
    )
    monkeypatch.setitem(store._sources, source.name, source)

    assert store.write(source.name, [page.pk]) == 1
    assert store.write(source.name, [page.pk]) == 0  # unchanged: not rewritten

    (row,) = rows(source.name, page.pk)
    assert row.uid == imported.uid
    joined = store.calendar(CalendarMeta(name=None), store.blocks(source.name, "fi", [page.pk]))
    assert uids(joined) == {imported.uid}


def test_rewrite_command_restores_what_changed_and_reports_it(client):
    page = fi(TrainingPage).first()
    row = rows(TRAINING_EVENTS.name, page.pk)[0]
    StoredEvent.objects.filter(pk=row.pk).update(block=b"BEGIN:VEVENT\r\nEND:VEVENT\r\n")
    out = io.StringIO()

    call_command("rewrite_calendar_events", stdout=out)

    assert "catalogue.training:" in out.getvalue()
    assert "1 rewritten" in out.getvalue()
    assert bytes(rows(TRAINING_EVENTS.name, page.pk)[0].block) == bytes(row.block)
    again = io.StringIO()
    call_command("rewrite_calendar_events", stdout=again)
    assert "0 changed in all." in again.getvalue()


def test_rewrite_command_names_the_sources_when_given_an_unknown_one():
    with pytest.raises(CommandError, match="catalogue.training"):
        call_command("rewrite_calendar_events", source=["catalogue.trainings"])


def test_migrate_fills_an_empty_table_with_the_same_feeds(client):
    url = "/fi/calendar/trainings.ics"
    before = client.get(url).content
    StoredEvent.objects.all().delete()

    fill_stored_events()
    invalidate_feeds()

    assert client.get(url).content == before
    assert StoredEvent.objects.filter(source=BOOKING_EVENTS.name).exists()
    assert StoredEvent.objects.filter(source=OPPORTUNITY_EVENTS.name).exists()
