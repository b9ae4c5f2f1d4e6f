from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LendingConfig(AppConfig):
    name = "lending"
    verbose_name = _("Spaces and equipment")

    def ready(self):
        # Register the owner's spaces and equipment on its profile, a person's bookings in
        # their data download and account deletion, and the busy blocks as calendar events.
        from . import (  # noqa: F401
            offerings,
            personal_data,
            report,
            search,  # noqa: F401 - after signals
            signals,
        )
