from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "board"
    verbose_name = _("Cooperation board")

    def ready(self):
        # Offer saved searches on the board and show the newest listings on the home page.
        from . import alerts, highlights  # noqa: F401
