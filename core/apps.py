from django.apps import AppConfig, apps
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared vocabulary and small tools (safe CSV, bounded dates); imports no other app of ours."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.urls import register_converter

        from . import alert_report, lookups  # noqa: F401  (they register themselves)
        from .converters import IdConverter
        from .sites import apply_base_url_after_migrate, check_default_site

        # Sent once per migrated app; the sites table is Wagtail's, so listen for that app.
        post_migrate.connect(
            apply_base_url_after_migrate,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="core.apply_base_url",
        )
        checks.register(check_default_site, checks.Tags.sites)
        # `<id:…>` in every app's URLs: ids past 64 bits are a 404, not a database error.
        register_converter(IdConverter, "id")
