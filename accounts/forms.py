"""The account forms: the site's login, sign-up, password reset and account deletion, and the
Wagtail admin's login and password reset with the same limits."""

import math
import unicodedata

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from core import ratelimit
from core.mail import queue

from . import login_limits, services


def refuse_while_waiting(request, username):
    """The clear message of the login limit (login_limits.py), before any password is tried."""
    wait = login_limits.retry_after(request, username)
    if wait:
        minutes = math.ceil(wait / 60)
        raise ValidationError(
            ngettext(
                "Too many failed login attempts. Try again in %(minutes)s minute.",
                "Too many failed login attempts. Try again in %(minutes)s minutes.",
                minutes,
            )
            % {"minutes": minutes},
            code="throttled",
        )


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's login form, saying so when the login limit makes the user wait."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username:
            refuse_while_waiting(self.request, username)
        return super().clean()


class LoginForm(forms.Form):
    username = forms.CharField(label=_("Email or username"), max_length=254)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean(self):
        username = self.cleaned_data.get("username", "").strip()
        password = self.cleaned_data.get("password")
        if username and password:
            User = get_user_model()
            if "@" in username:
                match = User.objects.filter(email__iexact=username).first()
                if match is not None:
                    username = match.get_username()
            refuse_while_waiting(self.request, username)
            self.user = authenticate(self.request, username=username, password=password)
            if self.user is None:
                inactive = User.objects.filter(username=username, is_active=False).first()
                if inactive is not None and inactive.check_password(password):
                    raise ValidationError(
                        _("Confirm your email address first: follow the link we emailed you.")
                    )
                raise ValidationError(_("The email address or the password is wrong."))
        return self.cleaned_data


RESET_EMAIL_LIMIT = (3, 60 * 60)  # reset emails to one address per window (seconds)


class LimitedPasswordResetMixin:
    """At most three password-reset emails an hour to one address, whichever page asks (the
    site's or the admin's), so that nobody floods a stranger's inbox. Beyond it the page
    answers as always and sends nothing: saying so would tell that the address has an
    account."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        limit, window = RESET_EMAIL_LIMIT
        if not ratelimit.hit("password_reset:email", to_email.strip().lower(), limit, window):
            return
        # As Django's form writes it, but queued instead of sent in the request.
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        message = EmailMultiAlternatives(
            subject, render_to_string(email_template_name, context), from_email, [to_email]
        )
        if html_email_template_name is not None:
            message.attach_alternative(
                render_to_string(html_email_template_name, context), "text/html"
            )
        queue(message, kind="password-reset", about=f"user:{context['user'].pk}")


class AdminPasswordResetForm(LimitedPasswordResetMixin, WagtailPasswordResetForm):
    """Wagtail's form, with the limit per address."""


class AccountPasswordResetForm(LimitedPasswordResetMixin, PasswordResetForm):
    """Django's form, also for accounts that never confirmed their address: when a stranger
    signed up with it first, a reset is how the address's owner takes the account over."""

    def get_users(self, email):
        yield from super().get_users(email)
        wanted = _comparable(email)
        for user in services.unverified().filter(email__iexact=email):
            if user.has_usable_password() and _comparable(user.email) == wanted:
                yield user


def _comparable(email):
    # As Django compares addresses in the reset form: the database's iexact is not Unicode-aware.
    return unicodedata.normalize("NFKC", email).casefold()


class SignUpForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"), max_length=254)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only numbers; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    accept_privacy = forms.BooleanField(
        label=_(
            "I have read the privacy notice and accept that my data is processed for "
            "the use of this service."
        ),
    )

    def clean_email(self):
        # Whether the address has an account is not said here but emailed to it (L5).
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The passwords do not match."))
        elif p1:
            User = get_user_model()
            candidate = User(
                username=data.get("email", ""),
                email=data.get("email", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone."))

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is wrong."))
        return password
