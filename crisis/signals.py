"""Drop the cached notices whenever a situation is published, unpublished or deleted."""

from django.db.models.signals import post_delete

from wagtail.signals import page_published, page_unpublished

from .models import SituationPage
from .services import forget_notices


def _forget(sender, **kwargs):
    forget_notices()


page_published.connect(_forget, sender=SituationPage, dispatch_uid="crisis_published")
page_unpublished.connect(_forget, sender=SituationPage, dispatch_uid="crisis_unpublished")
post_delete.connect(_forget, sender=SituationPage, dispatch_uid="crisis_deleted")
