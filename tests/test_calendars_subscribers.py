"""What subscribers' calendar programs read: the catalogue and funding files as two independent
readers see them (icalendar + recurring-ical-events, and the plain text a program that ignores
STATUS or RECURRENCE-ID shows), after the editors' everyday changes."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from dateutil import rrule

from django.utils import timezone
from django.utils.translation import override, pgettext

from catalogue.models import ScheduleException, Session, TrainingPage
from tests.catalogue_factories import in_language, local, make_training, republish

HELSINKI = ZoneInfo("Europe/Helsinki")
LANGUAGES = ("fi", "sv", "en")

pytestmark = pytest.mark.django_db


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


# 3. A Finnish-only publish reaches every language -------------------------------------------


def _instant(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC)
    return value


def occurrences_by_uid(body, start, end):
    """{UID: sorted (start, end, STATUS, SEQUENCE) of every occurrence} as a client expands
    them (recurring-ical-events), texts left out: they are in each feed's own language."""
    found = {}
    for event in expand(body, start, end):
        found.setdefault(str(event["UID"]), []).append(
            (
                _instant(event["DTSTART"].dt),
                _instant(event["DTEND"].dt) if "DTEND" in event else None,
                str(event.get("STATUS", "")),
                int(event.get("SEQUENCE", 0)),
            )
        )
    return {uid: sorted(rows, key=repr) for uid, rows in found.items()}


def finnish(slug):
    return TrainingPage.objects.get(slug=slug, locale__language_code="fi")


def publish_finnish(slug, edit, capture):
    """What an editor does in the admin: edit the Finnish page and publish it, and nothing else."""
    page = finnish(slug).get_latest_revision_as_object()
    edit(page)
    with capture(execute=True):
        page.save_revision().publish()


def test_every_language_feed_has_the_new_schedule_after_a_finnish_only_publish(
    client, django_capture_on_commit_callbacks
):
    group = finnish("vertaistukiryhma-forssa")
    third = (
        group.occurrences.filter(from_rule=True, status="scheduled", start__gt=timezone.now())
        .order_by("start")[2]
        .local_start.date()
    )

    def move_and_cancel_group(page):
        page.series_start_time = datetime.time(18, 30)
        page.exceptions = [
            *page.exceptions.all(),
            ScheduleException(date=third, action="cancelled", reason="Sali on varattu."),
        ]

    def move_and_cancel_sessions(page):
        first, second, *rest = page.sessions.all()
        first.start += datetime.timedelta(hours=1)
        first.end += datetime.timedelta(hours=1)
        second.status, second.reason = "cancelled", "Kouluttaja sairastui."
        page.sessions = [first, second, *rest]

    publish_finnish(
        "vertaistukiryhma-forssa", move_and_cancel_group, django_capture_on_commit_callbacks
    )
    publish_finnish(
        "hallituksen-perehdytys", move_and_cancel_sessions, django_capture_on_commit_callbacks
    )

    start = timezone.now() - datetime.timedelta(days=1)
    end = timezone.now() + datetime.timedelta(days=500)
    read = {
        code: occurrences_by_uid(client.get(f"/{code}/calendar/trainings.ics").content, start, end)
        for code in LANGUAGES
    }
    assert len(read["fi"]) > 40
    for code in ("sv", "en"):
        # Every training in every language, but an import from a calendar without this one.
        assert read[code] == {uid: read["fi"][uid] for uid in in_language(read["fi"], code)}
    series = [
        row for uid, rows in read["sv"].items() if uid.startswith(str(group.uid)) for row in rows
    ]
    assert {row[0].astimezone(HELSINKI).time() for row in series if row[2] != "CANCELLED"} >= {
        datetime.time(18, 30)
    }
    cancelled = [row for row in series if row[2] == "CANCELLED"]
    assert [row[0].astimezone(HELSINKI).date() for row in cancelled] == [third]
    swedish = TrainingPage.objects.get(slug=group.slug, locale__language_code="sv")
    assert swedish.occurrences.filter(start__gt=timezone.now(), status="cancelled").count() == 1


def versions(slug):
    return {
        code: TrainingPage.objects.get(slug=slug, locale__language_code=code) for code in LANGUAGES
    }


def first_session_start(page):
    return page.sessions.order_by("sort_order").first().start


def test_a_sequence_number_never_stands_for_two_schedules(django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    slug = "hallituksen-perehdytys"
    before = versions(slug)
    planned = first_session_start(before["fi"])
    hour = datetime.timedelta(hours=1)

    def later(page, by=hour):
        first, *rest = page.sessions.all()
        first.start += by
        first.end += by
        page.sessions = [first, *rest]

    publish_finnish(slug, later, capture)
    after = versions(slug)
    assert {page.sequence for page in after.values()} == {before["fi"].sequence + 1}
    assert {first_session_start(page) for page in after.values()} == {planned + hour}

    # A Swedish version published with a schedule of its own (as a hand-made translation can
    # be) gets a number of its own; the others keep theirs.
    swedish = after["sv"].get_latest_revision_as_object()
    later(swedish, by=2 * hour)
    with capture(execute=True):
        swedish.save_revision().publish()
    mixed = versions(slug)
    assert mixed["sv"].sequence > mixed["fi"].sequence == mixed["en"].sequence

    # The next Finnish publish (a typo fixed) brings its schedule back to Swedish, with a number
    # higher than any the Swedish subscribers saw.
    publish_finnish(slug, lambda page: setattr(page, "title", page.title + "."), capture)
    final = versions(slug)
    assert {first_session_start(page) for page in final.values()} == {planned + hour}
    assert len({page.sequence for page in final.values()}) == 1
    assert final["sv"].sequence > mixed["sv"].sequence


def test_translated_texts_stay_and_drafts_get_the_new_schedule(django_capture_on_commit_callbacks):
    slug = "hallituksen-perehdytys"
    before = versions(slug)
    swedish_titles = list(
        before["sv"].sessions.order_by("sort_order").values_list("title", flat=True)
    )
    draft = before["en"].get_latest_revision_as_object()
    draft.summary = "An English draft not yet published."
    draft.save_revision()

    def cancel_first(page):
        first, *rest = page.sessions.all()
        first.status, first.reason = "cancelled", "Kouluttaja sairastui."
        page.sessions = [first, *rest]

    publish_finnish(slug, cancel_first, django_capture_on_commit_callbacks)
    after = versions(slug)

    swedish = after["sv"]
    assert list(swedish.sessions.order_by("sort_order").values_list("title", flat=True)) == (
        swedish_titles
    )
    assert swedish.sessions.order_by("sort_order").first().status == "cancelled"
    english = after["en"]
    assert english.live and english.sessions.order_by("sort_order").first().status == "cancelled"
    assert english.has_unpublished_changes  # the draft is still waiting, with the new facts
    waiting = english.get_latest_revision_as_object()
    assert waiting.summary == "An English draft not yet published."
    assert waiting.sessions.all()[0].status == "cancelled"


def test_saving_a_translation_later_keeps_the_new_schedule(django_capture_on_commit_callbacks):
    """wagtail-localize writes a translation from its copy of the source: the publish updates
    that copy, so a translator's save does not bring the old times back."""
    from wagtail_localize.models import Translation

    slug = "hallituksen-perehdytys"
    hour = datetime.timedelta(hours=1)

    def later(page):
        first, *rest = page.sessions.all()
        first.start += hour
        first.end += hour
        page.sessions = [first, *rest]

    publish_finnish(slug, later, django_capture_on_commit_callbacks)
    moved = first_session_start(finnish(slug))
    translation = Translation.objects.get(
        source__object_id=finnish(slug).translation_key, target_locale__language_code="sv"
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert first_session_start(versions(slug)["sv"]) == moved


def test_translators_cannot_override_the_shared_facts():
    """The place is a fact: wagtail-localize offers no per-language override of it, while
    texts such as the venue's name stay translatable."""
    from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

    source = TranslationSource.objects.get(object_id=finnish("somekoulu").translation_key)
    source.update_from_db()
    overridable = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    translatable = set(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )

    assert not overridable & {"street_address", "postal_code", "remote_platform", "join_link"}
    assert "summary" in translatable


# 4. BASE_URL is every canonical address -----------------------------------------------------

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def urls_in(data):
    """Every `url` and `@id` value in a JSON-LD document, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("url", "@id") and isinstance(value, str):
                yield value
            else:
                yield from urls_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from urls_in(item)


def test_base_url_gives_the_sitemap_and_json_ld_their_addresses(client):
    from django.core.checks import run_checks
    from django.core.management.sql import emit_post_migrate_signal
    from django.test import override_settings
    from django.urls import reverse

    from associations.models import AssociationPage
    from funding.models import FundingOpportunityPage
    from lending.models import EquipmentPage, SpacePage

    base = "https://example.fi"
    with override_settings(BASE_URL=base):
        assert "core.W001" in {message.id for message in run_checks()}
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as `migrate`
        assert "core.W001" not in {message.id for message in run_checks()}

        locations = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
        assert len(locations) > 100
        assert all(location.startswith(f"{base}/") for location in locations)
        assert f"Sitemap: {base}/sitemap.xml" in client.get("/robots.txt").content.decode()

        pages = [
            finnish("jarjestofoorumi"),
            TrainingPage.objects.get(slug="somekoulu", locale__language_code="sv"),
            FundingOpportunityPage.objects.live().first(),
            AssociationPage.objects.live().filter(locale__language_code="en").first(),
            SpacePage.objects.live().first(),
            EquipmentPage.objects.live().first(),
        ]
        for page in pages:
            html = client.get(page.url).content.decode()
            (document,) = [json.loads(text) for text in JSON_LD.findall(html)]
            assert document["url"] == f"{base}{page.url}"
            for url in urls_in(document):
                assert not re.match(r"https?://(localhost|127\.0\.0\.1|testserver)\b", url), url

        space = pages[4]
        feed = client.get(reverse("lending:resource_feed", args=[space.translation_key]))
        assert f"URL:{base}{space.url}\r\n" in unfolded(feed.content)

        # The addresses offered to copy (subscribe, embed) are BASE_URL's too, not the host
        # the request named.
        html = client.get(space.url).content.decode()
        feed_path = reverse("lending:resource_feed", args=[space.translation_key])
        embed_path = reverse("lending:resource_embed", args=[space.translation_key])
        assert f'value="{base}{feed_path}"' in html and f"{base}{embed_path}" in html
        index = FundingOpportunityPage.objects.live().first().get_parent()
        html = client.get(index.url).content.decode()
        deadlines = reverse("funding_deadlines_ics", args=[index.pk])
        assert f'value="{base}{deadlines}"' in html
        assert "://localhost" not in html


# 5. Past trainings keep their dates in JSON-LD ----------------------------------------------


def json_ld_of(client, page):
    (text,) = JSON_LD.findall(client.get(page.url).content.decode())
    return json.loads(text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_past_trainings_keep_their_start_and_end_in_json_ld(client, code):
    past = TrainingPage.objects.live().filter(
        slug__startswith="menneet-", locale__language_code=code
    )
    assert past.count() == 7
    for page in past:
        last = page.occurrences.exclude(status="cancelled").order_by("-start").first()
        data = json_ld_of(client, page)
        if last.all_day:
            expected = (last.local_start.date().isoformat(), last.last_day.isoformat())
        else:
            expected = (
                timezone.localtime(last.start).isoformat(),
                timezone.localtime(last.end).isoformat(),
            )
        assert (data.get("startDate"), data.get("endDate")) == expected, page.slug


def test_an_all_day_event_has_its_local_dates_in_json_ld(client):
    page = finnish("jarjestofoorumi")
    occurrence = page.occurrences.get()
    data = json_ld_of(client, page)
    assert (data["startDate"], data["endDate"]) == (
        occurrence.local_start.date().isoformat(),
        occurrence.last_day.isoformat(),
    )


# 6. A closed funding call offers no empty calendar file -------------------------------------


def test_a_closed_call_offers_no_calendar_file_and_says_why(client):
    from django.urls import reverse

    from tests.funding_factories import make_opportunity

    today = timezone.localdate()
    closed = make_opportunity(
        "Päättynyt haku",
        [
            (None, today - datetime.timedelta(days=200), None),
            (None, today - datetime.timedelta(days=3), None),
        ],
    )
    ics = reverse("funding_opportunity_ics", args=[closed.uid])

    html = client.get(closed.url).content.decode()
    response = client.get(ics)

    assert ics not in html  # no "Add the deadline to my calendar"
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Päättynyt haku" in response.content.decode()
    assert b"BEGIN:VCALENDAR" not in response.content

    running = make_opportunity(
        "Käynnissä oleva haku",
        [
            (None, today - datetime.timedelta(days=3), None),
            (None, today + datetime.timedelta(days=30), None),
        ],
    )
    ics = reverse("funding_opportunity_ics", args=[running.uid])
    assert ics in client.get(running.url).content.decode()
    events = vevents(client.get(ics).content)
    deadlines = [e for e in events if str(e["UID"]).endswith("-deadline@meidanhame.fi")]
    assert [e["DTSTART"].dt for e in deadlines] == [today + datetime.timedelta(days=30)]


# 7. Cancelled dates say so in their title too -----------------------------------------------


def cancelled_title(code, title):
    with override(code):
        return pgettext("calendar event title", "Cancelled: %(title)s") % {"title": title}


def shown_by_a_plain_reader(body, day):
    """(start, SUMMARY) of what a program that knows neither STATUS nor RECURRENCE-ID
    (calcurse) shows on `day`: every VEVENT on its own, its RRULE less its EXDATEs."""
    first = datetime.datetime.combine(day, datetime.time(), tzinfo=HELSINKI)
    last = first + datetime.timedelta(days=1)
    shown = []
    for event in icalendar.Calendar.from_ical(body).walk("VEVENT"):
        start = event["DTSTART"].dt
        if not isinstance(start, datetime.datetime):
            continue  # all-day events: none of the trainings this reads
        starts = [start]
        if "RRULE" in event:
            rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
            exdates = event.get("EXDATE", [])
            excluded = {
                value.dt
                for prop in (exdates if isinstance(exdates, list) else [exdates])
                for value in prop.dts
            }
            starts = [value for value in rule.between(first, last) if value not in excluded]
        shown += [(value, str(event["SUMMARY"])) for value in starts if first <= value < last]
    return shown


def test_a_cancelled_date_of_a_series_is_shown_once_as_cancelled_by_every_reader(
    client, django_capture_on_commit_callbacks
):
    group = finnish("liikuntaryhma-hausjarvi")
    day = (
        group.occurrences.filter(from_rule=True, status="scheduled", start__gt=timezone.now())
        .order_by("start")[3]
        .local_start.date()
    )

    def cancel(page):
        page.exceptions = [
            *page.exceptions.all(),
            ScheduleException(date=day, action="cancelled", reason="Sali on varattu."),
        ]

    publish_finnish(group.slug, cancel, django_capture_on_commit_callbacks)

    for code in LANGUAGES:
        page = TrainingPage.objects.get(slug=group.slug, locale__language_code=code)
        body = client.get(f"/{code}/calendar/trainings.ics").content
        title = cancelled_title(code, page.title)
        ours = vevents(body, str(page.uid))
        assert not any("RECURRENCE-ID" in e and e["STATUS"] == "CANCELLED" for e in ours)
        # An RFC 5545 reader: one occurrence that day, cancelled, and says so.
        that_day = [
            e
            for e in expand(body, day, day + datetime.timedelta(days=1))
            if str(e["UID"]).startswith(str(page.uid))
        ]
        assert [(str(e["STATUS"]), str(e["SUMMARY"])) for e in that_day] == [("CANCELLED", title)]
        # A reader that ignores STATUS and RECURRENCE-ID: once, and the title says it.
        plain = [row for row in shown_by_a_plain_reader(body, day) if row[1].endswith(page.title)]
        assert [summary for _start, summary in plain] == [title]


@pytest.mark.parametrize("code", LANGUAGES)
def test_cancelled_sessions_and_trainings_say_so_in_their_title(client, code):
    course = TrainingPage.objects.get(slug="somekoulu", locale__language_code=code)
    cancelled = course.sessions.get(status="cancelled")
    training = TrainingPage.objects.get(
        slug="toimintasuunnitelma-pajat", locale__language_code=code
    )
    body = client.get(f"/{code}/calendar/trainings.ics").content

    (session,) = vevents(body, f"{course.uid}-{cancelled.translation_key}")
    assert str(session["SUMMARY"]) == cancelled_title(code, f"{course.title}: {cancelled.title}")
    for event in vevents(body, str(training.uid)):
        assert event["STATUS"] == "CANCELLED"
        assert str(event["SUMMARY"]).startswith(cancelled_title(code, ""))
    others = [e for e in vevents(body, str(course.uid)) if e["STATUS"] != "CANCELLED"]
    assert others and not any(
        str(e["SUMMARY"]).startswith(cancelled_title(code, "")) for e in others
    )


# 8. UNTIL instead of COUNT with EXDATEs; Outlook's documented deep link ---------------------


def weekly(**fields):
    from calendars.types import FeedEvent

    start = datetime.datetime(2027, 3, 2, 18, tzinfo=HELSINKI)
    values = {
        "uid": "sarja@meidanhame.fi",
        "summary": "Viikkoryhmä",
        "start": start,
        "end": start + datetime.timedelta(hours=1),
        "dtstamp": datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        "rrules": ("FREQ=WEEKLY;COUNT=6",),
        "exdates": (datetime.datetime(2027, 3, 16, 18, tzinfo=HELSINKI),),
    }
    values.update(fields)
    return FeedEvent(**values)


def test_a_finite_series_with_exdates_is_written_with_until_in_utc():
    from calendars.ical import build_calendar
    from calendars.types import CalendarMeta

    body = build_calendar(CalendarMeta(name="Testi"), [weekly()])
    text = unfolded(body)

    # The sixth start, 6.4.2027 18:00 summer time, is 15:00 UTC.
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270406T150000Z\r\n" in text
    assert "COUNT=" not in text
    starts = [
        e["DTSTART"].dt for e in expand(body, datetime.date(2027, 1, 1), datetime.date(2028, 1, 1))
    ]
    assert [value.date() for value in starts] == [
        datetime.date(2027, 3, 2),
        datetime.date(2027, 3, 9),
        datetime.date(2027, 3, 23),
        datetime.date(2027, 3, 30),
        datetime.date(2027, 4, 6),
    ]
    assert {value.astimezone(HELSINKI).time() for value in starts} == {datetime.time(18)}

    days = build_calendar(
        CalendarMeta(name="Testi"),
        [
            weekly(
                start=datetime.date(2027, 3, 2),
                end=datetime.date(2027, 3, 3),
                exdates=(datetime.date(2027, 3, 16),),
            )
        ],
    )
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270406\r\n" in unfolded(days)
    without = build_calendar(CalendarMeta(name="Testi"), [weekly(exdates=())])
    assert "RRULE:FREQ=WEEKLY;COUNT=6\r\n" in unfolded(without)  # nothing to miscount


def test_the_demo_series_with_an_excluded_date_ends_with_until(client):
    page = finnish("liikuntaryhma-hausjarvi")
    (series,) = [
        e
        for e in vevents(client.get("/fi/calendar/trainings.ics").content)
        if str(e["UID"]) == f"{page.uid}@meidanhame.fi"
    ]
    rule = series["RRULE"]
    assert "COUNT" not in rule and rule["UNTIL"][0].tzinfo is not None
    last = page.occurrences.filter(from_rule=True).order_by("-original_start").first()
    assert rule["UNTIL"][0] == last.original_start


def test_add_to_calendar_uses_outlooks_documented_deep_link(client):
    from urllib.parse import parse_qs, urlsplit

    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="en")
    html = client.get(page.url).content.decode()
    for host in ("outlook.live.com", "outlook.office.com"):
        match = re.search(rf'href="(https://{re.escape(host)}/calendar/[^"]+)"', html)
        link = urlsplit(match.group(1).replace("&amp;", "&"))
        params = parse_qs(link.query)
        assert link.path == "/calendar/0/deeplink/compose"
        assert params["path"] == ["/calendar/action/compose"]
        assert params["rru"] == ["addevent"]
        assert params["subject"] == [page.title]
        assert params["startdt"][0] < params["enddt"][0]
