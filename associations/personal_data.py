"""A person's own data (GDPR): everything the portal holds about them, as JSON, and deleting
their account. Other apps add their records with `register(collector)`:

    @personal_data.register
    def bookings(user):
        return "bookings", [...]         # a key and JSON-serialisable data, or None
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Revision, WorkflowState

from .models import Invitation, Membership, MembershipStatus, Role

_collectors = []


def register(collector):
    if collector not in _collectors:
        _collectors.append(collector)
    return collector


def collect(user):
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "memberships": [
            {
                "association": m.association.title,
                "association_url": m.association.full_url,
                "role": m.role,
                "status": m.status,
                "message": m.message,
                "created_at": m.created_at,
                "approved_at": m.approved_at,
            }
            for m in Membership.objects.filter(user=user).select_related("association")
        ],
        "invitations_received": [
            {
                "association": i.association.title,
                "created_at": i.created_at,
                "accepted_at": i.accepted_at,
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "association"
            )
        ],
        "invitations_sent": [
            {"association": i.association.title, "email": i.email, "created_at": i.created_at}
            for i in Invitation.objects.filter(invited_by=user).select_related("association")
        ],
        "submitted_for_approval": [
            {"object_id": s.object_id, "status": s.status, "created_at": s.created_at}
            for s in WorkflowState.objects.filter(requested_by=user)
        ],
        "revisions_written": Revision.objects.filter(user=user).count(),
    }
    for collector in _collectors:
        result = collector(user)
        if result is not None:
            key, value = result
            data[key] = value
    return data


@transaction.atomic
def delete_account(user):
    """Delete the user and their memberships. An association's last admin must hand the role
    over first when others remain, so that no association is left unmanaged."""
    for membership in Membership.objects.filter(
        user=user, role=Role.ADMIN, status=MembershipStatus.ACTIVE
    ).select_related("association"):
        others = membership.association.memberships.exclude(user=user)
        active_others = others.filter(status=MembershipStatus.ACTIVE)
        if active_others.exists() and not active_others.filter(role=Role.ADMIN).exists():
            raise ValidationError(
                _(
                    "You are the only admin of %(association)s. Hand the admin role over to "
                    "another member first."
                )
                % {"association": membership.association.title}
            )
    Invitation.objects.filter(email__iexact=user.email, accepted_at=None).delete()
    user.delete()
