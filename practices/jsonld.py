"""schema.org of a good practice: a `HowTo` (what was done, step by step in its "how") by the
association as an `Organization`, about its themes, for its audience. Never an email address:
people write through the practice's form."""

from django.utils.html import strip_tags

from core.page_urls import absolute_url


def practice_jsonld(page, request=None, theme_names=(), attachments=()):
    association = page.association.localized
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(page, request),
        "inLanguage": page.locale.language_code,
        "author": {
            "@type": "Organization",
            "name": association.title,
            "url": absolute_url(association, request),
        },
        "audience": {"@type": "Audience", "audienceType": page.for_whom},
        "step": [{"@type": "HowToStep", "text": " ".join(strip_tags(page.how).split())}],
        "spatialCoverage": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": str(page.municipality_label),
                "addressRegion": "Kanta-Häme",
                "addressCountry": "FI",
            },
        },
    }
    if page.cost:
        data["estimatedCost"] = page.cost
    if theme_names:
        data["keywords"] = ", ".join(theme_names)
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    if attachments:
        data["associatedMedia"] = [
            {"@type": "MediaObject", "name": item["title"], "contentUrl": item["url"]}
            for item in attachments
        ]
    return data
