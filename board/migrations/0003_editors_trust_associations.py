"""Editors may mark associations trusted on the board, and remove the mark."""

from django.db import migrations

CODENAMES = [
    "add_trustedassociation",
    "change_trustedassociation",
    "delete_trustedassociation",
    "view_trustedassociation",
]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="Editors")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="board", model="trustedassociation"
    )
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ")},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0002_trusted_association"),
        ("home", "0002_locales_groups_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
