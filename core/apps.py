from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared vocabulary and small tools (safe CSV, bounded dates); imports no other app of ours."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import personal_data

        # Deleting a user, by any path, erases what the apps registered about them.
        personal_data.connect()
