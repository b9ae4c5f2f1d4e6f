"""Who may do what with an association and its content — the one place other apps ask.

An association is identified by its Finnish source page; translations share its
`translation_key`. Content of an association (trainings, spaces, equipment) points to it with
a foreign key named `association` (a training: `organiser`), so `association_of(obj)` finds
the owner of anything, and `can_edit(user, obj)` answers for all of them.
"""

from django.conf import settings

from .models import AssociationPage, Membership, MembershipStatus, Role

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
    for attribute in ("association", "organiser", "owner"):
        value = getattr(specific, attribute, None)
        if isinstance(value, AssociationPage):
            return value
    return None


def _translation_key(association):
    return association.translation_key if association is not None else None


def role_in(user, association):
    """ "admin", "member" or None for `user` in `association` (any language version)."""
    if association is None or not getattr(user, "is_authenticated", False):
        return None
    cache = getattr(user, "_associations_roles", None)
    if cache is None:
        cache = dict(active_memberships(user).values_list("association__translation_key", "role"))
        user._associations_roles = cache
    return cache.get(_translation_key(association))


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


def can_publish(user, obj=None):
    """Publishing and approving stay with editors: members' changes are always moderated."""
    return is_editor(user)


def can_delete(user, obj=None):
    return is_editor(user)


def forget_cached_roles(user):
    for attribute in ("_associations_roles", "_associations_is_editor"):
        if hasattr(user, attribute):
            delattr(user, attribute)


def source_language():
    return settings.LANGUAGE_CODE
