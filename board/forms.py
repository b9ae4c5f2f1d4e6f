"""The forms of the board: a member's listing, and a message to the association behind one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DescribedMixin

from .models import BoardListingPage, latest_expiry


class BoardListingForm(DescribedMixin, forms.ModelForm):
    """A member's listing for their association (sent to the editors)."""

    class Meta:
        model = BoardListingPage
        fields = (
            "title",
            "kind",
            "summary",
            "description",
            "themes",
            "fields_of_activity",
            "municipality",
            "starts_on",
            "expires_on",
            "time_needed",
            "suitable_for",
        )
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Headline")

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        if value and value > latest_expiry():
            raise forms.ValidationError(_("A listing may stay up at most six months."))
        return value
