"""Saved filters behind short feed URLs.

A filtered feed's URL can outgrow what calendar programs accept (Google: under 256 characters).
A `SavedFeed` stores the feed's URL name and its canonical query under a token derived from
both, so the same filter always gets the same short URL, and a saved one never changes.
"""

import base64
import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

TOKEN_LENGTH = 16


def token_for(feed, query):
    """The token of a feed URL name and a canonical query: 16 characters of base32."""
    digest = hashlib.blake2b(f"{feed}?{query}".encode(), digest_size=10).digest()
    return base64.b32encode(digest).decode().lower()[:TOKEN_LENGTH]


class SavedFeed(models.Model):
    """A filter someone subscribed to through a short URL. Made when a visitor asks to
    subscribe to a filter whose feed link would be too long (a POST, limited per client
    address; never by showing a page); not edited by anyone. The language is not stored: the
    short URL's language prefix chooses it, as for the long URL."""

    token = models.CharField(_("token"), max_length=TOKEN_LENGTH, unique=True)
    feed = models.CharField(_("feed"), max_length=100, help_text=_("The feed's URL name."))
    query = models.TextField(_("filters"), help_text=_("The canonical query string."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved feed")
        verbose_name_plural = _("saved feeds")

    def __str__(self):
        return f"{self.token}: {self.feed}?{self.query}"

    @classmethod
    def for_query(cls, feed, query):
        """The saved feed of `feed` and `query`, saved now if it is new."""
        saved, _created = cls.objects.get_or_create(
            token=token_for(feed, query), defaults={"feed": feed, "query": query}
        )
        return saved
