"""schema.org JSON-LD: a space is an EventVenue (a Place), equipment a Product with offers."""

from .models import PriceMode

UNIT = {PriceMode.PER_HOUR: "HUR", PriceMode.PER_DAY: "DAY"}


def _offer(page, url):
    offer = {"@type": "Offer", "url": url, "priceCurrency": "EUR"}
    if page.price_mode == PriceMode.FREE:
        offer["price"] = "0"
    else:
        offer["price"] = str(page.price_other)
        offer["priceSpecification"] = {
            "@type": "UnitPriceSpecification",
            "price": str(page.price_other),
            "priceCurrency": "EUR",
            "unitCode": UNIT[page.price_mode],
        }
    return offer


def _owner(page):
    owner = page.association.localized
    return {"@type": "Organization", "name": owner.title, "url": owner.full_url}


def space_json_ld(page, request):
    url = page.get_full_url(request)
    features = [
        {"@type": "LocationFeatureSpecification", "name": str(label), "value": True}
        for label in [*page.facility_labels(), *page.accessibility_labels()]
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "EventVenue",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "maximumAttendeeCapacity": page.capacity,
        "isAccessibleForFree": page.is_free,
        "amenityFeature": features,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.address,
            "addressLocality": str(page.municipality_label),
            "addressRegion": "Kanta-Häme",
            "addressCountry": "FI",
        },
        "containedInPlace": {"@type": "AdministrativeArea", "name": str(page.municipality_label)},
        "publicAccess": False,
        "makesOffer": _offer(page, url),
        "owner": _owner(page),
    }
    if page.area_m2:
        data["floorSize"] = {"@type": "QuantitativeValue", "value": page.area_m2, "unitCode": "MTK"}
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    return data


def equipment_json_ld(page, request):
    url = page.get_full_url(request)
    offer = _offer(page, url)
    offer["businessFunction"] = "http://purl.org/goodrelations/v1#LeaseOut"
    offer["availableAtOrFrom"] = {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.address,
            "addressLocality": str(page.municipality_label),
            "addressCountry": "FI",
        },
    }
    offer["offeredBy"] = _owner(page)
    return {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "category": str(page.category_label),
        "offers": offer,
    }
