"""Delete registrations whose email address was not confirmed in time (they held no place).

Run it hourly from cron: `python manage.py release_unconfirmed_registrations`.
"""

from django.core.management.base import BaseCommand

from catalogue.services import CONFIRMATION_TIMEOUT, release_unconfirmed


class Command(BaseCommand):
    help = "Delete registrations not confirmed by email within the confirmation link's lifetime."

    def handle(self, *args, **options):
        count = release_unconfirmed()
        hours = int(CONFIRMATION_TIMEOUT.total_seconds() // 3600)
        self.stdout.write(f"Deleted {count} registrations not confirmed within {hours} hours.")
