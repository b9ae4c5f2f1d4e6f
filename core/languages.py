"""The languages a training is taught in or an association serves, as code constants: every
app that says which languages something is in uses the same codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    PLAIN_FINNISH = "fi-plain", _("Plain Finnish (selkosuomi)")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    UKRAINIAN = "uk", _("Ukrainian")
    RUSSIAN = "ru", _("Russian")
    ARABIC = "ar", _("Arabic")
