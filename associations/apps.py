from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "associations"
    verbose_name = _("Associations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from . import personal_data, signals, trainings  # noqa: F401 - they register themselves
        from .member_pages import grant_on_new_index

        post_save.connect(grant_on_new_index, dispatch_uid="associations.grant_on_new_index")
