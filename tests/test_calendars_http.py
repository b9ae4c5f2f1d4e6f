"""Serving feeds: headers, conditional GET, HEAD, gzip, caching and invalidation.

Only the cache is involved (local memory in tests); the database is not, except where the
invalidation has to wait for a transaction to commit."""

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.test import RequestFactory
from django.utils.http import http_date

from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from calendars import http
from calendars.http import GENERATION_KEY, bad_request, feed_response, invalidate_feeds
from calendars.ical import build_calendar
from calendars.signals import invalidate_feeds_after_commit
from calendars.types import CalendarMeta, FeedEvent

FEED_URL = "/fi/koulutukset.ics"


class CountingBuilder:
    """A feed builder that counts how often it is asked to build."""

    def __init__(self, summary="Hallituskoulutus"):
        self.calls = 0
        self.summary = summary

    def __call__(self) -> bytes:
        self.calls += 1
        start = datetime(2027, 2, 9, 16, tzinfo=UTC)
        event = FeedEvent(
            uid="training-1@meidanhame.fi",
            summary=self.summary,
            start=start,
            end=start + timedelta(hours=2),
            dtstamp=start,
            description="Yhdistyksen hallituksen jäsenille. " * 40,
        )
        return build_calendar(CalendarMeta(name="Koulutukset"), [event])


def serve(builder, method="get", key="catalogue:fi", **headers):
    request = getattr(RequestFactory(), method)(FEED_URL, headers=headers)
    return feed_response(request, cache_key=key, build=builder, filename="koulutukset")


def test_feed_is_served_as_an_inline_calendar_file():
    builder = CountingBuilder()
    response = serve(builder)

    assert response.status_code == 200
    assert response.content == builder()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="koulutukset.ics"'
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    assert response["Last-Modified"]
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Vary"] == "Accept-Encoding"
    assert response["Content-Length"] == str(len(response.content))
    assert "Content-Encoding" not in response


def test_matching_if_none_match_gets_304_without_rebuilding():
    builder = CountingBuilder()
    etag = serve(builder)["ETag"]

    response = serve(builder, If_None_Match=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=3600"
    assert builder.calls == 1
    assert serve(builder, If_None_Match='"something-else"').status_code == 200
    assert serve(builder, If_None_Match=f'W/{etag}, "other"').status_code == 304


def test_if_modified_since_counts_only_without_if_none_match():
    builder = CountingBuilder()
    serve(builder)
    later = http_date((datetime.now(UTC) + timedelta(minutes=5)).timestamp())
    earlier = http_date((datetime.now(UTC) - timedelta(days=1)).timestamp())

    assert serve(builder, If_Modified_Since=later).status_code == 304
    assert serve(builder, If_Modified_Since=earlier).status_code == 200
    assert serve(builder, If_Modified_Since=later, If_None_Match='"old"').status_code == 200


def test_head_has_the_headers_and_no_body():
    builder = CountingBuilder()
    full = serve(builder)

    response = serve(builder, method="head")

    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Length"] == full["Content-Length"]
    assert response["ETag"] == full["ETag"]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    # Also on a cold cache.
    cold = serve(CountingBuilder(), method="head", key="other")
    assert cold.status_code == 200 and cold.content == b""


def test_feed_is_gzipped_for_clients_that_accept_it():
    builder = CountingBuilder()
    plain = serve(builder)

    response = serve(builder, Accept_Encoding="gzip, deflate, br")

    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == plain.content
    assert len(response.content) < len(plain.content)
    assert response["Content-Length"] == str(len(response.content))
    assert response["ETag"] != plain["ETag"]  # another representation, another validator
    assert serve(builder, If_None_Match=response["ETag"]).status_code == 304
    refused = serve(builder, Accept_Encoding="gzip;q=0, identity")
    assert "Content-Encoding" not in refused
    assert builder.calls == 1


def test_gzip_copy_is_made_once_when_first_asked_for_and_never_rebuilds_the_feed():
    builder = CountingBuilder("Kevätkokous")
    key = "catalogue:gzip-later"
    zipped_first = serve(builder, key=key, Accept_Encoding="gzip")
    assert zipped_first["Content-Encoding"] == "gzip"
    plain = serve(builder, key=key)
    assert "Content-Encoding" not in plain
    assert gzip.decompress(zipped_first.content) == plain.content
    assert plain["Content-Length"] == str(len(plain.content))
    assert builder.calls == 1

    # Built for a client without gzip: a HEAD asking for gzip describes what a GET gets
    # until a gzip copy exists, and the first gzip GET makes it from the cached bytes.
    other = CountingBuilder("Syyskokous")
    plain = serve(other, key="catalogue:plain-first")
    head = serve(other, method="head", key="catalogue:plain-first", Accept_Encoding="gzip")
    assert "Content-Encoding" not in head
    assert head["Content-Length"] == plain["Content-Length"]
    zipped = serve(other, key="catalogue:plain-first", Accept_Encoding="gzip")
    assert gzip.decompress(zipped.content) == plain.content
    assert zipped["Content-Length"] == str(len(zipped.content))
    head = serve(other, method="head", key="catalogue:plain-first", Accept_Encoding="gzip")
    assert head["Content-Encoding"] == "gzip"
    assert head["Content-Length"] == zipped["Content-Length"]
    assert other.calls == 1


def test_cache_hit_does_not_build_again_and_costs_one_cache_round_trip(monkeypatch):
    builder = CountingBuilder()
    serve(builder)
    serve(builder, Accept_Encoding="gzip")  # the gzip copy is made for the first such client
    trips, depth = [], [0]

    def count(name):
        method = getattr(cache, name)

        def counted(*args, **kwargs):
            if not depth[0]:  # local memory's get_many calls get: count the outer call only
                trips.append(name)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return counted

    for name in ("get", "get_many", "set", "set_many", "add"):
        monkeypatch.setattr(http.cache, name, count(name))
    for encoding in ("", "gzip"):
        trips.clear()
        response = serve(builder, Accept_Encoding=encoding)
        assert response.status_code == 200
        assert trips == ["get_many"]
    assert builder.calls == 1
    assert serve(CountingBuilder(), key="catalogue:sv").status_code == 200


def test_invalidation_rebuilds_and_keeps_validators_of_unchanged_bytes():
    builder = CountingBuilder()
    first = serve(builder)

    invalidate_feeds()
    again = serve(builder, If_None_Match=first["ETag"])

    assert builder.calls == 2
    assert again.status_code == 304  # same bytes: subscribers need not download them again
    assert again["Last-Modified"] == first["Last-Modified"]

    builder.summary = "Hallituskoulutus (siirretty)"
    invalidate_feeds()
    changed = serve(builder, If_None_Match=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert b"siirretty" in changed.content


def test_invalidation_works_when_the_generation_was_evicted():
    builder = CountingBuilder()
    serve(builder)
    cache.delete(GENERATION_KEY)

    invalidate_feeds()
    serve(builder)

    assert builder.calls == 2


def test_other_methods_are_refused():
    response = serve(CountingBuilder(), method="post")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_bad_request_explains_itself_in_plain_text():
    response = bad_request("Tuntematon teema: xyz")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "Tuntematon teema: xyz"


@pytest.mark.django_db
@pytest.mark.parametrize("signal", [page_published, page_unpublished, post_page_move])
def test_publishing_unpublishing_or_moving_a_page_invalidates_feeds(
    signal, django_capture_on_commit_callbacks
):
    builder = CountingBuilder()
    serve(builder)

    with django_capture_on_commit_callbacks(execute=True):
        invalidate_feeds_after_commit(sender=Page, instance=None)
        serve(builder)
        assert builder.calls == 1  # nothing is invalidated before the commit
    serve(builder)

    assert builder.calls == 2
    assert invalidate_feeds_after_commit in receivers(signal, Page)


@pytest.mark.django_db
def test_deleting_pages_invalidates_once_after_commit(django_capture_on_commit_callbacks):
    builder = CountingBuilder()
    serve(builder)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for _ in range(3):  # a deleted subtree sends one signal per page
            invalidate_feeds_after_commit(sender=Page, instance=None)

    assert len(callbacks) == 1
    serve(builder)
    assert builder.calls == 2
    for model in get_page_models():
        assert invalidate_feeds_after_commit in receivers(post_delete, model)
    # Not for other models, which keep Django's fast bulk delete.
    assert invalidate_feeds_after_commit not in receivers(post_delete, Group)


def receivers(signal, sender):
    sync_receivers, _ = signal._live_receivers(sender)
    return sync_receivers
