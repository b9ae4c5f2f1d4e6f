"""Identifiers and absolute addresses of the API's resources."""

import hashlib

from django.conf import settings

from wagtail.models import Page

from core.page_urls import absolute_url, urls_by_parent
from core.regions import ONLINE

PREFIX = "meidanhame"
API_PATH = "/api/v1/"
ONLINE_PLACE = f"{PREFIX}:internet"


def api_url(path):
    return f"{settings.BASE_URL}{API_PATH}{path}"


def ref(kind, identifier):
    """A Linked Events reference to another resource: `{"@id": its absolute URL}`."""
    return {"@id": api_url(f"{kind}/{identifier}/")}


def place_id(street_address, postal_code, municipality, format_=""):
    """A stable place id from the address every language shares; an online-only event has
    the one place `meidanhame:internet`, as in Linked Events."""
    if format_ == "online" or municipality == ONLINE:
        return ONLINE_PLACE
    key = "|".join(part.strip().lower() for part in (street_address, postal_code, municipality))
    return f"{PREFIX}:" + hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


def strip_prefix(value):
    """`meidanhame:xyz` → `xyz`; None for an id of another namespace."""
    head, sep, tail = value.partition(":")
    return tail if sep and head == PREFIX and tail else None


def language_versions(model, pages, request, fields=()):
    """({pk: {language: page}}, {pk: absolute URL}) of default-language `pages` of `model`
    and their live Swedish and English versions (with their title, summary and `fields`): two
    queries for the whole page of results, and one URL lookup per parent page."""
    keys = {page.translation_key: page for page in pages}
    versions = {page.pk: {settings.LANGUAGE_CODE: page} for page in pages}
    translations = list(
        model.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__language_code__in=("sv", "en"))
        .select_related("locale")
        .only("title", "summary", "slug", "url_path", "translation_key", "locale", *fields)
    )
    for page in translations:
        versions[keys[page.translation_key].pk][page.locale.language_code] = page
    urls = urls_by_parent(
        ((p.pk, p.slug, p.url_path) for p in [*pages, *translations]),
        lambda pk: absolute_url(Page.objects.get(pk=pk), request),
    )
    return versions, urls
