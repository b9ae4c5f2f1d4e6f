"""The queries of good practices that the library, its feed and the association's profile
share."""

from django.db.models import Q

from wagtail.models import PageQuerySet


class GoodPracticeQuerySet(PageQuerySet):
    def published(self):
        return self.live().public()

    def matching(self, filters):
        """Practices that match `PracticeFilters`."""
        pages = self
        if filters.readiness:
            pages = pages.filter(is_readiness=True)
        if filters.municipalities:
            pages = pages.filter(municipality__in=filters.municipalities)
        for slug in filters.themes:
            pages = pages.filter(themes__icontains=f'"{slug}"')
        for slug in filters.fields:
            pages = pages.filter(fields_of_activity__icontains=f'"{slug}"')
        for word in filters.text.split():
            pages = pages.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(for_whom__icontains=word)
                | Q(how__icontains=word)
                | Q(learned__icontains=word)
            )
        return pages

    def for_listing(self):
        return (
            self.select_related("association", "locale")
            .defer("how", "learned", "cost")
            .order_by("-first_published_at", "-pk")
        )
