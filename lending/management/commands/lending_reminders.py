"""Remind borrowers the day before a booking starts and the day before equipment is due back.
Safe to run from cron hourly: a reminder is queued once (its time is stored on the booking), and
the worker sends it."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from lending import emails
from lending.models import Booking, BookingStatus

AHEAD = datetime.timedelta(hours=24)


class Command(BaseCommand):
    help = "Send pickup and return reminders for approved bookings."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = 0
        approved = Booking.objects.filter(status=BookingStatus.APPROVED)
        for field, due, returning in (
            ("reminded_at", "starts_at", False),
            ("return_reminded_at", "ends_at", True),
        ):
            candidates = approved.filter(
                **{f"{field}__isnull": True, f"{due}__gt": now, f"{due}__lte": now + AHEAD}
            )
            if returning:
                candidates = candidates.filter(kind="equipment")
            for pk in candidates.values_list("pk", flat=True):
                with transaction.atomic():
                    booking = (
                        Booking.objects.select_for_update()
                        .filter(pk=pk, **{f"{field}__isnull": True})
                        .first()
                    )
                    if booking is None:
                        continue
                    Booking.objects.filter(pk=pk).update(**{field: now})
                    # Queued with the mark that it was sent: both or neither.
                    emails.reminder(booking, returning=returning)
                sent += 1
        self.stdout.write(f"{sent} reminder(s) queued.")
