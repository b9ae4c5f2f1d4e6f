from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        # A person's signed answers in their data download and account deletion, the link to
        # the standing training-wish form on the catalogue's listing, and the training wishes
        # in the yearly report.
        from . import personal_data, report, signposts  # noqa: F401
