"""Sources of events kept elsewhere (an iCal feed, a Linked Events list), their runs, and what
each imported event became in the catalogue.

An imported training is an ordinary `catalogue.TrainingPage`; `ImportedEvent` remembers where
it came from and the values the last sync wrote, field by field. A field whose value on the
page differs from what the sync wrote was changed by a person: later syncs leave it alone
until an editor releases it (`sources.sync`).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Kind as EventKind
from core.fields import ChoiceListField
from core.languages import Language
from core.regions import PLACE_CHOICES


class SourceKind(models.TextChoices):
    ICAL = "ical", _("iCal feed")
    LINKEDEVENTS = "linkedevents", _("Linked Events API")


class Policy(models.TextChoices):
    TRUSTED = "trusted", _("Trusted: published at once")
    MODERATED = "moderated", _("Moderated: each new or changed event waits for an editor")


class Source(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    url = models.CharField(
        _("address"),
        max_length=1000,
        help_text=_(
            "An http(s) or webcal address of an iCal feed, or a Linked Events event list "
            "with its filters, e.g. https://api.example.fi/linkedevents/v1/event/?publisher=…"
        ),
    )
    organiser = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The association named as the organiser of the imported events."),
    )
    themes = models.ManyToManyField(
        "catalogue.Theme",
        verbose_name=_("default themes"),
        blank=True,
        related_name="+",
        help_text=_("Given to events whose keywords match no theme."),
    )
    event_kind = models.CharField(
        _("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.TRAINING
    )
    municipality = models.CharField(
        _("municipality"),
        max_length=20,
        choices=PLACE_CHOICES,
        blank=True,
        help_text=_("Where the events are when the source does not say."),
    )
    languages = ChoiceListField(
        _("languages"),
        item_choices=Language.choices,
        default=list,
        blank=True,
        help_text=_("The language of an iCal feed's texts (the first one), and of its events."),
    )
    policy = models.CharField(
        _("policy"), max_length=10, choices=Policy.choices, default=Policy.MODERATED
    )
    interval = models.DurationField(
        _("sync interval"), default=datetime.timedelta(hours=1), help_text=_("e.g. 01:00:00")
    )
    active = models.BooleanField(_("sync on schedule"), default=True)

    # What the last download said, for a conditional GET and to skip an unchanged document.
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Linked Events: changes since this moment are asked for (`last_modified_since`).
    changes_since = models.DateTimeField(null=True, blank=True, editable=False)
    last_full_sync = models.DateTimeField(null=True, blank=True, editable=False)
    next_sync_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def language(self):
        return self.languages[0] if self.languages else Language.FINNISH

    @property
    def last_run(self):
        return self.runs.order_by("-started_at").first()


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    UNCHANGED = "unchanged", _("Unchanged")
    HELD = "held", _("Waiting for an editor")
    FAILED = "failed", _("Failed")


class SyncRun(models.Model):
    """One sync of a source and its report."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    cancelled = models.PositiveIntegerField(_("cancelled"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    # [{"origin_id": ..., "reason": ...}] for skipped events; the held cancellations.
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("sync run")
        verbose_name_plural = _("sync runs")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"

    def summary(self):
        return _(
            "created %(created)s, updated %(updated)s, cancelled %(cancelled)s, "
            "unchanged %(unchanged)s, skipped %(skipped)s"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "cancelled": self.cancelled,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
        }


class ImportedEvent(models.Model):
    """One event of a source and the training it became (the default-language page)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="events")
    origin_id = models.CharField(max_length=500)
    training = models.ForeignKey(
        "catalogue.TrainingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imports",
        help_text=_("Empty when an editor deleted the training: it is not brought back."),
    )
    # False: another source brought the same event first; this one is only noted.
    primary = models.BooleanField(default=True)
    url = models.URLField(max_length=1000, blank=True)  # the event at its origin
    # The record as last read, hashed: an unchanged event is not written again.
    fingerprint = models.CharField(max_length=64, blank=True)
    # Field → the value the last sync wrote ("title:sv" for a text of a language).
    written = models.JSONField(default=dict, blank=True)
    # Fields an editor released: the next sync writes them again.
    released = models.JSONField(default=list, blank=True)
    gone_at = models.DateTimeField(null=True, blank=True)
    modified = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("imported event")
        verbose_name_plural = _("imported events")
        constraints = [
            models.UniqueConstraint(fields=["source", "origin_id"], name="sources_event_once")
        ]

    def __str__(self):
        return f"{self.source}: {self.origin_id}"


class KeywordTheme(models.Model):
    """A keyword of the sources (a YSO concept such as yso:p1235, or an iCal category) and the
    theme it gives an imported training. Editors keep the table."""

    keyword = models.CharField(
        _("keyword"),
        max_length=200,
        unique=True,
        help_text=_("A YSO id such as yso:p1235, or a category word of an iCal feed."),
    )
    label = models.CharField(_("what it means"), max_length=200, blank=True)
    theme = models.ForeignKey(
        "catalogue.Theme", verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("keyword and theme")
        verbose_name_plural = _("keywords and themes")
        ordering = ["keyword"]

    def __str__(self):
        return f"{self.keyword} → {self.theme}"

    def save(self, *args, **kwargs):
        self.keyword = self.keyword.strip().casefold()
        super().save(*args, **kwargs)
