"""The site's own pages: home, standard content, news, accessibility statement, site settings."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import highlights
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.pages import IndexPage


class HomePage(Page):
    """The front page of one language version. Editors write the hero; the highlights
    (upcoming trainings, funding closing soon, latest news) are filled in by the apps."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero button text"), max_length=60, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_link_page"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("hero_link_label"),
        SynchronizedField("hero_link_page"),
        TranslatableField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.AccessibilityStatementPage",
        "catalogue.TrainingIndexPage",
        "funding.FundingIndexPage",
        "associations.AssociationIndexPage",
        "associations.NetworkIndexPage",
        "crisis.SituationIndexPage",
        "lending.SpaceIndexPage",
        "lending.EquipmentIndexPage",
        "board.BoardIndexPage",
        "practices.GoodPracticeIndexPage",
        "reports.YearlyReportPage",
        "surveys.SurveyPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .defer_streamfields()
            .order_by("-date", "-pk")[:3]
        )
        context["home_highlight_templates"] = []
        for template_name, provider in highlights.registered():
            context.update(provider(self, request))
            context["home_highlight_templates"].append(template_name)
        return context


class StandardPage(Page):
    """A content page written by editors: guides, about pages, the privacy notice."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = [TranslatableField("intro"), TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "reports.YearlyReportPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsCategory(models.TextChoices):
    NEWS = "news", _("News")
    FUNDING_NEWS = "funding_news", _("Funding news")
    STATEMENT = "statement", _("Statement")
    INITIATIVE = "initiative", _("Initiative")


class NewsIndexPage(IndexPage):
    """The news and publications listing (strategy 5.2.1: statements and initiatives)."""

    subpage_types = ["home.NewsPage"]
    page_size = 12

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def listing_context(self, request):
        news = (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-date", "-pk")
        )
        category = request.GET.get("category", "")
        if category in NewsCategory.values:
            news = news.filter(category=category)
        else:
            category = ""
        paginator = Paginator(news, self.page_size)
        try:
            news_page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            news_page = paginator.page(1)
        return {
            "news_page": news_page,
            "categories": NewsCategory.choices,
            "active_category": category,
            "readers": news_reader_urls(self.locale.language_code, category),
        }


def news_reader_urls(language, category=""):
    """{"rss": …, "atom": …}: the absolute addresses of the news (of one category) for a
    news reader (see `home.syndication`)."""
    tail = f"?category={category}" if category else ""
    with override(language):
        return {
            kind: settings.BASE_URL + reverse(f"news_{kind}") + tail for kind in ("rss", "atom")
        }


class NewsPage(Page):
    """A news item, funding news, statement or initiative written by editors."""

    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.CharField(
        _("category"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("date"),
    ]
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("category"),
        TranslatableField("summary"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(Page):
    """The accessibility statement that the Finnish Act on the Provision of Digital Services
    (306/2019) requires; editors keep it current, the footer links to it."""

    compliance_status = models.CharField(
        _("compliance with WCAG 2.1 AA"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("statement last reviewed on"))
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    non_accessible_content = RichTextField(
        _("content that is not accessible"), features=RICH_TEXT_FEATURES, blank=True
    )
    feedback = RichTextField(_("how to give feedback"), features=RICH_TEXT_FEATURES)
    enforcement = RichTextField(_("enforcement procedure"), features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("compliance_status"),
        FieldPanel("prepared_on"),
        FieldPanel("reviewed_on"),
        FieldPanel("intro"),
        FieldPanel("non_accessible_content"),
        FieldPanel("feedback"),
        FieldPanel("enforcement"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [
        SynchronizedField("compliance_status"),
        SynchronizedField("prepared_on"),
        SynchronizedField("reviewed_on"),
        TranslatableField("intro"),
        TranslatableField("non_accessible_content"),
        TranslatableField("feedback"),
        TranslatableField("enforcement"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details in the footer, the legal pages it links to, and data retention."""

    organisation_name = models.CharField(
        _("organisation"), max_length=200, default="Kanta-Hämeen järjestöneuvottelukunta"
    )
    contact_email = models.EmailField(_("contact email"), default="info@meidanhame.fi")
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=250, blank=True)
    accessibility_statement = models.ForeignKey(
        "home.AccessibilityStatementPage",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_demo_notice = models.BooleanField(
        _("show a demo content notice"),
        default=False,
        help_text=_("Tells visitors that the content is example data (for demo sites)."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep personal data for (days)"),
        default=90,
        help_text=_("Registrants' and borrowers' data is deleted this many days after the event."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
        FieldPanel("retention_days"),
        FieldPanel("show_demo_notice"),
    ]

    class Meta:
        verbose_name = _("site settings")


def latest_news(locale_id, category, count):
    """The latest live, public news items of `category` in the locale (core.news's source)."""
    return (
        NewsPage.objects.live()
        .public()
        .filter(locale_id=locale_id, category=category)
        .defer_streamfields()
        .order_by("-date", "-pk")[:count]
    )


def retention_days_of_default_site():
    """The retention period set for the default site (core.retention's source)."""
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).retention_days if site else None
