"""A model field holding a list of choices, on SQLite and PostgreSQL alike."""

from django import forms
from django.core import exceptions
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A JSON list of choice values, edited as a group of checkboxes.

    Used for the audience and languages of a training: a handful of values per row, copied
    as they are to the translations, with no need for a join table.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = [(value, str(label)) for value, label in self.item_choices]
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.item_choices}
        for item in value or []:
            if item not in allowed:
                raise exceptions.ValidationError(
                    _("%(value)s is not one of the choices."), params={"value": item}
                )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, values):
        lookup = dict(self.item_choices)
        return [lookup.get(value, value) for value in values or []]
