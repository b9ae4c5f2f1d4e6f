"""RSS 2.0 and Atom 1.0 of a listing, with Django's syndication framework.

A news reader follows the same question as a page or a calendar feed (the news of a category,
the catalogue with its filters, the funding list with its filters). Every address in the feed is
absolute and comes from BASE_URL, never from the request's host. The apps serve the bytes
through their cached, conditional feed responses (ETag, 304)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .page_urls import absolute_url

FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
# How many items a reader gets: the newest first, as every reader shows them.
ITEM_LIMIT = 50


class ListingFeed(Feed):
    """A feed of `items` (already fetched pages) described by `meta`: a dict of title, link
    (the page with the same question), description, feed_url (absolute), language. An item is
    a page: its link is its address from BASE_URL and, unless a subclass says otherwise, its
    id its `uid` and its dates Wagtail's publishing dates; subclasses say what its title and
    description are."""

    def __init__(self, kind, meta, items):
        super().__init__()
        self.feed_type = FORMATS[kind]
        self.meta = meta
        self.items_list = items
        self.language = meta["language"]

    def items(self):
        return self.items_list

    def title(self):
        return self.meta["title"]

    def link(self):
        return self.meta["link"]

    def description(self):
        return self.meta["description"]

    def subtitle(self):  # Atom's name for the description
        return self.meta["description"]

    def feed_url(self):
        return self.meta["feed_url"]

    def item_link(self, item):
        # With the request, Wagtail reads the site's root paths once for the whole feed.
        return absolute_url(item, self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.uid}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def render(self, request):
        """The feed's bytes (UTF-8)."""
        self.request = request
        return self.get_feed(None, request).writeString("utf-8").encode("utf-8")

    @property
    def content_type(self):
        return self.feed_type.content_type
