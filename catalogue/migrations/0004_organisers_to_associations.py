"""A training's organiser and co-organisers become association profiles of the directory.

Each old organiser snippet is matched to an association page by name (any of its languages,
ignoring case), and the training points to that association's Finnish source page, as every
synchronised relation does. A training whose organiser has no match keeps no organiser (the
admin asks for one at the next edit); an unmatched co-organiser link is dropped. The saved
revisions and translation sources are rewritten the same way, so that publishing an old
revision or syncing a translation cannot bring back an organiser id of the removed table.
"""

import json

from django.db import migrations


def _association_for(apps):
    """{old organiser id: association source page id or None}."""
    Organiser = apps.get_model("catalogue", "Organiser")
    AssociationPage = apps.get_model("associations", "AssociationPage")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code="fi").first()

    key_by_name = {}
    for page in AssociationPage.objects.only("title", "translation_key"):
        key_by_name.setdefault(page.title.strip().lower(), page.translation_key)
    source_by_key = {}
    for page in AssociationPage.objects.only("pk", "translation_key", "locale_id"):
        if default is not None and page.locale_id == default.pk:
            source_by_key[page.translation_key] = page.pk
        else:
            source_by_key.setdefault(page.translation_key, page.pk)

    names_by_key = {}
    for organiser in Organiser.objects.all():
        names_by_key.setdefault(organiser.translation_key, []).append(organiser.name)
    mapping = {}
    for organiser in Organiser.objects.all():
        # Try the organiser's own name first, then its translations' names.
        names = [organiser.name] + names_by_key.get(organiser.translation_key, [])
        key = next(
            (key_by_name[n.strip().lower()] for n in names if n.strip().lower() in key_by_name),
            None,
        )
        mapping[organiser.pk] = source_by_key.get(key) if key else None
    return mapping


def _rewrite(content, mapping):
    """The organiser ids of one serialised training, mapped; True when anything changed."""
    changed = False
    if "organiser" in content:
        content["organiser"] = mapping.get(content["organiser"])
        changed = True
    links = content.get("co_organiser_links")
    if isinstance(links, list):
        kept = []
        for link in links:
            target = mapping.get(link.get("organiser"))
            if target is not None:
                kept.append({**link, "organiser": target})
        content["co_organiser_links"] = kept
        changed = True
    return changed


def forwards(apps, schema_editor):
    TrainingPage = apps.get_model("catalogue", "TrainingPage")
    TrainingCoOrganiser = apps.get_model("catalogue", "TrainingCoOrganiser")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    mapping = _association_for(apps)

    for organiser_id, association_id in mapping.items():
        TrainingPage.objects.filter(organiser_id=organiser_id).update(
            organiser_association_id=association_id
        )
        if association_id is None:
            TrainingCoOrganiser.objects.filter(organiser_id=organiser_id).delete()
        else:
            TrainingCoOrganiser.objects.filter(organiser_id=organiser_id).update(
                association_id=association_id
            )

    content_type = ContentType.objects.filter(app_label="catalogue", model="trainingpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if isinstance(revision.content, dict) and _rewrite(revision.content, mapping):
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        if _rewrite(content, mapping):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0003_organiser_association_columns"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
