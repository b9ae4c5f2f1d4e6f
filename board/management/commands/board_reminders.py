"""Remind the admins of an association a week before its board listing ends. Safe to run
daily from cron: a reminder is queued once per expiry date (stored on the listing), and the
worker sends it."""

from django.core.management.base import BaseCommand

from board.services import send_expiry_reminders


class Command(BaseCommand):
    help = "Queue reminders to associations whose board listing ends in a week."

    def handle(self, *args, **options):
        count = send_expiry_reminders()
        self.stdout.write(f"{count} board listing reminder(s) queued.")
