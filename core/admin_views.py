"""Outgoing mail and background tasks, for editors in the Wagtail admin: the queue's health, the
progress of each kind of email (the bulk notices among them), and the emails that failed, with
the mail server's reason and a button to send them again."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.permission_policies import ModelPermissionPolicy

from .mail import progress_by_kind, queue_health, retry
from .models import MailStatus, OutboxMail

outbox_policy = ModelPermissionPolicy(OutboxMail)
PROGRESS_DAYS = 7
LISTED = 200


def outgoing_mail_view(request):
    if not outbox_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    since = timezone.now() - datetime.timedelta(days=PROGRESS_DAYS)
    return TemplateResponse(
        request,
        "core/admin/outgoing_mail.html",
        {
            "health": queue_health(),
            "progress": progress_by_kind(since),
            "progress_days": PROGRESS_DAYS,
            "failed": OutboxMail.objects.filter(status=MailStatus.FAILED).order_by("-created_at")[
                :LISTED
            ],
            "retrying": OutboxMail.objects.filter(
                status=MailStatus.PENDING, attempts__gt=0
            ).order_by("next_attempt_at")[:LISTED],
            "can_retry": outbox_policy.user_has_permission(request.user, "change"),
        },
    )


@require_POST
def retry_mail_view(request):
    if not outbox_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    mails = OutboxMail.objects.filter(status=MailStatus.FAILED)
    if "mail" in request.POST:  # one email; without it, every failed one
        mails = mails.filter(pk__in=[v for v in request.POST.getlist("mail") if v.isdigit()])
    count = retry(mails)
    messages.success(
        request,
        ngettext(
            "%(count)d email queued to be sent again.",
            "%(count)d emails queued to be sent again.",
            count,
        )
        % {"count": count},
    )
    return redirect("core_outgoing_mail")


def health_panel_context(user):
    """The dashboard panel's figures, or None for a user who may not see them."""
    if not outbox_policy.user_has_permission(user, "view"):
        return None
    return {"health": queue_health(), "title": _("Outgoing mail and background tasks")}
