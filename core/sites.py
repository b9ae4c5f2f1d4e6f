"""`BASE_URL` is the one source of truth for the site's own absolute addresses.

The calendar feeds and mail build addresses from `settings.BASE_URL`; Wagtail builds
`page.full_url`, the sitemap and the JSON-LD from the default `Site`'s hostname and port. So the
default site takes its address from `BASE_URL` after every `migrate` (which `make run` and a
deployment run), and a system check warns when the two differ (the site edited in the admin,
or `BASE_URL` changed without migrating).
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning
from django.db import DEFAULT_DB_ALIAS, DatabaseError

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(base_url=None):
    """(hostname, port) of `base_url` (default `settings.BASE_URL`), as Wagtail's Site
    stores them: Wagtail writes https:// for port 443 and http:// for every other port."""
    parts = urlsplit(base_url or settings.BASE_URL)
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def apply_base_url(using=DEFAULT_DB_ALIAS):
    """Give the default Wagtail site the hostname and port of `BASE_URL`; returns the site
    (None when there is no default site yet)."""
    from wagtail.models import Site

    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return site
    taken = Site.objects.using(using).filter(hostname=hostname, port=port).exclude(pk=site.pk)
    if taken.exists():
        logger.warning("Another Wagtail site already has the address of BASE_URL (%s)", hostname)
        return site
    site.hostname, site.port = hostname, port
    site.save(using=using)
    return site


def apply_base_url_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    apply_base_url(using)


def check_default_site(app_configs=None, **kwargs):
    """core.W001: the default site's address is not BASE_URL."""
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet, or no database: nothing to compare
        return []
    if site is None or site.root_url == settings.BASE_URL:
        return []
    return [
        Warning(
            f"The default Wagtail site's address {site.root_url} is not BASE_URL "
            f"({settings.BASE_URL}): the sitemap, JSON-LD and page.full_url use the site's, "
            "the feeds and mail BASE_URL.",
            hint="Run `manage.py migrate`, which gives the default site the address of "
            "BASE_URL, or correct BASE_URL. Wagtail can store only https on port 443 and "
            "http on other ports, and no path.",
            obj=site,
            id="core.W001",
        )
    ]
