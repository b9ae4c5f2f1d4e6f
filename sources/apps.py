from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    """Events gathered from other calendars (iCal) and Linked Events APIs into the catalogue."""

    name = "sources"
    verbose_name = _("Sources")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import KeywordTheme, Source, SyncRun
        from .permissions import EditorsOnlyPermissionPolicy

        # Before the admin's viewsets ask for a policy (they would make a fallback one).
        for model in (Source, SyncRun, KeywordTheme):
            register_permission_policy(model, EditorsOnlyPermissionPolicy(model))
