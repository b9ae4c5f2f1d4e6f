"""A person's booking requests in their own data export (associations.personal_data)."""

from associations import personal_data

from .models import Booking


@personal_data.register
def bookings(user):
    return "lending_bookings", [
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
