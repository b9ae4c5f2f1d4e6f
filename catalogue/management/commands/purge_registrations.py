"""Remove registrants' personal data after the retention period in the site settings.

Run it daily from cron: `python manage.py purge_registrations`.
"""

from django.core.management.base import BaseCommand

from catalogue.services import purge_registrations
from core.retention import retention_days


class Command(BaseCommand):
    help = "Anonymise registrations whose training ended more than the retention period ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override the retention period (days).")

    def handle(self, *args, days=None, **options):
        if days is None:
            days = retention_days()
        count = purge_registrations(days)
        self.stdout.write(f"Anonymised {count} registrations (retention {days} days).")
