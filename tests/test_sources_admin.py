"""Sources in the admin, on the training pages and from the command line: editors keep the
sources, sync them, read each run's report, confirm held cancellations and release fields a
local edit keeps; every language version of an imported training names its source. The sync
is the real one, reading a recorded feed from a local server."""

import io
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from associations.models import AssociationPage
from catalogue import provenance
from catalogue.models import TrainingPage
from sources import admin_views
from sources.models import ImportedEvent, RunStatus, Source, SyncRun
from sources.sync import add_source, locked_fields, sync_source
from tests.sources_server import document

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
ORIGIN = "https://www.hameenlinnanlaulu.fi/tapahtumat/kuoroharjoitukset"

BROKEN_FEED = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:good@example.fi
DTSTAMP:20261201T080000Z
DTSTART;TZID=Europe/Helsinki:20270115T180000
DTEND;TZID=Europe/Helsinki:20270115T200000
SUMMARY:Kev\xc3\xa4tkokous
LOCATION:H\xc3\xa4meenlinna
END:VEVENT
BEGIN:VEVENT
UID:nodate@example.fi
DTSTAMP:20261201T080000Z
SUMMARY:Ilman p\xc3\xa4iv\xc3\xa4\xc3\xa4
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture(autouse=True)
def english_admin(users):
    """The admin in English, whatever the translations of these words become."""
    for user in users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


@pytest.fixture
def feeds(server, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    server.routes["/google.ics"] = document((FIXTURES / "google.ics").read_bytes())
    server.routes["/broken.ics"] = document(BROKEN_FEED)
    return server


@pytest.fixture
def association(db):
    return (
        AssociationPage.objects.live().filter(locale=Locale.get_default()).order_by("title").first()
    )


@pytest.fixture
def source(feeds, association):
    return add_source(
        feeds.url("/google.ics"), kind="ical", organiser=association.slug, name="Laulukuoro"
    )


@pytest.fixture
def imported(source):
    """The feed synced: three trainings; the first one's origin link recorded."""
    run = sync_source(source)
    assert run.status == RunStatus.DONE, run.error
    event = source.events.select_related("training").order_by("pk").first()
    event.url = ORIGIN
    event.save(update_fields=["url"])
    return event


def edit_title(page, title):
    """An editor's change, as the edit screen saves it."""
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.save_revision().publish()


def translate(page, language):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language))
    copy.save_revision().publish()
    return TrainingPage.objects.get(pk=copy.pk)


# Editors only ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name",
    ["sources:index", "sources:add", "keyword_themes:index", "keyword_themes:add"],
)
def test_members_cannot_reach_the_sources_admin(client, users, source, url_name):
    client.force_login(users["member"])
    response = client.get(reverse(url_name))
    assert response.status_code in (302, 403)
    assert b"Laulukuoro" not in response.content


def test_members_cannot_sync_or_read_runs(client, users, source):
    client.force_login(users["member"])
    assert client.post(reverse("sources:sync", args=[source.pk])).status_code in (302, 403)
    assert not source.runs.exists()
    response = client.get(reverse("sources:runs", args=[source.pk]))
    assert response.status_code in (302, 403)
    assert b"Laulukuoro" not in response.content


def test_the_admin_menu_shows_sources_to_editors_only(client, users):
    client.force_login(users["editor"])
    assert reverse("sources:index").encode() in client.get(reverse("wagtailadmin_home")).content
    client.force_login(users["member"])
    assert reverse("sources:index").encode() not in client.get(reverse("wagtailadmin_home")).content


def test_anonymous_visitors_are_sent_to_log_in(client, source):
    response = client.get(reverse("sources:index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


# The sources and their runs ----------------------------------------------------------------


@pytest.mark.parametrize("username", ["editor", "admin"])
def test_index_lists_the_source_with_its_last_run(client, users, imported, username):
    client.force_login(users[username])
    response = client.get(reverse("sources:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Laulukuoro" in html
    assert "iCal feed" in html
    assert imported.source.organiser.title in html
    assert "created 3, updated 0, cancelled 0, unchanged 0, skipped 0" in html
    assert reverse("sources:sync", args=[imported.source_id]) in html
    assert 'type="submit"' in html and "csrfmiddlewaretoken" in html


def test_the_index_asks_no_more_queries_for_more_sources(client, users, association):
    def add(count):
        for number in range(count):
            added = Source.objects.create(
                name=f"L{number}", kind="ical", url="https://example.fi/", organiser=association
            )
            SyncRun.objects.create(source=added, status=RunStatus.DONE, created=number)

    client.force_login(users["editor"])
    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("sources:index")).status_code == 200
    add(5)
    with CaptureQueriesContext(connection) as more:
        html = client.get(reverse("sources:index")).content.decode()
    assert html.count("created 4, updated 0") == 1
    assert len(more.captured_queries) == len(few.captured_queries)


def test_sync_now_queues_a_run_and_says_so(client, users, source):
    client.force_login(users["editor"])
    index = reverse("sources:index")
    response = client.post(reverse("sources:sync", args=[source.pk]), {"next": index}, follow=True)
    assert response.redirect_chain[-1][0] == index
    assert "Sync queued" in response.content.decode()
    run = source.runs.get()
    assert run.status == RunStatus.QUEUED
    assert run.requested_by == users["editor"]


def test_sync_now_is_a_post(client, users, source):
    client.force_login(users["editor"])
    assert client.get(reverse("sources:sync", args=[source.pk])).status_code == 405
    assert not source.runs.exists()


def test_sync_now_from_the_edit_screen_leads_to_the_runs(client, users, source):
    client.force_login(users["editor"])
    edit = client.get(reverse("sources:edit", args=[source.pk])).content.decode()
    assert f'action="{reverse("sources:sync", args=[source.pk])}"' in edit
    assert reverse("sources:runs", args=[source.pk]) in edit
    response = client.post(reverse("sources:sync", args=[source.pk]))
    assert response["Location"] == reverse("sources:runs", args=[source.pk])


def test_the_form_offers_finnish_associations_and_finnish_themes(client, users, source):
    client.force_login(users["editor"])
    html = client.get(reverse("sources:edit", args=[source.pk])).content.decode()
    finnish = AssociationPage.objects.live().filter(locale=Locale.get_default())
    swedish = AssociationPage.objects.filter(locale__language_code="sv").first()
    assert f'value="{finnish.order_by("title").first().pk}"' in html
    if swedish is not None:
        assert f'<option value="{swedish.pk}"' not in html
    assert 'type="checkbox" name="themes"' in html


def test_an_editor_adds_a_source_in_the_admin(client, users, association):
    client.force_login(users["editor"])
    response = client.post(
        reverse("sources:add"),
        {
            "name": "Linnan tapahtumat",
            "kind": "ical",
            "url": "https://example.fi/kalenteri.ics",
            "organiser": association.pk,
            "event_kind": "training",
            "municipality": "",
            "policy": "moderated",
            "interval": "01:00:00",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    added = Source.objects.get(name="Linnan tapahtumat")
    assert added.organiser == association


def test_the_run_history_shows_counts_skipped_reasons_and_errors(client, users, feeds, association):
    source = add_source(
        feeds.url("/broken.ics"), kind="ical", organiser=association.slug, name="Rikki"
    )
    sync_source(source)
    failed = SyncRun.objects.create(
        source=source, status=RunStatus.FAILED, error="The source could not be reached"
    )
    client.force_login(users["editor"])
    html = client.get(reverse("sources:runs", args=[source.pk])).content.decode()
    done = source.runs.exclude(pk=failed.pk).get()
    assert done.skipped >= 1
    assert done.report["skipped"][0]["origin_id"] in html
    assert str(done.report["skipped"][0]["reason"]) in html
    assert "The source could not be reached" in html


def test_a_held_run_offers_to_cancel_its_events(client, users, source, monkeypatch):
    held = SyncRun.objects.create(
        source=source,
        status=RunStatus.HELD,
        report={"skipped": [], "held": [{"origin_id": "gone-1", "title": "Kevätkonsertti"}]},
    )
    calls = []
    real = admin_views.queue_sync
    monkeypatch.setattr(
        admin_views,
        "queue_sync",
        lambda source, **kwargs: calls.append(kwargs) or real(source, **kwargs),
    )
    client.force_login(users["editor"])
    html = client.get(reverse("sources:runs", args=[source.pk])).content.decode()
    assert "Kevätkonsertti" in html
    assert "Cancel these events" in html
    confirm = reverse("sources:confirm_cancellations", args=[held.pk])
    assert f'action="{confirm}"' in html
    response = client.post(confirm, follow=True)
    assert calls == [{"user": users["editor"], "confirm_cancellations": True}]
    assert source.runs.filter(status=RunStatus.QUEUED).count() == 1
    assert "Sync queued" in response.content.decode()


def test_an_old_held_run_cancels_nothing(client, users, source):
    held = SyncRun.objects.create(source=source, status=RunStatus.HELD, report={"held": []})
    SyncRun.objects.create(source=source, status=RunStatus.DONE)
    client.force_login(users["editor"])
    client.post(reverse("sources:confirm_cancellations", args=[held.pk]))
    assert not source.runs.filter(status=RunStatus.QUEUED).exists()


def test_editors_keep_the_keyword_table(client, users):
    client.force_login(users["editor"])
    response = client.get(reverse("keyword_themes:add"))
    assert response.status_code == 200
    assert 'name="keyword"' in response.content.decode()


# The imported training's edit screen -------------------------------------------------------


def test_the_edit_screen_says_where_the_training_comes_from(client, users, imported):
    client.force_login(users["editor"])
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[imported.training_id])
    ).content.decode()
    assert "Imported from" in html
    assert "Laulukuoro" in html
    assert ORIGIN in html
    assert "Release" not in html.split("Imported from", 1)[1].split("</section>", 1)[0]


def test_a_local_edit_is_shown_locked_and_an_editor_releases_it(client, users, imported):
    edit_title(imported.training, "Kuoroharjoitukset (paikallinen otsikko)")
    assert "title:fi" in dict(locked_fields(imported))
    client.force_login(users["editor"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[imported.training_id])
    html = client.get(edit_url).content.decode()
    release_url = reverse("sources_release_field", args=[imported.pk, "title:fi"])
    assert release_url in html
    assert 'data-action="w-action#post"' in html
    response = client.post(release_url, {"next": edit_url}, follow=True)
    assert response.redirect_chain[-1][0] == edit_url
    imported.refresh_from_db()
    assert "title:fi" in imported.released
    assert imported.source.runs.filter(status=RunStatus.QUEUED, requested_by=users["editor"])
    assert "written from Laulukuoro again" in response.content.decode()


def test_releasing_needs_the_right_to_edit_the_training(client, users, imported):
    edit_title(imported.training, "Paikallinen otsikko")
    client.force_login(users["member"])
    response = client.post(reverse("sources_release_field", args=[imported.pk, "title:fi"]))
    assert response.status_code in (302, 403)
    imported.refresh_from_db()
    assert imported.released == []


def test_a_translation_shows_the_finnish_pages_imports(client, users, imported):
    swedish = translate(imported.training, "sv")
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.pk])).content.decode()
    assert "Imported from" in html
    assert "Laulukuoro" in html


def test_our_own_training_has_no_source_panel(client, users, db):
    own = (
        TrainingPage.objects.live()
        .filter(locale=Locale.get_default(), imports__isnull=True)
        .first()
    )
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).content.decode()
    assert "Imported from" not in html
    assert provenance.public_notes(own) == []


# The public page ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_language_version_names_its_source(client, imported, language):
    page = imported.training
    if language != "fi":
        page = translate(page, language)
    html = client.get(page.url).content.decode()
    assert "Laulukuoro" in html
    assert f'<a href="{ORIGIN}" rel="nofollow noopener">Laulukuoro</a>' in html


def test_the_source_line_costs_one_query(imported, django_assert_num_queries):
    page = TrainingPage.objects.get(pk=imported.training_id)
    with django_assert_num_queries(1):
        assert provenance.public_notes(page) == [("Laulukuoro", ORIGIN)]


# Commands ----------------------------------------------------------------------------------


def test_add_source_prints_the_new_id(feeds, association):
    out = io.StringIO()
    call_command(
        "add_source",
        feeds.url("/google.ics"),
        "--kind",
        "ical",
        "--organiser",
        association.slug,
        "--name",
        "Komentorivi",
        "--moderated",
        stdout=out,
    )
    source = Source.objects.get(pk=int(out.getvalue().strip().splitlines()[-1]))
    assert source.name == "Komentorivi"
    assert source.policy == "moderated"
    assert source.organiser == association


@pytest.mark.parametrize(
    "url, kind, organiser, words",
    [
        ("ftp://example.fi/feed.ics", "ical", None, "webcal"),
        ("https://example.fi/feed.ics", "caldav", None, "kind"),
        ("https://example.fi/feed.ics", "ical", "no-such-association", "no-such-association"),
    ],
)
def test_add_source_refuses_clearly(association, url, kind, organiser, words):
    with pytest.raises(CommandError, match=words):
        call_command(
            "add_source",
            url,
            "--kind",
            kind,
            "--organiser",
            organiser or association.slug,
            stdout=io.StringIO(),
        )
    assert not Source.objects.filter(url=url).exists()


def test_sync_sources_prints_a_line_per_source(feeds, source):
    out = io.StringIO()
    call_command("sync_sources", "--source", str(source.pk), stdout=out)
    assert out.getvalue().splitlines() == [
        f"{source.pk} Laulukuoro: created 3, updated 0, cancelled 0, unchanged 0, skipped 0"
    ]
    assert ImportedEvent.objects.filter(source=source).count() == 3


def test_sync_sources_lists_skipped_reasons_and_errors(feeds, association):
    broken = add_source(feeds.url("/broken.ics"), kind="ical", organiser=association.slug)
    missing = add_source(feeds.url("/missing.ics"), kind="ical", organiser=association.slug)
    Source.objects.exclude(pk__in=[broken.pk, missing.pk]).delete()  # the demo's examples
    out = io.StringIO()
    call_command("sync_sources", stdout=out)
    lines = out.getvalue().splitlines()
    first = lines.index(next(line for line in lines if line.startswith(f"{broken.pk} ")))
    assert "skipped 1" in lines[first]
    assert lines[first + 1].startswith("    skipped nodate@example.fi: ")
    failed = next(i for i, line in enumerate(lines) if line.startswith(f"{missing.pk} "))
    assert lines[failed + 1].startswith("    failed: ")
    assert missing.runs.get().status == RunStatus.FAILED


def test_sync_sources_due_queues_the_due_ones(source):
    out = io.StringIO()
    call_command("sync_sources", "--due", stdout=out)
    assert out.getvalue().strip() == "Sources queued: 1"
    assert source.runs.get().status == RunStatus.QUEUED


def test_sync_sources_refuses_an_unknown_id(db):
    with pytest.raises(CommandError, match="4242"):
        call_command("sync_sources", "--source", "4242", stdout=io.StringIO())
