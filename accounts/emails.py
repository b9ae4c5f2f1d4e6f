"""The emails of signing up, in the language of the page or of the account's owner."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.mail import absolute, language_of, send


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
        link = absolute(reverse("accounts:password_reset"))
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
