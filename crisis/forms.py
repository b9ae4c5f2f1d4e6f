"""The status report form: short plain-text fields, checkboxes for help offered and needed."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import BoundedDateField
from core.regions import Municipality

from .models import REPORT_FIELDS, StatusReport
from .services import clean_text


class StatusReportForm(forms.ModelForm):
    class Meta:
        model = StatusReport
        fields = REPORT_FIELDS
        widgets = {
            "status": forms.RadioSelect,
            "continues": forms.Textarea(attrs={"rows": 4}),
            "offers_detail": forms.Textarea(attrs={"rows": 3}),
            "needs_detail": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            c for c in self.fields["status"].choices if c[0]
        ]  # radio buttons need no empty choice
        for name in ("continues", "offers_detail", "needs_detail", "contact_name"):
            limit = StatusReport._meta.get_field(name).max_length
            self.fields[name].widget.attrs["maxlength"] = limit
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"

    def _plain(self, name):
        value = clean_text(self.cleaned_data.get(name, ""))
        if self.cleaned_data.get(name) and not value:
            raise forms.ValidationError(_("Write plain text, without markup."))
        return value

    def clean_continues(self):
        return self._plain("continues")

    def clean_offers_detail(self):
        return self._plain("offers_detail")

    def clean_needs_detail(self):
        return self._plain("needs_detail")

    def clean_contact_name(self):
        return self._plain("contact_name")

    def clean_contact_phone(self):
        value = clean_text(self.cleaned_data.get("contact_phone", ""))
        if value and not all(ch.isdigit() or ch in "+ -()" for ch in value):
            raise forms.ValidationError(_("Give a phone number, e.g. 040 123 4567."))
        return value

    def clean_links(self):
        links = self.cleaned_data.get("links") or []
        for link in links:
            if not link.lower().startswith(("https://", "http://")):
                raise forms.ValidationError(_("Give full web addresses starting with https://."))
        return links

    def clean(self):
        data = super().clean()
        if data.get("offers_detail") and not data.get("offers"):
            self.add_error("offers", _("Choose what kind of help you offer."))
        if data.get("needs_detail") and not data.get("needs"):
            self.add_error("needs", _("Choose what kind of help you need."))
        return data


class BulkChangeForm(forms.Form):
    """Editors' bulk change of the catalogue: every occurrence in a date range and area."""

    ACTIONS = [
        ("cancel", _("Cancel them")),
        ("online", _("Move them online")),
    ]

    first_day = BoundedDateField(
        label=pgettext_lazy("start of a date range", "From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    last_day = BoundedDateField(
        label=pgettext_lazy("end of a date range", "To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    municipalities = forms.MultipleChoiceField(
        label=_("Municipalities"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for the whole region."),
    )
    action = forms.ChoiceField(label=_("What happens"), choices=ACTIONS, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason shown to visitors"), max_length=300)
    join_link = forms.URLField(
        label=_("Join link for the online meetings"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].choices = Municipality.choices

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The end cannot be before the start."))
        if first and last and (last - first).days > 366:
            self.add_error("last_day", _("Choose at most a year at a time."))
        data["reason"] = clean_text(data.get("reason", ""))
        return data
