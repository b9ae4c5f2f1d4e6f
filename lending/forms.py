"""The booking request forms. Field rules here; the resource's rules are in services."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import BoundedDateField, DateParamError, parse_date_param
from core.forms import DescribedMixin

from .models import EquipmentPage, SpaceClosedDate, SpaceOpeningHours, SpacePage, Weekday


class DescribedForm(DescribedMixin, forms.Form):
    """A form whose inputs point to their help text and errors (`core.forms.DescribedMixin`)."""


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
    date = BoundedDateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Format: YYYY-MM-DD."),
    )
    start = forms.TimeField(
        label=pgettext_lazy("start time", "From"),
        widget=forms.TimeInput(attrs={"type": "time", "step": 900}),
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
    first_day = BoundedDateField(
        label=_("Pickup day"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Format: YYYY-MM-DD."),
    )
    last_day = BoundedDateField(
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


# --- members list their association's spaces and equipment -----------------------------------


class DescribedModelForm(forms.ModelForm):
    describe = DescribedForm.describe


LENDABLE_FIELDS = (
    "title",
    "summary",
    "description",
    "address",
    "municipality",
)
PRICE_AND_CONTACT_FIELDS = (
    "booking_mode",
    "advance_days",
    "price_mode",
    "price_member",
    "price_other",
    "price_note",
    "terms",
    "contact_role",
    "contact_email",
)


def _hour_field(label):
    return forms.TimeField(
        label=label, required=False, widget=forms.TimeInput(attrs={"type": "time", "step": 900})
    )


class SpaceListingForm(DescribedModelForm):
    """A member's description of a space of their association (sent to the editors). The
    bookable hours are one span a weekday; empty means closed that day."""

    closed_dates_text = forms.CharField(
        label=_("Closed dates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One date a line, YYYY-MM-DD."),
    )

    class Meta:
        model = SpacePage
        fields = (
            *LENDABLE_FIELDS,
            "latitude",
            "longitude",
            "capacity",
            "area_m2",
            "facilities",
            "accessibility",
            "accessibility_note",
            "min_minutes",
            "max_minutes",
            "buffer_before",
            "buffer_after",
            *PRICE_AND_CONTACT_FIELDS,
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Name of the space")
        self.weekdays = list(Weekday)
        for day in self.weekdays:
            self.fields[f"opens_{day.value}"] = _hour_field(
                _("%(weekday)s: bookable from") % {"weekday": day.label}
            )
            self.fields[f"closes_{day.value}"] = _hour_field(
                _("%(weekday)s: bookable until") % {"weekday": day.label}
            )
        page = self.instance
        if not self.is_bound and page is not None:
            for hours in page.opening_hours.all():
                self.initial.setdefault(f"opens_{hours.weekday}", hours.opens)
                self.initial.setdefault(f"closes_{hours.weekday}", hours.closes)
            self.initial["closed_dates_text"] = "\n".join(
                closed.date.isoformat() for closed in page.closed_dates.all()
            )

    def clean_closed_dates_text(self):
        dates = []
        for line in self.cleaned_data["closed_dates_text"].split():
            try:
                day = parse_date_param(line)
            except DateParamError as error:
                raise forms.ValidationError(error.message) from None
            if day not in dates:
                dates.append(day)
        if len(dates) > 366:
            raise forms.ValidationError(_("Give at most 366 closed dates."))
        return sorted(dates)

    def clean(self):
        data = super().clean()
        self.hours = []
        for day in self.weekdays:
            opens, closes = data.get(f"opens_{day.value}"), data.get(f"closes_{day.value}")
            if opens is None and closes is None:
                continue
            if opens is None or closes is None:
                self.add_error(
                    f"closes_{day.value}" if closes is None else f"opens_{day.value}",
                    _("Give both the start and the end, or neither (closed)."),
                )
            elif closes != datetime.time(0) and closes <= opens:
                self.add_error(f"closes_{day.value}", _("The end must be after the start."))
            else:
                self.hours.append((day.value, opens, closes))
        return data

    def apply_to(self, page):
        """Copy the hours and closed dates onto `page` (its cluster, saved with it)."""
        page.opening_hours = [
            SpaceOpeningHours(weekday=weekday, opens=opens, closes=closes, sort_order=i)
            for i, (weekday, opens, closes) in enumerate(self.hours)
        ]
        page.closed_dates = [
            SpaceClosedDate(date=day, sort_order=i)
            for i, day in enumerate(self.cleaned_data["closed_dates_text"])
        ]
        return page


class EquipmentListingForm(DescribedModelForm):
    """A member's description of equipment their association lends (sent to the editors)."""

    class Meta:
        model = EquipmentPage
        fields = (
            "title",
            "category",
            "summary",
            "description",
            "quantity",
            "max_loan_days",
            "address",
            "municipality",
            "condition_notes",
            "deposit",
            *PRICE_AND_CONTACT_FIELDS,
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Name of the equipment")
        self.fields["address"].label = _("Pickup address")

    def apply_to(self, page):
        return page
