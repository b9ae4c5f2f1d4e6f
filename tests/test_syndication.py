"""RSS and Atom for news readers: the catalogue, funding and news, for the same question as the
page (the same filters, the same items), announced in the page's head and offered beside the
calendar subscription; absolute addresses from BASE_URL; cached with 304; a bad parameter
answers 400 with the reason."""

import xml.etree.ElementTree as ET

import pytest

from django.conf import settings

from funding.models import FundingIndexPage
from tests.test_catalogue_feeds import CATALOGUE, listed_by_catalogue
from tests.test_funding_pages import all_titles

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(body):
    """(title, link) of every item of an RSS 2.0 document, and its channel."""
    channel = ET.fromstring(body).find("channel")
    return channel, [
        (item.findtext("title"), item.findtext("link")) for item in channel.iter("item")
    ]


def atom_links(body):
    feed = ET.fromstring(body)
    return feed, [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    return response


@pytest.mark.parametrize("query", ["municipality=hameenlinna", "format=online", "free=1"])
def test_the_catalogue_feed_has_the_trainings_the_page_lists(client, query):
    listed = {
        settings.BASE_URL + href for href, _start, _cancelled in listed_by_catalogue(client, query)
    }
    response = get(client, f"/en/feeds/trainings.rss?{query}")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel, items = rss_items(response.content)

    assert listed and len(listed) < 50  # all of them fit in one feed
    assert {link for _title, link in items} == listed
    assert channel.findtext("link") == f"{settings.BASE_URL}{CATALOGUE}?{query}"
    assert channel.findtext("language") == "en"

    atom = get(client, f"/en/feeds/trainings.atom?{query}")
    assert atom["Content-Type"].startswith("application/atom+xml")
    _feed, links = atom_links(atom.content)
    assert set(links) == listed


def test_the_catalogue_page_announces_its_feeds_and_offers_them_beside_subscribe(client):
    html = get(client, f"{CATALOGUE}?format=online").content.decode()
    rss = f"{settings.BASE_URL}/en/feeds/trainings.rss?format=online"
    atom = f"{settings.BASE_URL}/en/feeds/trainings.atom?format=online"
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="{rss}"' in html and f'href="{atom}"' in html
    assert html.index('class="subscribe"') < html.index('class="reader-links"')


def test_a_feed_is_cached_and_answers_304(client):
    first = get(client, "/fi/feeds/trainings.rss")
    again = client.get("/fi/feeds/trainings.rss", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert "max-age" in first["Cache-Control"]


@pytest.mark.parametrize(
    "url, reason",
    [
        ("/en/feeds/trainings.rss?colour=red", "Unknown parameter “colour”."),
        ("/en/feeds/news.atom?category=gossip", "Unknown category “gossip”"),
        ("/en/feeds/news.rss?page=x", "Unknown parameter “page”."),
    ],
)
def test_a_bad_parameter_answers_400_with_the_reason(client, url, reason):
    response = client.get(url)
    assert response.status_code == 400
    assert reason in response.content.decode()


def test_the_funding_feed_has_the_calls_the_page_lists(client):
    index = FundingIndexPage.objects.get(locale__language_code="fi")
    query = "status=open"
    titles = set(all_titles(client, query))
    response = get(client, f"/fi/funding/{index.pk}/opportunities.rss?{query}")
    _channel, items = rss_items(response.content)

    assert titles
    assert {title for title, _link in items} == titles
    assert all(link.startswith(settings.BASE_URL + "/fi/") for _title, link in items)
    bad = client.get(f"/fi/funding/{index.pk}/opportunities.atom?status=maybe")
    assert bad.status_code == 400

    html = get(client, index.url + f"?{query}").content.decode()
    assert f'href="{settings.BASE_URL}/fi/funding/{index.pk}/opportunities.rss?{query}"' in html


def test_the_news_feed_has_the_news_of_its_language_newest_first(client):
    from home.models import NewsIndexPage, NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="sv").order_by("-date", "-pk")
    channel, items = rss_items(get(client, "/sv/feeds/news.rss").content)

    assert [title for title, _link in items] == [page.title for page in news[:50]]
    assert items and all(link.startswith(f"{settings.BASE_URL}/sv/") for _title, link in items)
    assert channel.findtext("language") == "sv"
    funding_news = NewsPage.objects.live().filter(
        locale__language_code="sv", category="funding_news"
    )
    _channel, only = rss_items(get(client, "/sv/feeds/news.rss?category=funding_news").content)
    assert {title for title, _link in only} == {page.title for page in funding_news}

    index = NewsIndexPage.objects.get(locale__language_code="sv")
    html = get(client, index.url).content.decode()
    assert f'href="{settings.BASE_URL}/sv/feeds/news.atom"' in html


def test_a_feed_takes_the_same_queries_for_few_items_and_many(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from calendars.http import invalidate_feeds
    from tests.catalogue_factories import local, make_training

    def count():
        invalidate_feeds()
        with CaptureQueriesContext(connection) as context:
            _channel, items = rss_items(
                get(client, "/fi/feeds/trainings.rss?format=online").content
            )
        return len(items), len(context)

    count()  # the first request of a test fills the site's own caches (sites, locales)
    few, before = count()
    for n in range(12):
        make_training(
            f"verkossa-{n}",
            format="online",
            municipality="online",
            sessions=[(local(n + 1, 10), local(n + 1, 12))],
        )
    many, after = count()
    assert many == few + 12
    assert after == before
