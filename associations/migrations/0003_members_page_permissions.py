"""Members add and change pages only under the index pages of association content (directory,
catalogue, spaces, equipment), no longer on the whole page tree; index pages created later get
the same permissions from `associations.member_pages.grant_on_new_index`."""

from django.db import migrations

MEMBERS_GROUP = "Members"
CODENAMES = ("add_page", "change_page")
INDEX_TYPES = (
    ("associations", "associationindexpage"),
    ("catalogue", "trainingindexpage"),
    ("lending", "spaceindexpage"),
    ("lending", "equipmentindexpage"),
)


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    members = Group.objects.filter(name=MEMBERS_GROUP).first()
    if members is None:
        return
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=CODENAMES,
        )
    )
    index_types = [
        content_type
        for app_label, model in INDEX_TYPES
        for content_type in ContentType.objects.filter(app_label=app_label, model=model)
    ]
    for page in Page.objects.filter(content_type__in=index_types):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=members, page=page, permission=permission
            )
    GroupPagePermission.objects.filter(
        group=members, page__depth=1, permission__in=permissions
    ).delete()


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    members = Group.objects.filter(name=MEMBERS_GROUP).first()
    root = Page.objects.filter(depth=1).first()
    if members is None or root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", codename__in=CODENAMES
    ):
        GroupPagePermission.objects.get_or_create(group=members, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0002_taxonomy"),
        ("home", "0002_locales_groups_workflow"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
