"""Serving calendar feeds: cached bytes, conditional GET and gzip.

The bytes of a feed are built once per feeds generation and kept in Django's default cache with
their gzipped copy, so a hit is one cache round trip and no rebuilding. `invalidate_feeds()`
(called after a page is published, unpublished, moved or deleted) starts a new generation.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from django.core.cache import cache
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseNotFound,
    HttpResponseNotModified,
)
from django.utils.http import (
    content_disposition_header,
    http_date,
    parse_etags,
    parse_http_date_safe,
)

from . import readers

GENERATION_KEY = "calendars:generation"
# Entries of old generations are never read again; they age out after this.
FEED_TIMEOUT = 24 * 60 * 60
CONTENT_TYPE = "text/calendar; charset=utf-8"
# Feed bytes each process keeps besides the shared cache (see _LocalBodies).
LOCAL_BODIES_LIMIT = 32 * 1024 * 1024


class _FeedState(NamedTuple):
    """What is cached about a feed besides its bytes."""

    generation: int
    etag: str  # hash of the uncompressed bytes, without quotes
    last_modified: int  # Unix time at which these exact bytes were first built
    size: int
    gzip_size: int  # -1 until the gzip copy is made

    @classmethod
    def read(cls, value: object) -> _FeedState | None:
        """The state from its cached plain tuple; None for anything else (e.g. an old format)."""
        if isinstance(value, tuple) and len(value) == len(cls._fields):
            return cls(*value)
        return None


def invalidate_feeds() -> None:
    """Start a new feeds generation: every feed is rebuilt on its next request."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing (first run, or evicted): any fresh number will do
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def current_generation() -> int:
    """The feeds generation. It changes whenever published content changes, so a cache of
    other data derived from published pages can name it in its keys and never go stale."""
    generation = cache.get(GENERATION_KEY)
    return generation if generation is not None else _start_generation()


def feed_response(
    request: HttpRequest,
    *,
    cache_key: str,
    build: Callable[[], bytes],
    filename: str,
    max_age: int = 3600,
    fast_for: int | None = None,
    content_type: str = CONTENT_TYPE,
) -> HttpResponse:
    """Answer a GET or HEAD for a feed, building it with `build()` only on a cache miss.

    `cache_key` names the feed and everything it depends on (language, filters); `build`
    returns the complete calendar bytes. Answers 304 to a matching If-None-Match (or, without
    one, If-Modified-Since), gzips when the client accepts it, and serves the file `inline`:
    calendar clients ignore the disposition, browsers still save it under `filename`, and
    iOS offers to add it to Calendar, which `attachment` would prevent.

    `fast_for`: for this many seconds the same URL names the same `cache_key` (e.g. until
    midnight for a feed keyed by the day), so `CachedFeedMiddleware` may answer it from the
    cache before the rest of the stack. None (the default) never takes that shortcut; nor
    does a feed of another `content_type` than a calendar's (an RSS or Atom feed).
    """
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    readers.count(request, "calendar" if content_type == CONTENT_TYPE else "news")
    base = "calendars:feed:" + hashlib.blake2b(cache_key.encode(), digest_size=16).hexdigest()
    response = _serve(request, base, build, filename, max_age, content_type)
    shortcut = fast_for is not None and fast_for > 0 and content_type == CONTENT_TYPE
    if shortcut and response.status_code in (200, 304):
        response.feed_route = FeedRoute(base, filename, max_age, int(time.time()) + fast_for)
    return response


class FeedRoute(NamedTuple):
    """Where the cached bytes of one feed URL are, for `CachedFeedMiddleware`."""

    base: str  # the cache key prefix of the feed
    filename: str
    max_age: int
    expires: int  # Unix time after which the URL may name another feed


def cached_feed_response(request: HttpRequest, route: FeedRoute) -> HttpResponse | None:
    """The answer for a GET or HEAD from the cache alone (one round trip), or None when the
    feed must be built: not cached, or cached in an older feeds generation."""
    return _serve(request, route.base, None, route.filename, route.max_age)


def _serve(
    request: HttpRequest,
    base: str,
    build: Callable[[], bytes] | None,
    filename: str,
    max_age: int,
    content_type: str = CONTENT_TYPE,
) -> HttpResponse | None:
    encoding = "gzip" if _accepts_gzip(request) else "identity"
    state_key, body_key = f"{base}:state", f"{base}:{encoding}"
    # A conditional request or HEAD usually needs no body: do not fetch one. Nor does a
    # process that still holds these bytes (checked against the ETag below).
    needs_body = request.method == "GET" and not _is_conditional(request)
    local = _local_bodies.get(body_key) if needs_body else None
    keys = [GENERATION_KEY, state_key] + ([body_key] if needs_body and local is None else [])
    found = cache.get_many(keys)
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = _start_generation()
    state = _FeedState.read(found.get(state_key))
    body = None
    if state is not None and state.generation == generation:
        if _not_modified(request, state):
            return _not_modified_response(state, encoding, max_age)
        if request.method == "HEAD":
            if encoding == "gzip" and state.gzip_size < 0:
                encoding = "identity"  # not compressed yet: describe what a GET would get
            return _feed_response(request, state, b"", encoding, filename, max_age, content_type)
        if local is not None and local[0] == state.etag:
            body = local[1]
        else:
            stored = found.get(body_key) if body_key in keys else cache.get(body_key)
            body = _body_of(stored, state)
            if body is not None:
                _local_bodies.put(body_key, stored)
        if body is None and encoding == "gzip":
            # The gzip copy is made when the first client that accepts it asks.
            state, body = _compress_cached(base, state)
    if body is None:
        if build is None:
            return None
        state, data = _build(build, generation, state)
        bodies = {f"{base}:identity": (state.etag, data)}
        if encoding == "gzip":
            state, body = _gzip(state, data)
            bodies[body_key] = (state.etag, body)
        else:
            body = data
        cache.set_many({state_key: tuple(state), **bodies}, timeout=FEED_TIMEOUT)
        for key, entry in bodies.items():
            _local_bodies.put(key, entry)
        if _not_modified(request, state):
            return _not_modified_response(state, encoding, max_age)
    return _feed_response(request, state, body, encoding, filename, max_age, content_type)


def _body_of(stored: object, state: _FeedState) -> bytes | None:
    """The bytes of a cached (etag, bytes) entry when they belong to `state`."""
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == state.etag:
        return stored[1]
    return None


def _compress_cached(base: str, state: _FeedState) -> tuple[_FeedState, bytes | None]:
    """Gzip the cached plain bytes of `state` and keep the copy; (state, None) without them."""
    key = f"{base}:identity"
    entry = _local_bodies.get(key) or cache.get(key)
    data = _body_of(entry, state)
    if data is None:
        return state, None
    state, body = _gzip(state, data)
    cache.set_many(
        {f"{base}:state": tuple(state), f"{base}:gzip": (state.etag, body)},
        timeout=FEED_TIMEOUT,
    )
    _local_bodies.put(f"{base}:gzip", (state.etag, body))
    return state, body


def _gzip(state: _FeedState, data: bytes) -> tuple[_FeedState, bytes]:
    # mtime=0 keeps the gzip bytes as deterministic as the calendar.
    body = gzip.compress(data, compresslevel=6, mtime=0)
    return state._replace(gzip_size=len(body)), body


class _LocalBodies:
    """The bytes of recently served feeds in this process, keyed like the shared cache and
    checked against the ETag of the shared state on every use, so they are never served stale.
    A popular multi-megabyte feed is then not copied out of Redis on every request."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.entries: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple[str, bytes] | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple[str, bytes]) -> None:
        if len(entry[1]) > self.limit // 4:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[1])
            self.entries[key] = entry
            self.size += len(entry[1])
            while self.size > self.limit:
                _key, (_etag, dropped) = self.entries.popitem(last=False)
                self.size -= len(dropped)


_local_bodies = _LocalBodies(limit=LOCAL_BODIES_LIMIT)


def bad_request(reason: str) -> HttpResponse:
    """A plain-text 400 that tells a feed reader (or a person) what was wrong."""
    response = HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response


def not_found(reason: str) -> HttpResponse:
    """A plain-text 404 that says why there is no calendar here, instead of an empty one
    that a calendar program would import without a word."""
    response = HttpResponseNotFound(reason, content_type="text/plain; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response


def _start_generation() -> int:
    """The current generation, creating one when the cache has none."""
    candidate = time.time_ns()
    if cache.add(GENERATION_KEY, candidate, timeout=None):
        return candidate
    return cache.get(GENERATION_KEY, candidate)


def _build(
    build: Callable[[], bytes], generation: int, previous: _FeedState | None
) -> tuple[_FeedState, bytes]:
    """Build the bytes; keep Last-Modified when they did not change. The gzip copy is made
    separately, for the first client that accepts it (`gzip_size` is -1 until then)."""
    data = bytes(build())
    etag = hashlib.sha256(data).hexdigest()[:32]
    if previous is not None and previous.etag == etag:
        last_modified = previous.last_modified
    else:
        last_modified = int(time.time())
    return _FeedState(generation, etag, last_modified, len(data), -1), data


def _feed_response(
    request: HttpRequest,
    state: _FeedState,
    body: bytes,
    encoding: str,
    filename: str,
    max_age: int,
    content_type: str = CONTENT_TYPE,
) -> HttpResponse:
    response = HttpResponse(body if request.method == "GET" else b"", content_type=content_type)
    _validators(response, state, encoding, max_age)
    name = _ics_name(filename) if content_type == CONTENT_TYPE else filename
    response["Content-Disposition"] = content_disposition_header(False, name)
    if request.method == "GET":
        response["Content-Length"] = str(len(body))
    else:  # HEAD
        response["Content-Length"] = str(state.gzip_size if encoding == "gzip" else state.size)
    if encoding == "gzip":
        response["Content-Encoding"] = "gzip"
    return response


def _not_modified_response(state: _FeedState, encoding: str, max_age: int) -> HttpResponse:
    response = HttpResponseNotModified()
    _validators(response, state, encoding, max_age)
    return response


def _validators(response: HttpResponse, state: _FeedState, encoding: str, max_age: int) -> None:
    response["ETag"] = _etag(state.etag, encoding)
    response["Last-Modified"] = http_date(state.last_modified)
    response["Cache-Control"] = f"public, max-age={int(max_age)}"
    response["Vary"] = "Accept-Encoding"
    response["X-Robots-Tag"] = "noindex"


def _etag(digest: str, encoding: str) -> str:
    # The gzipped bytes are another representation, so they get another strong validator.
    return f'"{digest}-gzip"' if encoding == "gzip" else f'"{digest}"'


def _is_conditional(request: HttpRequest) -> bool:
    return "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META


def _not_modified(request: HttpRequest, state: _FeedState) -> bool:
    """RFC 9110 §13.1.2/§13.1.3: If-None-Match wins; If-Modified-Since only without it."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = parse_etags(if_none_match)
        if tags == ["*"]:
            return True
        # Weak comparison, and either encoding: the content behind both tags is the same.
        plain = {tag.removeprefix("W/").strip('"').removesuffix("-gzip") for tag in tags}
        return state.etag in plain
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and state.last_modified <= since


_QUALITY = re.compile(r";\s*q\s*=\s*([0-9.]+)", re.IGNORECASE)


def _accepts_gzip(request: HttpRequest) -> bool:
    """Whether Accept-Encoding lists gzip with a quality above zero."""
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        if item.split(";", 1)[0].strip().lower() in ("gzip", "x-gzip"):
            quality = _QUALITY.search(item)
            try:
                return quality is None or float(quality.group(1)) > 0
            except ValueError:
                return False
    return False


def _ics_name(filename: str) -> str:
    name = filename.replace("/", "-").replace("\\", "-").strip() or "calendar"
    return name if name.lower().endswith(".ics") else f"{name}.ics"
