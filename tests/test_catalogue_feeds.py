"""The catalogue's calendar interface: trainings as FeedEvents, read back by an independent
parser (recurring-ical-events) and compared with the occurrence table the HTML pages show."""

import datetime
import gzip
import logging
import math
import re
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from calendars import store
from calendars.http import invalidate_feeds
from calendars.ical import build_calendar
from calendars.models import SavedFeed
from calendars.types import CalendarMeta
from catalogue.feeds import TRAINING_EVENTS, training_events, training_ics, trainings_for_feed
from catalogue.models import Occurrence, Session, TrainingPage
from tests.catalogue_factories import in_language, local, make_training

HELSINKI = ZoneInfo("Europe/Helsinki")
LANGUAGES = ("fi", "sv", "en")

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


# ---------------------------------------------------------------------------------------------
# The feed URLs: the whole catalogue and its filtered views, read as a subscriber reads them

HTML_ROW = re.compile(
    r'<time datetime="([^"]+)">.*?<h3 class="occurrence__title"><a href="([^"]+)">', re.S
)
COUNT = re.compile(r'id="results-title"[^>]*>(\d+) upcoming')
FEED = "/en/calendar/trainings.ics"
CATALOGUE = "/en/koulutukset/"


def _instant(value):
    """A comparable start: an aware datetime in UTC, or a date for an all-day occurrence."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC)
    return value


def listed_by_catalogue(client, query):
    """(page path, start, cancelled) of every occurrence the HTML catalogue lists, all pages."""
    first = client.get(f"{CATALOGUE}?{query}")
    assert first.status_code == 200
    total = int(COUNT.search(first.content.decode()).group(1))
    rows = []
    for number in range(1, math.ceil(total / 20) + 1):
        html = client.get(f"{CATALOGUE}?{query}&page={number}").content.decode()
        for item in html.split('<li class="occurrence')[1:]:
            when, href = HTML_ROW.search(item).groups()
            start = (
                datetime.date.fromisoformat(when)
                if len(when) == 10
                else datetime.datetime.fromisoformat(when)
            )
            rows.append((href, _instant(start), item.startswith(" occurrence--cancelled")))
    assert len(rows) == total
    return sorted(rows, key=repr)


def expanded_from_feed(body, first_day, last_day):
    """The same triples from a feed, expanded by an independent parser over the local days."""
    start = datetime.datetime.combine(first_day, datetime.time(), tzinfo=HELSINKI)
    after = last_day + datetime.timedelta(days=1)
    end = datetime.datetime.combine(after, datetime.time(), tzinfo=HELSINKI)
    rows = []
    for event in expand(body, start, end):
        path = urlsplit(str(event["URL"])).path
        cancelled = str(event.get("STATUS", "")) == "CANCELLED"
        rows.append((path, _instant(event["DTSTART"].dt), cancelled))
    return sorted(rows, key=repr)


def first_organiser_slug():
    """The organiser filter value of the first English training, as the table stores it."""
    occurrence = Occurrence.objects.filter(locale__language_code="en").order_by("pk").first()
    return occurrence.organiser_slug


@pytest.mark.parametrize(
    "query",
    [
        "",
        "theme=digitaidot",
        "municipality=hameenlinna",
        "region=forssa-seutu&format=onsite",
        "format=online&free=1",
        "kind=seminar&kind=webinar",
        "q=yhdistys",
        "organiser=FIRST",
    ],
)
def test_feed_expands_to_exactly_what_the_catalogue_lists(client, query):
    if "FIRST" in query:
        query = query.replace("FIRST", first_organiser_slug())
    first_day = timezone.localdate() + datetime.timedelta(days=1)
    last_day = first_day + datetime.timedelta(days=75)
    dates = f"from={first_day}&to={last_day}"

    listed = listed_by_catalogue(client, f"{query}&{dates}" if query else dates)
    response = client.get(f"{FEED}?{query}")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert expanded_from_feed(response.content, first_day, last_day) == listed
    if query == "":
        assert len(listed) > 40  # the demo fills the range: the comparison means something


def test_feed_of_a_date_range_is_the_feed_of_its_other_filters(client):
    """Dates narrow the page only (catalogue.feeds.PAGE_ONLY_PARAMS): a subscription keeps
    every date of the window, and its name says nothing about dates."""
    first_day = timezone.localdate() + datetime.timedelta(days=3)
    last_day = first_day + datetime.timedelta(days=14)
    query = f"from={first_day}&to={last_day}&theme=hallitustyo"

    dated = client.get(f"{FEED}?{query}")
    plain = client.get(f"{FEED}?theme=hallitustyo")

    assert dated.status_code == 200
    assert dated.content == plain.content
    name = "X-WR-CALNAME:Meidän Häme – trainings: Board work and governance\r\n"
    assert name in dated.content.decode().replace("\r\n ", "")


def test_calendar_name_says_what_the_filter_is(client):
    body = client.get(f"{FEED}?theme=digitaidot&municipality=riihimaki").content.decode()
    unfolded = body.replace("\r\n ", "")
    assert (
        "X-WR-CALNAME:Meidän Häme – trainings: Digital skills and remote tools · Riihimäki"
        in unfolded
    )
    assert "NAME;LANGUAGE=en:Meidän Häme – trainings: Digital skills" in unfolded
    assert "SOURCE;VALUE=URI:" in unfolded and "/en/calendar/trainings.ics?" in unfolded


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("theme=nope", "Unknown theme “nope”"),
        ("municipality=atlantis", "Unknown municipality “atlantis”"),
        ("from=31.12.2026", "“31.12.2026” is not a date"),
        ("when=fortnight", "Unknown time span “fortnight”"),
        ("free=maybe", "“maybe” is not a valid value for “free”"),
        ("when=week&when=month", "“when” was given more than once"),
        ("themes=digitaidot", "Unknown parameter “themes”"),
        ("organiser=no-such-association", "Unknown organiser “no-such-association”"),
    ],
)
def test_bad_filter_values_answer_400_with_a_plain_reason(client, query, reason):
    response = client.get(f"{FEED}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert reason in response.content.decode()


def test_any_date_range_gives_the_whole_window(client):
    whole = client.get(FEED).content
    huge = client.get(f"{FEED}?from=1900-01-01&to=9999-12-31")

    assert huge.status_code == 200
    assert huge.content == whole
    assert "X-WR-CALNAME:Meidän Häme – trainings\r\n" in whole.decode()


def test_page_only_parameters_are_accepted_and_ignored(client):
    plain = client.get(f"{FEED}?theme=talous")
    with_view = client.get(f"{FEED}?theme=talous&view=month&month=2027-01&page=2")

    assert with_view.status_code == 200
    assert with_view.content == plain.content


def uids(body):
    return {str(event["UID"]) for event in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def test_every_language_has_the_same_uids_with_texts_in_its_language(client):
    feeds = {code: client.get(f"/{code}/calendar/trainings.ics").content for code in LANGUAGES}

    # Every training in every language, but an import from a calendar without this one.
    for code in ("sv", "en"):
        assert uids(feeds[code]) == in_language(uids(feeds["fi"]), code)
    assert len(uids(feeds["fi"])) > 40
    for code, body in feeds.items():
        text = body.decode()
        assert f"SUMMARY;LANGUAGE={code}:" in text
    assert "Understödsansökans ABC" in feeds["sv"].decode()
    assert "Avustushaun ABC" in feeds["fi"].decode()


def test_training_with_inconsistent_data_is_skipped_and_logged(client, caplog):
    page = TrainingPage.objects.get(slug="hallituksen-perehdytys", locale__language_code="en")
    broken = page.sessions.order_by("sort_order").first()
    Session.objects.filter(pk=broken.pk).update(end=broken.start - datetime.timedelta(hours=2))
    broken_uid = f"{page.uid}-{broken.translation_key}@meidanhame.fi"

    with caplog.at_level(logging.WARNING, logger="calendars"):
        # What publishing does with the page's data: write its events (the feed joins them).
        store.write(TRAINING_EVENTS.name, [page.pk])
        invalidate_feeds()
        response = client.get(FEED)

    assert response.status_code == 200
    found = uids(response.content)
    assert broken_uid not in found
    assert {uid for uid in found if uid.startswith(str(page.uid))}  # its other sessions stay
    assert broken_uid in caplog.text


def events_of(body, page):
    calendar = icalendar.Calendar.from_ical(body)
    return [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(str(page.uid))]


def publish_edit(page, edit, capture):
    """Publish a new revision of `page` changed by `edit`, running the after-commit hooks."""
    page = page.get_latest_revision_as_object()
    edit(page)
    with capture(execute=True):
        page.save_revision().publish()
    return page


TRAINING_FEED = "/fi/calendar/trainings.ics?theme=hallitustyo"


def test_typo_fix_keeps_uids_and_sequence(client, django_capture_on_commit_callbacks):
    page = TrainingPage.objects.get(slug="hallituksen-perehdytys", locale__language_code="fi")
    before = events_of(client.get(TRAINING_FEED).content, page)

    def fix_typo(page):
        page.title += " (korjattu)"

    page = publish_edit(page, fix_typo, django_capture_on_commit_callbacks)
    after = events_of(client.get(TRAINING_FEED).content, page)

    assert len(before) == 3
    assert [str(e["UID"]) for e in after] == [str(e["UID"]) for e in before]
    assert [int(e["SEQUENCE"]) for e in after] == [int(e["SEQUENCE"]) for e in before]
    assert all(str(e["SUMMARY"]).startswith(page.title) for e in after)
    assert [e["DTSTAMP"].dt for e in after] != [e["DTSTAMP"].dt for e in before]


def test_time_change_keeps_uids_and_raises_sequence(client, django_capture_on_commit_callbacks):
    page = TrainingPage.objects.get(slug="hallituksen-perehdytys", locale__language_code="fi")
    before = events_of(client.get(TRAINING_FEED).content, page)
    hour = datetime.timedelta(hours=1)

    def move_first_session(page):
        sessions = list(page.sessions.all())
        sessions[0].start += hour
        sessions[0].end += hour
        page.sessions = sessions

    publish_edit(page, move_first_session, django_capture_on_commit_callbacks)
    after = events_of(client.get(TRAINING_FEED).content, page)
    swedish = client.get("/sv/calendar/trainings.ics?theme=hallitustyo").content

    assert [str(e["UID"]) for e in after] == [str(e["UID"]) for e in before]
    assert [int(e["SEQUENCE"]) for e in after] == [int(e["SEQUENCE"]) + 1 for e in before]
    assert after[0]["DTSTART"].dt == before[0]["DTSTART"].dt + hour
    # Every language carries the raised SEQUENCE, so no client keeps the old time.
    assert {int(e["SEQUENCE"]) for e in events_of(swedish, page)} == {
        int(before[0]["SEQUENCE"]) + 1
    }


def test_unchanged_data_gives_byte_identical_feeds(client):
    url = f"{FEED}?region=hameenlinna-seutu"
    first = client.get(url)
    cache.clear()  # nothing cached: every block built again
    rebuilt = client.get(url)
    invalidate_feeds()  # a new generation: the feed joined from the cached blocks
    joined = client.get(url)

    assert first.status_code == 200
    assert first.content == rebuilt.content == joined.content
    assert first["ETag"] == rebuilt["ETag"] == joined["ETag"]


def test_conditional_get_answers_304_from_the_fast_path_with_the_same_headers(
    client, django_assert_num_queries
):
    url = f"{FEED}?theme=viestinta"
    full = client.get(url)  # the whole stack: builds and leaves a route in the cache

    with django_assert_num_queries(0):
        fast = client.get(url)
        not_modified = client.get(url, headers={"If-None-Match": full["ETag"]})

    assert fast.content == full.content
    ignore = {"Date"}
    assert {k: v for k, v in fast.items() if k not in ignore} == {
        k: v for k, v in full.items() if k not in ignore
    }
    assert "Content-Security-Policy" in fast and fast["Content-Language"] == "en"
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == full["ETag"]


def test_publishing_reaches_the_cached_feed(client, django_capture_on_commit_callbacks):
    page = TrainingPage.objects.get(slug="somekoulu", locale__language_code="en")
    url = f"{FEED}?theme=viestinta"
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304

    page = page.get_latest_revision_as_object()
    page.summary = "A brand new summary for subscribers."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get(url, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert b"A brand new summary for subscribers." in response.content.replace(b"\r\n ", b"")


def test_gzip_and_head_on_the_catalogue_feed(client):
    plain = client.get(FEED)
    zipped = client.get(FEED, headers={"Accept-Encoding": "gzip"})
    head = client.head(FEED)

    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == plain["ETag"]


# Short URLs, discovery and subscribe links ---------------------------------------------------

LONG_QUERY = (
    "theme=digitaidot&theme=viestinta&theme=talous&theme=hallitustyo&theme=rahoitus"
    "&municipality=hameenlinna&municipality=riihimaki&municipality=forssa&municipality=janakkala"
    "&municipality=hattula&municipality=loppi&kind=training&kind=seminar&format=onsite"
    "&format=hybrid&q=yhdistyksen"
)
ALTERNATE = re.compile(
    r'<link rel="alternate" type="text/calendar" title="([^"]*)" href="([^"]+)">'
)


def feed_link(client, url):
    html = client.get(url).content.decode()
    links = ALTERNATE.findall(html)
    assert len(links) == 1, links
    title, href = links[0]
    return title, href.replace("&amp;", "&"), html


def test_catalogue_announces_the_feed_of_its_filters(client):
    title, href, html = feed_link(client, f"{CATALOGUE}?theme=digitaidot&page=1&view=list")

    assert title == "Meidän Häme – trainings: Digital skills and remote tools"
    assert href.endswith("/en/calendar/trainings.ics?theme=digitaidot")
    # The month view announces the same feed: the month shown is not a filter.
    month_title, month_href, _html = feed_link(
        client, f"{CATALOGUE}?theme=digitaidot&view=month&month=2027-03"
    )
    assert (month_title, month_href) == (title, href)
    bare = href.split("://", 1)[1]
    assert f'href="webcal://{bare}"' in html
    assert "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2F" in html
    assert "https://outlook.live.com/calendar/0/addfromweb?url=" in html
    assert "https://outlook.office.com/calendar/0/addfromweb?url=" in html
    assert 'data-copy-target="catalogue-subscribe-url"' in html
    assert '<label for="catalogue-subscribe-url">' in html


def test_archive_announces_the_feed_of_its_filters(client):
    _title, href, html = feed_link(client, f"{CATALOGUE}archive/?municipality=forssa")
    assert href.endswith("/en/calendar/trainings.ics?municipality=forssa")
    assert f'value="{href}"' in html  # the subscribe control, with the same URL


def test_month_view_offers_the_subscription_of_its_filters(client):
    html = client.get(f"{CATALOGUE}?view=month&theme=talous").content.decode()
    match = re.search(r'<input type="url" id="catalogue-subscribe-url" value="([^"]+)"', html)
    assert match.group(1).endswith("/en/calendar/trainings.ics?theme=talous")


SUBSCRIBE = "/en/calendar/trainings/subscribe/"


def subscribe_form(html):
    """The catalogue's "Subscribe" form of filters too long for a feed URL: its query."""
    match = re.search(
        r'<form class="catalogue-subscribe" method="post" action="([^"]+)">.*?'
        r'name="query" value="([^"]*)"',
        html,
        re.S,
    )
    assert match, "no subscribe form"
    return match.group(1), match.group(2).replace("&amp;", "&")


def test_long_filters_get_a_short_stable_url_on_request_that_serves_the_same_feed(client):
    long_url = f"{FEED}?{LONG_QUERY}"
    assert len("webcal://localhost" + long_url) > 256
    _title, href, html = feed_link(client, f"{CATALOGUE}?{LONG_QUERY}")
    # The page announces the long URL and offers a form: looking saves nothing.
    assert href.startswith("http") and urlsplit(href).path == FEED
    assert SavedFeed.objects.count() == 0
    action, query = subscribe_form(html)
    assert action == SUBSCRIBE

    response = client.post(action, {"query": query})
    assert response.status_code == 200
    short_href = re.search(
        r'<input type="url" id="catalogue-subscribe-url" value="([^"]+)"',
        response.content.decode(),
    ).group(1)
    assert "/en/calendar/s/" in short_href and short_href.endswith(".ics")
    assert len(short_href.replace("http://", "webcal://").replace("https://", "webcal://")) < 256
    again = client.post(action, {"query": query + "&page=1"})
    assert short_href in again.content.decode()
    assert SavedFeed.objects.count() == 1
    # Once saved, the catalogue page gives the short URL itself.
    _title, href, html = feed_link(client, f"{CATALOGUE}?{LONG_QUERY}")
    assert href == short_href and f'value="{href}"' in html

    short = client.get(urlsplit(short_href).path)
    direct = client.get(long_url)
    assert short.status_code == direct.status_code == 200
    assert short.content == direct.content  # the same SOURCE: the short URL
    assert f"SOURCE;VALUE=URI:{short_href}".encode() in short.content.replace(b"\r\n ", b"")
    # The token does not depend on the language: Swedish gets the same filter in Swedish.
    swedish = client.get(urlsplit(short_href).path.replace("/en/", "/sv/"))
    assert swedish.status_code == 200 and uids(swedish.content) == uids(short.content)


def unique(n):
    """A filter query too long for a feed URL, different for each `n`."""
    return LONG_QUERY.replace("q=yhdistyksen", f"q=yhdistyksen{n}")


def test_catalogue_views_with_unique_filters_save_no_feeds(client):
    """A crawler trying filter after filter used to write a SavedFeed row per page view."""
    for n in range(50):
        response = client.get(f"{CATALOGUE}?{unique(n)}")
        assert response.status_code == 200
    assert client.get(f"{FEED}?{unique(50)}").status_code == 200
    assert SavedFeed.objects.count() == 0


def test_saving_short_feed_urls_is_limited_per_client_address(client, monkeypatch):
    from catalogue import ics_views

    monkeypatch.setattr(ics_views, "SUBSCRIBE_LIMIT", (3, 3600))
    for n in range(3):
        response = client.post(SUBSCRIBE, {"query": unique(n)})
        assert response.status_code == 200
    refused = client.post(SUBSCRIBE, {"query": unique(3)})
    assert refused.status_code == 429
    assert "Too many calendar addresses" in refused.content.decode()
    assert refused["Retry-After"] == "3600"
    assert SavedFeed.objects.count() == 3
    # A filter short enough needs no saved URL: it is shown at once, and not counted.
    short_enough = client.post(SUBSCRIBE, {"query": "theme=talous"})
    assert short_enough.status_code == 200
    assert "/en/calendar/trainings.ics?theme=talous" in short_enough.content.decode()
    # The saved feeds still answer, and another address may save its own.
    assert client.get(f"{FEED}?{unique(0)}").status_code == 200
    other = client.post(SUBSCRIBE, {"query": unique(3)}, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


def test_saving_a_short_feed_url_answers_bad_filters_with_reasons(client):
    response = client.post(SUBSCRIBE, {"query": "theme=no-such-theme&colour=red"})
    assert response.status_code == 400
    assert "colour" in response.content.decode()
    assert client.get(SUBSCRIBE).status_code == 405
    assert SavedFeed.objects.count() == 0


def test_unknown_short_url_is_a_plain_404(client):
    response = client.get("/en/calendar/s/aaaaaaaaaaaaaaaa.ics")
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "No saved calendar feed" in response.content.decode()


def test_training_page_announces_its_ics_and_offers_add_to_calendar(client):
    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="en")
    title, href, html = feed_link(client, page.url)

    assert title == page.title
    assert href.endswith(f"/en/calendar/training/{page.uid}.ics")
    assert client.get(urlsplit(href).path).status_code == 200
    google = re.search(r'href="(https://calendar.google.com/calendar/render\?[^"]+)"', html)
    params = parse_qs(urlsplit(google.group(1).replace("&amp;", "&")).query)
    assert params["action"] == ["TEMPLATE"] and params["text"] == [page.title]
    start, end = params["dates"][0].split("/")
    assert start.endswith("Z") and end > start
    assert page.url in params["details"][0]
    assert "https://outlook.live.com/calendar/0/deeplink/compose?" in html
    assert "https://outlook.office.com/calendar/0/deeplink/compose?" in html


# Queries ------------------------------------------------------------------------------------


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_feed_takes_the_same_number_of_queries_as_data_grows(client, django_assert_max_num_queries):
    url = "/fi/calendar/trainings.ics"
    small = count_queries(client, url)
    for number in range(6):
        make_training(
            f"kyselytesti-{number}",
            title=f"Kyselytesti {number}",
            themes=("rahoitus", "talous"),
            sessions=[(local(5 + number, 10), local(5 + number, 12))] * 1
            + [(local(20 + number, 10), local(20 + number, 12))],
        )

    cache.clear()
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert b"Kyselytesti 5" in response.content
    assert count_queries(client, url) == small
