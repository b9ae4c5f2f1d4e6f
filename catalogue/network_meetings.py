"""A network's meetings on its page (associations.network_meetings): the coming occurrences
of the trainings and events linked to the network, in the page's language, and the
catalogue's feeds filtered to the network (`?network=<slug>`: the same in every language)."""

from types import SimpleNamespace
from urllib.parse import urlencode

from django.conf import settings

from associations import network_meetings

from .feeds import feed_path, reader_urls
from .models import Occurrence, TrainingIndexPage

SHOWN = 8


@network_meetings.register
def meetings(network, request):
    slug = network.slug
    query = urlencode({"network": slug})
    occurrences = (
        Occurrence.objects.in_locale(network.locale_id)
        .visible_to(request)
        .upcoming()
        .in_network(slug)
        .for_listing()
        .order_by("start", "pk")[:SHOWN]
    )
    items = [
        SimpleNamespace(
            title=o.training.title + (f": {o.title}" if o.title else ""),
            url=o.training.get_url(request),
            start=o.start,
            place=o.location or o.training.venue,
            cancelled=o.is_cancelled,
        )
        for o in occurrences
    ]
    language = network.locale.language_code
    ics = settings.BASE_URL + feed_path(language, query)
    readers = reader_urls(language, query)
    index = TrainingIndexPage.objects.live().filter(locale_id=network.locale_id).first()
    more_url = f"{index.get_url(request)}?{query}" if index else ""
    return network_meetings.Meetings(items=items, feeds={"ics": ics, **readers}, more_url=more_url)
