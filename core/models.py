"""The outbox: every email the site sends, one row per recipient, written when the action that
causes it commits and sent by a task (core/mail.py)."""

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
