"""A list of links edited as one link per line: simple for volunteers, one JSON column."""

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_LINKS = 8


class URLLinesFormField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        return lines

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(value) > MAX_LINKS:
            raise forms.ValidationError(
                _("Give at most %(max)s links."), params={"max": MAX_LINKS}, code="too_many"
            )
        validator = URLValidator(schemes=["https", "http"])
        for line in value:
            try:
                validator(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(line)s” is not a web address (it should start with https://)."),
                    params={"line": line},
                    code="invalid",
                ) from None

    def run_validators(self, value):
        for line in value or []:
            if len(line) > 300:
                raise forms.ValidationError(_("A link is too long."), code="max_length")


class URLListField(models.JSONField):
    """A JSON list of URLs, edited one per line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return URLLinesFormField(
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )
