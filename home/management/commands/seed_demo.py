"""Load the realistic Kanta-Häme demo content in Finnish, Swedish and English.

Idempotent: what exists is left alone, so running it twice changes nothing. `--scale N`
multiplies the trainings, funding calls and listings for benchmarks.
"""

import importlib
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from calendars import store
from calendars.http import invalidate_feeds
from core import search_index
from core.demo_support import search_index_deferred

# Each app that has demo content provides `<app>.demo.seed(out, scale)`, run in this order.
DEMO_MODULES = [
    "home.demo",
    "associations.demo",
    "lending.demo",
    "board.demo",
    "practices.demo",
    "catalogue.demo",
    "sources.demo",
    "funding.demo",
    "surveys.demo",
    "crisis.demo",
    "reports.demo",
]


class Command(BaseCommand):
    help = "Create the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply trainings, funding calls and listings (for benchmarks).",
        )

    def handle(self, *args, scale, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        started = time.monotonic()
        with search_index_deferred():
            self.seed_all(scale)
        # The site search's index, whole: translations copied without publishing included.
        indexed = search_index.rebuild()
        self.stdout.write(f"Search index written for {indexed} pages.")
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f} s.")
        )

    def seed_all(self, scale):
        for module_name in DEMO_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name == module_name:
                    continue
                raise
            with transaction.atomic():
                module.seed(self.stdout, scale=scale)
        # Copies made without publishing, and pages whose dates were set after publishing,
        # get their calendar events here.
        changed = sum(result.changed for result in store.rewrite())
        invalidate_feeds()
        self.stdout.write(f"Calendar events written for {changed} pages and bookings.")
