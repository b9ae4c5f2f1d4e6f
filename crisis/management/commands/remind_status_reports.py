"""Email the admins of associations that have not reported for the active situation."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from associations.models import AssociationPage, Membership, MembershipStatus, Role
from core import mail
from crisis.models import SituationPage, StatusReport
from crisis.services import active_situation


def unreported(situation):
    """Live (Finnish source) associations in the affected area without a report."""
    associations = AssociationPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE
    )
    if situation.municipalities:
        associations = associations.in_municipalities(*situation.municipalities)
    reported = StatusReport.objects.filter(situation=situation).values("association_id")
    return associations.exclude(pk__in=reported).order_by("title")


def remind(situation, dry_run=False):
    """Queue the reminders; returns the number of emails (one per admin and association)."""
    sent = 0
    admins = Membership.objects.filter(
        association__in=unreported(situation), role=Role.ADMIN, status=MembershipStatus.ACTIVE
    ).select_related("user", "association")
    for membership in admins:
        user, association = membership.user, membership.association
        if not user.email or not user.is_active:
            continue
        sent += 1
        if dry_run:
            continue
        language = mail.language_of(user)
        with translation.override(language):
            link = mail.absolute(reverse("crisis:report", args=[situation.pk, association.pk]))
            title = (
                SituationPage.objects.filter(
                    translation_key=situation.translation_key, locale__language_code=language
                )
                .values_list("title", flat=True)
                .first()
                or situation.title
            )
        mail.send(
            [user.email],
            language,
            lambda a=association: (
                _("How is %(name)s doing? Report your situation") % {"name": a.title}
            ),
            lambda a=association, t=title: [
                _(
                    "An exceptional situation is active: %(situation)s. Residents and partners "
                    "want to know whether the activity of %(name)s continues and what help you "
                    "can offer or need."
                )
                % {"situation": t, "name": a.title},
                _("Filling in the report takes a few minutes, and you can update it later."),
            ],
            link,
            _("Report your situation"),
            # Once a day per admin and association, however often the timer runs.
            kind="status-report-reminder",
            about=f"association:{association.pk}",
            revision=f"{situation.pk}:{timezone.localdate().isoformat()}",
        )
    return sent


class Command(BaseCommand):
    help = "Remind association admins who have not reported for the active situation."

    def add_arguments(self, parser):
        parser.add_argument("--situation", type=int, help="Page id (default: the active one).")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, situation=None, dry_run=False, **options):
        page = (
            SituationPage.objects.live().filter(pk=situation).first()
            if situation
            else active_situation()
        )
        if page is None:
            raise CommandError("No active situation.")
        page = page.source_page
        if not page.is_active():
            raise CommandError("The situation is not active.")
        count = remind(page, dry_run=dry_run)
        self.stdout.write(f"{'Would queue' if dry_run else 'Queued'} {count} reminders.")
