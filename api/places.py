"""Places in the Linked Events shape. We keep no place register: a place is an address that
published trainings name, identified by the address every language version shares."""

import functools

from django.core.cache import cache
from django.utils import translation

from calendars.http import current_generation
from catalogue.models import TrainingPage
from core.regions import PLACE_CHOICES

from .links import ONLINE_PLACE, PREFIX, api_url, place_id

PLACES_TIMEOUT = 24 * 60 * 60
FIELDS = (
    "pk",
    "venue",
    "street_address",
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "format",
)


@functools.cache
def _municipality_names(value):
    """{language: name}; the names are the interface's translations, fixed for the process."""
    names = {}
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            names[language] = str(dict(PLACE_CHOICES).get(value, value))
    return names


def place_of(training):
    """The place of a training (a page or a row with the same fields), as Linked Events
    writes one."""
    get = training.get if isinstance(training, dict) else lambda name: getattr(training, name)
    identifier = place_id(
        get("street_address"), get("postal_code"), get("municipality"), get("format")
    )
    place = {
        "id": identifier,
        "@id": api_url(f"place/{identifier}/"),
        "@context": "http://schema.org",
        "@type": "Place",
        "data_source": PREFIX,
    }
    if identifier == ONLINE_PLACE:
        return place | {"name": {"fi": "Internet", "sv": "Internet", "en": "Internet"}}
    locality = dict(_municipality_names(get("municipality")))
    name = get("venue") or get("street_address") or locality["fi"]
    latitude, longitude = get("latitude"), get("longitude")
    return place | {
        "name": {"fi": name},
        "street_address": {"fi": get("street_address")} if get("street_address") else None,
        "postal_code": get("postal_code") or None,
        "address_locality": locality,
        "address_region": "Kanta-Häme",
        "position": {"type": "Point", "coordinates": [float(longitude), float(latitude)]}
        if latitude is not None and longitude is not None
        else None,
    }


def places_by_id(locale):
    """{place id: place with its `training_ids`} of the live trainings of `locale`: one query,
    cached until published content changes."""
    key = f"api:places:{locale.pk}:{current_generation()}"
    found = cache.get(key)
    if found is None:
        found = {}
        rows = (
            TrainingPage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("pk")
            .values(*FIELDS)
        )
        for row in rows:
            place = place_of(row)
            entry = found.setdefault(place["id"], place | {"training_ids": []})
            entry["training_ids"].append(row["pk"])
        cache.set(key, found, PLACES_TIMEOUT)
    return found


def public_place(place):
    return {name: value for name, value in place.items() if name != "training_ids"}
