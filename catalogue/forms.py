"""The registration form on a training page (no account needed), and the training's admin
form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from associations.permissions import is_editor, may_link_network, may_name


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
    """The admin form of a training: a member (not an editor) names one of their own
    associations as the organiser, so a member adds trainings only for their association, and
    adds as co-organisers only associations they belong to (the co-organisers an editor named
    stay)."""

    def clean(self):
        cleaned_data = super().clean()
        user = self.for_user
        if user is None or is_editor(user):
            return cleaned_data
        organiser = cleaned_data.get("organiser")
        if organiser is None or not may_name(user, organiser):
            self.add_error(
                "organiser",
                _(
                    "Choose your own association: members add trainings only for the "
                    "associations they belong to."
                ),
            )
        co_organisers = self.formsets.get("co_organiser_links")
        for form in co_organisers.forms if co_organisers else ():
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            named = form.cleaned_data.get("organiser")
            if "organiser" in form.changed_data and named and not may_name(user, named):
                form.add_error(
                    "organiser",
                    _(
                        "Members name as co-organisers only associations they belong to; "
                        "ask an editor to add another association."
                    ),
                )
        networks = self.formsets.get("network_links")
        for form in networks.forms if networks else ():
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            named = form.cleaned_data.get("network")
            if "network" in form.changed_data and named and not may_link_network(user, named):
                form.add_error(
                    "network",
                    _(
                        "Members mark a training as the meeting only of a network their "
                        "association belongs to; ask the network's coordinator."
                    ),
                )
        return cleaned_data
