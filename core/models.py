"""The outbox: every email the site sends, one row per recipient, written when the action that
causes it commits and sent by a task (core/mail.py); and the saved searches that email alerts
(core/alerts.py)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboxMail(models.Model):
    """One email to one address. `key` (kind, recipient, object, revision) is unique, so the
    same notice is written once however often the code that writes it runs; the row's status
    is the truth about sending it, so a delivery task that runs twice sends it once."""

    key = models.CharField(max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=60)
    recipient = models.CharField(_("recipient"), max_length=254)
    from_email = models.CharField(max_length=254, blank=True)
    subject = models.TextField(_("subject"))
    body = models.TextField()
    html_body = models.TextField(blank=True)  # the HTML alternative, when the email has one
    headers = models.JSONField(default=dict, blank=True)
    # [filename, text, MIME type] each: the calendar files that registration emails carry.
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The delivery task queued last, to tell a lost one (its worker was killed) from a waiting one.
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} → {self.recipient}"


# ---------------------------------------------------------------------------------------------
# Saved searches with email alerts, of any listing that registers itself (core/alerts.py)


def new_alert_secret():
    return secrets.token_urlsafe(24)


class AlertFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly, on Mondays")
    DAILY = "daily", _("Daily")


class SavedSearch(models.Model):
    """A visitor's saved search of a listing page (the training catalogue, a funding index…):
    `send_alerts` emails what newly matches it. Created unconfirmed from the listing; the
    emailed link confirms it; deleting it (unsubscribing) removes the address. Each address
    gets one email per run, however many of its searches have news."""

    listing = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The filters in the listing's canonical form, without sort or page.
    query = models.CharField(_("search"), max_length=2000, blank=True)
    frequency = models.CharField(
        _("how often"),
        max_length=8,
        choices=AlertFrequency.choices,
        default=AlertFrequency.WEEKLY,
    )
    # Part of every link: a new secret (or deleting the search) makes old links useless.
    secret = models.CharField(max_length=64, default=new_alert_secret, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "email", "query"], name="saved_search_one_per_search"
            )
        ]
        indexes = [models.Index(fields=["email"], name="saved_search_email")]

    def __str__(self):
        return f"{self.email} ({self.listing_id})"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class AlertKind(models.TextChoices):
    NEW = "new", _("New")
    CLOSING = "closing", _("Closing reminder")
    CANCELLED = "cancelled", _("Cancelled")


class AlertDelivery(models.Model):
    """What a saved search has sent: an item at most once per kind and key (a funding call once
    as new and once per deadline round as closing; a training once as new, once as cancelled).
    `item` is the listing's own key of the item (a page id)."""

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="deliveries")
    item = models.CharField(max_length=64)
    kind = models.CharField(max_length=10, choices=AlertKind.choices)
    key = models.CharField(max_length=40, blank=True)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["search", "item", "kind", "key"], name="alert_delivery_once"
            )
        ]

    def __str__(self):
        return f"{self.search_id} {self.kind} {self.item} {self.key}"


class SearchEntry(models.Model):
    """One live page in the site search, in its own language: what a result shows (title,
    summary, the "what it is" label) and what the facets and the ranking read. Written by
    `core.search_index` when the page is published and by `rebuild_search_index`."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=30)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    label = models.CharField(max_length=200, blank=True)
    url = models.CharField(max_length=500)
    municipality = models.CharField(max_length=20, blank=True)
    # The next date (a training's next start, a call's closing) and the last: upcoming while
    # `ends` is ahead; past ones rank below.
    starts = models.DateTimeField(null=True)
    ends = models.DateTimeField(null=True)
    # Not found from this moment on (a board listing's last day).
    expires = models.DateTimeField(null=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["language", "kind"], name="search_entry_language_kind")]

    def __str__(self):
        return f"{self.language} {self.kind} {self.title}"


class SearchTerm(models.Model):
    """A term (a lemma or a compound's part) of a search entry, at the weight of the field it
    came from (title highest). The index on (language, term) serves exact terms and, with the
    pattern operator class on PostgreSQL, prefixes (`LIKE 'talous%'`)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(max_length=8)
    term = models.CharField(max_length=60)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["language", "term"],
                name="search_term_prefix",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["entry", "term"], name="search_term_once_per_entry")
        ]

    def __str__(self):
        return self.term
