"""Funding calls for an association's fields of activity, on its profile: the open and coming
calls tagged with one of its fields, soonest deadline first, and a link to the funding index
filtered by those fields (which adds the calls open to every field)."""

from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from associations import offerings

from .models import FundingIndexPage, FundingOpportunityPage
from .querysets import DEFAULT_STATUSES

SHOWN = 10


@offerings.register
def calls_for_fields(association, request):
    fields = list(association.field_links.values_list("field__slug", flat=True))
    index = (
        FundingIndexPage.objects.live()
        .public()
        .filter(locale_id=association.locale_id)
        .only("url_path")
        .first()
    )
    if not fields or index is None:
        return None
    calls = (
        FundingOpportunityPage.objects.child_of(index)
        .live()
        .public()
        .with_status()
        .with_statuses(*DEFAULT_STATUSES)
        .tagged_with_field(*fields)
        .defer_streamfields()
        .only("title", "url_path", "slug", "locale_id")
        .by_deadline()[:SHOWN]
    )
    return offerings.Offering(
        _("Funding calls for our fields"),
        calls,
        more_url=f"{index.get_url(request)}?{urlencode([('field', field) for field in fields])}",
        more_text=_("All funding calls for these fields"),
    )
