"""RSS and Atom of the catalogue: the newest trainings that match any filtered view, the same
parameters (and the same plain-text 400) as the calendar feed. An item is a training that still
has a date ahead; a news reader shows the newest published first."""

from django.conf import settings
from django.db.models import Min, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext

from calendars.http import feed_response
from core.page_urls import absolute_url
from core.syndication import FORMATS, ITEM_LIMIT, ListingFeed

from .feeds import canonical_query, feed_filters, feed_title, place_text
from .ics_views import FeedQuery, parse_feed_query
from .models import EventStatus, Occurrence, TrainingIndexPage, TrainingPage
from .occurrences import window


def upcoming_trainings(locale, filters, now, limit=ITEM_LIMIT, published_since=None):
    """The live trainings of `locale` with a matching occurrence that has not ended, newest
    published first, each with `next_start`: its first such occurrence; only those first
    published after `published_since` when given. Three queries."""
    _start, end = window(now)
    matching = feed_filters(filters).apply(Occurrence.objects.in_locale(locale).between(now, end))
    trainings = TrainingPage.objects.live().public()
    if published_since is not None:
        trainings = trainings.filter(first_published_at__gt=published_since)
    return list(
        trainings.filter(pk__in=matching.values("training_id"))
        .annotate(next_start=Min("occurrences__start", filter=Q(occurrences__end__gt=now)))
        .defer_streamfields()
        .select_related("locale", "organiser")
        .prefetch_related("theme_links__theme")
        .order_by("-first_published_at", "-pk")[:limit]
    )


class TrainingFeed(ListingFeed):
    def item_title(self, page):
        if page.status == EventStatus.CANCELLED:
            return pgettext("calendar event title", "Cancelled: %(title)s") % {"title": page.title}
        return page.title

    def item_description(self, page):
        when = formats.date_format(timezone.localtime(page.next_start), "DATETIME_FORMAT")
        lines = [f"{when} · {place_text(page)}", page.summary]
        if page.status != EventStatus.SCHEDULED and page.status_note:
            lines.append(f"{page.get_status_display()}: {page.status_note}")
        return "\n\n".join(lines)

    def item_author_name(self, page):
        return page.organiser.title if page.organiser_id else None

    def item_categories(self, page):
        return [link.theme.name for link in page.theme_links.all()]


def catalogue_syndication_view(request, kind):
    parsed = parse_feed_query(request.GET)
    if not isinstance(parsed, FeedQuery):
        return parsed  # a 400 with the reasons
    now = timezone.now()
    filters = feed_filters(parsed.filters)
    query = canonical_query(filters)

    def build():
        with override(parsed.language):
            index = TrainingIndexPage.objects.live().filter(locale=parsed.locale).first()
            page_url = absolute_url(index, request) if index else settings.BASE_URL
            trainings = upcoming_trainings(parsed.locale, filters, now)
            meta = {
                "title": feed_title(filters, parsed.themes, parsed.organisers, parsed.networks),
                "link": f"{page_url}?{query}" if query else page_url,
                "description": _(
                    "New trainings and events for associations in Kanta-Häme that match "
                    "these choices, the newest first."
                ),
                "feed_url": settings.BASE_URL + request.path + (f"?{query}" if query else ""),
                "language": parsed.language,
            }
            return TrainingFeed(kind, meta, trainings).render(request)

    return feed_response(
        request,
        cache_key=f"catalogue:syndication:{kind}:{parsed.language}:{now:%Y%m%d%H}:{query}",
        build=build,
        filename=f"{_('trainings')}.{kind}",
        content_type=FORMATS[kind].content_type,
    )
