"""Members publish their association's events on the site: a new event or a change is saved
as a page revision and sent to the editors' "Editor approval" workflow
(`associations.services.submit_for_approval`, which emails the submitter and the
association's admins at each step). The association is always the organiser.

Languages. The event is one page of the Finnish catalogue (the default language, as every
training is): its registrations, its schedule facts and the member area belong to that page,
and the Swedish and English versions are its wagtail-localize translations. The member
writes in the language of the form (/fi/, /sv/ or /en/) and may add the title and the short
description in the other two. What they wrote in each language is kept in the revision
(`TrainingPage.member_texts`); the Finnish page carries the Finnish text, or the member's
own when they wrote no Finnish. When an editor approves, every other language the member
wrote becomes a translation with those texts (`publish_member_texts`): the Swedish and English
pages get the same times and place at once, being translations of the published page.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from associations.permissions import can_edit
from associations.services import submit_for_approval
from core.translation import translate_from_versions, update_translated_texts

from .models import TrainingPage

# The texts a member writes in every language.
MEMBER_TEXT_FIELDS = ("title", "summary")


def _unique_slug(index, title, fallback="tapahtuma"):
    base = slugify(title)[:70] or fallback
    slug, n = base, 2
    while index.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def apply_member_texts(page, texts, language):
    """Give the (Finnish) page the Finnish texts, or the member's own in `language` when
    they wrote none in Finnish, and keep every language's texts for the translations."""
    default = Locale.get_default().language_code
    main = texts.get(default) or texts[language]
    for name in MEMBER_TEXT_FIELDS:
        setattr(page, name, main[name])
    page.member_texts = {code: dict(values) for code, values in texts.items()}


def save_event(page, user):
    """Send the member's version of `page` to the editors. Nothing is live until approved."""
    if not can_edit(user, page.organiser):
        raise PermissionDenied
    return submit_for_approval(page, user)


@transaction.atomic
def submit_new_event(index, page, user):
    """A new event of `page.organiser` under the Finnish catalogue `index`, as a draft in the
    editors' approval workflow."""
    if not can_edit(user, page.organiser):
        raise PermissionDenied
    page.live = False
    page.owner = user
    page.slug = _unique_slug(index, page.title)
    index.add_child(instance=page)
    return save_event(page, user)


def publish_member_texts(page, changed=True):
    """After the Finnish `page` is published: each other language the member wrote becomes a
    translation with the member's title and description; when the member `changed` their
    texts since the last publication, an existing translation takes them too (its other
    texts stay as translators left them), otherwise translators' later edits are kept.
    Returns the language codes written."""
    texts = page.member_texts or {}
    default = page.locale.language_code
    wanted = {code: values for code, values in texts.items() if code != default and values}
    if not wanted:
        return []
    source = TrainingPage.objects.get(pk=page.pk)
    written = []
    for code, values in sorted(wanted.items()):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        values = {name: values[name] for name in MEMBER_TEXT_FIELDS if values.get(name)}
        existing = source.get_translation_or_none(locale)
        if existing is None:
            version = TrainingPage.objects.get(pk=page.pk)
            for name, value in values.items():
                setattr(version, name, value)
            translate_from_versions(source, {code: version})
        elif changed and any(getattr(existing, name) != value for name, value in values.items()):
            update_translated_texts(source, code, values)
        else:
            continue
        written.append(code)
    return written
