"""Translate a page through wagtail-localize from parallel versions of its content.

The demo content (and imports that arrive in several languages) has the same page written in
Finnish, Swedish and English. Rather than bypass wagtail-localize, we feed its own machinery: the
strings of the source page and of an unsaved page holding the target texts are extracted in the
same order, paired, stored as StringTranslations, and the translation is saved and published
just as when an editor translates in the admin. Translations stay in sync with later edits.
"""

from django.db import transaction

from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue


def _strings(instance):
    # An unsaved instance's stream blocks have no ids yet; preparing the value assigns them.
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            field.get_prep_value(field.value_from_object(instance))
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


@transaction.atomic
def translate_from_versions(source_instance, versions, publish=True):
    """Create the translations of `source_instance` for each {language_code: unsaved_instance}.

    Each unsaved instance has the same structure as the source with the texts in that language.
    A language that already has a translation is left alone, so running this again is harmless.
    Returns the translated instances by language code.
    """
    source, _ = TranslationSource.update_or_create_from_instance(source_instance)
    source_strings = _strings(source_instance)
    translated = {}
    for language_code, target_instance in versions.items():
        locale = Locale.objects.get(language_code=language_code)
        existing = source_instance.get_translation_or_none(locale)
        if existing is not None:
            translated[language_code] = existing
            continue
        target_strings = _strings(target_instance)
        if len(target_strings) != len(source_strings):
            raise ValueError(
                f"{source_instance!r}: {len(source_strings)} source strings but "
                f"{len(target_strings)} in the {language_code} version"
            )
        for source_value, target_value in zip(source_strings, target_strings, strict=True):
            string = String.from_value(source_instance.locale, source_value.string)
            context, _ = TranslationContext.objects.get_or_create(
                object_id=source.object_id, path=source_value.path
            )
            StringTranslation.objects.update_or_create(
                translation_of=string,
                locale=locale,
                context=context,
                defaults={
                    "data": target_value.string.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translated[language_code] = _save_target(translation, publish)
    return translated


def _save_target(translation, publish):
    """Save (and publish) the target page now.

    wagtail-localize publishes a translated page with `transaction.on_commit`, using the page
    object it held when the revision was made. Inside a longer transaction (a data load, a
    test) several such publishes run together at commit with stale tree fields, and a parent
    page loses count of its children (treebeard's numchild), which hides them. Publishing the
    fresh revision at once avoids both the delay and the stale copy.
    """
    model = translation.source.specific_content_type.model_class()
    if not issubclass(model, DraftStateMixin):
        # Snippets without drafts are saved directly; only drafts go through a revision.
        translation.save_target(publish=True)
        return translation.get_target_instance()
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    if publish and isinstance(target, Page):
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


@transaction.atomic
def sync_translations(instance):
    """After a change to synchronised fields of the source, bring its translations up to date."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    for translation in Translation.objects.filter(source=source, enabled=True):
        _save_target(translation, publish=True)


@transaction.atomic
def update_translated_texts(source_instance, language_code, values):
    """Set the translations of some plain text fields of `source_instance` in one language,
    {field name: text}, and save (publish) the translation; its other strings stay as they
    were translated. The translation must exist (see `translate_from_versions`)."""
    source, _ = TranslationSource.update_or_create_from_instance(source_instance)
    locale = Locale.objects.get(language_code=language_code)
    for segment in _strings(source_instance):
        if segment.path not in values:
            continue
        string = String.from_value(source_instance.locale, segment.string)
        context, _ = TranslationContext.objects.get_or_create(
            object_id=source.object_id, path=segment.path
        )
        StringTranslation.objects.update_or_create(
            translation_of=string,
            locale=locale,
            context=context,
            defaults={
                "data": StringValue.from_plaintext(values[segment.path]).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return _save_target(translation, publish=True)
