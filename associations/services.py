"""The rules of membership and moderation, each in one transaction: join requests, invitations,
handing over the admin role, and submitting a member's changes to the editors' workflow."""

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowState

from . import emails
from .models import AssociationPage, Invitation, Membership, MembershipStatus, Role
from .permissions import admins_of, can_edit, can_manage_members, forget_cached_roles

INVITATION_SALT = "associations.invitation"


# Membership ----------------------------------------------------------------------------------


@transaction.atomic
def request_to_join(user, association, message=""):
    membership, created = Membership.objects.get_or_create(
        user=user,
        association=association,
        defaults={"status": MembershipStatus.REQUESTED, "message": message[:600]},
    )
    if created:
        emails.join_requested(membership)
    return membership


def _check_manager(actor, association):
    if not can_manage_members(actor, association):
        raise PermissionDenied


def _membership_of(association, membership_id):
    try:
        return Membership.objects.select_for_update().get(pk=membership_id, association=association)
    except Membership.DoesNotExist:
        raise PermissionDenied from None


@transaction.atomic
def approve_join_request(actor, association, membership_id):
    _check_manager(actor, association)
    membership = _membership_of(association, membership_id)
    if membership.status != MembershipStatus.REQUESTED:
        return membership
    membership.status = MembershipStatus.ACTIVE
    membership.role = Role.MEMBER
    membership.approved_at = timezone.now()
    membership.approved_by = actor
    membership.save()
    emails.join_approved(membership)
    return membership


@transaction.atomic
def remove_member(actor, association, membership_id):
    """Remove a member or decline a join request. The last admin cannot be removed: hand the
    role over first, so an association is never left without an admin."""
    _check_manager(actor, association)
    membership = _membership_of(association, membership_id)
    if membership.is_admin and admins_of(association).count() <= 1:
        raise ValidationError(_("Hand over the admin role before removing the last admin."))
    was_request = membership.status == MembershipStatus.REQUESTED
    membership.delete()
    emails.membership_ended(membership, declined=was_request)
    return membership


@transaction.atomic
def leave(user, association):
    membership = (
        Membership.objects.select_for_update().filter(user=user, association=association).first()
    )
    if membership is None:
        return
    others_remain = association.memberships.filter(status=MembershipStatus.ACTIVE).count() > 1
    if membership.is_admin and admins_of(association).count() <= 1 and others_remain:
        raise ValidationError(_("Hand over the admin role to another member before leaving."))
    membership.delete()
    forget_cached_roles(user)


@transaction.atomic
def hand_over_admin(actor, association, membership_id, *, keep_admin=False):
    """Make another active member an admin; the actor becomes a plain member unless
    `keep_admin`. Editors can appoint an admin without being one."""
    _check_manager(actor, association)
    target = _membership_of(association, membership_id)
    if target.status != MembershipStatus.ACTIVE:
        raise ValidationError(_("Only an active member can become an admin."))
    target.role = Role.ADMIN
    target.save(update_fields=["role"])
    if not keep_admin:
        Membership.objects.filter(user=actor, association=association, role=Role.ADMIN).exclude(
            pk=target.pk
        ).update(role=Role.MEMBER)
    forget_cached_roles(actor)
    emails.admin_handed_over(target)
    return target


# Invitations ---------------------------------------------------------------------------------


def invitation_token(invitation):
    return signing.dumps(str(invitation.key), salt=INVITATION_SALT, compress=True)


@transaction.atomic
def invite(actor, association, email, role=Role.MEMBER):
    _check_manager(actor, association)
    email = email.strip().lower()
    if association.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("This person already belongs to the association."))
    invitation = Invitation.objects.create(
        association=association, email=email, role=role, invited_by=actor
    )
    emails.invitation(invitation, invitation_token(invitation))
    return invitation


class InvitationError(Exception):
    """A link that was tampered with, has expired or was used already; the message says which."""


class InvitationForAnotherAddress(InvitationError):
    """The link is valid, but the logged-in account's address is not the one invited."""

    def __init__(self):
        super().__init__(
            _(
                "This invitation was sent to another email address. Log in with the account "
                "of that address to accept it."
            )
        )


def is_invited(user, invitation):
    """Whether `user` is the person the invitation was emailed to. The link alone is not enough
    (it can be forwarded or leak): the account's address must be the invited one, and
    verified, which an active account's is (sign-up confirms it and only editors change it)."""
    email = (user.email or "").strip().lower()
    return user.is_active and bool(email) and email == invitation.email.strip().lower()


def invitation_from_token(token):
    max_age = Invitation.VALID_DAYS * 24 * 3600
    try:
        key = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise InvitationError(_("This invitation has expired. Ask for a new one.")) from None
    except signing.BadSignature:
        raise InvitationError(_("This invitation link is not valid.")) from None
    invitation = Invitation.objects.filter(key=key).select_related("association").first()
    if invitation is None:
        raise InvitationError(_("This invitation has been withdrawn."))
    if invitation.is_used:
        raise InvitationError(_("This invitation has already been used."))
    if invitation.is_expired:
        raise InvitationError(_("This invitation has expired. Ask for a new one."))
    return invitation


@transaction.atomic
def accept_invitation(user, token):
    invitation = invitation_from_token(token)
    # Lock and check again, so that two clicks at once cannot both use it.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_used:
        raise InvitationError(_("This invitation has already been used."))
    if not is_invited(user, invitation):
        raise InvitationForAnotherAddress
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership, created = Membership.objects.get_or_create(
        user=user,
        association=invitation.association,
        defaults={"role": invitation.role, "status": MembershipStatus.ACTIVE},
    )
    if not created:
        membership.status = MembershipStatus.ACTIVE
        if invitation.role == Role.ADMIN:
            membership.role = Role.ADMIN
        membership.save()
    membership.approved_at = timezone.now()
    membership.approved_by = invitation.invited_by
    membership.save(update_fields=["approved_at", "approved_by"])
    forget_cached_roles(user)
    return membership


# Moderation ----------------------------------------------------------------------------------


def moderation_state(page):
    """The page's workflow state in progress or waiting for changes, or None."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
        .select_related("current_task_state")
        .first()
    )


@transaction.atomic
def submit_for_approval(page, user):
    """Save the member's version of `page` as a revision and put it in the editors' queue.

    The live page does not change until an editor approves. A change made while an earlier one
    waits joins the same review; after "changes requested" the review resumes."""
    if not can_edit(user, page):
        raise PermissionDenied
    revision = page.save_revision(user=user, log_action=True)
    state = moderation_state(page)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    elif state is None:
        workflow = page.get_workflow()
        if workflow is None:
            raise ValidationError(_("No approval workflow is set up for this page."))
        workflow.start(page, user)
    return revision


@transaction.atomic
def apply_for_listing(user, index, page):
    """A new association: a draft profile under the directory, the applicant as its admin, and
    the profile in the editors' queue. It is listed when an editor approves."""
    page.live = False
    page.owner = user
    index.add_child(instance=page)
    Membership.objects.create(
        user=user,
        association=page,
        role=Role.ADMIN,
        status=MembershipStatus.ACTIVE,
        approved_at=timezone.now(),
    )
    forget_cached_roles(user)
    submit_for_approval(page, user)
    return page


def association_page_or_404(pk):
    """The Finnish source page of an association by id; translations redirect to it."""
    from django.http import Http404

    page = Page.objects.filter(pk=pk).specific().first()
    if not isinstance(page, AssociationPage):
        raise Http404
    return page.source_page
