"""Delete requesters' personal data once a booking is older than the retention period
(the site settings' retention period after its end). The booking itself stays, anonymous, for the
availability history and the impact figures. Safe to run daily from cron."""

from django.core.management.base import BaseCommand

from lending.retention import purge_personal_data


class Command(BaseCommand):
    help = "Remove personal data from old bookings."

    def handle(self, *args, **options):
        count = purge_personal_data()
        self.stdout.write(f"Personal data removed from {count} booking(s).")
