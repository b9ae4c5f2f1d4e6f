"""Funding calls and the funding guide in the site search: the funder, the programme and the
themes count as names; the label says when the call closes."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index

from .models import FundingGuidePage, FundingOpportunityPage, Timing, listing_values


def describe_opportunity(page):
    listing = listing_values(page.pk)
    closes = listing["listing_next_closes_at"]
    if closes:
        label = _("Funding call closing %(date)s") % {"date": search_index.short_date(closes)}
    elif page.timing == Timing.CONTINUOUS:
        label = _("Funding call, continuous application")
    else:
        label = _("Funding call")
    names = [search_index.name_of(page.funder), page.programme]
    names += [search_index.name_of(link.theme) for link in page.theme_links.all()]
    names += page.field_labels()
    return search_index.Document(
        kind="funding",
        summary=page.summary,
        text=[
            search_index.stream_text(page.body),
            page.eligible_costs,
            page.how_to_apply,
            page.prerequisites,
        ],
        names=names,
        label=label,
        starts=closes,
        ends=listing["listing_last_closes_at"],
    )


def describe_guide(page):
    return search_index.Document(
        kind="guide",
        summary=page.intro,
        text=[search_index.stream_text(page.body)],
        label=_("Guide"),
    )


search_index.register_kind("funding", gettext_lazy("Funding calls"), order=20)
search_index.register_kind("guide", gettext_lazy("Guides"), order=80)
search_index.register(FundingOpportunityPage, describe_opportunity)
search_index.register(FundingGuidePage, describe_guide)
