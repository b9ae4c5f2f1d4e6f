"""The catalogue's calendar files: the whole catalogue, every filtered view of it, and the
"Add to calendar" download of one training. Plain Django paths, because they hold a dot."""

import datetime

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from wagtail.models import Locale

from calendars.http import bad_request, feed_response
from calendars.types import CalendarMeta

from .models import TrainingIndexPage, TrainingPage

FEED_URL_NAME = "catalogue_trainings_ics"


def training_ics_view(request, uid):
    from .feeds import training_ics

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
    """The trainings of the URL's language that match the catalogue filters in the query.

    The same parameters as the catalogue page; an unknown parameter or value answers 400 with
    the reasons in plain text (never a silently different feed). Dates are clamped to the feed
    window, 30 days back to 18 months ahead."""
    from .feeds import (
        canonical_query,
        catalogue_calendar,
        feed_title,
        names_version,
        unknown_parameters,
        within_window,
    )
    from .filters import parse_filters
    from .views import taxonomy

    language = get_language() or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise Http404("No such language")
    unknown = unknown_parameters(request.GET)
    themes, organisers = taxonomy(locale.pk)
    # Any date is accepted here: `within_window` clamps it to the feed's window below.
    filters = parse_filters(
        request.GET,
        themes=themes,
        organisers=organisers,
        earliest=datetime.date.min,
        latest=datetime.date.max,
    )
    problems = [_("Unknown parameter “%(name)s”.") % {"name": name[:60]} for name in unknown] + [
        str(problem) for problem in filters.problems
    ]
    if problems:
        heading = _("No feed was made for these parameters. Correct or remove them:")
        return bad_request("\n".join([heading, *problems]))

    now = timezone.now()
    today = timezone.localdate(now)
    query = canonical_query(filters)
    names_key = names_version(themes, organisers)

    in_window = within_window(filters, now)
    # The name shows the dates actually served when the URL asks for dates.
    shown = in_window if filters.date_range(today) != (None, None) else filters

    def build():
        feed_url = preferred_feed_url(language, query)
        with override(language):
            index = TrainingIndexPage.objects.live().filter(locale=locale).first()
            page_url = settings.BASE_URL + (index.get_url(request) or "") if index else ""
            meta = CalendarMeta(
                name=feed_title(shown, themes, organisers),
                description=_(
                    "Trainings and events for associations in Kanta-Häme, from 30 days ago to "
                    "18 months ahead. Cancelled dates stay, marked as cancelled."
                ),
                url=f"{page_url}?{query}" if page_url and query else page_url,
                source=feed_url,
                language=language,
            )
            return catalogue_calendar(
                locale,
                in_window,
                meta,
                names_key=names_key,
                now=now,
                request=request,
            )

    midnight = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(), tzinfo=timezone.get_current_timezone()
    )
    return feed_response(
        request,
        # The window and relative spans ("this week") move with the day.
        cache_key=f"catalogue:feed:{language}:{today}:{names_key}:{query}",
        build=build,
        filename=_("trainings"),
        fast_for=int((midnight - now).total_seconds()),
    )


def feed_path(language, query=""):
    """The path of the catalogue feed of `language` with the canonical `query`."""
    with override(language):
        path = reverse(FEED_URL_NAME)
    return f"{path}?{query}" if query else path


def preferred_feed_url(language, query):
    """The absolute feed URL to give out: the readable long one, or the saved short one when
    the long one (as a webcal:// URL) would reach 256 characters, which Google refuses."""
    from calendars.models import SavedFeed

    from .feeds import MAX_FEED_URL_LENGTH

    url = settings.BASE_URL + feed_path(language, query)
    webcal = "webcal://" + url.split("://", 1)[-1]
    if len(webcal) <= MAX_FEED_URL_LENGTH:
        return url
    saved = SavedFeed.for_query(FEED_URL_NAME, query)
    with override(language):
        return settings.BASE_URL + reverse("calendars_saved_feed", args=[saved.token])
