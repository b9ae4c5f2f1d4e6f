"""When a person deletes their account, their details go from their booking requests too (the
booking stays, anonymous, for the owner's calendar and the impact figures)."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .models import Booking, BookingEvent


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_requester(sender, instance, **kwargs):
    # History is append-only: the person's own entries (with their reasons) are removed.
    BookingEvent.objects.filter(actor=instance).delete()
    Booking.objects.filter(requested_by=instance).update(
        contact_name="",
        contact_email="",
        contact_phone="",
        message="",
        personal_data_purged=True,
    )
