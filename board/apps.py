from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "board"
    verbose_name = _("Cooperation board")

    def ready(self):
        # Offer saved searches on the board, show the newest listings on the home page and
        # lead members to their listings from the association's management page.
        from . import alerts, highlights, member_area, search  # noqa: F401
