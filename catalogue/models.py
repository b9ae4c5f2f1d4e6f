"""The training and event catalogue."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page


class TrainingIndexPage(Page):
    """The catalogue of trainings and events; editors place one under each home page."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training catalogue")
