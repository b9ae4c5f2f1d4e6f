"""The emails of membership and moderation, each in its recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.users.models import UserProfile

from core.text import single_line


def language_of(user):
    if user is None:
        return settings.LANGUAGE_CODE
    language = UserProfile.get_for_user(user).preferred_language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute(path):
    return f"{settings.BASE_URL}{path}"


def send(recipients, language, subject, paragraphs, link=None, link_text=""):
    """One plain-text email to each address in `recipients`, written in `language`."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    with translation.override(language):
        subject, paragraphs = single_line(str(subject())), [str(p) for p in paragraphs()]
        body = render_to_string(
            "associations/email/message.txt",
            {"paragraphs": paragraphs, "link": link, "link_text": str(link_text)},
        )
        for address in recipients:
            send_mail(f"Meidän Häme: {subject}", body, None, [address])


def _manage_url(association, language):
    with translation.override(language):
        return absolute(reverse("associations:manage", args=[association.pk]))


def _admins(association):
    from .services import admins_of

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
    from .models import AssociationPage
    from .permissions import association_of

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


def verification(user, link):
    send(
        [user.email],
        translation.get_language() or settings.LANGUAGE_CODE,
        lambda: _("Confirm your email address"),
        lambda: [
            _("Welcome to Meidän Häme. Confirm your email address to start using your account."),
            _("If you did not sign up, ignore this message."),
        ],
        link,
        _("Confirm my email address"),
    )


def sign_up_attempted(user):
    """To an address that has an account, when someone signs up with it: the sign-up page
    does not say that the address is taken, this message does, to its owner only."""
    if user is None:  # deleted meanwhile
        return
    language = language_of(user)
    with translation.override(language):
        link = absolute(reverse("associations:password_reset"))
    send(
        [user.email],
        language,
        lambda: _("Someone tried to sign up with your address"),
        lambda: [
            _(
                "Someone tried to sign up for Meidän Häme with this email address, which "
                "already has an account."
            ),
            _("If it was you, log in. If you do not remember your password, set a new one:"),
            _("If it was not you, ignore this message; your account stays as it is."),
        ],
        link,
        _("Set a new password"),
    )
