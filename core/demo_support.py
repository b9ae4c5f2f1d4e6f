"""Helpers the apps' demo modules share: create a page once, publish it, translate it."""

from contextlib import contextmanager

from django.db.models.signals import post_save

from wagtail.models import Locale, Page, Site
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.signal_handlers import post_save_signal_handler

from . import search_index
from .translation import translate_from_versions

LANGUAGES = ("fi", "sv", "en")


def publish(page, user=None):
    revision = page.save_revision(user=user, log_action=False)
    revision.publish(user=user, log_action=False)
    page.refresh_from_db()
    return page


def home_page():
    """The Finnish home page, under which each app puts its demo index: `home.demo` makes it
    the default site's root before the apps' demos run."""
    return Site.objects.get(is_default_site=True).root_page.specific


def ensure_page(parent, page_class, slug, texts, common=None, user=None):
    """The Finnish page `slug` under `parent`, created and translated to sv/en if missing.

    `texts` maps a language code to that language's translatable field values; `common`
    holds the values every language shares (dates, choices, relations). Idempotent.
    """
    common = common or {}
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **common, **texts["fi"])
    parent.add_child(instance=page)
    publish(page, user=user)
    versions = {
        code: page_class(slug=slug, **common, **texts[code])
        for code in LANGUAGES[1:]
        if code in texts
    }
    translate_from_versions(page, versions)
    return page


def finnish():
    return Locale.objects.get(language_code="fi")


@contextmanager
def search_index_deferred():
    """Index what is saved inside the block once at its end, in bulk, instead of once per save.

    The PostgreSQL search backend recomputes the average title length over its whole table
    after every indexed save, so thousands of demo pages saved one by one take quadratic time
    (a `seed_demo --scale 21` spent most of its half hour there)."""
    saved = {}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault(sender, set()).add(instance.pk)

    models = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(collect, sender=model, weak=False)
    try:
        # The site search's own index, likewise once at the end.
        with search_index.indexing_deferred():
            yield
    finally:
        for model in models:
            post_save.disconnect(collect, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
        # Also after an error: what was committed before it is searchable (rows rolled back
        # are simply not found).
        backend = get_search_backend()
        for model, pks in saved.items():
            pks = sorted(pks)
            for first in range(0, len(pks), 1000):
                chunk = model.get_indexed_objects().filter(pk__in=pks[first : first + 1000])
                backend.add_bulk(model, list(chunk))
