from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding")

    def ready(self):
        from . import alerts, highlights, offerings, report, signals  # noqa: F401 - they register themselves
