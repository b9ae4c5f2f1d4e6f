"""A person's booking requests, for the data download and account deletion (the registry is
`accounts.personal_data`). Their open requests and not yet started bookings are cancelled, so the
time is free for others at once; the rest stay, anonymous, for the owner's calendar and the
impact figures."""

from contextlib import suppress

from django.db.models import Q
from django.utils import timezone

from accounts import personal_data

from . import services
from .models import Booking, BookingEvent, BookingStatus


@personal_data.register
class Bookings(personal_data.Provider):
    key = "lending_bookings"

    def export(self, user):
        return [
            {
                "resource": booking.resource.title,
                "on_behalf_of": booking.association.title if booking.association else None,
                "starts_at": booking.starts_at,
                "ends_at": booking.ends_at,
                "quantity": booking.quantity,
                "status": booking.status,
                "contact_name": booking.contact_name,
                "contact_email": booking.contact_email,
                "contact_phone": booking.contact_phone,
                "message": booking.message,
                "decision_reason": booking.decision_reason,
                "created_at": booking.created_at,
            }
            for booking in Booking.objects.filter(requested_by=user).select_related(
                "resource", "association"
            )
        ]

    def erase(self, user):
        still_ahead = Q(status=BookingStatus.REQUESTED) | Q(
            status=BookingStatus.APPROVED, starts_at__gt=timezone.now()
        )
        for booking in Booking.objects.filter(still_ahead, requested_by=user):
            with suppress(services.InvalidTransition):  # decided or expired meanwhile
                services.cancel_for_deleted_account(booking, user)
        # History is append-only: the person's own entries (with their messages) are removed.
        BookingEvent.objects.filter(actor=user).delete()
        Booking.objects.filter(requested_by=user).update(
            requested_by=None,
            contact_name="",
            contact_email="",
            contact_phone="",
            message="",
            personal_data_purged=True,
        )
