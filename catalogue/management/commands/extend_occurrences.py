"""Add the occurrences of repeating schedules that have entered the 18-month window.

Run it daily from cron: `python manage.py extend_occurrences`.
"""

from django.core.management.base import BaseCommand

from catalogue.occurrences import extend_occurrences


class Command(BaseCommand):
    help = "Extend the occurrence table of repeating trainings to 18 months ahead."

    def handle(self, *args, **options):
        added = extend_occurrences()
        self.stdout.write(f"Added {added} occurrences.")
