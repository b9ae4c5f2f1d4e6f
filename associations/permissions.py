"""Who may do what with an association and its content — the one place other apps ask.

An association is identified by its Finnish source page; translations share its
`translation_key`. Content of an association (trainings, spaces, equipment) points to it with
a foreign key named `association` (a training: `organiser`), so `association_of(obj)` finds
the owner of anything, and `can_edit(user, obj)` answers for all of them.

The Wagtail admin asks the same rule through `AssociationPagePermissionPolicy`, registered as
the page permission policy: every admin view (edit, drafts, revisions, history, delete, move,
bulk actions, search, choosers, reports, the admin API) then sees a member's page permissions
already narrowed to their own association's pages.
"""

from django.conf import settings
from django.db.models import ForeignKey, Q

from wagtail.models import GroupPagePermission, Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import AssociationPage, Membership, MembershipStatus, NetworkMember, Role

# The foreign keys by which a page names the association it belongs to.
CONTENT_FIELDS = ("association", "organiser")

EDITORS_GROUP = "Editors"


def is_editor(user):
    """Editors and superusers moderate and may edit everything."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_associations_is_editor", None)
    if cached is None:
        cached = user.groups.filter(name=EDITORS_GROUP).exists()
        user._associations_is_editor = cached
    return cached


def active_memberships(user, role=None):
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    memberships = Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE)
    if role:
        memberships = memberships.filter(role=role)
    return memberships


def associations_of(user, role=None):
    """The (Finnish source) association pages `user` belongs to; `role` "admin" or "member"
    narrows to that role ("member" means any active member, admins included)."""
    if role == Role.MEMBER:
        role = None
    ids = active_memberships(user, role).values("association_id")
    return AssociationPage.objects.filter(pk__in=ids).order_by("title")


def association_of(obj):
    """The association an object belongs to (a profile page is its own), or None."""
    if obj is None:
        return None
    specific = getattr(obj, "specific", obj)
    if isinstance(specific, AssociationPage):
        return specific
    for attribute in (*CONTENT_FIELDS, "owner"):
        value = getattr(specific, attribute, None)
        if isinstance(value, AssociationPage):
            return value
    return None


def _translation_key(association):
    return association.translation_key if association is not None else None


def _roles(user):
    """{translation key of an association: the user's role in it}, once per request."""
    cache = getattr(user, "_associations_roles", None)
    if cache is None:
        cache = dict(active_memberships(user).values_list("association__translation_key", "role"))
        user._associations_roles = cache
    return cache


def role_in(user, association):
    """ "admin", "member" or None for `user` in `association` (any language version)."""
    if association is None or not getattr(user, "is_authenticated", False):
        return None
    return _roles(user).get(_translation_key(association))


def is_member(user, obj):
    return role_in(user, association_of(obj)) is not None


def is_association_admin(user, obj):
    return role_in(user, association_of(obj)) == Role.ADMIN


def can_view_private(user, obj):
    """Members' lists, drafts, requests: the association's own people and editors."""
    return is_editor(user) or is_member(user, obj)


def can_edit(user, obj):
    """Edit (and submit for approval) the profile or content of the owning association."""
    return is_editor(user) or is_member(user, obj)


def can_manage_members(user, obj):
    return is_editor(user) or is_association_admin(user, obj)


def can_see_registrants(user, obj):
    """The registrants of an association's trainings: its admins and editors (personal data,
    so not every member)."""
    return is_editor(user) or is_association_admin(user, obj)


def may_name(user, association):
    """Whether `user` may name `association` as the owner, organiser or co-organiser of a page:
    editors any association, everyone else only their own (never in another's name)."""
    return is_editor(user) or role_in(user, association) is not None


def can_publish(user, obj=None):
    """Publishing and approving stay with editors: members' changes are always moderated."""
    return is_editor(user)


def can_delete(user, obj):
    """Editors delete anything; members only their association's pages that were never
    published or are no longer live (Wagtail's rule for those without publish permission)."""
    return is_editor(user) or (is_member(user, obj) and not getattr(obj, "live", True))


def forget_cached_roles(user):
    for attribute in ("_associations_roles", "_associations_is_editor"):
        if hasattr(user, attribute):
            delattr(user, attribute)


def source_language():
    return settings.LANGUAGE_CODE


# The Wagtail admin -------------------------------------------------------------------------


def content_pages_of(translation_keys):
    """The pages of the associations with these translation keys, in every language: their
    profiles and every page whose `CONTENT_FIELDS` foreign key names one of them."""
    condition = Q(
        pk__in=AssociationPage.objects.filter(translation_key__in=translation_keys).values("pk")
    )
    for model in get_page_models():
        for name in CONTENT_FIELDS:
            field = next((f for f in model._meta.concrete_fields if f.name == name), None)
            if (
                isinstance(field, ForeignKey)
                and field.model is model
                and issubclass(field.related_model, AssociationPage)
            ):
                owned = model.objects.filter(**{f"{name}__translation_key__in": translation_keys})
                condition |= Q(pk__in=owned.values("pk"))
    return Page.objects.filter(condition)


class AssociationPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, with the association rule applied where every admin view
    asks. The Members group holds "add" and "change" on the index pages of association content
    (the directory, the catalogue, spaces, equipment); for anyone but an editor, a permission
    other than "add" reaches only their own association's pages under it, and the pages they
    may see are only those they hold a permission on and the pages above them. "add" stays on
    the index page itself, so members still create content there (in their own name: the page
    forms check that)."""

    def _is_narrowed(self, user):
        return user.is_active and not is_editor(user)

    def get_all_permissions_for_user(self, user):
        permissions = super().get_all_permissions_for_user(user)
        if not self._is_narrowed(user):
            return permissions
        add = self._get_permission_codename("add")
        permissions = list(permissions)
        own_keys = list(_roles(user))
        own_pages = list(content_pages_of(own_keys)) if own_keys else []
        narrowed = [perm for perm in permissions if perm.permission.codename == add]
        for perm in permissions:
            if perm.permission.codename == add:
                continue
            narrowed.extend(
                GroupPagePermission(group_id=perm.group_id, page=page, permission=perm.permission)
                for page in own_pages
                if page.path.startswith(perm.page.path)
            )
        return narrowed

    def _reachable_paths(self, user):
        """Tree paths of the pages a narrowed user holds a permission on, and of their
        ancestors (to navigate down to them)."""
        steplen = Page.steplen
        return {
            perm.page.path[:end]
            for perm in self.get_cached_permissions_for_user(user)
            for end in range(steplen, len(perm.page.path) + 1, steplen)
        }

    def _within_reach(self, user, pages):
        if not self._is_narrowed(user):
            return pages
        return pages.filter(path__in=self._reachable_paths(user))

    def reaches(self, user, page):
        """Whether `page` is within the user's reach at all (see `core.pages`)."""
        return not self._is_narrowed(user) or page.path in self._reachable_paths(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.reaches(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return self._within_reach(user, pages)

    def explorable_instances(self, user):
        return self._within_reach(user, super().explorable_instances(user))


def admins_of(association):
    """The active admin memberships of an association (who answers for it)."""
    return association.memberships.filter(status=MembershipStatus.ACTIVE, role=Role.ADMIN)


# Networks ----------------------------------------------------------------------------------


def can_edit_network(user, network):
    """Networks are the editors' (coordinators are editors): no association's member edits
    one, not even a member association's admin. The admin asks the same through the page
    permissions, which members hold only under the index pages of association content."""
    return is_editor(user)


def may_link_network(user, network):
    """Whether `user` may mark a training as a meeting of `network`: editors any network,
    members only a network one of their associations belongs to."""
    if is_editor(user):
        return True
    keys = list(_roles(user))
    return bool(keys) and (
        NetworkMember.objects.filter(
            page__translation_key=network.translation_key,
            association__translation_key__in=keys,
        ).exists()
    )


def join_candidates(user, network):
    """The (Finnish source) associations `user` is an active member of that do not yet
    belong to `network`: those on whose behalf the user may ask to join it."""
    # From the database, not the page's own relation: a preview holds the edited, unsaved one.
    members = NetworkMember.objects.filter(page_id=network.source_page.pk).values(
        "association__translation_key"
    )
    return associations_of(user).exclude(translation_key__in=members)
