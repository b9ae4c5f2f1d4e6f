"""The one reader of dates that come from outside (query strings, forms, pasted lists).

A valid date near year 1 or 9999 is not a harmless value: the moment a page adds a day, goes
to the start of the week or turns it into a time of day it overflows (a 500). So every date
from outside is read here, with bounds, and a date out of bounds is refused with a reason
like any other bad value."""

import datetime
import re

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The dates any page of the site deals with: far beyond every training, call and booking,
# and far enough from the ends of Python's calendar for any arithmetic a page does.
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2100, 12, 31)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")


class DateParamError(ValueError):
    """A date from outside that cannot be used; `message` says why, in the active language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _out_of_bounds(value, earliest, latest):
    return DateParamError(
        _("“%(value)s” is not between %(earliest)s and %(latest)s.")
        % {
            "value": value[:20],
            "earliest": date_format(earliest, "SHORT_DATE_FORMAT"),
            "latest": date_format(latest, "SHORT_DATE_FORMAT"),
        }
    )


def parse_date_param(value, *, earliest=EARLIEST, latest=LATEST):
    """`value` as a date (YYYY-MM-DD) from `earliest` to `latest`; raises DateParamError."""
    text = (value or "").strip()
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise DateParamError(
            _("“%(value)s” is not a date (use YYYY-MM-DD).") % {"value": text[:20]}
        ) from None
    if not earliest <= day <= latest:
        raise _out_of_bounds(text, earliest, latest)
    return day


def parse_month_param(value, *, earliest=EARLIEST, latest=LATEST):
    """`value` (YYYY-MM) as the first day of that month; raises DateParamError."""
    text = (value or "").strip()
    try:
        if not _ISO_MONTH.fullmatch(text):
            raise ValueError(text)
        first = datetime.date.fromisoformat(f"{text}-01")
    except ValueError:
        raise DateParamError(
            _("“%(value)s” is not a month (use YYYY-MM).") % {"value": text[:20]}
        ) from None
    if not earliest.replace(day=1) <= first <= latest:
        raise _out_of_bounds(text, earliest, latest)
    return first


class BoundedDateField(forms.DateField):
    """A form's date field that refuses dates out of bounds with a field error."""

    default_error_messages = {
        "out_of_bounds": gettext_lazy("Give a date between %(earliest)s and %(latest)s."),
    }

    def __init__(self, *args, earliest=EARLIEST, latest=LATEST, **kwargs):
        super().__init__(*args, **kwargs)
        self.earliest, self.latest = earliest, latest

    def validate(self, value):
        super().validate(value)
        if value is not None and not self.earliest <= value <= self.latest:
            raise forms.ValidationError(
                self.error_messages["out_of_bounds"],
                code="out_of_bounds",
                params={
                    "earliest": date_format(self.earliest, "SHORT_DATE_FORMAT"),
                    "latest": date_format(self.latest, "SHORT_DATE_FORMAT"),
                },
            )
