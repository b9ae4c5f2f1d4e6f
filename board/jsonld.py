"""schema.org of a board listing: a volunteer gig is a `JobPosting` with
`employmentType: VOLUNTEER`; help offered is an `Offer`; help wanted, a shared employee and a
partner wanted are a `Demand`. Never an email address: people write through the form."""

from core.page_urls import absolute_url

from .models import ListingKind


def _place(page):
    return {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": str(page.municipality_label),
            "addressRegion": "Kanta-Häme",
            "addressCountry": "FI",
        },
    }


def _organisation(page, request):
    association = page.association.localized
    return {
        "@type": "Organization",
        "name": association.title,
        "url": absolute_url(association, request),
    }


def listing_jsonld(page, request=None):
    url = absolute_url(page, request)
    common = {
        "@context": "https://schema.org",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "validThrough": page.expires_on.isoformat(),
    }
    if page.kind == ListingKind.VOLUNTEERS:
        posted = page.first_published_at or page.latest_revision_created_at
        data = {
            **common,
            "@type": "JobPosting",
            "title": page.title,
            "employmentType": "VOLUNTEER",
            "datePosted": posted.date().isoformat() if posted else None,
            "hiringOrganization": _organisation(page, request),
            "jobLocation": _place(page),
        }
        if page.time_needed:
            data["workHours"] = page.time_needed
        return {key: value for key, value in data.items() if value is not None}
    if page.kind == ListingKind.HELP_OFFERED:
        return {
            **common,
            "@type": "Offer",
            "offeredBy": _organisation(page, request),
            "areaServed": _place(page),
            "itemOffered": {"@type": "Service", "name": page.title},
        }
    return {
        **common,
        "@type": "Demand",
        "areaServed": _place(page),
        "itemOffered": {"@type": "Service", "name": page.title},
    }
