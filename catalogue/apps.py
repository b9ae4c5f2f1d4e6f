from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Trainings and events")

    def ready(self):
        from . import (  # noqa: F401 - they register themselves
            alerts,
            highlights,
            member_area,
            network_meetings,
            offerings,
            personal_data,
            report,
            search,  # noqa: F401 - after signals: occurrences are written first
            signals,
        )
