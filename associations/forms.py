"""Front-end forms for volunteers: account, membership and the association profile."""

import math
import unicodedata

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from core import ratelimit
from core.languages import Language
from core.regions import Municipality
from core.uploads import ImageUploadField

from . import accounts, login_limits
from .fields import URLLinesFormField
from .models import AssociationPage, CooperationTheme, FieldOfActivity, Role
from .validators import (
    normalise_business_id,
    normalise_registry_number,
    validate_business_id,
    validate_registry_number,
)

LOGO_MAX_BYTES = 2 * 1024 * 1024


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
        if ratelimit.hit("password_reset:email", to_email.strip().lower(), limit, window):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


class AdminPasswordResetForm(LimitedPasswordResetMixin, WagtailPasswordResetForm):
    """Wagtail's form, with the limit per address."""


class AccountPasswordResetForm(LimitedPasswordResetMixin, PasswordResetForm):
    """Django's form, also for accounts that never confirmed their address: when a stranger
    signed up with it first, a reset is how the address's owner takes the account over."""

    def get_users(self, email):
        yield from super().get_users(email)
        wanted = _comparable(email)
        for user in accounts.unverified().filter(email__iexact=email):
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


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email of the person to invite"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the association (optional)"),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssociationProfileForm(forms.Form):
    """The profile as a volunteer edits it: everything on one plain page, no Wagtail admin."""

    title = forms.CharField(label=_("Name of the association"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences for the directory (at most 300 characters)."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the association does and for whom. Separate paragraphs by a blank line."),
    )
    registry_number = forms.CharField(
        label=_("Association register number"),
        max_length=12,
        required=False,
        help_text=_("Yhdistysrekisterinumero, e.g. 123.456."),
    )
    business_id = forms.CharField(
        label=_("Business ID"),
        max_length=11,
        required=False,
        help_text=_("Y-tunnus, e.g. 1234567-1."),
    )
    municipality = forms.ChoiceField(label=_("Home municipality"), choices=Municipality.choices)
    areas = forms.MultipleChoiceField(
        label=_("Also works in"),
        choices=Municipality.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fields_of_activity = forms.MultipleChoiceField(
        label=_("Fields of activity"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one to three."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages served"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=300, assume_scheme="https"
    )
    email = forms.EmailField(
        label=_("Public contact email"),
        required=False,
        help_text=_("A shared address of the association (e.g. info@…), not a person's."),
    )
    social_links = URLLinesFormField(
        label=_("Social media links"), required=False, help_text=_("One web address per line.")
    )
    logo = ImageUploadField(
        label=_("Logo"),
        required=False,
        max_upload_size=LOGO_MAX_BYTES,
        help_text=_("PNG, JPEG, WebP or GIF, at most 2 MB."),
        error_messages=dict.fromkeys(
            ("invalid_image", "invalid_image_extension", "invalid_image_known_format"),
            _("The logo must be an image file (PNG, JPEG, WebP or GIF)."),
        ),
    )
    logo_alt = forms.CharField(
        label=_("Logo alternative text"),
        max_length=200,
        required=False,
        help_text=_("What the logo shows, e.g. “Logo of Hattula Village Association”."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    partner_themes = forms.MultipleChoiceField(
        label=_("Looking for partners in"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partnership_note = forms.CharField(
        label=_("What kind of partners are you looking for"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, page=None, locale=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.field_objects = {f.slug: f for f in FieldOfActivity.objects.filter(locale=locale)}
        self.theme_objects = {t.slug: t for t in CooperationTheme.objects.filter(locale=locale)}
        self.fields["fields_of_activity"].choices = [
            (slug, f.name) for slug, f in self.field_objects.items()
        ]
        self.fields["partner_themes"].choices = [
            (slug, t.name) for slug, t in self.theme_objects.items()
        ]

    @classmethod
    def initial_from(cls, page):
        return {
            "title": page.title,
            "summary": page.summary,
            "description": page.description,
            "registry_number": page.registry_number,
            "business_id": page.business_id,
            "municipality": page.municipality,
            "areas": page.areas,
            "fields_of_activity": [link.field.slug for link in page.field_links.all()],
            "languages": page.languages,
            "website": page.website,
            "email": page.email,
            "social_links": page.social_links,
            "logo_alt": page.logo_alt,
            "partner_themes": [link.theme.slug for link in page.partner_theme_links.all()],
            "partnership_note": page.partnership_note,
        }

    def clean_registry_number(self):
        value = normalise_registry_number(self.cleaned_data["registry_number"])
        if value:
            validate_registry_number(value)
            duplicates = AssociationPage.objects.filter(
                registry_number=value, locale__language_code="fi"
            )
            if self.page is not None and self.page.pk:
                duplicates = duplicates.exclude(translation_key=self.page.translation_key)
            if duplicates.exists():
                raise ValidationError(
                    _(
                        "An association with this register number is already listed. If it is "
                        "yours, ask to join it instead."
                    ),
                    code="duplicate",
                )
        return value

    def clean_business_id(self):
        value = normalise_business_id(self.cleaned_data["business_id"])
        if value:
            validate_business_id(value)
        return value

    def clean_fields_of_activity(self):
        values = self.cleaned_data["fields_of_activity"]
        if len(values) > 3:
            raise ValidationError(_("Choose at most three fields of activity."))
        return values

    def clean(self):
        data = super().clean()
        has_logo = bool(data.get("logo")) or (
            self.page is not None and self.page.logo_id and not data.get("remove_logo")
        )
        if has_logo and not data.get("logo_alt", "").strip():
            self.add_error("logo_alt", _("Describe the logo for people who cannot see it."))
        return data
