"""The funding index, its filters, CSV export and deadline feeds, an opportunity page with
JSON-LD, the guide, the home page highlight and the translations, as a visitor sees them."""

import csv
import datetime
import io
import json
import re

import pytest
import recurring_ical_events
import time_machine
from icalendar import Calendar

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

from funding.models import (
    FunderSnippet,
    FundingGuidePage,
    FundingIndexPage,
    FundingOpportunityPage,
    Timing,
)
from tests.funding_factories import at, day, fi_index, make_opportunity

pytestmark = pytest.mark.django_db

LANGUAGES = ("fi", "sv", "en")


def listed_titles(html):
    """Titles in the main result list (not the closing-soon and new sections)."""
    results = html.split('id="funding-results-title"', 1)[1]
    return re.findall(r'<h3 class="funding-card__title"><a href="[^"]+">([^<]+)</a>', results)


def unescape(text):
    import html as html_module

    return html_module.unescape(text)


def index_get(client, query="", code="fi"):
    index = FundingIndexPage.objects.get(locale__language_code=code)
    return client.get(index.url + (f"?{query}" if query else ""))


def all_titles(client, query="", code="fi"):
    """Every title the index lists for `query`, across its pages."""
    titles, page = [], 1
    while True:
        separator = "&" if query else ""
        response = index_get(client, f"{query}{separator}page={page}", code)
        html = response.content.decode()
        titles += [unescape(t) for t in listed_titles(html)]
        if 'rel="next"' not in html:
            return titles
        page += 1


def live_fi(slug):
    return FundingOpportunityPage.objects.get(slug=slug, locale__language_code="fi")


# --- menu, languages -----------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_index_is_in_the_menu_and_renders_in_each_language(client, code):
    index = FundingIndexPage.objects.get(locale__language_code=code)
    assert index.show_in_menus and index.live and index.slug == "rahoitus"
    assert index.title in client.get(f"/{code}/").content.decode()
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    stea = FundingOpportunityPage.objects.get(slug="stea-avustukset", locale__language_code=code)
    assert stea.title in unescape(html)
    # The funder's name is shown in the page's language.
    funder = FunderSnippet.objects.get(slug="stea", locale__language_code=code)
    assert funder.name in unescape(html)


def test_demo_has_every_status_and_marks_itself_as_demo():
    statuses = set(
        FundingOpportunityPage.objects.filter(locale__language_code="fi")
        .live()
        .with_status()
        .values_list("funding_status", flat=True)
    )
    assert statuses == {"open", "closing_soon", "upcoming", "closed", "continuous"}
    assert FundingOpportunityPage.objects.filter(locale__language_code="fi").count() >= 20
    page = live_fi("stea-avustukset")
    assert "demo" in str(page.body).lower()


# --- default listing, sections --------------------------------------------------------------


def test_closed_calls_are_not_listed_by_default(client):
    titles = all_titles(client)
    assert live_fi("forssa-jarjestoavustus").title not in titles
    assert live_fi("stea-avustukset").title in titles  # open
    assert live_fi("forssa-pienavustus").title in titles  # continuous
    assert live_fi("riihimaki-tila-avustus").title in titles  # upcoming
    closed = all_titles(client, "status=closed")
    assert live_fi("forssa-jarjestoavustus").title in closed
    assert live_fi("stea-avustukset").title not in closed


def test_default_listing_is_exactly_the_open_upcoming_and_continuous_calls(client):
    """Each status listed alone, the lists do not overlap, and the default listing (and any
    choice of several statuses) is their union: nothing lost or added when they combine."""
    alone = {
        status: set(all_titles(client, f"status={status}"))
        for status in ("closing_soon", "upcoming", "continuous", "closed")
    }
    # "open" on the form includes the calls closing soon
    alone["open"] = set(all_titles(client, "status=open")) - alone["closing_soon"]
    assert all(alone.values())  # the demo has a call in each status
    every = [title for titles in alone.values() for title in titles]
    assert len(every) == len(set(every))
    assert set(all_titles(client)) == (
        alone["open"] | alone["closing_soon"] | alone["upcoming"] | alone["continuous"]
    )
    ahead = set(all_titles(client, "status=open&status=upcoming"))
    assert ahead == alone["open"] | alone["closing_soon"] | alone["upcoming"]
    assert set(all_titles(client, "status=upcoming&status=closed")) == (
        alone["upcoming"] | alone["closed"]
    )
    everything = "status=open&status=upcoming&status=continuous&status=closed"
    assert len(all_titles(client, everything)) == len(every)


def test_default_order_is_by_deadline_with_continuous_calls_last(client):
    now = timezone.now()
    titles = all_titles(client)
    pages = {
        p.title: p
        for p in FundingOpportunityPage.objects.filter(locale__language_code="fi").with_status(now)
    }
    deadlines = [pages[t].next_closes_at for t in titles]
    dated = [d for d in deadlines if d is not None]
    assert dated == sorted(dated)
    assert deadlines.index(None) == len(dated)  # no dated call after a continuous one


def test_closing_soon_and_new_sections_and_funding_news(client):
    html = unescape(index_get(client).content.decode())
    closing = html.split('id="funding-closing-title"')[1].split("</section>")[0]
    assert live_fi("forssa-kulttuuriavustus").title in closing
    assert live_fi("stea-avustukset").title not in closing
    new = html.split('id="funding-new-title"')[1].split("</section>")[0]
    assert live_fi("pomoottori-nuorten-ideat").title in new  # published a day ago
    assert live_fi("okm-liikunnan-kansalaistoiminta").title not in new
    news = html.split('id="funding-news-title"')[1].split("</section>")[0]
    assert "Hyvinvointialueen järjestöavustusten haku avautuu" in news


# --- filters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "included", "excluded"),
    [
        ("instrument=employment", "palkkatuki-yhdistyksille", "stea-avustukset"),
        ("funder_type=leader", "linnaseutu-hanketuki", "stea-avustukset"),
        ("theme=hyvinvointi", "omahame-jarjestoavustus", "riihimaki-yhdistysavustus"),
        ("field=village", "linnaseutu-hanketuki", "stea-avustukset"),
        ("field=village", "palkkatuki-yhdistyksille", "erasmus-small-scale"),  # all fields
        ("municipality=hattula", "linnaseutu-hanketuki", "riihimaki-yhdistysavustus"),
        ("municipality=hattula", "omahame-jarjestoavustus", "pomoottori-hanketuki"),
        ("region=riihimaki-seutu", "pomoottori-hanketuki", "linnaseutu-hanketuki"),
        ("region=riihimaki-seutu", "riihimaki-yhdistysavustus", "forssa-pienavustus"),
        ("applicant=unregistered", "forssa-pienavustus", "stea-avustukset"),
        ("amount_min=50000", "stea-avustukset", "forssa-pienavustus"),
        ("amount_max=400", "forssa-pienavustus", "stea-avustukset"),
        ("joint=1", "erasmus-small-scale", "forssa-pienavustus"),
        ("q=Erasmus", "erasmus-small-scale", "stea-avustukset"),
        ("q=pomoottori", "pomoottori-hanketuki", "stea-avustukset"),  # the funder's name
        ("status=upcoming", "riihimaki-tila-avustus", "stea-avustukset"),
        ("status=continuous", "forssa-pienavustus", "riihimaki-tila-avustus"),
        ("status=closing_soon", "forssa-kulttuuriavustus", "stea-avustukset"),
        ("status=open", "forssa-kulttuuriavustus", "riihimaki-tila-avustus"),
    ],
)
def test_each_filter(client, query, included, excluded):
    titles = all_titles(client, query)
    assert live_fi(included).title in titles
    assert live_fi(excluded).title not in titles


def test_filters_combine(client):
    titles = all_titles(client, "funder_type=municipality&municipality=riihimaki&joint=1")
    assert titles == [
        live_fi("riihimaki-tapahtuma-avustus").title,
        live_fi("riihimaki-tila-avustus").title,
    ]


def test_amount_range_overlaps_the_award_range(client):
    titles = all_titles(client, "amount_min=1000&amount_max=2000")
    assert live_fi("riihimaki-tapahtuma-avustus").title in titles  # 100–2000
    assert live_fi("omahame-jarjestoavustus").title in titles  # 1000–30000
    assert live_fi("forssa-pienavustus").title not in titles  # 50–500
    assert live_fi("stea-avustukset").title not in titles  # from 20000
    assert live_fi("palkkatuki-yhdistyksille").title in titles  # no amounts given


@pytest.mark.parametrize(
    "query",
    ["amount_min=abc", "amount_min=100000&amount_max=10", "status=nonsense", "joint=maybe"],
)
def test_nonsense_filters_are_ignored_with_a_note_on_the_page(client, query):
    response = index_get(client, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "funding-problems" in html
    assert all_titles(client, query) == all_titles(client)


@pytest.mark.parametrize(
    "query", ["amount_min=abc", "amount_min=100000&amount_max=10", "theme=nope"]
)
def test_nonsense_filters_are_a_400_with_a_reason_on_feed_and_csv(client, query):
    index = fi_index()
    for name in ("funding_deadlines_ics", "funding_csv"):
        response = client.get(reverse(name, args=[index.pk]) + "?" + query)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert response.content.strip()


# --- CSV ------------------------------------------------------------------------------------


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


@pytest.mark.parametrize(
    "query", ["", "funder_type=municipality", "status=closed", "q=avustus&sort=amount"]
)
def test_csv_holds_exactly_the_filtered_list_in_its_order(client, query):
    index = fi_index()
    html = index_get(client, query).content.decode()
    response = client.get(reverse("funding_csv", args=[index.pk]) + ("?" + query if query else ""))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert [row[0] for row in rows[1:]] == all_titles(client, query)
    assert f'href="{reverse("funding_csv", args=[index.pk])}' in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_csv_rows_give_labels_in_the_index_language_and_each_call_its_own_address(client, code):
    from django.conf import settings
    from django.utils.translation import override

    from funding.models import FunderType, Instrument

    index = FundingIndexPage.objects.get(locale__language_code=code)
    every_status = "status=open&status=closing_soon&status=upcoming&status=continuous&status=closed"
    rows = read_csv(client.get(reverse("funding_csv", args=[index.pk]) + "?" + every_status))
    pages = {
        settings.BASE_URL + page.url: page
        for page in FundingOpportunityPage.objects.child_of(index).live().select_related("funder")
    }
    assert len(rows) - 1 == len(pages) > 20
    with override(code):
        for row in rows[1:]:
            page = pages[row[13]]  # the Page column: the call's own address
            funder = FunderSnippet.objects.get(
                translation_key=page.funder.translation_key, locale=index.locale
            )
            assert row[0] == page.title
            assert row[1:3] == [funder.name, str(FunderType(funder.funder_type).label)]
            assert row[5] == str(Instrument(page.instrument).label)
    assert {row[13] for row in rows[1:]} == set(pages)


def test_csv_keeps_scandinavian_letters_and_helsinki_time(client):
    with time_machine.travel(at(2025, 10, 1), tick=False):
        make_opportunity(
            "Ääkköstesti öljylamppuun", [(None, day(2025, 10, 26), datetime.time(23, 59))]
        )
        response = client.get(reverse("funding_csv", args=[fi_index().pk]) + "?q=Ääkköstesti")
    rows = read_csv(response)
    assert rows[1][0] == "Ääkköstesti öljylamppuun"
    assert "2025-10-26 23:59" in rows[1]


# --- feeds ----------------------------------------------------------------------------------


def feed_url_of(html):
    link = re.search(
        r'<link rel="alternate" type="text/calendar" title="[^"]+" href="([^"]+)">', html
    )
    assert link, "no calendar feed announced in <head>"
    return unescape(link.group(1))


def parse_feed(client, url):
    response = client.get(url.replace("http://localhost", ""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response, Calendar.from_ical(response.content)


@pytest.mark.parametrize(
    "query", ["", "funder_type=leader", "municipality=hameenlinna&instrument=small"]
)
def test_feed_has_the_deadlines_of_exactly_the_listed_calls(client, query):
    html = index_get(client, query).content.decode()
    url = feed_url_of(html)
    if query:
        assert query.split("&")[0] in url
    _response, calendar = parse_feed(client, url)
    now = timezone.now()
    events = recurring_ical_events.of(calendar).between(
        now - datetime.timedelta(days=120), now + datetime.timedelta(days=800)
    )
    deadlines = {
        str(e["SUMMARY"]).split(": ", 1)[1]
        for e in events
        if str(e["UID"]).endswith("-deadline@meidanhame.fi")
    }
    listed = set(all_titles(client, query))
    continuous = {
        p.title
        for p in FundingOpportunityPage.objects.filter(
            locale__language_code="fi", timing=Timing.CONTINUOUS
        )
    }
    assert deadlines == listed - continuous
    assert deadlines  # the comparison means something


def test_feed_deadline_events_have_reminders_and_openings_are_events(client):
    html = index_get(client, "q=Riihimäen avustus yhdistysten tilakuluihin").content.decode()
    _response, calendar = parse_feed(client, feed_url_of(html))
    events = list(calendar.walk("VEVENT"))
    page = live_fi("riihimaki-tila-avustus")
    assert sorted(str(e["UID"]) for e in events) == [
        f"{page.uid}-r1-deadline@meidanhame.fi",
        f"{page.uid}-r1-opens@meidanhame.fi",
    ]
    assert all(str(e["SUMMARY"]).endswith(f": {page.title}") for e in events)
    deadline = next(e for e in events if str(e["UID"]).endswith("-deadline@meidanhame.fi"))
    triggers = sorted(str(a["TRIGGER"].to_ical().decode()) for a in deadline.walk("VALARM"))
    assert triggers == ["-P1D", "-P7D"]
    assert deadline["DTSTART"].dt.strftime("%H:%M") == "15:00"
    opening = next(e for e in events if str(e["UID"]).endswith("-opens@meidanhame.fi"))
    assert isinstance(opening["DTSTART"].dt, datetime.date)


def test_dst_deadline_is_2359_in_page_feed_and_one_event_file(client):
    with time_machine.travel(at(2025, 10, 1), tick=False):
        page = make_opportunity("Kellonsiirto", [(None, day(2025, 10, 26), datetime.time(23, 59))])
        html = client.get(page.url).content.decode()
        assert "26.10.2025 at 23:59" in html or "26.10.2025 klo 23:59" in html
        assert 'datetime="2025-10-26T23:59:00+02:00"' in html
        listing = index_get(client, "q=Kellonsiirto").content.decode()
        assert "23:59" in listing
        feed = client.get(
            reverse("funding_deadlines_ics", args=[fi_index().pk]) + "?q=Kellonsiirto"
        )
        assert b"DTSTART;TZID=Europe/Helsinki:20251026T235900" in feed.content
        single = client.get(reverse("funding_opportunity_ics", args=[page.uid]))
        assert b"DTSTART;TZID=Europe/Helsinki:20251026T235900" in single.content
        event = Calendar.from_ical(single.content).walk("VEVENT")[0]
        assert event["DTSTART"].dt.astimezone(datetime.UTC).strftime("%H:%M") == "21:59"


def test_index_shows_a_subscribe_control(client):
    html = index_get(client, "funder_type=leader").content.decode()
    url = feed_url_of(html)
    bare = url.removeprefix("http://")
    assert f'href="webcal://{bare}' in unescape(html)
    assert "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2F" in html
    assert "https://outlook.live.com/calendar/0/addfromweb?url=" in html
    assert "https://outlook.office.com/calendar/0/addfromweb?url=" in html
    assert 'data-copy-target="funding-subscribe-url"' in html


# --- opportunity page, JSON-LD --------------------------------------------------------------


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_opportunity_page_shows_rounds_eligibility_and_json_ld(client):
    page = live_fi("erasmus-small-scale")
    response = client.get(page.url)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "<caption>" in html and 'scope="col"' in html
    assert page.summary in html
    data = json_ld(response.content.decode())
    assert data["@type"] == "MonetaryGrant"
    assert data["funder"]["name"] == "Opetushallitus: Erasmus+"
    assert data["amount"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "minValue": 30000,
        "maxValue": 60000,
        "validThrough": data["amount"]["validThrough"],
    }
    next_deadline = page.deadlines.filter(closes_at__gt=timezone.now()).first()
    assert data["amount"]["validThrough"] == next_deadline.local_closes.isoformat()
    assert data["url"].endswith(page.url)


def test_related_trainings_link_to_the_same_language(client):
    page = FundingOpportunityPage.objects.get(slug="stea-avustukset", locale__language_code="sv")
    html = client.get(page.url).content.decode()
    assert "/sv/" in html.split('id="trainings-title"')[1].split("</section>")[0]


# --- performance ----------------------------------------------------------------------------


def test_index_queries_do_not_grow_with_the_data(client, django_assert_max_num_queries):
    index_get(client)  # warm caches of the site and locales
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        index_get(client)
    for number in range(25):
        make_opportunity(f"Extra {number}", [(None, day(2099, 1, 1 + number), None)])
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = index_get(client)
    assert response.status_code == 200


# --- home page, guide -----------------------------------------------------------------------


def test_home_page_shows_calls_closing_soon(client):
    html = unescape(client.get("/fi/").content.decode())
    section = html.split('id="funding-closing-soon-title"')[1].split("</section>")[0]
    assert live_fi("forssa-kulttuuriavustus").title in section
    assert live_fi("stea-avustukset").title not in section


@pytest.mark.parametrize("code", LANGUAGES)
def test_guide_has_a_table_of_contents_checklist_glossary_and_templates(client, code):
    guide = FundingGuidePage.objects.get(locale__language_code=code)
    response = client.get(guide.url)
    assert response.status_code == 200
    html = response.content.decode()
    toc = guide.table_of_contents()
    assert len(toc) == 5
    for anchor, _title in toc:
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
    assert "funding-checklist" in html and "<dl>" in html
    assert html.count("/documents/") >= 2
    assert 'media="print"' in html


def test_translated_pages_share_dates_and_amounts():
    fi = live_fi("omahame-jarjestoavustus")
    for code in ("sv", "en"):
        other = fi.get_translation(Locale.objects.get(language_code=code))
        assert other.title != fi.title
        assert (other.amount_min, other.amount_max, other.uid) == (
            fi.amount_min,
            fi.amount_max,
            fi.uid,
        )
        assert [d.closes_at for d in other.deadlines.all()] == [
            d.closes_at for d in fi.deadlines.all()
        ]
