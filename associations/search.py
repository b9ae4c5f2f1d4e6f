"""Associations in the site search: their fields of activity and partnership themes count as
names."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index
from core.regions import PLACE_CHOICES

from .models import AssociationPage, NetworkPage


def describe_association(page):
    place = dict(PLACE_CHOICES).get(page.municipality, "")
    names = [search_index.name_of(link.field) for link in page.field_links.all()]
    names += [search_index.name_of(link.theme) for link in page.partner_theme_links.all()]
    names += [str(label) for label in page.welfare_area_labels()]
    names += [str(label) for label in page.target_group_labels()]
    return search_index.Document(
        kind="association",
        summary=page.summary,
        text=[page.description, page.partnership_note, page.can_offer],
        names=names,
        label=_("Association in %(place)s") % {"place": place} if place else _("Association"),
        municipality=page.municipality or "",
    )


def describe_network(page):
    """A network: its member associations and public partners count as names."""
    names = [page.get_kind_display()]
    names += [search_index.name_of(link.association, "title") for link in page.member_links.all()]
    names += [partner.name for partner in page.partners.all()]
    return search_index.Document(
        kind="network",
        summary=page.summary,
        text=[page.description, page.meeting_practice],
        names=names,
        label=page.get_kind_display(),
    )


search_index.register_kind("association", gettext_lazy("Associations"), order=30)
search_index.register_kind("network", gettext_lazy("Networks"), order=35)
search_index.register(AssociationPage, describe_association)
search_index.register(NetworkPage, describe_network)
