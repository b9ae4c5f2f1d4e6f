from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and pages")

    def ready(self):
        from core import news, retention

        from . import report, search  # noqa: F401 - they register themselves
        from .models import latest_news, retention_days_of_default_site

        # The apps below `home` read these through core's registries, never by importing home.
        news.register(latest_news)
        retention.register(retention_days_of_default_site)
