"""Rewrite the site search's index from the live pages. Run nightly: a training's next date,
a call's closing date and expired board listings move with time. Queues the work for the
worker; `--now` does it at once (a first install, by hand)."""

import time

from django.core.management.base import BaseCommand

from core import search_index


class Command(BaseCommand):
    help = "Rewrite the site search index from every live page (queued; --now at once)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Rebuild now, not in the worker.")

    def handle(self, *args, now, **options):
        if not now:
            search_index.rebuild_task.enqueue()
            self.stdout.write("Search index rebuild queued.")
            return
        started = time.monotonic()
        indexed = search_index.rebuild()
        self.stdout.write(
            f"Search index: {indexed} pages indexed in {time.monotonic() - started:.1f} s."
        )
