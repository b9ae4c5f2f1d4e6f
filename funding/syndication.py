"""RSS and Atom of a funding index: the newest calls that match any filtered view of it, the
same parameters (and the same plain-text 400) as its deadline calendar and CSV export."""

from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from calendars.http import feed_response
from core.page_urls import absolute_url
from core.syndication import FORMATS, ITEM_LIMIT, ListingFeed

from .feeds import amount_text
from .models import Funder, FundingOpportunityPage, FundingStatus
from .querysets import localize_funders
from .views import feed_filters, filter_querystring, index_or_404, reader_urls


class OpportunityFeed(ListingFeed):
    def item_title(self, page):
        return page.title

    def item_description(self, page):
        facts = [FundingStatus(page.funding_status).label, page.funder_local.name]
        if page.listing_next_closes_at and page.timing != "continuous":
            closes = formats.date_format(
                timezone.localtime(page.listing_next_closes_at), "SHORT_DATE_FORMAT"
            )
            facts.append(_("Deadline %(date)s") % {"date": closes})
        amount = amount_text(page)
        if amount:
            facts.append(amount)
        return "\n\n".join([" · ".join(str(fact) for fact in facts if fact), page.summary])

    def item_author_name(self, page):
        return page.funder_local.name


def syndication_view(request, index_id, kind):
    index = index_or_404(index_id)
    language = index.locale.language_code
    filters = feed_filters(request, index)
    if isinstance(filters, HttpResponse):
        return filters
    now = timezone.now()
    querystring = filter_querystring(request.GET)

    def build():
        with override(language):
            listed = filters.apply(FundingOpportunityPage.objects.listed_in(index, now))
            pages = list(listed.order_by("-first_published_at", "-pk")[:ITEM_LIMIT])
            localize_funders(pages, Funder.objects.by_translation_key(index.locale_id))
            page_url = absolute_url(index, request)
            meta = {
                "title": _("Funding: %(site)s") % {"site": index.title},
                "link": f"{page_url}?{querystring}" if querystring else page_url,
                "description": _(
                    "New funding calls for associations that match these choices, the newest first."
                ),
                "feed_url": reader_urls(index, querystring)[kind],
                "language": language,
            }
            return OpportunityFeed(kind, meta, pages).render(request)

    # Statuses change with the clock, so the cached copy lasts at most the hour.
    return feed_response(
        request,
        cache_key=f"funding:syndication:{kind}:{index.pk}:{now:%Y%m%d%H}:{querystring}",
        build=build,
        filename=f"{index.slug}.{kind}",
        content_type=FORMATS[kind].content_type,
    )
