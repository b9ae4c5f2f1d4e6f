"""Remove the personal data of survey answers after the retention period in the site settings.

Run it daily from cron: `python manage.py purge_survey_answers`.
"""

from django.core.management.base import BaseCommand

from core.retention import retention_days
from surveys.services import remove_personal_data


class Command(BaseCommand):
    help = (
        "Remove the person, association and free-text answers of survey answers whose survey "
        "closed more than the retention period ago."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override the retention period (days).")

    def handle(self, *args, days=None, **options):
        if days is None:
            days = retention_days()
        count = remove_personal_data(days=days)
        self.stdout.write(f"Emptied {count} survey answers (retention {days} days).")
