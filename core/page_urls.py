"""Absolute URLs of pages, for feeds and exports that list thousands of them."""

from django.conf import settings


def absolute_url(page, request=None):
    # With a request, Wagtail keeps the site root paths on it instead of asking the cache per page.
    return settings.BASE_URL + (page.get_url(request) or "")


def site_url(path):
    """The absolute address of a path of ours (a feed, an embed): from BASE_URL, never from
    the host a request happened to name."""
    return settings.BASE_URL + path


def urls_by_parent(pages, url_of):
    """{pk: absolute URL} of pages given as (pk, slug, url_path) triples.

    A page's URL is its parent's URL plus its slug, so `url_of(pk)` (Wagtail's answer for one
    page) is asked once per parent, not once per page; and for every page of a parent whose
    first URL turns out not to end in the slug (not expected)."""
    urls, prefixes = {}, {}
    for pk, slug, url_path in pages:
        tail = f"{slug}/"
        parent_path = url_path.removesuffix(tail)
        if parent_path not in prefixes:
            url = url_of(pk)
            prefixes[parent_path] = url.removesuffix(tail) if url.endswith(tail) else None
            urls[pk] = url
        elif prefixes[parent_path] is None:
            urls[pk] = url_of(pk)
        else:
            urls[pk] = prefixes[parent_path] + tail
    return urls
