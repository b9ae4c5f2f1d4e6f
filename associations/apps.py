from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "associations"
    verbose_name = _("Associations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from . import (  # noqa: F401 - they register themselves
            account_section,
            personal_data,
            report,
            search,  # noqa: F401 - after signals
            signals,
        )
        from .member_pages import grant_on_new_index
        from .permissions import AssociationPagePermissionPolicy

        post_save.connect(grant_on_new_index, dispatch_uid="associations.grant_on_new_index")
        # Every admin view asks the page permission policy: the association rule lives there.
        register_permission_policy(Page, AssociationPagePermissionPolicy(Page))
