"""Start a new feeds generation whenever published content changes, and keep the stored events
of registered sources in step with deletes, moves and renamed slugs."""

from __future__ import annotations

from django.db import connections, transaction
from django.db.models.signals import post_delete

from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import store
from .http import invalidate_feeds
from .models import StoredEvent


def invalidate_feeds_after_commit(**kwargs: object) -> None:
    """Invalidate once the transaction commits, so no request rebuilds from the old rows.

    A deleted subtree sends one signal per page: queue one invalidation per transaction.
    """
    connection = transaction.get_connection()
    pending = getattr(connection, "run_on_commit", ())
    if any(len(entry) > 1 and entry[1] is invalidate_feeds for entry in pending):
        return
    transaction.on_commit(invalidate_feeds, robust=True)


def rewrite_moved_events(instance: Page, **kwargs: object) -> None:
    """A moved page, or one whose slug changed, changes the URL of every page below it, and
    each event's description and URL name its page: rewrite the events of the subtree."""
    for source in store.sources():
        if issubclass(source.model, Page):
            subtree = source.current().filter(path__startswith=instance.path)
            store.write(source.name, subtree.values_list("pk", flat=True))
    invalidate_feeds_after_commit()


def fill_stored_events(using: str = "default", **kwargs: object) -> None:
    """After `migrate`: an upgraded database whose published content has no stored events yet
    (the table is new) gets them, so that no feed is empty after the upgrade. Later upgrades
    of the writer run `rewrite_calendar_events`."""
    connection = connections[using]
    if StoredEvent._meta.db_table not in connection.introspection.table_names():
        return  # migrated to a point before the table
    if StoredEvent.objects.using(using).exists():
        return
    if any(result.changed for result in store.rewrite()):
        invalidate_feeds()


def connect() -> None:
    """Connect the receivers; called from `CalendarsConfig.ready()`."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_feeds_after_commit, dispatch_uid="calendars.invalidate")
    for signal in (post_page_move, page_slug_changed):
        signal.connect(rewrite_moved_events, dispatch_uid="calendars.rewrite_moved")
    # One receiver per page model, not for every model: a receiver without a sender would
    # stop Django's fast bulk delete for every table in the project.
    for model in get_page_models():
        post_delete.connect(
            invalidate_feeds_after_commit,
            sender=model,
            dispatch_uid=f"calendars.invalidate.{model._meta.label_lower}",
        )
