"""The queries of board listings that the board, its feed, alerts and the home page share."""

from django.utils import timezone

from wagtail.models import PageQuerySet

from core import search_index


class BoardListingQuerySet(PageQuerySet):
    def current(self, today=None):
        """Live, public listings not yet expired: a listing leaves on its expiry day."""
        today = today or timezone.localdate()
        return self.live().public().filter(expires_on__gt=today)

    def in_locale(self, locale):
        return self.filter(locale=locale)

    def matching(self, filters):
        """Listings that match a `BoardFilters`."""
        pages = self
        if filters.kinds:
            pages = pages.filter(kind__in=filters.kinds)
        if filters.municipalities:
            pages = pages.filter(municipality__in=filters.municipalities)
        for slug in filters.fields:
            pages = pages.filter(fields_of_activity__icontains=f'"{slug}"')
        if filters.text:
            pages = pages.filter(pk__in=search_index.page_ids(filters.text, "board"))
        return pages

    def for_listing(self):
        return self.select_related("association", "locale").order_by("-first_published_at", "-pk")
