"""Navigation, language switching and breadcrumbs for the base template."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from core.page_urls import site_url as core_site_url

register = template.Library()


@register.simple_tag
def site_url(path):
    """The absolute address of a path of ours, from BASE_URL (never the request's host)."""
    return core_site_url(path)


def localized_home(request):
    """The home page in the active language (cached on the request: one query per request)."""
    cache_key = f"_home_{translation.get_language()}"
    if not hasattr(request, cache_key):
        site = Site.find_for_request(request)
        home = None
        if site is not None:
            home = (
                site.root_page.get_translations(inclusive=True)
                .filter(locale__language_code=translation.get_language())
                .live()
                .first()
            ) or site.root_page
        setattr(request, cache_key, home)
    return getattr(request, cache_key)


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context.get("request")
    return localized_home(request) if request else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = localized_home(request) if request else None
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


@register.simple_tag
def breadcrumbs(page):
    """The ancestors a visitor can go back to, from the home page down (not the tree root)."""
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live())


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: where the language switcher goes, and whether the same page
    exists in that language (if not, it goes to that language's home page and says so)."""
    request = context.get("request")
    page = context.get("page") or context.get("self")
    active = translation.get_language()
    versions = []
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = None
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            available = target is not None
            if target is None:
                if homes is None:
                    site_root = localized_home(request) if request else None
                    homes = (
                        {
                            p.locale.language_code: p
                            for p in site_root.get_translations(inclusive=True)
                            .live()
                            .select_related("locale")
                        }
                        if site_root
                        else {}
                    )
                target = homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
            versions.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "available": available,
                    "active": code == active,
                }
            )
    else:
        path = request.get_full_path() if request else "/"
        for code, name in settings.LANGUAGES:
            versions.append(
                {
                    "code": code,
                    "name": name,
                    "url": translate_url(path, code),
                    "available": True,
                    "active": code == active,
                }
            )
    return versions


@register.filter
def in_section(page, section):
    """True when `page` is `section` or below it in the tree (for aria-current in the menu)."""
    return isinstance(page, Page) and page.path.startswith(section.path)
