"""Who may see and do what with a booking. Requesters' personal data (name, email, phone,
message) is for the owner association's admins and editors only."""

from associations.models import Role
from associations.permissions import is_editor, role_in


def is_owner_admin(user, association):
    return role_in(user, association) == Role.ADMIN


def can_decide(user, booking):
    """Only the owner's admins approve and decline (editors moderate content, not loans)."""
    return is_owner_admin(user, booking.owner)


def can_see_requester(user, booking):
    return is_editor(user) or is_owner_admin(user, booking.owner)


def is_requester(user, booking):
    return (
        getattr(user, "is_authenticated", False)
        and booking.requested_by_id is not None
        and booking.requested_by_id == user.pk
    )


def can_see_booking(user, booking):
    return is_requester(user, booking) or can_see_requester(user, booking)


def can_cancel(user, booking):
    return is_requester(user, booking) or can_decide(user, booking)
