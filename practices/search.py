"""Good practices in the site search: the association, themes and fields of activity count as
names; a readiness practice is found by the word too."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index

from .models import GoodPracticePage, field_choices, theme_choices


def describe_practice(page):
    themes = dict(theme_choices())
    fields = dict(field_choices())
    names = [search_index.name_of(page.association, "title")]
    names += [themes.get(slug, "") for slug in page.themes]
    names += [fields.get(slug, "") for slug in page.fields_of_activity]
    if page.is_readiness:
        names.append(_("Readiness"))
    association = search_index.name_of(page.association, "title")
    return search_index.Document(
        kind="practice",
        summary=page.summary,
        text=[page.for_whom, page.how, page.cost, page.learned],
        names=names,
        label=_("Good practice by %(association)s") % {"association": association}
        if association
        else _("Good practice"),
        municipality=page.municipality,
    )


search_index.register_kind("practice", gettext_lazy("Good practices"), order=65)
search_index.register(GoodPracticePage, describe_practice)
