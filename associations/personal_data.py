"""What the associations app holds about a person, for the data download and account deletion
(the registry is `accounts.personal_data`): memberships, invitations, what they sent for approval,
and the pages they started that were never published."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Page, Revision, WorkflowState

from accounts import personal_data

from .models import Invitation, Membership, MembershipStatus, Role


def pending_pages(user):
    """Pages the person created that were never published: their unfinished drafts and the
    applications still waiting for an editor. A page with someone else's page, or a page that
    was once published, below it is not theirs alone and is left out."""
    pages = []
    for page in Page.objects.filter(owner=user, first_published_at__isnull=True).order_by("path"):
        if any(page.is_descendant_of(mine) for mine in pages):
            continue  # deleted with its parent
        others = page.get_descendants().exclude(owner=user, first_published_at__isnull=True)
        if not others.exists():
            pages.append(page)
    return pages


@personal_data.register
class Memberships(personal_data.Provider):
    key = "memberships"

    def export(self, user):
        return [
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
        ]

    def check_erasable(self, user):
        """An association's last admin hands the role over first when others remain, so that
        no association is left unmanaged."""
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

    # The memberships themselves go with the user row (on_delete=CASCADE).


@personal_data.register
class Invitations(personal_data.Provider):
    key = "invitations"

    def export(self, user):
        return {
            "received": [
                {
                    "association": i.association.title,
                    "created_at": i.created_at,
                    "accepted_at": i.accepted_at,
                }
                for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                    "association"
                )
            ],
            "sent": [
                {"association": i.association.title, "email": i.email, "created_at": i.created_at}
                for i in Invitation.objects.filter(invited_by=user).select_related("association")
            ],
        }

    def erase(self, user):
        if user.email:
            Invitation.objects.filter(email__iexact=user.email, accepted_at=None).delete()


@personal_data.register
class PendingPages(personal_data.Provider):
    """Never-published pages the person started are deleted, not handed over: nobody but the
    person and the editors has seen them, they usually carry the person's own contact details,
    and a submission whose sender is gone cannot be asked for changes or told of a decision.
    The association's other members can start the page again. Pages that were published are
    the association's and stay (Wagtail leaves them without an owner)."""

    key = "pages"

    def export(self, user):
        return {
            "pending": [
                {
                    "title": page.title,
                    "type": page.specific_class._meta.verbose_name,
                    "created_at": page.latest_revision_created_at,
                    "in_moderation": page.workflow_in_progress,
                }
                for page in Page.objects.filter(owner=user, first_published_at__isnull=True)
            ],
            "submitted_for_approval": [
                {"object_id": s.object_id, "status": s.status, "created_at": s.created_at}
                for s in WorkflowState.objects.filter(requested_by=user)
            ],
            "revisions_written": Revision.objects.filter(user=user).count(),
        }

    def erase(self, user):
        for page in pending_pages(user):
            DeletePageAction(page).execute(skip_permission_checks=True)
