"""What an association offers on the portal, shown on its profile: other apps register a
provider here (trainings, spaces, equipment) instead of the profile importing every app.

    from associations import offerings

    @offerings.register
    def spaces(association, request):
        return offerings.Offering(_("Spaces"), SpacePage.objects.live().filter(...))

A provider returns an `Offering` (a heading and an iterable of live pages, and optionally a
link to more) or None.
"""

from dataclasses import dataclass

_providers = []


@dataclass
class Offering:
    heading: str
    pages: list
    more_url: str = ""
    more_text: str = ""


def register(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def offerings_for(association, request):
    result = []
    for provider in _providers:
        offering = provider(association, request)
        if offering is not None:
            pages = list(offering.pages)
            if pages:
                result.append(
                    Offering(offering.heading, pages, offering.more_url, offering.more_text)
                )
    return result
