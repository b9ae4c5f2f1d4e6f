"""The admin form of a source: the organiser from the live Finnish directory, the default
themes as checkboxes of the Finnish themes."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from associations.models import AssociationPage
from catalogue.models import Theme

from .models import KeywordTheme


class SourceForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["organiser"] = forms.ModelChoiceField(
            label=self.fields["organiser"].label,
            help_text=self.fields["organiser"].help_text,
            queryset=AssociationPage.objects.live().filter(locale=default).order_by("title"),
        )
        self.fields["themes"] = forms.ModelMultipleChoiceField(
            label=self.fields["themes"].label,
            help_text=self.fields["themes"].help_text,
            queryset=Theme.objects.filter(locale=default).order_by("sort_order", "name"),
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )


class KeywordThemeForm(WagtailAdminModelForm):
    """A keyword gives a Finnish theme (the training's other languages follow it)."""

    class Meta:
        model = KeywordTheme
        fields = ["keyword", "label", "theme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"] = forms.ModelChoiceField(
            label=self.fields["theme"].label,
            queryset=Theme.objects.filter(locale=Locale.get_default()).order_by(
                "sort_order", "name"
            ),
        )
