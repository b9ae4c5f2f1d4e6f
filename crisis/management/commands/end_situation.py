from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from crisis.demo import set_dates
from crisis.models import SituationPage


class Command(BaseCommand):
    help = "End an exceptional situation now (all active ones without --slug)."

    def add_arguments(self, parser):
        parser.add_argument("--slug", help="The situation's address name (slug).")

    def handle(self, *args, slug=None, **options):
        pages = SituationPage.objects.active().filter(locale__language_code="fi")
        if slug:
            pages = pages.filter(slug=slug)
        pages = list(pages)
        if slug and not pages:
            raise CommandError(f"No active situation with the slug {slug!r}.")
        now = timezone.now()
        with transaction.atomic():
            for page in pages:
                set_dates(page, ends_at=now)
                self.stdout.write(f"Ended: {page.title}")
        if not pages:
            self.stdout.write("No active situation.")
