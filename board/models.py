"""The cooperation board: associations ask each other for help, offer know-how, look for
volunteers, a shared employee or a project partner.

Members of an association write listings on the public site; each is a page saved as a
revision and sent to the editors' approval workflow (as lending's spaces are). A listing has an
expiry date at most six months ahead; it leaves every list and feed on that day by the query
(`BoardListingQuerySet.current`), no job needed. Nobody's email address is shown: people write
through the listing's contact form and the message reaches the association's admins by email.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from associations.models import CooperationTheme, FieldOfActivity
from core.fields import ChoiceListField
from core.pages import IndexPage, PolicyPermissionsMixin, SourcePageMixin
from core.regions import Municipality

from .querysets import BoardListingQuerySet

# The longest a listing may stay up; a reminder goes out a week before it ends.
MAX_VALIDITY_DAYS = 183
REMINDER_DAYS = 7


class ListingKind(models.TextChoices):
    HELP_WANTED = "help-wanted", _("Help wanted")
    HELP_OFFERED = "help-offered", _("Help or know-how offered")
    VOLUNTEERS = "volunteers", _("Volunteers wanted")
    SHARED_EMPLOYEE = "shared-employee", _("Shared employee or joint hire")
    PARTNER = "partner", _("Partner wanted for a project")


class SuitableFor(models.TextChoices):
    YOUNG = "young", _("Young people")
    WORKING_AGE = "working-age", _("Working-age people")
    SENIORS = "seniors", _("Seniors")
    FAMILIES = "families", _("Families")
    ANYONE = "anyone", _("Anyone")


def _taxonomy_choices(model):
    """(slug, name) of a directory taxonomy in the active language, the default language's
    name for a word not yet translated. One query."""
    rows = list(
        model.objects.filter(
            Q(locale__language_code=Locale.get_active().language_code)
            | Q(locale__language_code=settings.LANGUAGE_CODE)
        ).values_list("slug", "name", "locale__language_code")
    )
    active = Locale.get_active().language_code
    names = {slug: name for slug, name, code in rows if code == active}
    for slug, name, _code in rows:
        names.setdefault(slug, name)
    return list(names.items())


def field_choices():
    return _taxonomy_choices(FieldOfActivity)


def theme_choices():
    return _taxonomy_choices(CooperationTheme)


def latest_expiry(today=None):
    return (today or timezone.localdate()) + datetime.timedelta(days=MAX_VALIDITY_DAYS)


class BoardIndexPage(RoutablePageMixin, IndexPage):
    """The cooperation board (one under each home page, written by editors): the current
    listings of every kind, with filters, an RSS/Atom feed and saved-search alerts."""

    subpage_types = ["board.BoardListingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("cooperation board")
        verbose_name_plural = _("cooperation boards")

    def listing_context(self, request):
        from .views import board_listing_context

        return board_listing_context(self, request)

    @path("syote/<str:kind>/")
    def feed(self, request, kind):
        from .views import board_feed_view

        return board_feed_view(self, request, kind)


class BoardListingPage(PolicyPermissionsMixin, SourcePageMixin, RoutablePageMixin, Page):
    """One listing of an association on the cooperation board, written by its members on the
    site (or by editors) and approved by editors. Its page has a contact form; it never shows
    an email address."""

    association = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ListingKind.choices)
    summary = models.TextField(_("summary"), max_length=300)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    themes = ChoiceListField(_("themes"), blank=True, item_choices=theme_choices)
    fields_of_activity = ChoiceListField(
        _("fields of activity"), blank=True, item_choices=field_choices
    )
    municipality = models.CharField(_("municipality"), max_length=20, choices=Municipality.choices)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    expires_on = models.DateField(
        _("listed until"),
        db_index=True,
        help_text=_("The listing leaves the board on this day. At most six months ahead."),
    )
    time_needed = models.CharField(
        _("time needed"),
        max_length=120,
        blank=True,
        help_text=_("For volunteers: for example “one evening, about 4 hours”."),
    )
    suitable_for = ChoiceListField(
        _("suits"), blank=True, item_choices=SuitableFor.choices, help_text=_("For volunteers.")
    )
    reminder_sent_for = models.DateField(null=True, blank=True, editable=False)

    objects = PageManager.from_queryset(BoardListingQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("association"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("fields_of_activity"),
        FieldPanel("municipality"),
        FieldPanel("starts_on"),
        FieldPanel("expires_on"),
        FieldPanel("time_needed"),
        FieldPanel("suitable_for"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("municipality"),
        index.FilterField("expires_on"),
    ]
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("time_needed"),
        SynchronizedField("association"),
        SynchronizedField("kind"),
        SynchronizedField("themes"),
        SynchronizedField("fields_of_activity"),
        SynchronizedField("municipality"),
        SynchronizedField("starts_on"),
        SynchronizedField("expires_on"),
        SynchronizedField("suitable_for"),
    ]

    parent_page_types = ["board.BoardIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("board listing")
        verbose_name_plural = _("board listings")

    def clean(self):
        super().clean()
        errors = {}
        if self.expires_on and self.expires_on > latest_expiry():
            errors["expires_on"] = _("A listing may stay up at most six months.")
        if self.starts_on and self.expires_on and self.starts_on > self.expires_on:
            errors["starts_on"] = _("The start cannot be after the last day.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_expired(self):
        """Gone from the board on its expiry day, as `BoardListingQuerySet.current` says."""
        return self.expires_on <= timezone.localdate()

    @property
    def municipality_label(self):
        return Municipality(self.municipality).label if self.municipality else ""

    def get_sitemap_urls(self, request=None):
        # An ended listing stays at its address (it says it has ended) but leaves the sitemap.
        return [] if self.is_expired else super().get_sitemap_urls(request)

    @property
    def suitable_for_labels(self):
        return self._meta.get_field("suitable_for").labels(self.suitable_for)

    def get_context(self, request, *args, **kwargs):
        from .views import listing_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_page_context(self, request))
        return context

    @path("ota-yhteytta/")
    def contact(self, request):
        from .views import contact_view

        return contact_view(self, request)


class TrustedAssociation(models.Model):
    """An association whose board listings editors trust: after its first listing (always
    approved by an editor), its new listings and changes are published at once. Editors add
    and remove these in the admin (Snippets)."""

    association = models.OneToOneField(
        "associations.AssociationPage",
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("trusted since"), auto_now_add=True)

    panels = [FieldPanel("association"), FieldPanel("note")]

    class Meta:
        verbose_name = _("trusted association on the board")
        verbose_name_plural = _("trusted associations on the board")

    def __str__(self):
        return self.association.title
