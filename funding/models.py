"""Funding opportunities and the funding guide."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page


class FundingIndexPage(Page):
    """The list of funding opportunities; editors place one under each home page."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("funding opportunities")
