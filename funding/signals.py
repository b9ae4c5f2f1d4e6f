"""Keep the deadline table and the calendar SEQUENCE in step with publishing."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from calendars.http import invalidate_feeds

from .deadlines import bump_sequence, clear_deadlines, write_deadlines
from .models import Funder, FundingOpportunityPage


@receiver(page_published, sender=FundingOpportunityPage)
def opportunity_published(sender, instance, **kwargs):
    bump_sequence(instance)
    write_deadlines(instance)


@receiver(page_unpublished, sender=FundingOpportunityPage)
def opportunity_unpublished(sender, instance, **kwargs):
    clear_deadlines(instance)


@receiver(post_save, sender=Funder)
@receiver(post_delete, sender=Funder)
def funder_changed(sender, **kwargs):
    """Funder names appear in the feeds and the CSV."""
    invalidate_feeds()
