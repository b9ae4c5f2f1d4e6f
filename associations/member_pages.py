"""Where the Members group may add and change pages in the Wagtail admin: only under the index
pages that hold association content (the directory, the catalogue, spaces and equipment, the
cooperation board), not
the whole tree. The page permission policy (`permissions.AssociationPagePermissionPolicy`)
narrows that further to the member's own association. The data migration grants it on the
index pages that exist; `grant_on_new_index` does it for an index page created later (a fresh
install's demo, or an editor's new one)."""

MEMBERS_GROUP = "Members"
MEMBER_PAGE_PERMISSIONS = ("add_page", "change_page")
# (app label, model) of the index pages members add under.
MEMBER_INDEX_TYPES = (
    ("associations", "associationindexpage"),
    ("catalogue", "trainingindexpage"),
    ("lending", "spaceindexpage"),
    ("lending", "equipmentindexpage"),
    ("board", "boardindexpage"),
)


def grant(group, page, permissions):
    """Give `group` the page permissions on `page` (and so its subtree); idempotent."""
    from wagtail.models import GroupPagePermission

    for permission in permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_on_new_index(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    if (instance._meta.app_label, instance._meta.model_name) not in MEMBER_INDEX_TYPES:
        return
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name=MEMBERS_GROUP).first()
    if group is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        content_type__model="page",
        codename__in=MEMBER_PAGE_PERMISSIONS,
    )
    grant(group, instance, permissions)
