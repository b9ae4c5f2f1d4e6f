"""Rewrite every stored calendar event from its source's current data.

Run it after an upgrade that changes how events are written (the writer, a translation, the
site's BASE_URL): `python manage.py rewrite_calendar_events`. It reports, per source, how many
objects have events and how many of them changed, and removes the events of objects that no
longer should have any. Safe to run at any time; what did not change is not rewritten.
"""

from django.core.management.base import BaseCommand, CommandError

from calendars import store
from calendars.http import invalidate_feeds


class Command(BaseCommand):
    help = "Rewrite the stored calendar events of every source and report how many changed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            action="append",
            help="Only this source (repeatable), e.g. catalogue.training.",
        )

    def handle(self, *args, source=None, **options):
        names = [item.name for item in store.sources()]
        unknown = sorted(set(source or ()) - set(names))
        if unknown:
            raise CommandError(
                f"Unknown source {', '.join(unknown)}; the sources are {', '.join(names)}."
            )
        results = store.rewrite(source)
        for result in results:
            self.stdout.write(
                f"{result.source}: {result.with_events} with events, {result.changed} "
                f"rewritten, {result.removed} removed."
            )
        changed = sum(result.changed + result.removed for result in results)
        if changed:
            invalidate_feeds()
        self.stdout.write(f"{changed} changed in all.")
