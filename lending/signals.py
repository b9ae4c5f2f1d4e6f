"""Keep the stored busy blocks of bookings in step with bookings and with publishing."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from calendars import store
from calendars.signals import invalidate_feeds_after_commit

from .feeds import BOOKING_EVENTS
from .models import BLOCKING_STATUSES, Booking, EquipmentPage, SpacePage


@receiver(post_save, sender=Booking)
def booking_saved(sender, instance, **kwargs):
    """A request, a decision or a cancellation changes the busy times at once."""
    store.write(BOOKING_EVENTS.name, [instance.pk])
    invalidate_feeds_after_commit()


def resource_published(sender, instance, **kwargs):
    """The busy blocks show the space's or item's address and the item's quantity."""
    bookings = Booking.objects.filter(
        resource__translation_key=instance.translation_key, status__in=BLOCKING_STATUSES
    )
    store.write(BOOKING_EVENTS.name, bookings.values_list("pk", flat=True))


for model in (SpacePage, EquipmentPage):
    page_published.connect(resource_published, sender=model, dispatch_uid=f"lending.{model}")
