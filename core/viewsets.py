"""Admin views shared by the apps' snippets."""

from wagtail.snippets.views.snippets import SnippetViewSet


class TaxonomyViewSet(SnippetViewSet):
    """The admin of a `core.taxonomy.TranslatableTaxonomy`: set `model` and `menu_label`."""

    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
