"""The good-practice library: associations tell each other what worked for them (a shared
volunteer coordinator, a bookkeeping ring, a digital-support café), so others can do the same.

Members of an association write a practice on the public site; it is saved as a page revision
and sent to the editors' approval workflow (associations.services.submit_for_approval), and
editors translate it with wagtail-localize. A practice names a contact person by name and role,
never an email address: visitors write through the practice's contact form and the message
reaches the association's admins by email. The library also shelves the readiness guides of
crisis mode (practices/readiness.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from associations.models import CooperationTheme, FieldOfActivity
from core.blocks import RICH_TEXT_FEATURES
from core.fields import ChoiceListField
from core.pages import IndexPage, PolicyPermissionsMixin, SourcePageMixin
from core.regions import Municipality

from .querysets import GoodPracticeQuerySet


def theme_choices():
    return CooperationTheme.choices()


def field_choices():
    return FieldOfActivity.choices()


class GoodPracticeIndexPage(RoutablePageMixin, IndexPage):
    """The good-practice library (one under each home page, written by editors): every
    published practice with filters by theme, field of activity, municipality and words, an
    RSS/Atom feed, and the readiness guides of crisis mode on their own shelf."""

    subpage_types = ["practices.GoodPracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("good-practice library")
        verbose_name_plural = _("good-practice libraries")

    def listing_context(self, request):
        from .views import library_context

        return library_context(self, request)

    @path("syote/<str:kind>/")
    def feed(self, request, kind):
        from .views import library_feed_view

        return library_feed_view(self, request, kind)

    @classmethod
    def readiness_url(cls, locale):
        """The library of `locale` narrowed to readiness (its practices and the readiness
        guides), for crisis mode's pages; "" when there is no library."""
        library = cls.objects.live().public().filter(locale=locale).first()
        return f"{library.url}?readiness=1" if library else ""


class GoodPracticePage(PolicyPermissionsMixin, SourcePageMixin, RoutablePageMixin, Page):
    """One good practice of an association: what was done, for whom, how, what it cost and
    what was learnt. Written by the association's members on the site (or by editors),
    approved by editors, listed in the library and on the association's profile."""

    association = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(
        _("what"), max_length=400, help_text=_("The practice in two or three sentences.")
    )
    for_whom = models.TextField(_("for whom"), max_length=600)
    how = RichTextField(_("how"), features=RICH_TEXT_FEATURES)
    cost = models.TextField(
        _("what it cost"),
        max_length=600,
        blank=True,
        help_text=_("Money, work and time, and where the money came from."),
    )
    learned = models.TextField(_("what we learned"), max_length=2000, blank=True)
    contact_name = models.CharField(
        _("contact person"),
        max_length=100,
        blank=True,
        help_text=_(
            "A name or a role. No email address or phone number: people write through "
            "the form on the practice's page."
        ),
    )
    contact_role = models.CharField(
        _("contact person's role"),
        max_length=120,
        blank=True,
        help_text=_("For example “volunteer coordinator”."),
    )
    themes = ChoiceListField(_("themes"), blank=True, item_choices=theme_choices)
    fields_of_activity = ChoiceListField(
        _("fields of activity"), blank=True, item_choices=field_choices
    )
    municipality = models.CharField(_("municipality"), max_length=20, choices=Municipality.choices)
    is_readiness = models.BooleanField(
        _("about readiness for exceptional situations"),
        default=False,
        help_text=_("Shown with the readiness guides of crisis mode."),
    )

    objects = PageManager.from_queryset(GoodPracticeQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("association"),
        FieldPanel("summary"),
        FieldPanel("for_whom"),
        FieldPanel("how"),
        FieldPanel("cost"),
        FieldPanel("learned"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role")], heading=_("Contact")
        ),
        FieldPanel("themes"),
        FieldPanel("fields_of_activity"),
        FieldPanel("municipality"),
        FieldPanel("is_readiness"),
        InlinePanel("attachments", label=_("Attachments")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("for_whom"),
        index.SearchField("how"),
        index.SearchField("learned"),
        index.FilterField("municipality"),
        index.FilterField("is_readiness"),
    ]
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("for_whom"),
        TranslatableField("how"),
        TranslatableField("cost"),
        TranslatableField("learned"),
        TranslatableField("contact_role"),
        SynchronizedField("contact_name"),
        SynchronizedField("association"),
        SynchronizedField("themes"),
        SynchronizedField("fields_of_activity"),
        SynchronizedField("municipality"),
        SynchronizedField("is_readiness"),
    ]

    parent_page_types = ["practices.GoodPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    @property
    def municipality_label(self):
        return Municipality(self.municipality).label if self.municipality else ""

    def get_context(self, request, *args, **kwargs):
        from .views import practice_context

        context = super().get_context(request, *args, **kwargs)
        context.update(practice_context(self, request))
        return context

    @path("ota-yhteytta/")
    def contact(self, request):
        from .views import contact_view

        return contact_view(self, request)


class GoodPracticeAttachment(Orderable):
    """A document of a practice (a plan, a budget, a form others may copy), added by editors
    in the admin from Wagtail's documents, whose upload rules (WAGTAILDOCS_EXTENSIONS) apply."""

    page = ParentalKey(GoodPracticePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)

    panels = [FieldPanel("document"), FieldPanel("title")]

    def __str__(self):
        return self.title
