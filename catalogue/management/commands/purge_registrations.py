"""Remove registrants' personal data after the retention period in the site settings.

Run it daily from cron: `python manage.py purge_registrations`.
"""

from django.core.management.base import BaseCommand

from wagtail.models import Site

from catalogue.services import purge_registrations
from home.models import SiteSettings


class Command(BaseCommand):
    help = "Anonymise registrations whose training ended more than the retention period ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override the retention period (days).")

    def handle(self, *args, days=None, **options):
        if days is None:
            site = Site.objects.filter(is_default_site=True).first()
            days = SiteSettings.for_site(site).retention_days if site else 90
        count = purge_registrations(days)
        self.stdout.write(f"Anonymised {count} registrations (retention {days} days).")
