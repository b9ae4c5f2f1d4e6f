"""Helpers the apps' demo modules share: create a page once, publish it, translate it."""

from wagtail.models import Locale, Page

from .translation import translate_from_versions

LANGUAGES = ("fi", "sv", "en")


def publish(page, user=None):
    revision = page.save_revision(user=user, log_action=False)
    revision.publish(user=user, log_action=False)
    page.refresh_from_db()
    return page


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
