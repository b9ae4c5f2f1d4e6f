from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared vocabulary and small tools (safe CSV, bounded dates); imports no other app of ours."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.urls import register_converter

        from . import personal_data
        from .converters import IdConverter

        # `<id:…>` in every app's URLs: ids past 64 bits are a 404, not a database error.
        register_converter(IdConverter, "id")
        # Deleting a user, by any path, erases what the apps registered about them.
        personal_data.connect()
