"""Schedules become occurrences: sessions, repeating rules with exclusions, moved and cancelled
dates, whole-training status, the window, SEQUENCE, and past occurrences kept as they were."""

import datetime

import pytest
import recurrence
import time_machine

from django.core.management import call_command
from django.utils import timezone

from catalogue.models import (
    ExceptionAction,
    Occurrence,
    ScheduleException,
    Session,
    SessionStatus,
    TrainingPage,
)
from catalogue.occurrences import extend_occurrences, rule_starts
from tests.catalogue_factories import HELSINKI, local, make_training, republish

pytestmark = pytest.mark.django_db


def weekly(count=None, until=None, exdates=()):
    rule = recurrence.Rule(recurrence.WEEKLY, count=count, until=until)
    return recurrence.Recurrence(rrules=[rule], exdates=list(exdates))


def test_single_session_gives_one_occurrence_in_every_language():
    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="fi")
    for code in ("fi", "sv", "en"):
        translation = TrainingPage.objects.get(
            translation_key=page.translation_key, locale__language_code=code
        )
        occurrences = list(translation.occurrences.all())
        assert len(occurrences) == 1
        assert occurrences[0].locale.language_code == code
        assert occurrences[0].start == page.sessions.first().start
    assert (
        len({t.uid for t in TrainingPage.objects.filter(translation_key=page.translation_key)}) == 1
    )


def test_course_sessions_each_become_an_occurrence_with_a_cancelled_one():
    page = TrainingPage.objects.get(slug="somekoulu", locale__language_code="en")
    statuses = list(page.occurrences.order_by("start").values_list("status", flat=True))
    assert statuses == ["scheduled", "cancelled", "scheduled", "scheduled"]
    cancelled = page.occurrences.get(status="cancelled")
    assert "trainer cannot come" in cancelled.note  # the reason, in English


def test_moved_session_keeps_its_original_start():
    page = TrainingPage.objects.get(slug="english-for-associations", locale__language_code="fi")
    moved = page.occurrences.get(status="rescheduled")
    assert moved.start - moved.original_start == datetime.timedelta(days=1)
    assert moved.is_moved


def test_weekly_group_skips_the_excluded_date_and_moves_one():
    page = TrainingPage.objects.get(slug="vertaistukiryhma-forssa", locale__language_code="fi")
    occurrences = list(page.occurrences.order_by("original_start"))
    first = page.series_start_date
    originals = [timezone.localtime(o.original_start).date() for o in occurrences]
    excluded = first + datetime.timedelta(weeks=3)
    assert excluded not in originals
    assert len(occurrences) == 29  # 30 weeks, one excluded
    moved_from = first + datetime.timedelta(weeks=5)
    moved = next(
        o for o in occurrences if timezone.localtime(o.original_start).date() == moved_from
    )
    assert moved.status == "rescheduled"
    assert timezone.localtime(moved.start).date() == moved_from + datetime.timedelta(days=1)
    assert moved.location  # the new place
    # every other occurrence keeps the wall-clock time through daylight saving changes
    assert {timezone.localtime(o.start).hour for o in occurrences if o != moved} == {17}


def test_excluded_date_is_shown_nowhere_in_the_catalogue(client):
    page = TrainingPage.objects.get(slug="vertaistukiryhma-forssa", locale__language_code="fi")
    excluded = page.series_start_date + datetime.timedelta(weeks=3)
    response = client.get(
        f"/fi/koulutukset/?from={excluded}&to={excluded}&organiser=forssan-seutuverkosto"
    )
    assert page.title not in response.content.decode()
    day_after = excluded + datetime.timedelta(weeks=1)
    response = client.get(f"/fi/koulutukset/?from={day_after}&to={day_after}")
    assert page.title in response.content.decode()


def test_rule_keeps_wall_clock_time_across_dst():
    page = TrainingPage(
        recurrence=weekly(count=6),
        series_start_date=datetime.date(2027, 3, 16),
        series_start_time=datetime.time(18),
        series_duration=datetime.timedelta(hours=1),
    )
    starts = rule_starts(
        page,
        datetime.datetime(2027, 3, 1, tzinfo=HELSINKI),
        datetime.datetime(2027, 5, 1, tzinfo=HELSINKI),
    )
    assert len(starts) == 6
    assert {s.hour for s in starts} == {18}
    assert {s.utcoffset() for s in starts} == {
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=3),
    }


def test_endless_rule_is_expanded_only_over_the_window_and_extended_later():
    start = timezone.localdate() + datetime.timedelta(days=1)
    page = make_training(
        "ikuinen-ryhma",
        sessions=[],
        recurrence=weekly(),
        series_start_date=start,
        series_start_time=datetime.time(10),
        series_duration=datetime.timedelta(hours=1),
    )
    count = page.occurrences.count()
    assert 77 <= count <= 80  # 18 months of weeks
    last = page.occurrences.order_by("-start").first().start
    assert last <= timezone.now() + datetime.timedelta(days=549)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=28)):
        added = extend_occurrences()
    assert added >= 4
    assert page.occurrences.count() == count + 4
    with time_machine.travel(timezone.now() + datetime.timedelta(days=28)):
        assert extend_occurrences() == 0  # running twice adds nothing


def test_extend_occurrences_command_runs():
    call_command("extend_occurrences", stdout=__import__("io").StringIO())


def test_changing_the_rule_never_rewrites_past_occurrences():
    start = timezone.localdate() - datetime.timedelta(days=20)
    page = make_training(
        "muuttuva-ryhma",
        sessions=[],
        recurrence=weekly(count=8),
        series_start_date=start,
        series_start_time=datetime.time(10),
        series_duration=datetime.timedelta(hours=1),
    )
    past_before = list(
        page.occurrences.filter(start__lt=timezone.now()).values_list("pk", "start", "status")
    )
    assert len(past_before) == 3
    page.series_start_time = datetime.time(14)
    republish(page)
    past_after = list(
        page.occurrences.filter(start__lt=timezone.now()).values_list("pk", "start", "status")
    )
    assert past_after == past_before
    future_hours = {
        timezone.localtime(o.start).hour for o in page.occurrences.filter(start__gte=timezone.now())
    }
    assert future_hours == {14}


def test_cancelling_one_date_of_a_rule_leaves_the_others():
    start = timezone.localdate() + datetime.timedelta(days=2)
    page = make_training(
        "peruttu-kerta",
        sessions=[],
        recurrence=weekly(count=4),
        series_start_date=start,
        series_start_time=datetime.time(18),
        series_duration=datetime.timedelta(minutes=90),
    )
    page.exceptions = [
        ScheduleException(
            date=start + datetime.timedelta(weeks=1),
            action=ExceptionAction.CANCELLED,
            reason="Sairastuminen",
        )
    ]
    republish(page)
    statuses = list(page.occurrences.order_by("start").values_list("status", "note"))
    assert statuses == [
        ("scheduled", ""),
        ("cancelled", "Sairastuminen"),
        ("scheduled", ""),
        ("scheduled", ""),
    ]


def test_whole_training_cancelled_marks_every_future_occurrence():
    page = make_training(
        "koko-peruttu", sessions=[(local(3, 10), local(3, 12)), (local(4, 10), local(4, 12))]
    )
    page.status = "cancelled"
    page.status_note = "Liian vähän ilmoittautuneita"
    republish(page)
    assert set(page.occurrences.values_list("status", flat=True)) == {"cancelled"}


def test_all_day_multi_day_event_spans_whole_days():
    page = TrainingPage.objects.get(slug="jarjestofoorumi", locale__language_code="fi")
    occurrence = page.occurrences.get()
    assert occurrence.all_day
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    assert start.time() == datetime.time(0) and end.time() == datetime.time(0)
    assert (end.date() - start.date()).days == 2


def test_sequence_rises_on_time_change_not_on_typo_fix():
    page = make_training("sekvenssi")
    assert page.sequence == 0
    page.summary = "Korjattu kirjoitusvirhe."
    republish(page)
    assert page.sequence == 0
    session = page.sessions.first()
    session.start = session.start + datetime.timedelta(hours=1)
    session.end = session.end + datetime.timedelta(hours=1)
    session.save()
    republish(page)
    assert page.sequence == 1
    page.status = "postponed"
    republish(page)
    assert page.sequence == 2


def test_sequence_is_shared_by_the_translations():
    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="fi")
    sequences = set(TrainingPage.objects.filter(uid=page.uid).values_list("sequence", flat=True))
    assert len(sequences) == 1


def test_moved_session_status_without_new_time_is_invalid():
    from django.core.exceptions import ValidationError

    session = Session(start=local(1), end=local(1, 13), status=SessionStatus.MOVED)
    with pytest.raises(ValidationError):
        session.clean()


def test_occurrence_table_holds_filter_fields():
    page = TrainingPage.objects.get(slug="hallituksen-perehdytys", locale__language_code="fi")
    occurrence = Occurrence.objects.filter(training=page).first()
    assert occurrence.kind == "course"
    assert occurrence.municipality == "riihimaki"
    assert occurrence.sub_region == "riihimaki-seutu"
    assert "|hallitustyo|" in occurrence.themes and "|lait|" in occurrence.themes
    assert occurrence.organisers.startswith("|riihimaen-seutuverkosto|")
    assert occurrence.open_to_others is True
