"""Forms every app shares: the aria wiring of help texts and errors, and the forms of a saved
search with email alerts (core/alerts.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AlertFrequency


class DescribedMixin:
    """Inputs point to their help text and errors (aria-describedby), so screen readers read
    them with the field; a field with errors says so (aria-invalid). Call `describe()` before
    rendering."""

    def describe(self):
        for name, field in self.fields.items():
            ids = []
            auto_id = self[name].id_for_label
            if field.help_text:
                ids.append(f"{auto_id}-help")
            if self.is_bound and self.errors.get(name):
                ids.append(f"{auto_id}-errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self


class AlertForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter a valid email address, e.g. name@example.fi."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=AlertFrequency.choices,
        initial=AlertFrequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often you want the email.")},
    )
    # The filters of the list the visitor was looking at, as a query string.
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=AlertFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often you want the email.")},
    )
