"""Associations in the site search: their fields of activity and partnership themes count as
names."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index
from core.regions import PLACE_CHOICES

from .models import AssociationPage


def describe_association(page):
    place = dict(PLACE_CHOICES).get(page.municipality, "")
    names = [search_index.name_of(link.field) for link in page.field_links.all()]
    names += [search_index.name_of(link.theme) for link in page.partner_theme_links.all()]
    return search_index.Document(
        kind="association",
        summary=page.summary,
        text=[page.description, page.partnership_note],
        names=names,
        label=_("Association in %(place)s") % {"place": place} if place else _("Association"),
        municipality=page.municipality or "",
    )


search_index.register_kind("association", gettext_lazy("Associations"), order=30)
search_index.register(AssociationPage, describe_association)
