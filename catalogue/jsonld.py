"""schema.org JSON-LD for a training page: an Event (an EducationEvent for learning events)."""

from django.conf import settings
from django.utils import timezone

from core.languages import Language

from .models import EventStatus, Format, Kind

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
SCHEMA_ATTENDANCE = {
    Format.ONSITE: "https://schema.org/OfflineEventAttendanceMode",
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
EDUCATION_KINDS = {Kind.TRAINING, Kind.COURSE, Kind.WEBINAR, Kind.SEMINAR}
SCHEMA_LANGUAGE = {Language.PLAIN_FINNISH: "fi"}


def _iso(value):
    return timezone.localtime(value).isoformat()


def absolute(url):
    """A media URL as an address of the site (BASE_URL, like page.full_url), unless the
    storage already gives an absolute one."""
    return url if "://" in url else settings.BASE_URL + url


# schema.org types of the kinds of organisers outside the directory.
EXTERNAL_ORGANISER_TYPES = {
    "municipality": "GovernmentOrganization",
    "public": "GovernmentOrganization",
    "college": "EducationalOrganization",
}


def training_json_ld(page, request, *, occurrences, organiser, places=None):
    """A dict for <script type="application/ld+json">, from what the page already loaded.

    `occurrences` are the coming ones, or the last one of a training that is over; the first
    that is not cancelled gives startDate and endDate."""
    url = page.get_full_url(request)
    first = next(
        (o for o in occurrences if not o.is_cancelled), occurrences[0] if occurrences else None
    )
    data = {
        "@context": "https://schema.org",
        "@type": "EducationEvent" if page.kind in EDUCATION_KINDS else "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "eventStatus": SCHEMA_STATUS.get(page.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": SCHEMA_ATTENDANCE[page.format],
        "inLanguage": [SCHEMA_LANGUAGE.get(code, code) for code in page.languages]
        or [page.locale.language_code],
        "isAccessibleForFree": page.is_free,
    }
    if organiser is not None:
        # The organiser's profile in the directory, and its own website as the same entity.
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.title,
            "url": organiser.get_full_url(request),
        }
        if organiser.website:
            data["organizer"]["sameAs"] = organiser.website
    elif page.external_organiser_name:
        # An organiser outside the directory (a municipality, a college): its own site.
        data["organizer"] = {
            "@type": EXTERNAL_ORGANISER_TYPES.get(page.external_organiser_kind, "Organization"),
            "name": page.external_organiser_name,
        }
        if page.external_organiser_url:
            data["organizer"]["url"] = page.external_organiser_url
    if first is not None:
        data["startDate"] = (
            first.local_start.date().isoformat() if first.all_day else _iso(first.start)
        )
        data["endDate"] = first.last_day.isoformat() if first.all_day else _iso(first.end)
        if first.status == EventStatus.RESCHEDULED and page.status == EventStatus.SCHEDULED:
            data["eventStatus"] = SCHEMA_STATUS[EventStatus.RESCHEDULED]
            data["previousStartDate"] = _iso(first.original_start)
    locations = []
    if page.format in (Format.ONSITE, Format.HYBRID):
        place = {
            "@type": "Place",
            "name": page.venue or page.get_municipality_display(),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": page.street_address,
                "postalCode": page.postal_code,
                "addressLocality": page.get_municipality_display(),
                "addressRegion": "Kanta-Häme",
                "addressCountry": "FI",
            },
        }
        if page.latitude is not None and page.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(page.latitude),
                "longitude": float(page.longitude),
            }
        locations.append(place)
    if page.format in (Format.ONLINE, Format.HYBRID) or page.status == EventStatus.MOVED_ONLINE:
        virtual = {"@type": "VirtualLocation", "name": page.remote_platform or "Online"}
        virtual["url"] = page.join_link if (page.join_link and page.join_link_public) else url
        locations.append(virtual)
    data["location"] = locations[0] if len(locations) == 1 else locations
    offer = {
        "@type": "Offer",
        "url": page.registration_url or url,
        "price": "0" if page.is_free else f"{page.price:.2f}",
        "priceCurrency": "EUR",
    }
    if page.registration_opens:
        offer["validFrom"] = _iso(page.registration_opens)
    if places is not None and places.capacity is not None:
        offer["availability"] = (
            "https://schema.org/SoldOut" if places.is_full else "https://schema.org/InStock"
        )
    offers = [offer]
    if not page.is_free and page.member_price is not None:
        offers.append({**offer, "price": f"{page.member_price:.2f}", "name": "member"})
    data["offers"] = offers if len(offers) > 1 else offer
    if page.image_id:
        data["image"] = absolute(page.image.get_rendition("width-1200").url)
    return data
