"""Short feed URLs: `/<lang>/calendar/s/<token>.ics` serves the saved filter's feed."""

from django.http import QueryDict
from django.urls import NoReverseMatch, resolve, reverse

from .http import not_found
from .models import SavedFeed


def saved_feed_view(request, token):
    """The feed a short URL was saved for, answered by that feed's own view (same headers,
    caching and errors) with the saved filters as its query."""
    saved = SavedFeed.objects.filter(token=token).first()
    if saved is None:
        return not_found("No saved calendar feed has this address.")
    try:
        match = resolve(reverse(saved.feed))
    except NoReverseMatch:
        return not_found("This saved calendar feed no longer exists.")
    # The feed view reads its filters from the query; the path stays the short one, so the
    # feed's SOURCE and the fast cache in CachedFeedMiddleware key on the short URL.
    request.GET = QueryDict(saved.query)
    return match.func(request, *match.args, **match.kwargs)
