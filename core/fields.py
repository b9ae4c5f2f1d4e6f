"""A model field holding a list of choices, on SQLite and PostgreSQL alike."""

from django import forms
from django.core import exceptions
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A JSON list of choice values, edited as a group of checkboxes.

    Used for the audience and languages of a training: a handful of values per row, copied
    as they are to the translations, with no need for a join table. `item_choices` may be a
    callable, asked each time a form is built or a value checked, for choices that editors
    keep in the database (a taxonomy snippet's slugs).
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self._item_choices = item_choices if callable(item_choices) else list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    @property
    def item_choices(self):
        if callable(self._item_choices):
            return list(self._item_choices())
        return self._item_choices

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # Choices read from the database are data, not schema: migrations do not record them.
        if not callable(self._item_choices):
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
            # A callable is passed on as it is: the form asks it when it renders or validates.
            choices=self._item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, values):
        lookup = dict(self.item_choices)
        return [lookup.get(value, value) for value in values or []]
