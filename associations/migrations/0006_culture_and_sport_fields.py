"""Culture and sport join the fields of activity, in Finnish, Swedish and English.

The strategy's chart of ten fields leaves them out, but funding calls were tagged "culture,
sport and youth" in a list of their own; now that calls are tagged with the directory's fields,
those calls need fields that associations can list themselves under too. "Other" stays last
unless an editor has moved it."""

import uuid

from django.db import migrations

FIELDS = [
    # slug, sort order, fi, sv, en
    ("culture", 9, "Kulttuuri ja taide", "Kultur och konst", "Culture and arts"),
    ("sport", 10, "Liikunta ja urheilu", "Idrott och motion", "Sport and exercise"),
]
OTHER = "other"
OTHER_ORDER_BEFORE, OTHER_ORDER_AFTER = 9, 11


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    FieldOfActivity = apps.get_model("associations", "FieldOfActivity")
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fi", "sv", "en")
    }
    for slug, order, *names in FIELDS:
        existing = FieldOfActivity.objects.filter(slug=slug).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, name in zip(("fi", "sv", "en"), names, strict=True):
            FieldOfActivity.objects.get_or_create(
                slug=slug,
                locale=locales[code],
                defaults={"name": name, "sort_order": order, "translation_key": key},
            )
    FieldOfActivity.objects.filter(slug=OTHER, sort_order=OTHER_ORDER_BEFORE).update(
        sort_order=OTHER_ORDER_AFTER
    )


class Migration(migrations.Migration):
    dependencies = [("associations", "0005_unconfirmed_sign_up_moves_to_accounts")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
