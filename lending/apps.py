from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LendingConfig(AppConfig):
    name = "lending"
    verbose_name = _("Spaces and equipment")

    def ready(self):
        # Register the owner's spaces and equipment on its profile, a person's bookings in
        # their data download and account deletion, and the busy blocks as calendar events.
        from . import offerings, personal_data, report, signals  # noqa: F401
