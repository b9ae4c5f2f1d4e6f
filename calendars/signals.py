"""Start a new feeds generation whenever published content changes, and keep the stored events
of registered sources in step with deletes, moves and renamed slugs."""

from __future__ import annotations

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, get_page_models
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


def _page_sources_below(page_id: int):
    """(source, queryset of the ids of its pages at or below page `page_id`) for each source
    of pages; nothing when the page is gone."""
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if path is None:
        return
    for source in store.sources():
        if issubclass(source.model, Page):
            yield source, source.model.objects.filter(path__startswith=path).values("pk")


def restriction_saved(instance: PageViewRestriction, **kwargs: object) -> None:
    """A page made private (it or a page above it) takes its events and those below it out
    of the public calendars: recorded as removed, and the feeds and the API rebuilt."""
    for source, ids in _page_sources_below(instance.page_id):
        store.bury(source.name, ids)
    invalidate_feeds_after_commit()


def restriction_deleted(instance: PageViewRestriction, **kwargs: object) -> None:
    """A lifted restriction makes the pages below it public again, unless another one still
    covers them. Checked once the transaction commits: a restriction deleted with its page
    must not bring back the page being deleted."""
    page_id = instance.page_id

    def revive() -> None:
        for source, ids in _page_sources_below(page_id):
            store.revive(source.name, ids)

    transaction.on_commit(revive, robust=True)
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
    post_save.connect(
        restriction_saved, sender=PageViewRestriction, dispatch_uid="calendars.restricted"
    )
    post_delete.connect(
        restriction_deleted, sender=PageViewRestriction, dispatch_uid="calendars.unrestricted"
    )
    # One receiver per page model, not for every model: a receiver without a sender would
    # stop Django's fast bulk delete for every table in the project.
    for model in get_page_models():
        post_delete.connect(
            invalidate_feeds_after_commit,
            sender=model,
            dispatch_uid=f"calendars.invalidate.{model._meta.label_lower}",
        )
