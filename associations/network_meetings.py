"""A network's meetings, shown on its page: the catalogue registers a provider here (the
meetings of a network are trainings and events linked to it) instead of the network page
importing the catalogue.

    from associations import network_meetings

    @network_meetings.register
    def meetings(network, request):
        return network_meetings.Meetings(items=[...], feeds={"ics": ..., "atom": ...})

A provider returns `Meetings` or None. Each item has `title`, `url` and `start` (an aware
datetime), and may have `place`.
"""

from dataclasses import dataclass, field

_providers = []


@dataclass
class Meetings:
    items: list
    # Feed addresses of the network's meetings by format ("ics", "webcal", "atom", "rss").
    feeds: dict = field(default_factory=dict)
    more_url: str = ""


def register(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def meetings_for(network, request):
    """The meetings every provider gives for `network`, merged (soonest first)."""
    items, feeds, more_url = [], {}, ""
    for provider in _providers:
        found = provider(network, request)
        if found is None:
            continue
        items.extend(found.items)
        feeds.update(found.feeds)
        more_url = more_url or found.more_url
    items.sort(key=lambda item: item.start)
    return Meetings(items, feeds, more_url)
