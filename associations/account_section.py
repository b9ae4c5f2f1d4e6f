"""The person's associations on their account page (the page is the accounts app's): their
memberships, invitations waiting for them, join requests waiting for their approval."""

from django.template.loader import render_to_string
from django.utils import timezone

from accounts import account_page

from .models import Invitation, Membership, MembershipStatus, Role
from .permissions import is_editor


@account_page.section
def associations(request):
    user = request.user
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("association")
        .order_by("association__title")
    )
    pending_invitations = Invitation.objects.filter(
        email__iexact=user.email, accepted_at=None, expires_at__gt=timezone.now()
    ).select_related("association")
    join_requests = Membership.objects.filter(
        status=MembershipStatus.REQUESTED,
        association__memberships__user=user,
        association__memberships__role=Role.ADMIN,
        association__memberships__status=MembershipStatus.ACTIVE,
    ).select_related("user", "association")
    return render_to_string(
        "associations/_account.html",
        {
            "memberships": memberships,
            "pending_invitations": pending_invitations,
            "join_requests": join_requests,
            "is_editor": is_editor(user),
        },
        request,
    )
