"""Keep the occurrence table, the stored calendar events, the calendar SEQUENCE and the other
language versions' schedule in step with publishing."""

from django.db.models import Q
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver

from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished

from associations.models import AssociationPage, NetworkPage
from calendars import store
from calendars.signals import invalidate_feeds_after_commit
from core.translations import publish_facts

from . import notices
from .feeds import TRAINING_EVENTS
from .history import record_training
from .member_events import publish_member_texts
from .models import Occurrence, Theme, TrainingPage
from .occurrences import assign_sequences, clear_occurrences, filter_fields, write_occurrences


@receiver(pre_save, sender=TrainingPage)
def remember_published(sender, instance, update_fields=None, **kwargs):
    """Publishing saves the whole row: what the live page showed until now is read first, so
    that its registrants can be told what changed (`training_published`)."""
    if update_fields is None and instance.locale_id == Locale.get_default().pk:
        instance._published_before = notices.remember(instance)
        instance._member_texts_before = (
            TrainingPage.objects.filter(pk=instance.pk)
            .values_list("member_texts", flat=True)
            .first()
        )


@receiver(page_published, sender=TrainingPage)
def training_published(sender, instance, revision=None, **kwargs):
    assign_sequences(instance)
    write_occurrences(instance)
    store.write(TRAINING_EVENTS.name, [instance.pk])
    if instance.locale_id == Locale.get_default().pk:
        notices.notify(instance, instance.__dict__.pop("_published_before", None))
        # The schedule is the same fact in every language: the Swedish and English versions
        # get it now (each publish of theirs runs this receiver for that version), not when
        # someone next syncs the translations.
        publish_facts(instance, user=revision.user if revision else None)
        if instance.member_texts:
            # What a member wrote in the other languages becomes their translations' texts.
            before = instance.__dict__.pop("_member_texts_before", None)
            publish_member_texts(instance, changed=before != instance.member_texts)


@receiver(page_unpublished, sender=TrainingPage)
def training_unpublished(sender, instance, **kwargs):
    # What has already happened stays in the record; only the listings forget it.
    record_training(instance)
    clear_occurrences(instance)
    store.clear(TRAINING_EVENTS.name, [instance.pk])


@receiver(pre_delete, sender=TrainingPage)
def training_deleted(sender, instance, **kwargs):
    """Deleting a training deletes its occurrences and registrations with it: what had
    happened is recorded first, counts included."""
    record_training(instance)


@receiver(post_save, sender=Theme)
def taxonomy_changed(sender, instance, created, **kwargs):
    """A renamed slug must reach the filter columns of the trainings that use it (an
    association's slug: `refresh_organised_trainings` below), and a renamed theme their
    calendar events in its language (CATEGORIES)."""
    if created:
        return
    pages = TrainingPage.objects.filter(
        theme_links__theme__translation_key=instance.translation_key
    )
    for page in pages.live().distinct().defer_streamfields():
        Occurrence.objects.filter(training=page).update(**filter_fields(page))
    named = pages.live().filter(locale_id=instance.locale_id).values_list("pk", flat=True)
    store.write(TRAINING_EVENTS.name, named)
    invalidate_feeds_after_commit()  # a feed filtered by the theme is named after it


@receiver(page_published, sender=AssociationPage)
def refresh_organised_trainings(sender, instance, **kwargs):
    """The catalogue filters by the organiser's slug, copied into each occurrence: a renamed
    profile must reach the occurrences of the trainings it organises."""
    key = instance.translation_key
    stale = (
        TrainingPage.objects.live()
        .filter(
            Q(organiser__translation_key=key)
            | Q(co_organiser_links__organiser__translation_key=key)
        )
        .exclude(occurrences__organisers__contains=f"|{instance.slug}|")
        .distinct()
        .defer_streamfields()
    )
    for page in stale:
        Occurrence.objects.filter(training=page).update(**filter_fields(page))
    # The events of its trainings in its language name it as their organiser.
    organised = TrainingPage.objects.live().filter(
        organiser__translation_key=key, locale_id=instance.locale_id
    )
    store.write(TRAINING_EVENTS.name, organised.values_list("pk", flat=True))


@receiver(page_published, sender=NetworkPage)
def refresh_network_meetings(sender, instance, **kwargs):
    """The catalogue filters by the network's slug, copied into each occurrence: a renamed
    network must reach the occurrences of its meetings."""
    stale = (
        TrainingPage.objects.live()
        .filter(network_links__network__translation_key=instance.translation_key)
        .exclude(occurrences__networks__contains=f"|{instance.slug}|")
        .distinct()
        .defer_streamfields()
    )
    for page in stale:
        Occurrence.objects.filter(training=page).update(**filter_fields(page))
