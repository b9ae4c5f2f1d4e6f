"""Cron (daily): queue one task per saved funding search that is due (the worker emails what
newly matches it and deadline reminders), and delete addresses never confirmed. Safe to run
again: nothing is sent twice."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from funding.alerts import delete_unconfirmed, queue_due_alerts


class Command(BaseCommand):
    help = (
        "Email new funding calls and 7-day deadline reminders to confirmed alerts that are "
        "due (daily or weekly), and delete unconfirmed alerts whose link has expired."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        queued = queue_due_alerts(now)
        deleted = delete_unconfirmed(now)
        self.stdout.write(
            f"Funding alerts: {queued} due searches queued; {deleted} unconfirmed alerts deleted."
        )
