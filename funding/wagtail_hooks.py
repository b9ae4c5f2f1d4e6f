"""Funders as a translatable snippet in the admin."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Funder


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "site"
    menu_label = _("Funders")
    list_display = ["name", "funder_type", "website"]
    list_filter = ["funder_type"]
    search_fields = ["name"]
    search_backend_name = None


register_snippet(FunderViewSet)
