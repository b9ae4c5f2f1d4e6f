from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding")

    def ready(self):
        from . import (  # noqa: F401 - they register themselves
            alerts,
            highlights,
            offerings,
            report,
            search,  # noqa: F401 - after signals: deadlines are written first
            signals,
        )
