"""The association field over the years: a snapshot of the directory's statistics each
1 January (once, however often the timer fires), the change since last year on the statistics
page, and the coverage of the register's count that editors keep in the settings."""

import csv
import io
import re

import pytest
import time_machine

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from associations import demo
from associations.models import (
    AssociationPage,
    DirectorySettings,
    DirectorySnapshot,
    FieldOfActivity,
    RegisterBaseline,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

STATISTICS = "/en/yhdistykset/tilastot/"


def take(*args):
    out = io.StringIO()
    call_command("take_directory_snapshot", *args, stdout=out)
    return out.getvalue()


def finnish_listing():
    """What a snapshot must count, counted here by hand from the directory's pages."""
    return AssociationPage.objects.live().public().filter(locale__language_code="fi")


def row(html, label):
    """The cells of the table row headed `label`."""
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', html, flags=re.DOTALL)
    assert match, f"no row for {label}"
    return re.findall(r"<td[^>]*>(.*?)</td>", match.group(1))


def test_a_snapshot_keeps_the_figures_of_the_statistics_page():
    DirectorySnapshot.objects.all().delete()
    this_year = timezone.localdate().year
    assert f"Took the directory snapshot of {this_year}" in take("--year", str(this_year), "--now")
    snapshot = DirectorySnapshot.objects.get(year=this_year)
    listed = finnish_listing()
    assert snapshot.total == listed.count()
    assert snapshot.by_municipality["hattula"] == listed.filter(municipality="hattula").count()
    forssa_region = listed.filter(
        municipality__in=["forssa", "humppila", "jokioinen", "tammela", "ypaja"]
    )
    assert snapshot.by_sub_region["forssa-seutu"] == forssa_region.count()
    village = FieldOfActivity.objects.get(slug="village", locale__language_code="fi")
    in_villages = listed.filter(field_links__field=village).distinct().count()
    assert snapshot.by_field[str(village.translation_key)] == in_villages
    assert sum(snapshot.by_municipality.values()) == snapshot.total
    assert sum(snapshot.by_sub_region.values()) == snapshot.total


def test_a_year_is_taken_once_and_kept_as_it_was():
    DirectorySnapshot.objects.all().delete()
    year = str(timezone.localdate().year)
    take("--year", year, "--now")
    first = DirectorySnapshot.objects.get(year=year)
    finnish_listing().filter(municipality="hattula").first().unpublish()

    assert "already taken" in take("--year", year, "--now")
    take("--year", year)  # the queued way too
    assert DirectorySnapshot.objects.filter(year=year).count() == 1
    kept = DirectorySnapshot.objects.get(year=year)
    assert (kept.total, kept.taken_at) == (first.total, first.taken_at)


def test_the_timer_on_1_january_keeps_the_year_that_ended():
    DirectorySnapshot.objects.all().delete()
    total = finnish_listing().count()
    with time_machine.travel("2027-01-01 00:05 +02:00", tick=False):
        assert "Queued the directory snapshot of 2026" in take()
        take()  # a second timer, or a retry: still one
    snapshot = DirectorySnapshot.objects.get()
    assert (snapshot.year, snapshot.total) == (2026, total)


def test_a_year_not_begun_is_refused():
    next_year = timezone.localdate().year + 1
    for year in ("20266", str(next_year)):
        with pytest.raises(CommandError, match="is not a year that has begun"):
            take("--year", year, "--now")
    assert not DirectorySnapshot.objects.filter(year=next_year).exists()


def test_the_statistics_page_shows_the_change_since_last_year(client):
    last_year = timezone.localdate().year - 1
    DirectorySnapshot.objects.all().delete()
    listed = finnish_listing()
    total = listed.count()
    hattula = listed.filter(municipality="hattula").count()
    village = FieldOfActivity.objects.get(slug="village", locale__language_code="fi")
    in_villages = listed.filter(field_links__field=village).distinct().count()
    DirectorySnapshot.objects.create(
        year=last_year,
        total=total - 5,
        by_municipality={"hattula": hattula - 2},
        by_sub_region={"hameenlinna-seutu": 0},
        by_field={str(village.translation_key): in_villages + 1},
    )
    DirectorySnapshot.objects.create(year=last_year - 1, total=1)  # older: not compared

    html = client.get(STATISTICS).content.decode()
    assert f"Change since the end of {last_year}" in html
    assert row(html, f"Change since the end of {last_year}") == ["+5"]
    assert row(html, "Hattula") == [str(hattula), "+2"]
    english_village = FieldOfActivity.objects.get(
        translation_key=village.translation_key, locale__language_code="en"
    )
    assert row(html, english_village.name) == [str(in_villages), "−1"]
    # A place the snapshot did not count shows no change rather than a made-up one.
    assert row(html, "Loppi")[1] == "–"
    hameenlinna_region = listed.filter(
        municipality__in=["hameenlinna", "hattula", "janakkala"]
    ).count()
    assert row(html, "Hämeenlinna sub-region") == [
        str(hameenlinna_region),
        f"+{hameenlinna_region}" if hameenlinna_region else "0",
    ]

    rows = list(
        csv.reader(io.StringIO(client.get(f"{STATISTICS}csv/").content.decode("utf-8-sig")))
    )
    assert rows[0][-1] == f"Change since the end of {last_year}"
    assert next(r for r in rows if r[1] == "hattula")[3:] == [str(hattula), "2"]
    assert next(r for r in rows if r[1] == "loppi")[4] == ""
    assert rows[-1] == ["Total", "", "", str(total), "5"]


def test_without_an_earlier_snapshot_no_change_is_shown(client):
    DirectorySnapshot.objects.all().delete()
    DirectorySnapshot.objects.create(year=timezone.localdate().year, total=3)  # this year's
    html = client.get(STATISTICS).content.decode()
    assert "Change since the end of" not in html
    assert row(html, "Hattula") == [str(finnish_listing().filter(municipality="hattula").count())]


def test_the_page_shows_the_coverage_of_the_register(client):
    total = finnish_listing().count()
    baseline = RegisterBaseline.objects.get(year=2020)
    assert baseline.registered == 3253
    html = client.get(STATISTICS).content.decode()
    percent = f"{100 * total / 3253:.1f}"
    assert row(html, "Share of the associations in the register (2020)") == [
        f"{total} of 3253 ({percent} %)"
    ]


def test_editors_keep_the_register_count_per_year_in_the_settings(client, users):
    settings = DirectorySettings.load()
    this_year = timezone.localdate().year
    client.force_login(users["admin"])
    url = f"/admin/settings/associations/directorysettings/{settings.pk}/"
    assert client.get(url).status_code == 200
    baseline = RegisterBaseline.objects.get(year=2020)
    data = nested_form_data(
        {
            "register_baselines": inline_formset(
                [
                    {"id": baseline.pk, "year": 2020, "registered": 3253, "ORDER": 1},
                    {"year": this_year, "registered": 3300, "ORDER": 2},
                ],
                initial=1,
            )
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert RegisterBaseline.objects.filter(settings=settings).count() == 2

    total = finnish_listing().count()
    html = client.get(STATISTICS).content.decode()
    assert row(html, f"Share of the associations in the register ({this_year})") == [
        f"{total} of 3300 ({100 * total / 3300:.1f} %)"
    ]


def test_the_demo_keeps_three_past_years_and_adds_none_when_run_again():
    this_year = timezone.localdate().year
    years = [this_year - 1, this_year - 2, this_year - 3]
    snapshots = {s.year: s for s in DirectorySnapshot.objects.filter(year__in=years)}
    assert sorted(snapshots) == sorted(years)
    totals = [snapshots[year].total for year in years]
    # The directory grew: each year lists more than the one before, and fewer than today.
    assert finnish_listing().count() > totals[0] > totals[1] > totals[2] > 0
    for snapshot in snapshots.values():
        assert sum(snapshot.by_municipality.values()) == snapshot.total
        assert sum(snapshot.by_sub_region.values()) == snapshot.total
    demo.seed_snapshots()
    assert DirectorySnapshot.objects.filter(year__in=years).count() == 3
    assert DirectorySnapshot.objects.get(year=years[0]).total == totals[0]


def test_a_snapshot_counts_the_default_language():
    """Every association has one page per language; a snapshot counts each once."""
    DirectorySnapshot.objects.all().delete()
    year = timezone.localdate().year
    take("--year", str(year), "--now")
    assert Locale.get_default().language_code == "fi"
    assert DirectorySnapshot.objects.get(year=year).total == finnish_listing().count()
