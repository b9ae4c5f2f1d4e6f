"""The registration form on a training page (no account needed), and the training's admin
form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_(
            "We send a link here to confirm your registration, and later the cancellation link."
        ),
    )
    association = forms.CharField(label=_("Association"), max_length=200)
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    needs = forms.CharField(
        label=_("Accessibility or dietary needs (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are processed as the privacy notice describes."),
        error_messages={"required": _("Registration needs your consent to the privacy notice.")},
    )
    # A field people never see: bots fill it in, and their posts are refused.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    autocomplete = {
        "name": "name",
        "email": "email",
        "association": "organization",
        "phone": "tel",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("id", f"registration-{name}")
            if name in self.autocomplete:
                field.widget.attrs["autocomplete"] = self.autocomplete[name]
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"registration-{name}-help"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field: link it with aria-describedby.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [attrs.get("aria-describedby", ""), f"registration-{name}-error"]
                attrs["aria-describedby"] = " ".join(part for part in described if part)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class TrainingPageForm(WagtailAdminPageForm):
    """The admin form of a training: a member (not an editor) may only name one of their own
    associations as the organiser, so a member adds trainings only for their association."""

    def clean(self):
        from associations.permissions import is_editor, role_in

        cleaned_data = super().clean()
        organiser = cleaned_data.get("organiser")
        user = self.for_user
        if (
            organiser is not None
            and user is not None
            and not is_editor(user)
            and role_in(user, organiser) is None
        ):
            self.add_error(
                "organiser",
                _(
                    "Choose your own association: members add trainings only for the "
                    "associations they belong to."
                ),
            )
        return cleaned_data
