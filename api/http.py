"""What every answer of the read API shares: JSON bytes with an ETag (304 to a matching
If-None-Match), Cache-Control, CORS, 400 with the reasons for a bad parameter and 429 with
Retry-After past the per-address limit; and the methods browsers send on their own (OPTIONS,
a CORS preflight, and HEAD) on every route (`browser_methods`).

An answer is kept in the shared cache under the content generation of `calendars.http` (which
changes whenever published content changes) and the full URL, so a repeated question costs one
cache round trip and a 304 needs no query at all."""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.http import parse_etags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from calendars.http import current_generation
from core.ratelimit import allow

CONTENT_TYPE = "application/json; charset=utf-8"
MAX_AGE = 300
ANSWER_TIMEOUT = 60 * 60
# Requests per client address in one window; generous for a reader, a wall for a scraper.
RATE_LIMIT = (600, 60)
# CORS: any site may read the API from a browser, without credentials. A preflight is valid
# for a day (browsers cap it lower: Chromium at two hours).
PREFLIGHT_MAX_AGE = 24 * 60 * 60
REQUEST_HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match"
EXPOSED_HEADERS = "ETag, Retry-After"


class BadParameters(Exception):
    """Query parameters the API cannot answer; `reasons` say why, in the client's language."""

    def __init__(self, reasons):
        super().__init__(reasons)
        self.reasons = list(reasons)


def dumps(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def _with_common_headers(response, max_age=MAX_AGE):
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Vary"] = "Accept-Language"
    return response


def error_response(status, reasons, **headers):
    response = HttpResponse(
        dumps({"detail": list(reasons)}), status=status, content_type=CONTENT_TYPE
    )
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name] = value
    return response


def too_many_requests(request):
    """A 429 when the client address has passed the API's limit, else None."""
    limit, window = getattr(settings, "API_RATE_LIMIT", RATE_LIMIT)
    if allow(request, "api", limit=limit, window=window):
        return None
    return error_response(
        429,
        [_("Too many requests from your address. Please wait a minute and try again.")],
        **{"Retry-After": str(window)},
    )


def answer_key(full_path, language):
    """The cache key of the answer to `full_path` in `language` in this content generation."""
    return (
        "api:answer:"
        + hashlib.blake2b(
            f"{current_generation()}|{language}|{full_path}".encode(), digest_size=16
        ).hexdigest()
    )


def json_answer(request, build, *, max_age=MAX_AGE):
    """Answer a GET with the JSON of `build()` (a dict), from the cache when the same URL was
    answered in the current content generation. `build` may raise `BadParameters` (400)."""
    limited = too_many_requests(request)
    if limited is not None:
        return limited
    if request.method != "GET":  # a search: its question is in the body, not in the URL
        try:
            body = dumps(build())
        except BadParameters as error:
            return error_response(400, error.reasons)
        response = HttpResponse(body, content_type=CONTENT_TYPE)
        response["Cache-Control"] = "no-store"
        return response
    key = (
        "api:"
        + hashlib.blake2b(
            f"{current_generation()}|{get_language()}|{request.get_full_path()}".encode(),
            digest_size=16,
        ).hexdigest()
    )
    cached = cache.get(key)
    if cached is None:
        try:
            body = dumps(build()).encode()
        except BadParameters as error:
            return error_response(400, error.reasons)
        etag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
        cache.set(key, (etag, body), ANSWER_TIMEOUT)
    else:
        etag, body = cached
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["ETag"] = etag
    return _with_common_headers(response, max_age)


def browser_methods(view, methods=None):
    """`view`, one route of the API, with CORS on every answer, and answering what browsers
    send on their own: OPTIONS (a CORS preflight, before a POST of JSON or a request with
    If-None-Match) with the route's methods, the request headers a reader may send and how
    long to trust that; HEAD as GET without the body (same status, ETag and headers).

    `methods` are the route's own; without them, django-ninja's answer to a method the route
    lacks (405) names them. Neither method is an operation of the OpenAPI document: they
    answer for the operations that are."""

    def route(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _cors(_preflight(methods or _methods_of(view, request, args, kwargs)))
        if request.method == "HEAD":
            request.method = "GET"
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.method = "HEAD"
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
            return _cors(response)
        return _cors(view(request, *args, **kwargs))

    route.csrf_exempt = getattr(view, "csrf_exempt", False)
    return route


def _methods_of(view, request, args, kwargs):
    answer = view(request, *args, **kwargs)  # 405 at once: no operation of the route runs
    allowed = [method.strip() for method in answer.get("Allow", "").split(",") if method.strip()]
    return allowed or ["GET"]


def _preflight(methods):
    methods = [*methods, *(("HEAD",) if "GET" in methods else ()), "OPTIONS"]
    response = HttpResponse(status=204)
    response["Allow"] = response["Access-Control-Allow-Methods"] = ", ".join(methods)
    response["Access-Control-Allow-Headers"] = REQUEST_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response
