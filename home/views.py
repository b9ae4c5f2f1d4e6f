"""Site-wide views: search, health check, robots.txt and the error pages."""

import dataclasses
import logging
import re
from typing import ClassVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from core import search_index
from core.query_params import BaseFilters, QueryReader
from core.regions import PLACE_CHOICES

logger = logging.getLogger(__name__)

SEARCH_MAX_LENGTH = 200
SEARCH_PAGE_SIZE = 10


def clean_query(raw):
    """Make a visitor's search text safe for every backend: no NUL or control characters
    (PostgreSQL rejects NUL), no punctuation (SQLite's FTS5 reads `"`, `<`, `{` as query
    syntax and fails; the indexes ignore punctuation anyway), whitespace folded, at most
    SEARCH_MAX_LENGTH characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = " ".join(text.split())
    return text[:SEARCH_MAX_LENGTH], len(text) > SEARCH_MAX_LENGTH


SUGGESTIONS = 8


@dataclasses.dataclass
class SearchFilters(BaseFilters):
    """The search page's query string: the words, the facets and the page."""

    query: str = ""
    kind: str = ""
    municipality: str = ""
    upcoming: bool = False
    page: int = 1

    presentation: ClassVar[tuple] = ("page",)


def parse_search(query_dict):
    filters = SearchFilters()
    reader = QueryReader(query_dict, filters.problems)
    filters.kind = reader.choice(
        "type",
        [kind.code for kind in search_index.kinds()],
        _("There is no type of result “%(value)s”, so all types are shown."),
    )
    filters.municipality = reader.choice(
        "municipality",
        dict(PLACE_CHOICES),
        _("There is no municipality “%(value)s”, so all are shown."),
    )
    filters.upcoming = reader.flag("upcoming")
    filters.page = reader.page()
    return filters


@require_GET
def search(request):
    raw_query = request.GET.get("q", "")
    query, truncated = clean_query(raw_query)
    filters = parse_search(request.GET)
    filters.query = query
    notes = list(filters.problems)
    if truncated:
        notes.append(
            _("Your search was shortened to its first %(count)s characters.")
            % {"count": SEARCH_MAX_LENGTH}
        )
    language = Locale.get_active().language_code
    analysed = search_index.analyse(query, language)
    results_page = None
    facets = []
    facet_filters = {"municipality": filters.municipality, "upcoming": filters.upcoming}
    entries = search_index.matching(
        analysed, kinds=[filters.kind] if filters.kind else None, **facet_filters
    )
    if entries is not None:
        counts = search_index.counts_by_kind(analysed, **facet_filters)
        paginator = Paginator(entries, SEARCH_PAGE_SIZE)
        # The counts per kind give the total too: one grouping of the matches fewer.
        paginator.count = counts.get(filters.kind, 0) if filters.kind else sum(counts.values())
        try:
            results_page = paginator.page(filters.page)
        except (PageNotAnInteger, EmptyPage):
            results_page = paginator.page(1)
        results_page.object_list = list(results_page.object_list)
        for entry in results_page.object_list:
            entry.kind_label = search_index.kind_label(entry.kind)
        facets = [
            {"code": kind.code, "label": kind.label, "count": counts[kind.code]}
            for kind in search_index.kinds()
            if counts.get(kind.code) or kind.code == filters.kind
        ]
    elif "q" in request.GET:
        notes.append(_("Type one or more words to search for."))
    base_query = request.GET.copy()
    for name in ("page", "type"):
        base_query.pop(name, None)
    corrected = analysed.corrected_query
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "filters": filters,
            "results_page": results_page,
            "facets": facets,
            "total": sum(facet["count"] for facet in facets),
            "kinds": search_index.kinds(),
            "places": PLACE_CHOICES,
            "notes": notes,
            "corrected": corrected,
            "corrected_url": "?" + urlencode({"q": corrected}) if corrected else "",
            "facet_query": base_query.urlencode(),
            "now": timezone.now(),
        },
    )


@require_GET
def search_suggest(request):
    """Up to eight results for what has been typed so far, as JSON, for the search box's
    suggestions (the page works without them). A word being typed matches as a prefix."""
    values = request.GET.getlist("q")
    if len(values) > 1:
        return JsonResponse({"error": _("Give the search words once.")}, status=400)
    raw = values[0] if values else ""
    if len(raw) > SEARCH_MAX_LENGTH:
        return JsonResponse(
            {"error": _("At most %(count)s characters.") % {"count": SEARCH_MAX_LENGTH}},
            status=400,
        )
    query, _truncated = clean_query(raw)
    analysed = search_index.analyse(query, Locale.get_active().language_code)
    entries = search_index.matching(analysed)
    suggestions = []
    if entries is not None:
        suggestions = [
            {
                "title": entry.title,
                "url": entry.url,
                "label": entry.label,
                "kind": str(search_index.kind_label(entry.kind)),
            }
            for entry in entries[:SUGGESTIONS]
        ]
    response = JsonResponse(
        {"query": query, "corrected": analysed.corrected_query, "suggestions": suggestions}
    )
    patch_cache_control(response, max_age=60)
    return response


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers and monitors)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {settings.BASE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No database, no context processors: the error may be that the database is down.
    return HttpResponse(render_to_string("500.html", {"request": request}), status=500)
