"""The catalogue's calendar files: the whole catalogue, every filtered view of it, and the
"Add to calendar" download of one training (plain Django paths, because they hold a dot); and
the form that saves a filtered feed under a short URL."""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Locale

from calendars.http import bad_request, feed_response
from calendars.models import SavedFeed
from calendars.types import CalendarMeta
from core.ratelimit import allow

from .feeds import (
    FEED_URL_NAME,
    canonical_query,
    catalogue_calendar,
    feed_filters,
    feed_title,
    is_too_long,
    preferred_feed_url,
    training_ics,
    unknown_parameters,
)
from .filters import parse_filters
from .models import TrainingIndexPage, TrainingPage
from .queries import networks as network_choices
from .queries import taxonomy

SUBSCRIBE_LIMIT = (20, 60 * 60)  # short feed URLs saved per client address per hour


def training_ics_view(request, uid):
    candidates = (
        TrainingPage.objects.live()
        .public()
        .filter(uid=uid)
        .select_related("locale", "organiser")
        .defer_streamfields()
    )
    language = get_language() or "fi"
    page = next((p for p in candidates if p.locale.language_code == language), None) or next(
        iter(candidates), None
    )
    if page is None:
        raise Http404("No such training")
    return feed_response(
        request,
        cache_key=f"catalogue:training:{page.pk}:{page.last_published_at}:{page.sequence}",
        build=lambda: training_ics(page),
        filename=f"{page.slug}.ics",
        fast_for=24 * 60 * 60,
    )


def catalogue_feed_view(request):
    """The trainings of the URL's language that match the catalogue filters in the query,
    30 days back to 18 months ahead.

    The same parameters as the catalogue page; an unknown parameter or value answers 400 with
    the reasons in plain text (never a silently different feed). Dates (`when`, `from`, `to`)
    are the page's: accepted and ignored (see `feeds.PAGE_ONLY_PARAMS`)."""
    parsed = parse_feed_query(request.GET)
    if not isinstance(parsed, FeedQuery):
        return parsed
    language, locale, _themes, _organisers, filters, _networks = parsed
    now = timezone.now()
    today = timezone.localdate(now)
    filters = feed_filters(filters)
    query = canonical_query(filters)
    feed_url = preferred_feed_url(language, query)

    def build():
        with override(language):
            meta = _feed_meta(request, parsed, filters, query, feed_url)
            return catalogue_calendar(locale, filters, meta, now=now)

    return feed_response(
        request,
        # The window moves with the day; the feed names its short URL as its source once one
        # is saved.
        cache_key=f"catalogue:feed:{language}:{today}:{'/s/' in feed_url}:{query}",
        build=build,
        filename=_("trainings"),
        fast_for=_seconds_to_midnight(now, today),
    )


def _feed_meta(request, parsed, filters, query, feed_url):
    """The calendar's name, description and links (in the active language): the catalogue
    page of the feed's language with the same filters, and the feed's own URL."""
    index = TrainingIndexPage.objects.live().filter(locale=parsed.locale).first()
    page_url = settings.BASE_URL + (index.get_url(request) or "") if index else ""
    return CalendarMeta(
        name=feed_title(filters, parsed.themes, parsed.organisers, parsed.networks),
        description=_(
            "Trainings and events for associations in Kanta-Häme, from 30 days ago to "
            "18 months ahead. Cancelled dates stay, marked as cancelled."
        ),
        url=f"{page_url}?{query}" if page_url and query else page_url,
        source=feed_url,
        language=parsed.language,
    )


def _seconds_to_midnight(now, today):
    """How long a feed built `now` stays current: until the window moves at midnight."""
    midnight = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(), tzinfo=timezone.get_current_timezone()
    )
    return int((midnight - now).total_seconds())


class FeedQuery(NamedTuple):
    language: str
    locale: Locale
    themes: dict
    organisers: dict
    filters: object
    networks: dict


def parse_feed_query(query):
    """The FeedQuery of the catalogue filters in `query` (a QueryDict), or a plain-text 400
    that names every unknown parameter and wrong value."""
    language = get_language() or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise Http404("No such language")
    unknown = unknown_parameters(query)
    # Only the filters in the URL need their names (to check the slugs and name the feed).
    themes, organisers = taxonomy(
        locale.pk, themes="theme" in query, organisers="organiser" in query
    )
    # Dates are page-only in a feed (accepted and ignored), so any date is accepted here.
    networks = network_choices(locale.pk) if "network" in query else {}
    filters = parse_filters(
        query,
        themes=themes,
        organisers=organisers,
        networks=networks,
        earliest=datetime.date.min,
        latest=datetime.date.max,
    )
    problems = [_("Unknown parameter “%(name)s”.") % {"name": name[:60]} for name in unknown] + [
        str(problem) for problem in filters.problems
    ]
    if problems:
        heading = _("No feed was made for these parameters. Correct or remove them:")
        return bad_request("\n".join([heading, *problems]))
    return FeedQuery(language, locale, themes, organisers, filters, networks)


@require_POST
def subscribe_view(request):
    """Save the filters sent from the catalogue under a short feed URL and show the ways to
    subscribe to it. Only for filters whose feed URL is too long for Google; a POST, so that
    crawlers following links save nothing, and limited per client address."""
    parsed = parse_feed_query(QueryDict(request.POST.get("query", "")))
    if not isinstance(parsed, FeedQuery):
        return parsed
    language, locale, themes, organisers, filters, networks = parsed
    query = canonical_query(filters)
    feed_url = preferred_feed_url(language, query)
    if is_too_long(feed_url):
        limit, window = SUBSCRIBE_LIMIT
        if not allow(request, "saved-feed", limit=limit, window=window):
            response = HttpResponse(
                _(
                    "Too many calendar addresses were made from your address in a short time. "
                    "Try again in an hour."
                ),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(window)
            return response
        SavedFeed.for_query(FEED_URL_NAME, query)
        feed_url = preferred_feed_url(language, query)
    index = TrainingIndexPage.objects.live().filter(locale=locale).first()
    back_url = index.get_url(request) if index else ""
    context = {
        "feed_url": feed_url,
        "feed_title": feed_title(filters, themes, organisers, networks),
        "back_url": f"{back_url}?{query}" if back_url and query else back_url,
    }
    return render(request, "catalogue/subscribe_feed.html", context)
