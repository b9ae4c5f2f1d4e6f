"""The rules of crisis mode in one place: which situations are active (cached), who may report
for an association, and saving a report together with its history."""

import re

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from associations.models import AssociationPage
from associations.permissions import associations_of, is_editor, is_member

from .models import REPORT_FIELDS, SituationPage, StatusReport, StatusReportVersion

PARTNERS_GROUP = "Partners"
NOTICE_CACHE_KEY = "crisis:notices:v1"
NOTICE_CACHE_SECONDS = 60
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value):
    """Plain text only: markup removed, control characters dropped, blank lines squeezed."""
    text = _CONTROL.sub("", strip_tags(value or ""))
    text = re.sub(r"\n{3,}", "\n\n", text.replace("\r\n", "\n"))
    return text.strip()


# ---------------------------------------------------------------------------------------------
# The notice on every page


def _not_ended_rows(now):
    """Every live situation that has not ended, in all languages: one indexed query."""
    rows = []
    pages = SituationPage.objects.not_ended(now).select_related("locale").order_by("starts_at")
    for page in pages.only(
        "pk", "title", "summary", "severity", "starts_at", "ends_at", "url_path", "locale"
    ):
        rows.append(
            {
                "pk": page.pk,
                "language": page.locale.language_code,
                "title": page.title,
                "summary": page.summary,
                "severity": page.severity,
                "starts_at": page.starts_at,
                "ends_at": page.ends_at,
                "url": page.get_url(),
            }
        )
    return rows


def active_notices(language, now=None):
    """The notices to show in `language` now. The list of situations that have not ended is
    cached a minute (and dropped on publish); start and end are compared on each request, so a
    notice appears and disappears on time whatever the cache holds."""
    now = now or timezone.now()
    rows = cache.get(NOTICE_CACHE_KEY)
    if rows is None:
        rows = _not_ended_rows(now)
        cache.set(NOTICE_CACHE_KEY, rows, NOTICE_CACHE_SECONDS)
    return [
        row
        for row in rows
        if row["language"] == language
        and row["starts_at"] <= now
        and (row["ends_at"] is None or row["ends_at"] > now)
    ]


def forget_notices():
    cache.delete(NOTICE_CACHE_KEY)


def active_situation(now=None):
    """The most recent active situation (the Finnish source page), or None."""
    return (
        SituationPage.objects.active(now)
        .filter(locale__language_code="fi")
        .order_by("-starts_at")
        .first()
    )


# ---------------------------------------------------------------------------------------------
# Who may do what


def can_report(user, association):
    """Members of the association (admins included) report for it; editors may help."""
    return is_editor(user) or is_member(user, association)


def reportable_associations(user):
    """The associations `user` can report for from their own page (their memberships)."""
    return associations_of(user)


def is_partner(user):
    if not getattr(user, "is_authenticated", False):
        return False
    return is_editor(user) or user.groups.filter(name=PARTNERS_GROUP).exists()


def can_declare(user):
    return is_editor(user)


# ---------------------------------------------------------------------------------------------
# Reports


def report_for(situation, association):
    return StatusReport.objects.filter(situation=situation, association=association).first()


@transaction.atomic
def save_report(situation, association, values, user, now=None):
    """Create or update the association's report for `situation` and keep the new state in the
    history. `values` are the cleaned form values (text already plain)."""
    if not isinstance(association, AssociationPage):
        raise TypeError("association must be an AssociationPage")
    report = (
        StatusReport.objects.select_for_update()
        .filter(situation=situation, association=association)
        .first()
    ) or StatusReport(situation=situation, association=association)
    for name in REPORT_FIELDS:
        if name in values:
            value = values[name]
            if name in ("continues", "offers_detail", "needs_detail", "contact_name"):
                value = clean_text(value)
            setattr(report, name, value)
    report.updated_by = user if getattr(user, "is_authenticated", False) else None
    report.save()
    StatusReportVersion.objects.create(
        report=report,
        created_at=now or timezone.now(),
        author=report.updated_by,
        status=report.status,
        data=report.snapshot(),
    )
    return report


def partners_group():
    return Group.objects.get_or_create(name=PARTNERS_GROUP)[0]
