"""Start a new feeds generation whenever published content changes."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete

from wagtail.models import get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from .http import invalidate_feeds


def invalidate_feeds_after_commit(**kwargs: object) -> None:
    """Invalidate once the transaction commits, so no request rebuilds from the old rows.

    A deleted subtree sends one signal per page: queue one invalidation per transaction.
    """
    connection = transaction.get_connection()
    pending = getattr(connection, "run_on_commit", ())
    if any(len(entry) > 1 and entry[1] is invalidate_feeds for entry in pending):
        return
    transaction.on_commit(invalidate_feeds, robust=True)


def connect() -> None:
    """Connect the receivers; called from `CalendarsConfig.ready()`."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_feeds_after_commit, dispatch_uid="calendars.invalidate")
    # One receiver per page model, not for every model: a receiver without a sender would
    # stop Django's fast bulk delete for every table in the project.
    for model in get_page_models():
        post_delete.connect(
            invalidate_feeds_after_commit,
            sender=model,
            dispatch_uid=f"calendars.invalidate.{model._meta.label_lower}",
        )
