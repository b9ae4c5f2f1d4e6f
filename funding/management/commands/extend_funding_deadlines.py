"""Nightly: keep the deadlines of calls that recur every year written two years ahead, and
the stored next deadline of calls whose deadline has just passed up to date."""

from django.core.management.base import BaseCommand

from calendars.http import invalidate_feeds
from funding.deadlines import extend_recurring, refresh_listings


class Command(BaseCommand):
    help = "Rewrite the deadline rows of recurring funding calls over the current window."

    def handle(self, *args, **options):
        count = extend_recurring()
        refreshed = refresh_listings()
        invalidate_feeds()
        self.stdout.write(
            f"Recurring funding calls rewritten: {count}. Listings refreshed: {refreshed}."
        )
