"""The record of what happened: past occurrences, registration counts and their figures stay
countable after a training is unpublished or deleted, and after the retention period has
removed the registrants' names."""

import datetime
import io
from decimal import Decimal

import pytest

from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from wagtail.models import Locale

from associations.models import AssociationPage
from catalogue.models import (
    EventRecord,
    EventStatus,
    Occurrence,
    Registration,
    SessionStatus,
    TrainingCoOrganiser,
    TrainingPage,
)
from tests.catalogue_factories import local, make_training, organiser, republish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def register(page, email, status="confirmed"):
    return Registration.objects.create(
        training=page,
        status=status,
        name="Maija Meikäläinen",
        email=email,
        association="Hattulan Martat ry",
        phone="040 123 4567",
        language="fi",
        consent_at=timezone.now(),
    )


def record_history():
    out = io.StringIO()
    call_command("record_history", stdout=out)
    return out.getvalue()


def records_of(page):
    return EventRecord.objects.filter(training_key=page.translation_key)


def test_an_unpublished_past_training_is_still_counted(client, users):
    page = make_training(
        "menneet-talkoot",
        title="Talkoiden järjestäminen",
        sessions=[(local(-20, 17), local(-20, 19))],
        municipality="forssa",
        format="hybrid",
        open_to_others=True,
    )
    for n in range(3):
        register(page, f"osallistuja{n}@example.org")
    register(page, "jonossa@example.org", status="waiting")
    register(page, "peruja@example.org", status="cancelled")

    client.force_login(users["admin"])
    response = client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code == 302
    assert not Occurrence.objects.filter(training_id=page.pk).exists()

    record = records_of(page).get()
    year = timezone.localtime(record.start).year
    assert record.title == "Talkoiden järjestäminen"
    assert record.language == "fi"
    assert record.registrations == 3  # confirmed only: not the waiting or the cancelled one
    assert record.hours == Decimal("2.00")
    assert (record.municipality, record.sub_region) == ("forssa", "forssa-seutu")
    assert record.format == "hybrid"
    assert record.open_to_others is True
    assert record.themes == ["rahoitus"]
    assert record.organiser_id == organiser().pk
    assert record.organiser_name == organiser().title
    assert record.co_organised is False
    held = EventRecord.objects.held().in_year(year)
    assert held.filter(training_key=page.translation_key).count() == 1
    # Unpublishing again, or the daily run, adds nothing.
    record_history()
    assert records_of(page).count() == 1


def test_the_daily_run_records_what_has_ended_and_nothing_twice():
    page = make_training(
        "kolmen-illan-kurssi",
        kind="course",
        sessions=[
            (local(-14, 18), local(-14, 20, 30)),
            (local(-7, 18), local(-7, 20, 30)),
            (local(7, 18), local(7, 20, 30)),
        ],
    )
    register(page, "a@example.org")
    register(page, "b@example.org")

    assert "Queued" in record_history()
    assert records_of(page).count() == 2  # the session still ahead is not history yet
    assert [r.hours for r in records_of(page)] == [Decimal("2.50"), Decimal("2.50")]
    assert all(r.kind == "course" for r in records_of(page))
    # Registrations belong to the whole course: counted once, not per session.
    assert records_of(page).registration_total() == 2
    assert records_of(page).training_count() == 1

    register(page, "c@example.org")
    record_history()
    assert records_of(page).count() == 2
    assert records_of(page).registration_total() == 3


def test_a_cancelled_session_is_recorded_with_its_status_and_not_counted_as_held():
    page = make_training(
        "peruttu-ilta",
        sessions=[(local(-9, 17), local(-9, 19)), (local(-2, 17), local(-2, 19))],
        publish=False,
    )
    # Cancelled before it was first published: a past occurrence is never rewritten later.
    sessions = list(page.sessions.order_by("start"))
    sessions[-1].status = SessionStatus.CANCELLED
    page.sessions = sessions
    republish(page)
    out = io.StringIO()
    call_command("record_history", "--now", stdout=out)
    assert "Recorded" in out.getvalue()
    statuses = sorted(records_of(page).values_list("status", flat=True))
    assert statuses == [EventStatus.CANCELLED, EventStatus.SCHEDULED]
    assert records_of(page).held().count() == 1


def test_a_co_organised_training_is_recorded_as_such():
    page = make_training("yhteinen-ilta", sessions=[(local(-3, 17), local(-3, 19))], publish=False)
    partner = organiser("yhteistyokumppani")
    page.co_organiser_links = [TrainingCoOrganiser(organiser=partner, sort_order=0)]
    page.save_revision().publish()
    record_history()
    assert records_of(page).get().co_organised is True


def test_deleting_a_training_keeps_its_record_and_counts(client, users):
    page = make_training("poistettava", sessions=[(local(-5, 10), local(-5, 12))])
    register(page, "x@example.org")
    register(page, "y@example.org")
    key = page.translation_key

    client.force_login(users["admin"])
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    assert not TrainingPage.objects.filter(pk=page.pk).exists()
    assert not Registration.objects.filter(training_id=page.pk).exists()

    record = EventRecord.objects.get(training_key=key)
    assert record.registrations == 2


def test_counts_survive_the_retention_period_but_names_do_not():
    page = make_training("vanha-koulutus", sessions=[(local(-200, 17), local(-200, 19))])
    for n in range(4):
        register(page, f"henkilo{n}@example.org")
    page.unpublish()
    assert records_of(page).get().registrations == 4

    # Without occurrences the training's end comes from the record: its data still goes.
    call_command("purge_registrations", "--days", "90", stdout=io.StringIO())
    left = Registration.objects.filter(training=page)
    assert left.count() == 4
    assert set(left.values_list("name", "email", "phone")) == {("", "", "")}
    assert all(r.anonymised_at for r in left)

    record_history()
    record = records_of(page).get()
    assert record.registrations == 4
    stored = " ".join(
        str(value) for value in EventRecord.objects.values().get(pk=record.pk).values()
    )
    assert "Maija" not in stored and "example.org" not in stored and "Martat" not in stored


def test_every_language_version_makes_one_record():
    fi = Locale.objects.get(language_code="fi")
    record_history()
    now = timezone.now()
    translated = (
        Occurrence.objects.filter(end__lt=now)
        .order_by()
        .values("training__translation_key")
        .annotate(locales=Count("locale", distinct=True))
        .filter(locales__gt=1)
        .order_by("training__translation_key")
        .values_list("training__translation_key", flat=True)
    )
    key = translated.first()
    assert key is not None, "the demo has past occurrences in several languages"
    starts = set(
        Occurrence.objects.filter(training__translation_key=key, end__lt=now).values_list(
            "original_start", flat=True
        )
    )
    records = EventRecord.objects.filter(training_key=key)
    assert set(records.values_list("original_start", flat=True)) == starts
    assert records.count() == len(starts)
    finnish = TrainingPage.objects.get(translation_key=key, locale=fi)
    assert set(records.values_list("language", flat=True)) == {"fi"}
    assert all(
        r.title in {finnish.title} | set(finnish.sessions.values_list("title", flat=True))
        for r in records
    )


def test_figures_of_a_year_against_hand_counted_data():
    year = timezone.localdate().year - 1
    zone = timezone.get_current_timezone()

    def at(month, day, hour):
        return datetime.datetime(year, month, day, hour, tzinfo=zone)

    EventRecord.objects.all().delete()
    hattula = make_training(
        "hattulan-ilta",
        sessions=[(at(3, 1, 17), at(3, 1, 19)), (at(3, 8, 17), at(3, 8, 20))],
        municipality="hattula",
    )
    loppi = make_training(
        "lopen-ilta", sessions=[(at(9, 10, 9), at(9, 10, 15))], municipality="loppi"
    )
    cancelled = make_training(
        "peruttu", sessions=[(at(5, 5, 9), at(5, 5, 10))], status=EventStatus.CANCELLED
    )
    for n in range(5):
        register(hattula, f"h{n}@example.org")
    register(loppi, "l@example.org")
    register(cancelled, "p@example.org")
    for page in (hattula, loppi, cancelled):
        page.unpublish()

    held = EventRecord.objects.held().in_year(year)
    assert held.count() == 3  # two evenings in Hattula, one day in Loppi
    assert held.training_count() == 2
    assert held.registration_total() == 6
    assert sum(r.hours for r in held) == Decimal("11.00")  # 2 + 3 + 6
    assert held.filter(sub_region="hameenlinna-seutu").count() == 2
    assert held.filter(sub_region="riihimaki-seutu").count() == 1
    assert EventRecord.objects.in_year(year).count() == 4
    assert not EventRecord.objects.held().in_year(year + 1).exists()


def test_an_association_deleted_later_keeps_its_name_in_the_record():
    partner = organiser("lakkautettu-yhdistys")
    name = partner.title
    page = make_training(
        "lakkautetun-ilta", sessions=[(local(-4, 17), local(-4, 19))], organiser=partner
    )
    record_history()
    TrainingPage.objects.filter(pk=page.pk).update(organiser=None)
    AssociationPage.objects.get(pk=partner.pk).delete()
    record_history()
    record = records_of(page).get()
    assert record.organiser_name == name
    assert record.organiser_id == partner.pk
