"""Crisis mode (strategy 6.2.1): exceptional situations declared by editors, the status reports
associations send while one is active, and the readiness library."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from associations.fields import URLListField
from core.fields import ChoiceListField
from core.pages import IndexPage, SourcePageMixin
from core.regions import Municipality

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class Severity(models.TextChoices):
    INFO = "info", _("For information")
    WARNING = "warning", _("Warning")
    SEVERE = "severe", _("Serious")


class ActivityStatus(models.TextChoices):
    NORMAL = "normal", _("Continues as normal")
    REMOTE = "remote", _("Continues remotely")
    PARTLY = "partly", _("Continues in part")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", pgettext_lazy("activity status", "Closed")


# The statuses the public "what continues" board lists.
CONTINUING = [ActivityStatus.NORMAL, ActivityStatus.REMOTE, ActivityStatus.PARTLY]


class HelpKind(models.TextChoices):
    VOLUNTEERS = "volunteers", _("Volunteers")
    PREMISES = "premises", _("Premises")
    TRANSPORT = "transport", _("Transport")
    EQUIPMENT = "equipment", _("Equipment")
    PHONE = "phone", _("Phone support")
    FUNDING = "funding", _("Funding")
    INFORMATION = "information", _("Information and guidance")


class SituationIndexPage(IndexPage):
    """The exceptional situations (one under each home page, written by editors): the active
    ones first, then the archive of past ones, and the readiness library below them."""

    subpage_types = ["crisis.SituationPage", "crisis.ReadinessGuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("exceptional situations")
        verbose_name_plural = _("exceptional situations")

    def listing_context(self, request):
        from .views import situation_index_context

        return situation_index_context(self, request)


class SituationPageQuerySet(PageQuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return (
            self.live()
            .filter(starts_at__lte=now)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        )

    def not_ended(self, now=None):
        now = now or timezone.now()
        return self.live().filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))

    def past(self, now=None):
        return self.live().filter(ends_at__lte=now or timezone.now())


class SituationPage(SourcePageMixin, RoutablePageMixin, Page):
    """An exceptional situation (poikkeustilanne), declared and translated by editors only.
    While it is active a notice links to it from every page; associations report their status
    for it; the public board and the partners' situation picture are its sub-pages. Status
    reports belong to the Finnish page (`source_page`)."""

    summary = models.CharField(
        _("short notice"),
        max_length=250,
        help_text=_("One or two sentences shown in the notice at the top of every page."),
    )
    message = RichTextField(_("message"), features=RICH_TEXT_FEATURES)
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.WARNING
    )
    starts_at = models.DateTimeField(_("starts"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("The notice disappears by itself then.")
    )
    municipalities = ChoiceListField(
        _("affected municipalities"),
        item_choices=Municipality.choices,
        blank=True,
        help_text=_("Leave empty if the whole region is affected."),
    )
    links = URLListField(
        _("links"), blank=True, help_text=_("Authorities' instructions, one web address per line.")
    )

    objects = PageManager.from_queryset(SituationPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("message"),
        MultiFieldPanel(
            [
                FieldPanel("severity"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("municipalities"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("links"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("message"),
        SynchronizedField("slug"),
        SynchronizedField("severity"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("municipalities"),
        SynchronizedField("links"),
    ]

    parent_page_types = ["crisis.SituationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("exceptional situation")
        verbose_name_plural = _("exceptional situations")
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="crisis_situation_dates")]

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.live and self.starts_at <= now and (self.ends_at is None or self.ends_at > now)

    def has_ended(self, now=None):
        return self.ends_at is not None and self.ends_at <= (now or timezone.now())

    def municipality_labels(self):
        return self._meta.get_field("municipalities").labels(self.municipalities)

    def get_context(self, request, *args, **kwargs):
        from .views import situation_context

        context = super().get_context(request, *args, **kwargs)
        context.update(situation_context(self, request))
        return context

    @path("jatkuu/")
    def board(self, request):
        from .views import board_view

        return board_view(self, request)

    @path("tilannekuva/")
    def picture(self, request):
        from .views import picture_view

        return picture_view(self, request)

    @path("tilannekuva/csv/")
    def picture_csv(self, request):
        from .views import picture_csv_view

        return picture_csv_view(self, request)


class ReadinessGuidePage(Page):
    """A guide of the readiness library (preparedness plan template, checklist, contacts),
    written by editors and shown under the exceptional situations, and on the readiness shelf
    of the good-practice library (crisis/readiness_shelf.py)."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES + ["h4", "hr"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("slug"),
    ]

    parent_page_types = ["crisis.SituationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("readiness guide")
        verbose_name_plural = _("readiness guides")

    def get_context(self, request, *args, **kwargs):
        from .views import readiness_guide_context

        context = super().get_context(request, *args, **kwargs)
        context.update(readiness_guide_context(self, request))
        return context


# ---------------------------------------------------------------------------------------------
# Status reports

# What a report says, copied into each version of its history.
REPORT_FIELDS = [
    "status",
    "continues",
    "links",
    "offers",
    "offers_detail",
    "needs",
    "needs_detail",
    "contact_name",
    "contact_email",
    "contact_phone",
    "show_publicly",
    "share_with_partners",
]


class StatusReportQuerySet(models.QuerySet):
    def public(self):
        """What the association agreed to show on the public board."""
        return self.filter(show_publicly=True)

    def shared_with_partners(self):
        return self.filter(share_with_partners=True)

    def continuing(self):
        return self.filter(status__in=CONTINUING)


class StatusReport(models.Model):
    """How one association is doing in one situation; members of the association write it on
    the site and update it as things change; every update is kept as a `StatusReportVersion`."""

    situation = models.ForeignKey(
        SituationPage, on_delete=models.CASCADE, related_name="status_reports"
    )
    association = models.ForeignKey(
        "associations.AssociationPage", on_delete=models.CASCADE, related_name="status_reports"
    )
    status = models.CharField(_("our activity"), max_length=10, choices=ActivityStatus.choices)
    continues = models.TextField(
        _("what continues"),
        max_length=1000,
        blank=True,
        help_text=_("For example: the weekly group meets by phone on Tuesdays at 10."),
    )
    links = URLListField(
        _("links to our trainings, events or remote groups"),
        blank=True,
        help_text=_("One web address per line."),
    )
    offers = ChoiceListField(_("we can offer"), item_choices=HelpKind.choices, blank=True)
    offers_detail = models.TextField(_("about what we offer"), max_length=800, blank=True)
    needs = ChoiceListField(_("we need"), item_choices=HelpKind.choices, blank=True)
    needs_detail = models.TextField(_("about what we need"), max_length=800, blank=True)
    contact_name = models.CharField(_("contact person for partners"), max_length=120)
    contact_email = models.EmailField(_("contact email"), max_length=200)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    show_publicly = models.BooleanField(
        _("show on the public “what continues” board"),
        default=False,
        help_text=_("Our status, what continues and what we offer; not the contact person."),
    )
    share_with_partners = models.BooleanField(
        _("share this report with public partners"),
        default=False,
        help_text=_(
            "Municipalities and the wellbeing services county see the whole report, "
            "contact included, to coordinate help."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = StatusReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["situation", "association"], name="crisis_one_report_per_association"
            )
        ]
        indexes = [models.Index(fields=["situation", "status"], name="crisis_report_status")]

    def __str__(self):
        return f"{self.association} – {self.situation}"

    def offer_labels(self):
        return self._meta.get_field("offers").labels(self.offers)

    def need_labels(self):
        return self._meta.get_field("needs").labels(self.needs)

    def snapshot(self):
        return {name: getattr(self, name) for name in REPORT_FIELDS}


class StatusReportVersion(models.Model):
    """One saved state of a status report: the history partners and the association can read."""

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="versions")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=ActivityStatus.choices)
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("status report version")
        verbose_name_plural = _("status report versions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.report_id} {self.created_at:%Y-%m-%d %H:%M}"
