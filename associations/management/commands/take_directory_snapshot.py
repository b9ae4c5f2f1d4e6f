"""Keep the directory's statistics of a year (`associations.statistics.take_snapshot`), so that
the statistics page can show the change since last year.

Run it from a timer on 1 January: `python manage.py take_directory_snapshot`; it queues the
work for the worker and records the year that just ended. `--year 2026 --now` takes one at
once (a year already kept is left as it is, so two runs keep one snapshot)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from associations.statistics import take_snapshot, take_snapshot_task, year_ended


class Command(BaseCommand):
    help = "Keep the association directory's statistics of a year (by default the last one)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            help="The year it is kept as (default: the year just ended); the figures are today's.",
        )
        parser.add_argument(
            "--now", action="store_true", help="Take it at once instead of queueing the work."
        )

    def handle(self, *args, year=None, now=False, **options):
        year = year or year_ended()
        # The figures are today's: a year still to come cannot have them.
        if not 1900 <= year <= timezone.localdate().year:
            raise CommandError(f"{year} is not a year that has begun.")
        if not now:
            take_snapshot_task.enqueue(year)
            self.stdout.write(f"Queued the directory snapshot of {year}.")
            return
        snapshot, created = take_snapshot(year)
        if created:
            self.stdout.write(f"Took the directory snapshot of {year}: {snapshot.total} listed.")
        else:
            self.stdout.write(f"The directory snapshot of {year} was already taken; kept it.")
