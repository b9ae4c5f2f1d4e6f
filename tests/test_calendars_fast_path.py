"""CachedFeedMiddleware: a feed URL answered again from the cache, before the rest of the stack,
only while the feed's cached bytes are current; saved short URLs; no database involved."""

import time
from datetime import UTC, datetime, timedelta

from django.http import HttpResponse
from django.test import RequestFactory

from calendars.http import feed_response, invalidate_feeds
from calendars.ical import build_calendar
from calendars.middleware import CachedFeedMiddleware
from calendars.models import TOKEN_LENGTH, token_for
from calendars.types import CalendarMeta, FeedEvent

URL = "/fi/calendar/trainings.ics?theme=talous"


class FeedView:
    """Stands for the inner stack: counts calls and adds a header as inner middleware do."""

    def __init__(self, fast_for=3600):
        self.calls = 0
        self.fast_for = fast_for
        self.summary = "Kirjanpidon perusteet"

    def build(self):
        start = datetime(2027, 3, 2, 15, tzinfo=UTC)
        event = FeedEvent(
            uid="fast-1@meidanhame.fi",
            summary=self.summary,
            start=start,
            end=start + timedelta(hours=2),
            dtstamp=start,
        )
        return build_calendar(CalendarMeta(name="Koulutukset"), [event])

    def __call__(self, request):
        self.calls += 1
        if not request.path.endswith(".ics"):
            return HttpResponse("page")
        response = feed_response(
            request,
            cache_key=f"test:{self.summary}",
            build=self.build,
            filename="koulutukset",
            fast_for=self.fast_for,
        )
        response["Content-Language"] = "fi"
        return response


def get(middleware, url=URL, method="get", **headers):
    return middleware(getattr(RequestFactory(), method)(url, headers=headers))


def test_second_request_is_answered_before_the_stack_with_the_same_headers():
    view = FeedView()
    middleware = CachedFeedMiddleware(view)

    first = get(middleware)
    second = get(middleware)

    assert view.calls == 1
    assert second.status_code == 200
    assert second.content == first.content
    assert dict(second.items()) == dict(first.items())
    assert second["Content-Language"] == "fi"


def test_fast_path_answers_304_head_and_gzip():
    view = FeedView()
    middleware = CachedFeedMiddleware(view)
    etag = get(middleware)["ETag"]

    not_modified = get(middleware, If_None_Match=etag)
    head = get(middleware, method="head")
    zipped = get(middleware, Accept_Encoding="gzip")

    assert view.calls == 1
    assert not_modified.status_code == 304 and not_modified["ETag"] == etag
    assert head.status_code == 200 and head.content == b""
    assert zipped["Content-Encoding"] == "gzip" and zipped["ETag"] != etag


def test_a_new_generation_goes_through_the_stack_again():
    view = FeedView()
    middleware = CachedFeedMiddleware(view)
    etag = get(middleware)["ETag"]

    view.summary = "Kirjanpidon perusteet, uusi aika"
    invalidate_feeds()
    changed = get(middleware, If_None_Match=etag)

    assert view.calls == 2
    assert changed.status_code == 200
    assert b"uusi aika" in changed.content


def test_views_that_do_not_opt_in_and_other_urls_always_reach_the_stack():
    view = FeedView(fast_for=None)
    middleware = CachedFeedMiddleware(view)
    get(middleware)
    get(middleware)
    get(middleware, url="/fi/koulutukset/")
    get(middleware, url="/fi/koulutukset/")

    assert view.calls == 4


def test_route_expires_when_the_url_may_name_another_feed(monkeypatch):
    view = FeedView(fast_for=60)
    middleware = CachedFeedMiddleware(view)
    get(middleware)
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)

    get(middleware)

    assert view.calls == 2


def test_tokens_are_short_stable_and_differ_by_filter():
    token = token_for("catalogue_trainings_ics", "theme=talous")

    assert len(token) == TOKEN_LENGTH and token.isalnum()
    assert token == token_for("catalogue_trainings_ics", "theme=talous")
    assert token != token_for("catalogue_trainings_ics", "theme=viestinta")
    assert token != token_for("funding_deadlines_ics", "theme=talous")
