from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        # A person's signed answers in their data download and account deletion, and the link
        # to the standing training-wish form on the catalogue's listing.
        from . import personal_data, signposts  # noqa: F401
