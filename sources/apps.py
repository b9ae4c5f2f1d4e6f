from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    """Events gathered from other calendars (iCal) and Linked Events APIs into the catalogue."""

    name = "sources"
    verbose_name = _("Sources")
