"""Keep the deadline table and the calendar SEQUENCE in step with publishing."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from calendars import store
from calendars.http import invalidate_feeds

from .deadlines import bump_sequence, clear_deadlines, write_deadlines
from .feeds import OPPORTUNITY_EVENTS
from .models import Funder, FundingOpportunityPage


@receiver(page_published, sender=FundingOpportunityPage)
def opportunity_published(sender, instance, **kwargs):
    bump_sequence(instance)
    write_deadlines(instance)


@receiver(page_unpublished, sender=FundingOpportunityPage)
def opportunity_unpublished(sender, instance, **kwargs):
    clear_deadlines(instance)


@receiver(post_save, sender=Funder)
def funder_saved(sender, instance, **kwargs):
    """Funder names appear in the calendar events of its calls in its language (ORGANIZER,
    DESCRIPTION), in the feeds and in the CSV."""
    calls = FundingOpportunityPage.objects.live().filter(
        funder__translation_key=instance.translation_key, locale_id=instance.locale_id
    )
    store.write(OPPORTUNITY_EVENTS.name, calls.values_list("pk", flat=True))
    invalidate_feeds()


@receiver(post_delete, sender=Funder)
def funder_deleted(sender, **kwargs):
    invalidate_feeds()
