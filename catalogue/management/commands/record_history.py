"""Keep the record of what happened: copy the occurrences that have ended into the lasting
record (`catalogue.history`), which unpublishing and the retention period leave alone.

Run it daily from a timer: `python manage.py record_history`. The worker does the work; with
`--now` the command does it itself. Safe to run again."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from catalogue.history import record_history_task, record_past_occurrences


class Command(BaseCommand):
    help = "Record the trainings' occurrences that have ended, for reports and statistics."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Record at once instead of queueing the work."
        )

    def handle(self, *args, now=False, **options):
        moment = timezone.now()
        if now:
            created, updated = record_past_occurrences(moment)
            self.stdout.write(f"Recorded {created} new and {updated} changed past occurrences.")
        else:
            record_history_task.enqueue(moment.isoformat())
            self.stdout.write("Queued the recording of past occurrences.")
