"""Keep the occurrence table and the calendar SEQUENCE in step with publishing."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .models import Theme, TrainingPage
from .occurrences import bump_sequence, clear_occurrences, filter_fields, write_occurrences


@receiver(page_published, sender=TrainingPage)
def training_published(sender, instance, **kwargs):
    bump_sequence(instance)
    write_occurrences(instance)


@receiver(page_unpublished, sender=TrainingPage)
def training_unpublished(sender, instance, **kwargs):
    clear_occurrences(instance)


@receiver(post_save, sender=Theme)
def taxonomy_changed(sender, instance, created, **kwargs):
    """A renamed slug must reach the filter columns of the trainings that use it (an
    association's slug: `associations.signals`)."""
    if created:
        return
    from .models import Occurrence

    pages = TrainingPage.objects.filter(
        theme_links__theme__translation_key=instance.translation_key
    )
    for page in pages.live().distinct().defer_streamfields():
        Occurrence.objects.filter(training=page).update(**filter_fields(page))
