"""Editors may see, correct and export registrants and keep the themes and organisers."""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("registration", ["view_registration", "change_registration", "delete_registration"]),
    ("theme", ["add_theme", "change_theme", "delete_theme", "view_theme"]),
    ("organiser", ["add_organiser", "change_organiser", "view_organiser"]),
]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for model, codenames in EDITOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="catalogue", model=model)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ")},
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_initial"),
        ("home", "0002_locales_groups_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
