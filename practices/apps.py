from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good-practice library")

    def ready(self):
        # Show an association's good practices on its profile, lead its members to them from
        # the association's management page, and let the site search find them.
        from . import member_area, offerings, search  # noqa: F401
