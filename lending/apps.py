from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LendingConfig(AppConfig):
    name = "lending"
    verbose_name = _("Spaces and equipment")

    def ready(self):
        from . import offerings  # noqa: F401 - registers the profile's spaces and equipment
