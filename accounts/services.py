"""Accounts that signed up but never confirmed their address.

Anyone can sign up with anyone's address, so an unconfirmed account must not stand in the
real owner's way: its confirmation link acts only on POST (mail scanners open links), the
password-reset link works for it (proving the mailbox, it replaces the password the sign-up
chose and activates the account), and it is deleted a day after the sign-up
(`manage.py purge_unverified_accounts`, hourly).

The sign-up form marks its accounts with an `UnconfirmedSignUp` until they are confirmed;
accounts that editors create or deactivate are never marked, so nothing here touches them.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.users.models import UserProfile

from .models import UnconfirmedSignUp

UNVERIFIED_KEPT = datetime.timedelta(days=1)


class VerificationTokenGenerator(PasswordResetTokenGenerator):
    """The token in the sign-up link: salted apart from password-reset tokens (one link must
    not serve as the other), and void once the account is active, so it works once."""

    # Named after the module's first home: another salt would void the links already sent.
    key_salt = "associations.accounts.VerificationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


verification_tokens = VerificationTokenGenerator()


def holder_of(email):
    """The account that already has `email` as its address or its username, or None."""
    return (
        get_user_model()
        ._default_manager.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .first()
    )


def sign_up(*, email, password, first_name, last_name, language):
    """A new unconfirmed account, or None when the address has an account already. The
    sign-up page answers the same either way (and the email says the rest), so that it does
    not tell strangers who has an account; the password is hashed either way, so that the
    answer takes as long."""
    if holder_of(email) is None:
        try:
            with transaction.atomic():
                user = get_user_model()._default_manager.create_user(
                    username=email,
                    email=email,
                    password=password,
                    first_name=first_name,
                    last_name=last_name,
                    is_active=False,
                )
                UnconfirmedSignUp.objects.create(user=user, created_at=user.date_joined)
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = language
                profile.save()
            return user
        except IntegrityError:  # the same address signed up twice at once
            return None
    make_password(password)
    return None


def unverified():
    return get_user_model()._default_manager.filter(
        is_active=False, unconfirmed_sign_up__isnull=False
    )


def is_unverified(user):
    return unverified().filter(pk=user.pk).exists()


def activate(user):
    """The address is confirmed (by the sign-up link or a password-reset link)."""
    user.is_active = True
    user.save(update_fields=["is_active"])
    UnconfirmedSignUp.objects.filter(user=user).delete()


def purge_unverified(now=None):
    """Delete the accounts not confirmed within a day of signing up; returns how many."""
    cutoff = (now or timezone.now()) - UNVERIFIED_KEPT
    stale = unverified().filter(unconfirmed_sign_up__created_at__lt=cutoff)
    count = stale.count()
    stale.delete()
    return count
