from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CalendarsConfig(AppConfig):
    """iCalendar feeds shared by the catalogue, funding and lending apps."""

    name = "calendars"
    verbose_name = _("Calendars")

    def ready(self) -> None:
        # Imported here: the signals module needs the app registry to be ready.
        from . import report, signals  # noqa: F401 - report registers itself

        signals.connect()
        post_migrate.connect(signals.fill_stored_events, sender=self)
