"""Queries the directory, the statistics and the exports share."""

from django.db.models import Q
from django.db.models.functions import Substr, Upper

from wagtail.query import PageQuerySet

from core import search_index
from core.regions import municipalities_of, sub_region_of


class AssociationPageQuerySet(PageQuerySet):
    def listed(self, locale):
        """Live, public profiles in one language, in A–Z order."""
        return self.live().public().filter(locale=locale).order_by("title", "pk")

    def in_fields(self, *slugs):
        return self.filter(field_links__field__slug__in=slugs).distinct()

    def in_municipalities(self, *codes):
        """Based in, or working in, one of the municipalities."""
        query = Q(municipality__in=codes)
        for code in codes:
            # Areas are a short JSON list; a text match on the quoted code works on both databases.
            query |= Q(areas__icontains=f'"{code}"')
        return self.filter(query)

    def in_sub_regions(self, *codes):
        municipalities = [m.value for code in codes for m in municipalities_of(code)]
        return self.in_municipalities(*municipalities)

    def serving_language(self, *codes):
        query = Q()
        for code in codes:
            query |= Q(languages__icontains=f'"{code}"')
        return self.filter(query)

    def in_welfare_areas(self, *codes):
        query = Q()
        for code in codes:
            query |= Q(welfare_areas__icontains=f'"{code}"')
        return self.filter(query)

    def for_target_groups(self, *codes):
        query = Q()
        for code in codes:
            query |= Q(target_groups__icontains=f'"{code}"')
        return self.filter(query)

    def looking_for_partners(self, *theme_slugs):
        if not theme_slugs:
            return self.filter(partner_theme_links__isnull=False).distinct()
        return self.filter(partner_theme_links__theme__slug__in=theme_slugs).distinct()

    def starting_with(self, letter):
        return self.filter(title__istartswith=letter)

    def search_text(self, text):
        """The associations the site search finds for `text` in the active language."""
        return self.filter(pk__in=search_index.page_ids(text, "association"))

    def initials(self):
        """The set of upper-case first letters of the titles (one query)."""
        return set(
            self.annotate(initial=Upper(Substr("title", 1, 1)))
            .order_by()
            .values_list("initial", flat=True)
            .distinct()
        )

    def for_directory(self):
        """With what a directory entry shows: its fields of activity and partner themes."""
        return self.only(
            "title",
            "slug",
            "url_path",
            "locale_id",
            "summary",
            "municipality",
            "areas",
            "languages",
            "welfare_areas",
            "target_groups",
        ).prefetch_related("field_links__field", "partner_theme_links__theme")


class NetworkPageQuerySet(PageQuerySet):
    def listed(self, locale):
        """Live, public networks in one language, sub-regional ones first, A–Z."""
        return self.live().public().filter(locale=locale).order_by("kind", "title", "pk")

    def working_in(self, code):
        """Networks that work in the municipality `code`: named there, in its sub-region,
        or across the whole region (no area given)."""
        sub_region = sub_region_of(code)
        return self.filter(
            Q(municipalities__icontains=f'"{code}"')
            | Q(municipalities=[], sub_region=sub_region)
            | Q(municipalities=[], sub_region="")
        )

    def with_member(self, association):
        """Networks that `association` (any language version) belongs to."""
        return self.filter(member_links__association__translation_key=association.translation_key)
