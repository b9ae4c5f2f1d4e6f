"""Saved searches with email alerts: the signed links, the canonical form of a search, its
description in words, and what `send_funding_alerts` sends.

A subscription starts unconfirmed; the emailed confirmation link (signed, valid for a week)
confirms it. Every alert email carries a signed link to manage or delete the subscription
and a one-click `List-Unsubscribe` header (RFC 8058). The command queues one task per due
alert; the worker runs it and queues its email. A call is sent to a subscriber at most
once as new, and reminded once per deadline; `FundingAlertDelivery` remembers what was sent.
"""

import datetime

from django_tasks import task

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.models import Theme
from core.mail import queue
from core.page_urls import absolute_url
from core.regions import Municipality, SubRegion

from .feeds import amount_text
from .filters import deadline_labels, parse_filters
from .models import (
    ZONE,
    AlertFrequency,
    AlertKind,
    ApplicantType,
    Deadline,
    Funder,
    FunderType,
    FundingAlert,
    FundingAlertDelivery,
    FundingOpportunityPage,
    FundingStatus,
    Instrument,
    field_of_activity_names,
)

CONFIRM_SALT = "funding.alert.confirm"
MANAGE_SALT = "funding.alert.manage"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 7
REMINDER_AHEAD = datetime.timedelta(days=7)
# A little slack, so that a daily cron job that starts a few minutes early still sends.
PERIODS = {
    AlertFrequency.DAILY: datetime.timedelta(hours=23),
    AlertFrequency.WEEKLY: datetime.timedelta(days=6, hours=23),
}


class LinkError(Exception):
    """Why a link cannot be used: "expired" or "invalid" (tampered, or the alert is gone)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def absolute(path):
    return f"{settings.BASE_URL}{path}"


# --- links ----------------------------------------------------------------------------------


def confirm_token(alert):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{alert.pk}.{alert.secret}")


def manage_token(alert):
    return signing.Signer(salt=MANAGE_SALT).sign(f"{alert.pk}.{alert.secret}")


def _alert_of(value):
    try:
        pk, secret = value.split(".", 1)
        alert = FundingAlert.objects.select_related("index").get(pk=int(pk))
    except (ValueError, OverflowError, FundingAlert.DoesNotExist) as error:
        raise LinkError("invalid") from error
    if not constant_time_compare(alert.secret, secret):
        raise LinkError("invalid")
    return alert


def read_confirm_token(token):
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except signing.BadSignature as error:
        raise LinkError("invalid") from error
    return _alert_of(value)


def read_manage_token(token):
    try:
        value = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise LinkError("invalid") from error
    return _alert_of(value)


def in_language(alert, name, *args):
    with translation.override(alert.language):
        return absolute(reverse(name, args=args))


def confirm_url(alert):
    return in_language(alert, "funding_alert_confirm", confirm_token(alert))


def manage_url(alert):
    return in_language(alert, "funding_alert_manage", manage_token(alert))


def unsubscribe_url(alert):
    return in_language(alert, "funding_alert_unsubscribe", manage_token(alert))


def search_url(alert):
    url = absolute_url(alert.index)
    return f"{url}?{alert.query}" if alert.query else url


# --- the search -----------------------------------------------------------------------------


def theme_names(locale_id):
    return dict(Theme.objects.filter(locale_id=locale_id).values_list("slug", "name"))


def canonical_query(filters):
    """The filters as a query string in a fixed order, sorted values, without sort or page:
    two visitors who chose the same filters in a different order save the same search."""
    pairs = []
    if filters.q:
        pairs.append(("q", filters.q))
    for name, values in (
        ("status", filters.statuses),
        ("instrument", filters.instruments),
        ("funder_type", filters.funder_types),
        ("theme", filters.themes),
        ("field", filters.fields),
        ("applicant", filters.applicants),
        ("region", filters.regions),
        ("municipality", filters.municipalities),
    ):
        pairs += [(name, value) for value in sorted(values)]
    for name in ("amount_min", "amount_max"):
        value = getattr(filters, name)
        if value is not None:
            pairs.append((name, format(value.normalize(), "f")))
    if filters.joint:
        pairs.append(("joint", "1"))
    if filters.deadline:
        pairs.append(("deadline", filters.deadline))
    return urlencode(pairs)


def filters_of(alert, themes=None, fields=None):
    if themes is None:
        themes = theme_names(alert.index.locale_id)
    if fields is None:
        fields = field_of_activity_names(alert.index.locale_id)
    return parse_filters(QueryDict(alert.query), themes=themes, fields=fields)


def describe(filters, themes, fields):
    """The filters in words, one line each, in the active language (empty: every call)."""

    def labels(choices, values):
        return ", ".join(str(dict(choices).get(value, value)) for value in values)

    lines = []
    if filters.q:
        lines.append(_("Search words: %(words)s") % {"words": filters.q})
    for title, choices, values in (
        (_("Status"), FundingStatus.choices, filters.statuses),
        (_("Type of funding"), Instrument.choices, filters.instruments),
        (_("Type of funder"), FunderType.choices, filters.funder_types),
        (_("Theme"), themes.items(), filters.themes),
        (_("Field of activity"), fields.items(), filters.fields),
        (_("Applicant"), ApplicantType.choices, filters.applicants),
        (_("Sub-region"), SubRegion.choices, filters.regions),
        (_("Municipality"), Municipality.choices, filters.municipalities),
    ):
        if values:
            lines.append(
                _("%(filter)s: %(values)s") % {"filter": title, "values": labels(choices, values)}
            )
    if filters.amount_min is not None:
        lines.append(_("Amount at least %(amount)s €") % {"amount": filters.amount_min})
    if filters.amount_max is not None:
        lines.append(_("Amount at most %(amount)s €") % {"amount": filters.amount_max})
    if filters.joint:
        lines.append(_("Suits a joint application"))
    if filters.deadline:
        lines.append(deadline_labels()[filters.deadline])
    return lines


# --- emails ---------------------------------------------------------------------------------


def _send(alert, subject, template, context, list_headers=False, revision=None):
    with translation.override(alert.language):
        body = render_to_string(template, context)
        headers = {}
        if list_headers:
            headers = {
                "List-Unsubscribe": f"<{unsubscribe_url(alert)}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
        queue(
            EmailMessage(f"Meidän Häme: {subject}", body, None, [alert.email], headers=headers),
            kind="funding-alert" if list_headers else "funding-alert-confirm",
            about=f"alert:{alert.pk}",
            revision=revision,
        )


def send_confirmation(alert):
    with translation.override(alert.language):
        themes = theme_names(alert.index.locale_id)
        fields = field_of_activity_names(alert.index.locale_id)
        _send(
            alert,
            _("Confirm your funding alert"),
            "funding/email/confirm.txt",
            {
                "alert": alert,
                "search": describe(filters_of(alert, themes, fields), themes, fields),
                "confirm_url": confirm_url(alert),
                "index_title": alert.index.title,
                "valid_days": CONFIRM_MAX_AGE // 86400,
            },
        )


def _local(moment):
    return timezone.localtime(moment, ZONE) if moment else None


def _item(page, funder_names):
    return {
        "title": page.title,
        "funder": funder_names.get(page.funder.translation_key, page.funder.name),
        "status": FundingStatus(page.funding_status).label,
        "closes_at": _local(page.next_closes_at),
        "all_day": bool(page.next_all_day),
        "continuous": page.funding_status == FundingStatus.CONTINUOUS,
        "amount": amount_text(page),
        "url": absolute_url(page),
    }


# --- sending --------------------------------------------------------------------------------


def is_due(alert, now):
    return alert.last_checked_at is None or alert.last_checked_at <= now - PERIODS.get(
        alert.frequency, PERIODS[AlertFrequency.WEEKLY]
    )


def matches(alert, now, themes=None):
    """(new, closing): the live calls of the alert's search published or opened since it was
    last checked, and those whose deadline is within `REMINDER_AHEAD`, with (page, deadline
    key) for the reminders. Two queries."""
    since = alert.last_checked_at or alert.confirmed_at or now
    soon = now + REMINDER_AHEAD
    candidates = list(
        filters_of(alert, themes)
        .apply(FundingOpportunityPage.objects.listed_in(alert.index, now))
        .filter(
            Q(first_published_at__gt=since)
            | Q(next_opens_at__gt=since, next_opens_at__lte=now)
            | Q(next_closes_at__gt=now, next_closes_at__lte=soon)
        )
    )
    new = [
        page
        for page in candidates
        if (page.first_published_at and page.first_published_at > since)
        or (page.next_opens_at and since < page.next_opens_at <= now)
    ]
    closing_pages = {
        page.pk: page
        for page in candidates
        if page.next_closes_at
        and now < page.next_closes_at <= soon
        and page.funding_status != FundingStatus.CONTINUOUS
    }
    keys = dict(
        Deadline.objects.filter(
            opportunity_id__in=list(closing_pages), closes_at__gt=now, closes_at__lte=soon
        )
        .order_by("-closes_at")
        .values_list("opportunity_id", "key")
    )  # the nearest deadline of each call wins: it comes last
    closing = [(page, keys[pk]) for pk, page in closing_pages.items() if pk in keys]
    return new, closing


def process(alert, now, funder_names=None, themes=None):
    """Send what is due for one confirmed alert and remember it; the number of calls sent.
    Locks the alert row, so two runs at once cannot send the same call twice."""
    with transaction.atomic():
        alert = (
            FundingAlert.objects.select_for_update()
            .select_related("index")
            .filter(pk=alert.pk, confirmed_at__isnull=False)
            .first()
        )
        if alert is None or not is_due(alert, now):
            return 0
        new, closing = matches(alert, now, themes)
        sent = set(
            FundingAlertDelivery.objects.filter(alert=alert).values_list(
                "opportunity_id", "kind", "key"
            )
        )
        new = [page for page in new if (page.pk, AlertKind.NEW, "") not in sent]
        new_ids = {page.pk for page in new}
        closing = [
            (page, key) for page, key in closing if (page.pk, AlertKind.CLOSING, key) not in sent
        ]
        reminders = [page for page, _key in closing if page.pk not in new_ids]
        alert.last_checked_at = now
        if new or closing:
            FundingAlertDelivery.objects.bulk_create(
                [
                    FundingAlertDelivery(
                        alert=alert, opportunity=page, kind=AlertKind.NEW, sent_at=now
                    )
                    for page in new
                ]
                + [
                    FundingAlertDelivery(
                        alert=alert, opportunity=page, kind=AlertKind.CLOSING, key=key, sent_at=now
                    )
                    for page, key in closing
                ]
            )
        if new or reminders:
            if funder_names is None:
                funder_names = {
                    key: funder.name
                    for key, funder in Funder.objects.by_translation_key(
                        alert.index.locale_id
                    ).items()
                }
            send_alert(alert, new, reminders, funder_names, themes, revision=now.isoformat())
            alert.last_sent_at = now
        alert.save(update_fields=["last_checked_at", "last_sent_at"])
    return len(new) + len(reminders)


def send_alert(alert, new, reminders, funder_names, themes=None, revision=None):
    with translation.override(alert.language):
        if themes is None:
            themes = theme_names(alert.index.locale_id)
        fields = field_of_activity_names(alert.index.locale_id)
        if new:
            subject = ngettext(
                "%(count)d new funding call for your search",
                "%(count)d new funding calls for your search",
                len(new),
            ) % {"count": len(new)}
        else:
            subject = ngettext(
                "%(count)d funding call closes within a week",
                "%(count)d funding calls close within a week",
                len(reminders),
            ) % {"count": len(reminders)}
        _send(
            alert,
            subject,
            "funding/email/alert.txt",
            {
                "new": [_item(page, funder_names) for page in new],
                "reminders": [_item(page, funder_names) for page in reminders],
                "search": describe(filters_of(alert, themes, fields), themes, fields),
                "search_url": search_url(alert),
                "manage_url": manage_url(alert),
                "unsubscribe_url": unsubscribe_url(alert),
                "frequency": alert.get_frequency_display(),
                "index_title": alert.index.title,
            },
            list_headers=True,
            revision=revision,
        )


def delete_unconfirmed(now):
    """Addresses never confirmed are not kept: their link has expired."""
    cutoff = now - datetime.timedelta(seconds=CONFIRM_MAX_AGE)
    _total, by_model = FundingAlert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return by_model.get(FundingAlert._meta.label, 0)


@task()
def process_alert(pk, now):
    """One saved search's share of `send_funding_alerts`, run by the worker (`process`)."""
    return process(FundingAlert(pk=pk), datetime.datetime.fromisoformat(now))


def queue_due_alerts(now=None):
    """Queue one task for each confirmed alert that is due; returns how many. The moment is
    the command's, so a task that waits in the queue sends what was due then."""
    now = now or timezone.now()
    confirmed = FundingAlert.objects.filter(confirmed_at__isnull=False).only(
        "pk", "frequency", "last_checked_at"
    )
    due = [alert.pk for alert in confirmed.order_by("pk") if is_due(alert, now)]
    for pk in due:
        process_alert.enqueue(pk, now.isoformat())
    return len(due)
