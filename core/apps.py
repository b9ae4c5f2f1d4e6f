from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared vocabulary and small tools (safe CSV, bounded dates); imports no other app of ours."""

    name = "core"
    verbose_name = _("Core")
