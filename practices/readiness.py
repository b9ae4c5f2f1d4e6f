"""Readiness guides of other apps, shelved in the good-practice library.

Crisis mode (a higher layer) keeps its readiness guides (plan template, checklist, contacts)
under its own pages and registers them here, so the library lists them beside the practices
without importing crisis:

    from practices import readiness

    @readiness.register
    def guides(locale, text):
        return ReadinessGuidePage.objects.live().public().filter(locale=locale)...

A provider returns the live, public pages in `locale` whose words match `text` ("" for all):
one query each. A page needs `title`, `url` and, optionally, `intro`.
"""

_providers = []


def register(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def guides_for(locale, text=""):
    return [page for provider in _providers for page in provider(locale, text)]
