"""Expire booking requests nobody answered in time and tell the requesters. Safe to run from
cron as often as you like: each request is expired (and emailed) once, under a row lock."""

from django.core.management.base import BaseCommand

from lending.services import expire_unanswered


class Command(BaseCommand):
    help = "Expire unanswered booking requests."

    def handle(self, *args, **options):
        expired = expire_unanswered()
        self.stdout.write(f"{len(expired)} request(s) expired.")
