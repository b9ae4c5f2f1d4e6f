"""The board's saved searches (core/alerts.py does the signing up, the links, the timing and
the emails): any filtered view of the board. News for a search: listings first published
since it was last checked that are still current."""

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import alerts
from core.page_urls import absolute_url
from core.regions import Municipality

from .filters import parse_filters
from .models import BoardIndexPage, BoardListingPage, ListingKind, field_choices

# Enough for any day's news; more is better read on the page.
NEWS_LIMIT = 50


def describe(filters):
    """The filters in words, one line each, in the active language (empty: everything)."""
    lines = []
    if filters.text:
        lines.append(_("Search words: %(words)s") % {"words": filters.text})
    for title, choices, values in (
        (_("Kind of listing"), ListingKind.choices, filters.kinds),
        (_("Field of activity"), field_choices(), filters.fields),
        (_("Municipality"), Municipality.choices, filters.municipalities),
    ):
        if values:
            names = ", ".join(str(dict(choices).get(value, value)) for value in values)
            lines.append(_("%(filter)s: %(values)s") % {"filter": title, "values": names})
    return lines


@alerts.register
class BoardListing(alerts.Listing):
    page_model = BoardIndexPage

    def search(self, page, query):
        filters = parse_filters(query)
        return filters.query_string(), describe(filters)

    def news(self, search, page, since, now):
        filters = parse_filters(QueryDict(search.query))
        new = (
            BoardListingPage.objects.child_of(page)
            .current(timezone.localdate(now))
            .filter(locale_id=page.locale_id, first_published_at__gt=since)
            .matching(filters)
            .for_listing()[:NEWS_LIMIT]
        )
        return alerts.News(
            new=[
                alerts.Item(
                    key=str(p.pk), title=f"{p.get_kind_display()}: {p.title}", url=absolute_url(p)
                )
                for p in new
            ]
        )

    def subject(self, new, closing, cancelled):
        return ngettext(
            "%(count)d new listing on the cooperation board for your search",
            "%(count)d new listings on the cooperation board for your search",
            new,
        ) % {"count": new}

    def signup_heading(self):
        return _("Email me new listings matching this search")

    def everything(self):
        return _("All listings on the cooperation board")

    def new_heading(self):
        return _("New listings that match your search:")

    def back_text(self):
        return _("Back to the cooperation board")
