"""The yearly report as a public page: the council chooses to publish a year's report (the
same figures as the admin view), with its own words around it; it prints cleanly."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock

from .build import EARLIEST_YEAR, build, years_of


class YearlyReportPage(Page):
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(EARLIEST_YEAR), MaxValueValidator(2100)],
        help_text=_("The figures of this year are shown beside the year before."),
    )
    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    body = StreamField(
        BodyBlock(),
        verbose_name=_("words after the figures"),
        blank=True,
        help_text=_("What the council concludes: shown after the tables."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = [
        SynchronizedField("year"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["years"] = years_of(self.year)
        context["report"] = build(self.year)
        return context
