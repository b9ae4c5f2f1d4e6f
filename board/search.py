"""Board listings in the site search until their last day: the association, themes and
fields of activity count as names."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index

from .models import BoardListingPage, field_choices, theme_choices


def describe_listing(page):
    themes = dict(theme_choices())
    fields = dict(field_choices())
    names = [page.get_kind_display(), search_index.name_of(page.association, "title")]
    names += [themes.get(slug, "") for slug in page.themes]
    names += [fields.get(slug, "") for slug in page.fields_of_activity]
    label = _("%(kind)s, until %(date)s") % {
        "kind": page.get_kind_display(),
        "date": search_index.short_date(page.expires_on),
    }
    return search_index.Document(
        kind="board",
        summary=page.summary,
        text=[page.description, page.time_needed],
        names=names,
        label=label,
        municipality=page.municipality,
        expires=search_index.end_of_day(page.expires_on),
    )


search_index.register_kind("board", gettext_lazy("Board listings"), order=60)
search_index.register(BoardListingPage, describe_listing)
