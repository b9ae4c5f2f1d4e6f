"""The readiness guides in the site search."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index

from .models import ReadinessGuidePage


def describe_guide(page):
    return search_index.Document(
        kind="guide", summary=page.intro, text=[page.body], label=_("Readiness guide")
    )


search_index.register_kind("guide", gettext_lazy("Guides"), order=80)
search_index.register(ReadinessGuidePage, describe_guide)
