"""The associations editors trust on the board, as a snippet in the admin."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TrustedAssociation


class TrustedAssociationViewSet(SnippetViewSet):
    model = TrustedAssociation
    icon = "success"
    menu_label = _("Trusted on the board")
    list_display = ["association", "note", "created_at"]
    search_backend_name = None


register_snippet(TrustedAssociationViewSet)
