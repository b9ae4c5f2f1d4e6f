"""Cron (daily): queue one task per address whose saved searches are due (the worker emails
it one email with what newly matches each of them), and delete addresses never confirmed.
Safe to run again: nothing is sent twice."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.alerts import delete_unconfirmed, queue_due


class Command(BaseCommand):
    help = (
        "Email what is new for the confirmed saved searches that are due (daily, or weekly on "
        "Mondays), one email per address, and delete unconfirmed ones whose link has expired."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        tasks, searches = queue_due(now)
        deleted = delete_unconfirmed(now)
        self.stdout.write(
            f"Saved searches: {searches} due searches queued for {tasks} addresses; "
            f"{deleted} unconfirmed searches deleted."
        )
