"""Retention of requesters' personal data (DESIGN: deleted after a period set in site
settings). Names, emails, phones, messages and history reasons go; times and the
associations stay, because the impact figures count them."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.retention import retention_days

from .models import Booking, BookingEvent


def purge_personal_data(now=None, days=None):
    now = now or timezone.now()
    days = retention_days() if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    old = Booking.objects.filter(ends_at__lt=cutoff, personal_data_purged=False)
    with transaction.atomic():
        ids = list(old.values_list("pk", flat=True))
        # History is append-only: the entries of a purged booking are removed, not edited.
        BookingEvent.objects.filter(booking_id__in=ids).delete()
        count = Booking.objects.filter(pk__in=ids).update(
            requested_by=None,
            contact_name="",
            contact_email="",
            contact_phone="",
            message="",
            decision_reason="",
            personal_data_purged=True,
        )
    return count
