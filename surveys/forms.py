"""The form a survey's questions build: Wagtail's field types, plus a 1–5 scale (a radio
group with its end points labelled) and "which association do you represent" (a choice
among the associations the signed-in member belongs to)."""

import django.forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from associations.permissions import associations_of


def split_choices(value):
    """Choices written one a line (or, on a single line, separated by commas)."""
    lines = [line.strip().rstrip(",").strip() for line in (value or "").strip().splitlines()]
    if len(lines) <= 1:
        lines = [part.strip() for part in (value or "").split(",")]
    return [line for line in lines if line]


class ScaleWidget(django.forms.RadioSelect):
    """The scale's five points in a row, the first and last carrying the end labels."""


class SurveyForm(BaseForm):
    """A survey's form for one person: the association question offers only their own."""

    association_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.association_fields:
            associations = list(associations_of(self.user)) if self.user else []
            answered = self.page.answered_for(associations) if self.page is not None else set()
            self.associations = {str(a.pk): a for a in associations}
            for name in self.association_fields:
                field = self.fields[name]
                field.choices = [("", _("Choose an association"))] + [
                    (str(a.pk), a.title) for a in associations
                ]
                # An association that has answered is not offered again; one chosen in a form
                # opened before it answered is refused with a message that says so.
                field.widget.choices = [
                    choice
                    for choice in field.choices
                    if not choice[0] or int(choice[0]) not in answered
                ]

    def chosen_association(self):
        """The association page chosen in the association question, or None."""
        for name in self.association_fields:
            value = self.cleaned_data.get(name)
            if value:
                return self.associations.get(value)
        return None


class SurveyFormBuilder(FormBuilder):
    def get_formatted_field_choices(self, field):
        return [(choice, choice) for choice in split_choices(field.choices)]

    def get_formatted_field_initial(self, field):
        return split_choices(field.default_value)

    def create_scale_field(self, field, options):
        low = field.scale_low_label or "1"
        high = field.scale_high_label or "5"
        options["choices"] = [
            ("1", f"1 – {low}"),
            ("2", "2"),
            ("3", "3"),
            ("4", "4"),
            ("5", f"5 – {high}"),
        ]
        options["widget"] = ScaleWidget
        options["initial"] = None
        return django.forms.ChoiceField(**options)

    def create_association_field(self, field, options):
        options["choices"] = []
        options["initial"] = None
        return django.forms.ChoiceField(**options)

    def create_checkboxes_field(self, field, options):
        django_field = super().create_checkboxes_field(field, options)
        if not field.default_value:
            django_field.initial = None
        return django_field

    def get_form_class(self):
        association_fields = tuple(
            field.clean_name or field.get_field_clean_name()
            for field in self.fields
            if field.field_type == "association"
        )
        return type(
            "SurveyForm",
            (SurveyForm,),
            {**self.formfields, "association_fields": association_fields},
        )
