"""schema.org JSON-LD for a funding opportunity: a MonetaryGrant with its funder and amount.

The deadline goes in the amount's `validThrough` (MonetaryAmount has validFrom/validThrough;
Grant itself has no date properties)."""

from django.utils import timezone

from .models import ZONE, FunderType

GOVERNMENT_FUNDERS = {
    FunderType.MUNICIPALITY,
    FunderType.WELLBEING_COUNTY,
    FunderType.STATE,
    FunderType.MINISTRY,
    FunderType.REGIONAL_STATE,
    FunderType.EMPLOYMENT,
}


def _number(value):
    return int(value) if value == value.to_integral_value() else float(value)


def opportunity_json_ld(page, request, *, funder, next_closes_at=None):
    """A dict for <script type="application/ld+json">."""
    url = page.get_full_url(request)
    funder_data = {
        "@type": "GovernmentOrganization"
        if funder.funder_type in GOVERNMENT_FUNDERS
        else "Organization",
        "name": funder.name,
    }
    if funder.website:
        funder_data["url"] = funder.website
    data = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": page.locale.language_code,
        "funder": funder_data,
    }
    if page.programme:
        data["alternateName"] = page.programme
    amount = {"@type": "MonetaryAmount", "currency": page.currency}
    if page.amount_min is not None:
        amount["minValue"] = _number(page.amount_min)
    if page.amount_max is not None:
        amount["maxValue"] = _number(page.amount_max)
    if page.amount_min is not None and page.amount_min == page.amount_max:
        amount["value"] = _number(page.amount_min)
    if next_closes_at is not None:
        amount["validThrough"] = timezone.localtime(next_closes_at, ZONE).isoformat()
    data["amount"] = amount
    if page.application_url:
        data["potentialAction"] = {
            "@type": "ApplyAction",
            "target": page.application_url,
        }
    return data
