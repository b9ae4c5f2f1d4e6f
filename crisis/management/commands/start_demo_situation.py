from django.core.management.base import BaseCommand
from django.db import transaction

from crisis.demo import start_demo_situation


class Command(BaseCommand):
    help = "Start (or restart) the demo exceptional situation, so crisis mode can be seen."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48, help="How long it lasts.")

    def handle(self, *args, hours, **options):
        with transaction.atomic():
            page = start_demo_situation(hours=hours)
        self.stdout.write(
            self.style.SUCCESS(f"Active until {page.ends_at:%Y-%m-%d %H:%M}: {page.url}")
        )
