"""Cron (daily): email saved funding searches what newly matches them and deadline reminders,
and delete addresses never confirmed. Safe to run again: nothing is sent twice."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from funding.alerts import delete_unconfirmed, send_due_alerts


class Command(BaseCommand):
    help = (
        "Email new funding calls and 7-day deadline reminders to confirmed alerts that are "
        "due (daily or weekly), and delete unconfirmed alerts whose link has expired."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        emailed, calls = send_due_alerts(now)
        deleted = delete_unconfirmed(now)
        self.stdout.write(
            f"Funding alerts: {emailed} emails with {calls} calls sent; "
            f"{deleted} unconfirmed alerts deleted."
        )
