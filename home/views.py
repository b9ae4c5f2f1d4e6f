"""Site-wide views: search, health check, robots.txt and the error pages."""

import logging
import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

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


@require_GET
def search(request):
    raw_query = request.GET.get("q", "")
    query, truncated = clean_query(raw_query)
    notes = []
    if truncated:
        notes.append(
            _("Your search was shortened to its first %(count)s characters.")
            % {"count": SEARCH_MAX_LENGTH}
        )
    results_page = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
        paginator = Paginator(results, SEARCH_PAGE_SIZE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            results_page = paginator.page(1)
    elif "q" in request.GET:
        notes.append(_("Type one or more words to search for."))
    return render(
        request,
        "home/search.html",
        {"query": query, "results_page": results_page, "notes": notes},
    )


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
