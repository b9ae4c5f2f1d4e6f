"""Answer repeated feed requests from the cache before the rest of the middleware stack.

Calendar programs poll the same URLs again and again. A feed view that opts in (`feed_response`
with `fast_for`) leaves a route in the cache: request URL → the feed's cache entry, plus the
headers the inner middleware added (Content-Language, X-Frame-Options…). The next GET or HEAD of
that URL is answered here, with the same 200/304, ETag, gzip and headers, without sessions,
authentication, locale or Wagtail routing and without a database query. The route is used only
while the feed's cached bytes belong to the current feeds generation, so a publish still
reaches subscribers at once: the first request after it goes the whole way and rebuilds.

Place it after the security middleware, whose headers (CSP, HSTS, nosniff) it must keep.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.core.cache import cache

from . import readers
from .http import FeedRoute, cached_feed_response

ROUTE_PREFIX = "calendars:route:"
# Set by `feed_response` for each answer; the rest is what inner middleware added.
OWN_HEADERS = frozenset(
    {
        "content-type",
        "content-disposition",
        "content-length",
        "content-encoding",
        "etag",
        "last-modified",
        "cache-control",
        "x-robots-tag",
    }
)


def route_key(request):
    path = request.get_full_path()
    return ROUTE_PREFIX + hashlib.blake2b(path.encode(), digest_size=16).hexdigest()


class CachedFeedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not request.path_info.endswith(".ics"):
            return self.get_response(request)
        key = route_key(request)
        # Routes are kept in the process too: the shared cache is then asked only for the
        # feed's state (one round trip), which still decides whether the bytes are current.
        entry = _read(_local_routes.get(key)) or _read(cache.get(key))
        if entry is not None:
            route, headers = entry
            response = cached_feed_response(request, route)
            if response is not None:
                readers.count(request, "calendar")
                for name, value in headers:
                    response[name] = value
                return response
        response = self.get_response(request)
        route = getattr(response, "feed_route", None)
        if isinstance(route, FeedRoute):
            headers = tuple(
                (name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS
            )
            lifetime = route.expires - int(time.time())
            if lifetime > 0:
                cache.set(key, (tuple(route), headers), timeout=lifetime)
                _local_routes.put(key, (tuple(route), headers))
        return response


class _LocalRoutes:
    """The last few thousand routes this process used (an LRU dict)."""

    def __init__(self, limit):
        self.limit = limit
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.limit:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


_local_routes = _LocalRoutes(limit=4096)


def forget_routes():
    """Forget the routes this process keeps beside the shared cache. For tests that clear
    the cache: a route a test left behind would otherwise still name its URL's feed, and
    answer a later test's request for the same URL before that test's view is reached."""
    _local_routes.clear()


def _read(value):
    """(FeedRoute, headers) from a cached entry; None when missing, malformed or expired."""
    try:
        route_values, headers = value
        route = FeedRoute(*route_values)
    except (TypeError, ValueError):
        return None
    if route.expires <= time.time():
        return None
    return route, tuple(headers)
