"""Facts that are the same in every language, brought to every language version on publish.

wagtail-localize copies synchronised fields to a translation only when the translation is
updated ("Sync translated pages" in the admin, or a translator saving it). Until then the
translations keep the old values: a training moved to another day stays on the old day in
Swedish and English. Some facts must never differ between languages (when and where a
training is, whether it is cancelled), so publishing the source version brings them to the
other versions at once.

A fact is a `SynchronizedField(name, overridable=False)` in the model's
`override_translatable_fields`: synchronised, and not something a translator may change.
Child objects that are translatable (a training's sessions) keep their translated texts; their
own non-overridable synchronised fields are facts, and children added or removed in the
source are added (with the source's texts until translated) or removed.
"""

from modelcluster.models import get_all_child_relations
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import TranslationSource


def fact_names(model):
    """The model's fields that every language version shares and no translator overrides."""
    return [
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field, SynchronizedField) and not field.overridable
    ]


def fact_relations(model):
    """Names of the child relations whose (translatable) children have facts of their own."""
    return [
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if issubclass(relation.related_model, TranslatableMixin)
        and fact_names(relation.related_model)
    ]


def copy_facts(source, target):
    """Give `target` (another language version, in memory) the facts of `source`.

    Returns True when something changed; nothing is saved."""
    changed = _copy_fields(source, target, fact_names(type(source)))
    for name in fact_relations(type(source)):
        changed |= _copy_children(source, target, name)
    return changed


def _copy_fields(source, target, names):
    changed = False
    for name in names:
        field = source._meta.get_field(name)
        value = field.value_from_object(source)
        if field.get_prep_value(value) != field.get_prep_value(field.value_from_object(target)):
            setattr(target, field.attname, value)
            changed = True
    return changed


def _copy_children(source, target, name):
    """Match the children by translation key, as wagtail-localize does."""
    theirs = {child.translation_key: child for child in getattr(target, name).all()}
    changed = False
    children = []
    for child in getattr(source, name).all():
        mine = theirs.pop(child.translation_key, None)
        if mine is None:
            mine = child.copy_for_translation(target.locale)
            changed = True
        changed |= _copy_fields(child, mine, fact_names(type(child)))
        if hasattr(child, "sort_order") and mine.sort_order != child.sort_order:
            mine.sort_order = child.sort_order
            changed = True
        children.append(mine)
    if theirs:  # removed from the source
        changed = True
    if changed:
        setattr(target, name, children)
    return changed


def publish_facts(source, *, user=None):
    """Bring the facts of the just-published `source` page to its other language versions.

    A live version gets a new published revision with the facts (the edit history shows it,
    by `user`); a draft waiting to be published gets them too, so that publishing it later
    does not bring the old facts back. The wagtail-localize source is updated from the
    published page, so that saving a translation in its editor copies the new facts as well.
    Returns the versions that changed.
    """
    translation_source = TranslationSource.objects.filter(
        object_id=source.translation_key, locale_id=source.locale_id
    ).first()
    if translation_source is not None:
        translation_source.update_from_db()
    changed = []
    for target in source.get_translations().select_related("locale"):
        target = target.specific
        draft = None
        if target.has_unpublished_changes or not target.live:
            draft = target.get_latest_revision_as_object()
        touched = False
        if target.live and copy_facts(source, target):
            revision = target.save_revision(user=user, clean=False)
            revision.publish(user=user, skip_permission_checks=True)
            touched = True
        if draft is not None and copy_facts(source, draft):
            draft.save_revision(user=user, clean=False)
            touched = True
        if touched:
            changed.append(target)
    return changed
