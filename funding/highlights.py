"""The funding highlight on the home page: calls closing soon. Two queries."""

from core import highlights

from .models import Funder, FundingIndexPage, FundingOpportunityPage
from .querysets import localize_funders

CLOSING_COUNT = 4


@highlights.register("funding/highlights.html")
def funding_highlights(home_page, request):
    index = FundingIndexPage.objects.child_of(home_page).live().only("title", "url_path").first()
    closing = []
    if index is not None:
        closing = list(
            FundingOpportunityPage.objects.child_of(index)
            .live()
            .with_status()
            .with_statuses("closing_soon")
            .for_listing()
            .by_deadline()[:CLOSING_COUNT]
        )
        if closing:
            localize_funders(closing, Funder.objects.by_translation_key(home_page.locale_id))
    return {"funding_index": index, "funding_closing_soon": closing}
