"""Spaces and equipment in the site search: the owner association counts as a name."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index
from core.regions import PLACE_CHOICES

from .models import EquipmentPage, SpacePage


def _describe(page, kind, label):
    place = dict(PLACE_CHOICES).get(page.municipality, "")
    return search_index.Document(
        kind=kind,
        summary=page.summary,
        text=[page.description, page.address, page.price_note],
        names=[search_index.name_of(page.association, "title")],
        label=label % {"place": place},
        municipality=page.municipality,
    )


def describe_space(page):
    return _describe(page, "space", _("Space in %(place)s"))


def describe_equipment(page):
    return _describe(page, "equipment", _("Equipment in %(place)s"))


search_index.register_kind("space", gettext_lazy("Spaces"), order=40)
search_index.register_kind("equipment", gettext_lazy("Equipment"), order=50)
search_index.register(SpacePage, describe_space)
search_index.register(EquipmentPage, describe_equipment)
