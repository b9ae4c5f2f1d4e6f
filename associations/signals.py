"""Signal handlers: emails at each moderation step of association content, and the Swedish and
English versions of a profile when an editor publishes a member's Finnish profile."""

import contextlib
import threading

from django.conf import settings
from django.dispatch import receiver

from wagtail.models import Locale, TaskState
from wagtail.signals import page_published, task_submitted, workflow_approved, workflow_rejected
from wagtail_localize.models import Translation, TranslationSource

from core.translation import _save_target

from . import emails
from .models import AssociationPage
from .permissions import association_of

_state = threading.local()


@contextlib.contextmanager
def translations_suspended():
    """Inside, publishing a profile does not create or sync its translations (the demo and the
    import translate the pages themselves)."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


def _content(workflow_state):
    obj = workflow_state.content_object
    return getattr(obj, "specific", obj)


def _last_comment(workflow_state):
    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state)
        .exclude(finished_at=None)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return task_state.comment if task_state else ""


@receiver(task_submitted)
def notify_submitted(sender, instance, user=None, **kwargs):
    workflow_state = instance.workflow_state
    page = _content(workflow_state)
    if association_of(page) is not None:
        emails.moderation_step(page, workflow_state.requested_by, "submitted")


@receiver(workflow_approved)
def notify_approved(sender, instance, user=None, **kwargs):
    page = _content(instance)
    if association_of(page) is not None:
        page.refresh_from_db()
        emails.moderation_step(page, instance.requested_by, "approved", _last_comment(instance))


@receiver(workflow_rejected)
def notify_rejected(sender, instance, user=None, **kwargs):
    page = _content(instance)
    if association_of(page) is not None:
        emails.moderation_step(page, instance.requested_by, "rejected", _last_comment(instance))


@receiver(page_published)
def translate_published_profile(sender, instance, revision=None, **kwargs):
    if getattr(_state, "suspended", False) or not isinstance(instance, AssociationPage):
        return
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    ensure_translations(instance)


def ensure_translations(page):
    """Create missing sv/en versions (the Finnish texts stand in until an editor translates
    them in wagtail-localize) and bring existing ones up to date with the published source."""
    with translations_suspended():
        source, _ = TranslationSource.update_or_create_from_instance(page)
        for locale in Locale.objects.exclude(pk=page.locale_id):
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            if not translation.enabled:
                continue
            try:
                _save_target(translation, publish=True)
            except Exception as error:  # noqa: BLE001 - an untranslated parent must not block publishing
                import logging

                logging.getLogger(__name__).warning(
                    "Could not translate %s to %s: %s", page, locale, error
                )
