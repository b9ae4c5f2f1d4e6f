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


class StoredEvent(models.Model):
    """The VEVENT block(s) of one event in one language, written when its source is published
    and removed when it is unpublished or deleted: derived data, like an occurrence table.

    A feed is its header, the VTIMEZONE and the blocks of the events it selects, joined in one
    query (`calendars.store`). The UID is stored, never derived when read, so an event imported
    from another calendar keeps the UID it came with."""

    source = models.CharField(
        _("source"), max_length=40, help_text=_("The registered event source, e.g. a training.")
    )
    object_id = models.BigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=8)
    position = models.PositiveIntegerField(_("position"), default=0)
    uid = models.CharField(_("UID"), max_length=255)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("Empty for a series without an end.")
    )
    block = models.BinaryField(_("iCalendar block"))

    class Meta:
        verbose_name = _("calendar event")
        verbose_name_plural = _("calendar events")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id", "language", "uid"],
                name="calendars_event_unique_uid",
            )
        ]
        indexes = [
            models.Index(
                fields=["source", "object_id", "language", "position"],
                name="calendars_event_owner",
            )
        ]

    def __str__(self):
        return f"{self.source} {self.object_id} {self.language}: {self.uid}"


class FeedReaderKind(models.TextChoices):
    CALENDAR = "calendar", _("Calendar subscribers (iCal)")
    NEWS = "news", _("News readers (RSS, Atom)")


class FeedReadersDay(models.Model):
    """How many different programs read the site's feeds on one day, by kind: counted in the
    shared cache as requests arrive (`calendars.readers`) and kept here by the nightly
    `record_feed_readers`. A reader is a hash of its address and program with a secret of the
    day, so nothing about anyone is kept and no reader can be followed from one day to the
    next."""

    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=10, choices=FeedReaderKind.choices)
    readers = models.PositiveIntegerField(_("readers"))

    class Meta:
        verbose_name = _("feed readers of a day")
        verbose_name_plural = _("feed readers by day")
        constraints = [
            models.UniqueConstraint(fields=["day", "kind"], name="feed_readers_once_a_day")
        ]

    def __str__(self):
        return f"{self.day} {self.kind}: {self.readers}"


class RemovedEvent(models.Model):
    """An object whose events left the public calendars: unpublished, deleted or made private.
    Written when that happens and removed when the object is public again, so that a reader
    who syncs by modification time (the read API's `show_deleted`) learns that it went away.

    `uid` is the source's own identity of the object (for a training, its uid, shared by
    every language version), not a VEVENT UID: it outlives the object."""

    source = models.CharField(_("source"), max_length=40)
    object_id = models.BigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=8)
    uid = models.CharField(_("identifier"), max_length=255)
    removed_at = models.DateTimeField(_("removed"))

    class Meta:
        verbose_name = _("removed calendar event")
        verbose_name_plural = _("removed calendar events")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id"], name="calendars_removed_unique_object"
            )
        ]
        indexes = [
            models.Index(
                fields=["source", "language", "removed_at"], name="calendars_removed_since"
            )
        ]

    def __str__(self):
        return f"{self.source} {self.object_id} {self.language}: {self.uid} ({self.removed_at})"
