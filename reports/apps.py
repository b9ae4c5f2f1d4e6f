from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The yearly report: the sections every app registers in `core.reports`, for editors in
    the admin (with CSV and XLSX) and as a printable page the council may publish."""

    name = "reports"
    verbose_name = _("Yearly report")
    default_auto_field = "django.db.models.BigAutoField"
