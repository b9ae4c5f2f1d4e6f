"""The booking request forms. Field rules here; the resource's rules are in services."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _


class DescribedForm(forms.Form):
    """Inputs point to their help text and errors (aria-describedby), so screen readers
    read them with the field."""

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


class AssociationChoiceMixin:
    def set_associations(self, associations):
        choices = [(str(a.pk), a.localized.title) for a in associations]
        self.fields["association"].choices = choices
        if len(choices) == 1:
            self.fields["association"].initial = choices[0][0]
        self.associations = {str(a.pk): a for a in associations}

    def clean_association(self):
        value = self.cleaned_data["association"]
        return self.associations[value]


class SpaceRequestForm(AssociationChoiceMixin, DescribedForm):
    association = forms.ChoiceField(label=_("On behalf of"))
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Format: YYYY-MM-DD."),
    )
    start = forms.TimeField(
        label=_("From"), widget=forms.TimeInput(attrs={"type": "time", "step": 900})
    )
    end = forms.TimeField(
        label=_("Until"),
        widget=forms.TimeInput(attrs={"type": "time", "step": 900}),
        help_text=_("00:00 means midnight at the end of the day."),
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Message to the owner"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is the event, how many people come?"),
    )
    accept_terms = forms.BooleanField(label=_("I have read the terms of use"))

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.set_associations(associations)

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start"), data.get("end")
        if day and start and end:
            data["starts_at"] = datetime.datetime.combine(day, start)
            end_day = day + datetime.timedelta(days=1) if end == datetime.time(0) else day
            data["ends_at"] = datetime.datetime.combine(end_day, end)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end", _("The end must be after the start."))
        return data


class EquipmentRequestForm(AssociationChoiceMixin, DescribedForm):
    association = forms.ChoiceField(label=_("On behalf of"))
    first_day = forms.DateField(
        label=_("Pickup day"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Format: YYYY-MM-DD."),
    )
    last_day = forms.DateField(
        label=_("Return day"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Format: YYYY-MM-DD."),
    )
    quantity = forms.IntegerField(label=_("How many"), min_value=1, initial=1)
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Message to the owner"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    accept_terms = forms.BooleanField(label=_("I have read the terms of use"))

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.set_associations(associations)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The return day must not be before the pickup day."))
        return data


class ReasonForm(DescribedForm):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the other party."),
    )


class CancelForm(DescribedForm):
    reason = forms.CharField(
        label=_("Why do you cancel?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
