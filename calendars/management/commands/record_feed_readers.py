"""Cron (nightly): keep how many different programs read the feeds on each of the last days
(`calendars.readers`), for the yearly report. Safe to run again."""

from django.core.management.base import BaseCommand

from calendars.readers import record, record_task


class Command(BaseCommand):
    help = "Keep the number of different feed readers of the last days (for the yearly report)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Work now instead of queuing.")

    def handle(self, *args, now=False, **options):
        if now:
            self.stdout.write(f"Feed readers: {record()} days and kinds kept.")
        else:
            record_task.enqueue()
            self.stdout.write("Feed readers: queued.")
