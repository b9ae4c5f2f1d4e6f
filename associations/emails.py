"""The emails of membership and moderation, each in its recipient's language."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.mail import absolute, language_of, send

from .models import AssociationPage
from .permissions import admins_of, association_of


def _manage_url(association, language):
    with translation.override(language):
        return absolute(reverse("associations:manage", args=[association.pk]))


def _admins(association):
    return [m.user for m in admins_of(association).select_related("user")]


def _to_users(users, subject, paragraphs, link_for=None, link_text=""):
    for user in users:
        language = language_of(user)
        link = link_for(language) if link_for else None
        send([user.email], language, subject, paragraphs, link, link_text)


def join_requested(membership):
    association, person = membership.association, membership.user
    _to_users(
        _admins(association),
        lambda: (
            _("%(name)s asks to join %(association)s")
            % {"name": person.get_full_name() or person.email, "association": association.title}
        ),
        lambda: [
            _("%(name)s (%(email)s) asks to join your association.")
            % {"name": person.get_full_name() or person.username, "email": person.email},
            *(
                [_("Their message: %(message)s") % {"message": membership.message}]
                if membership.message
                else []
            ),
            _("Approve or decline the request on the association's page."),
        ],
        lambda language: _manage_url(association, language),
    )


def join_approved(membership):
    association = membership.association
    _to_users(
        [membership.user],
        lambda: _("You are now a member of %(association)s") % {"association": association.title},
        lambda: [
            _("Your request to join %(association)s was approved.")
            % {"association": association.title}
        ],
        lambda language: _manage_url(association, language),
    )


def membership_ended(membership, declined=False):
    association = membership.association
    names = {"association": association.title}

    def subject():
        if declined:
            return _("Your request to join %(association)s") % names
        return _("You are no longer a member of %(association)s") % names

    def text():
        if declined:
            return [_("An admin of %(association)s declined your request to join.") % names]
        return [_("An admin of %(association)s removed you from its members.") % names]

    _to_users([membership.user], subject, text)


def admin_handed_over(membership):
    association = membership.association
    _to_users(
        [membership.user],
        lambda: _("You are now an admin of %(association)s") % {"association": association.title},
        lambda: [_("You can now invite and remove members and approve join requests.")],
        lambda language: _manage_url(association, language),
    )


def invitation(invitation, token):
    association = invitation.association
    language = language_of(invitation.invited_by)
    with translation.override(language):
        link = absolute(reverse("associations:invitation", args=[token]))
    inviter = invitation.invited_by
    send(
        [invitation.email],
        language,
        lambda: _("Invitation to %(association)s") % {"association": association.title},
        lambda: [
            _("%(name)s invites you to join %(association)s on Meidän Häme.")
            % {
                "name": (inviter.get_full_name() or inviter.username) if inviter else "",
                "association": association.title,
            },
            _("The link works once and expires in %(days)s days.")
            % {"days": invitation.VALID_DAYS},
        ],
        link,
        _("Accept the invitation"),
    )


def moderation_step(page, requester, step, comment=""):
    """To the member who submitted and the association's admins: received, approved (and
    published) or changes requested, with the editor's comment."""
    association = association_of(page)
    recipients = {requester.pk: requester} if requester else {}
    if isinstance(association, AssociationPage):
        for admin in _admins(association.source_page):
            recipients.setdefault(admin.pk, admin)
    subjects = {
        "submitted": lambda: _("Received for approval: %(title)s") % {"title": page.title},
        "approved": lambda: _("Approved and published: %(title)s") % {"title": page.title},
        "rejected": lambda: _("Changes requested: %(title)s") % {"title": page.title},
    }

    def paragraphs():
        text = {
            "submitted": _(
                "Thank you. An editor will check the changes to “%(title)s” and publish them. "
                "We will email you when it is done."
            ),
            "approved": _("An editor approved “%(title)s”. It is now published on the site."),
            "rejected": _(
                "An editor asks for changes to “%(title)s” before it is published. Edit it and "
                "submit it again."
            ),
        }[step] % {"title": page.title}
        result = [text]
        if comment:
            result.append(_("The editor's comment: %(comment)s") % {"comment": comment})
        return result

    def link_for(language):
        if step == "approved" and page.live:
            return page.full_url
        if isinstance(association, AssociationPage):
            return _manage_url(association.source_page, language)
        return None

    _to_users(recipients.values(), subjects[step], paragraphs, link_for)
