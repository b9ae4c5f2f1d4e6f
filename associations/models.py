"""The association directory: fields of activity and cooperation themes (translatable
snippets), the directory page, association profiles, and the people who belong to them; and
the networks the associations form (sub-regional and thematic), with their members and
public partners."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.fields import ChoiceListField
from core.languages import Language
from core.pages import IndexPage, PolicyPermissionsMixin, SourcePageMixin
from core.regions import Municipality, SubRegion, municipalities_of, sub_region_of
from core.taxonomy import TranslatableTaxonomy, unique_slug_per_locale

from .fields import URLListField
from .querysets import AssociationPageQuerySet, NetworkPageQuerySet
from .validators import (
    normalise_business_id,
    normalise_registry_number,
    validate_business_id,
    validate_registry_number,
)

# ---------------------------------------------------------------------------------------------
# Taxonomy snippets


class FieldOfActivity(TranslatableTaxonomy):
    """A field of activity (toimiala) of the regional strategy. Editors keep the list and
    translate it; the strategy's ten fields, and culture and sport, are created by migrations.
    Funding calls are tagged with the same slugs."""

    class Meta(TranslatableTaxonomy.Meta):
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")
        constraints = [unique_slug_per_locale("associations_field_slug_locale")]


class CooperationTheme(TranslatableTaxonomy):
    """A theme an association looks for partners in (joint projects, volunteers, …)."""

    class Meta(TranslatableTaxonomy.Meta):
        verbose_name = _("cooperation theme")
        verbose_name_plural = _("cooperation themes")
        constraints = [unique_slug_per_locale("associations_theme_slug_locale")]


class WelfareArea(models.TextChoices):
    """The four headings of the region's welfare description of associations (the "hyte"
    description written for the municipalities' and the wellbeing area's professionals)."""

    LIFE_SITUATIONS = "life_situations", _("Support in life situations")
    PARTICIPATION = "participation", _("Activity and participation")
    EXPERTISE = "expertise", _("Special expertise")
    SERVICES_INTERFACE = "services_interface", _("At the interface with social and health services")


class TargetGroup(models.TextChoices):
    """Whom an association's activity is for."""

    CHILDREN_FAMILIES = "children_families", _("Children and families")
    YOUNG = "young", _("Young people")
    WORKING_AGE = "working_age", _("Working-age adults")
    OLDER = "older", _("Older people")
    DISABLED = "disabled", _("People with disabilities")
    LONG_TERM_ILL = "long_term_ill", _("People with long-term illnesses")
    IMMIGRANTS = "immigrants", _("Immigrants")
    CARERS = "carers", _("Family carers")
    UNEMPLOYED = "unemployed", _("Unemployed people")
    EVERYONE = "everyone", _("Everyone")


# ---------------------------------------------------------------------------------------------
# Pages


class AssociationIndexPage(RoutablePageMixin, IndexPage):
    """The association directory (one under each home page, written by editors): profiles with
    filters and A–Z, and the statistics of the association field at tilastot/."""

    subpage_types = ["associations.AssociationPage"]

    class Meta:
        verbose_name = _("association directory")
        verbose_name_plural = _("association directories")

    def listing_context(self, request):
        from .views import directory_context

        return directory_context(self, request)

    @path("tilastot/")
    def statistics(self, request):
        from .views import statistics_view

        return statistics_view(self, request)

    @path("tilastot/csv/")
    def statistics_csv(self, request):
        from .views import statistics_csv_view

        return statistics_csv_view(self, request)


class AssociationPage(PolicyPermissionsMixin, SourcePageMixin, Page):
    """An association's profile. Its own members write it through the front-end forms (or the
    admin); every change is approved by an editor. It appears in the directory, the statistics
    and, as organiser or owner, on the association's trainings, spaces and equipment.
    Memberships belong to the Finnish page (`source_page`)."""

    registry_number = models.CharField(
        _("association register number"),
        max_length=12,
        blank=True,
        validators=[validate_registry_number],
        help_text=_("Yhdistysrekisterinumero, e.g. 123.456."),
    )
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("Y-tunnus, e.g. 1234567-1."),
    )
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the directory.")
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    municipality = models.CharField(
        _("home municipality"), max_length=20, choices=Municipality.choices
    )
    areas = ChoiceListField(_("also works in"), item_choices=Municipality.choices, blank=True)
    languages = ChoiceListField(_("languages served"), item_choices=Language.choices, default=list)
    website = models.URLField(_("website"), blank=True, max_length=300)
    email = models.EmailField(
        _("public contact email"),
        blank=True,
        help_text=_("A shared address of the association (e.g. info@…), not a person's."),
    )
    social_links = URLListField(
        _("social media links"), blank=True, help_text=_("One web address per line.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo alternative text"),
        max_length=200,
        blank=True,
        help_text=_("What the logo shows, e.g. “Logo of Hattula Village Association”."),
    )
    partnership_note = models.TextField(
        _("what kind of partners are you looking for"), max_length=600, blank=True
    )
    welfare_areas = ChoiceListField(
        _("welfare work"),
        item_choices=WelfareArea.choices,
        blank=True,
        help_text=_("Where the association's work stands in the region's welfare description."),
    )
    target_groups = ChoiceListField(
        _("target groups"), item_choices=TargetGroup.choices, blank=True
    )
    can_offer = models.TextField(
        _("what we can offer others"),
        max_length=600,
        blank=True,
        help_text=_("Know-how, volunteers, spaces or help other associations may ask you for."),
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Made-up association for the demo.")
    )

    objects = PageManager.from_queryset(AssociationPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("registry_number"), FieldPanel("business_id")]),
                FieldPanel("municipality"),
                FieldPanel("areas"),
                FieldPanel("languages"),
            ],
            heading=_("Registration and area"),
        ),
        InlinePanel("field_links", label=_("Fields of activity"), min_num=1, max_num=3),
        MultiFieldPanel(
            [FieldPanel("welfare_areas"), FieldPanel("target_groups"), FieldPanel("can_offer")],
            heading=_("Whom we work for and what we offer"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("social_links")],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        MultiFieldPanel(
            [
                InlinePanel("partner_theme_links", label=_("Themes")),
                FieldPanel("partnership_note"),
            ],
            heading=_("Looking for partners"),
        ),
        FieldPanel("is_demo"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("can_offer"),
        index.FilterField("municipality"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("logo_alt"),
        TranslatableField("partnership_note"),
        TranslatableField("can_offer"),
        SynchronizedField("slug"),
        SynchronizedField("registry_number"),
        SynchronizedField("business_id"),
        SynchronizedField("municipality"),
        SynchronizedField("areas"),
        SynchronizedField("languages"),
        SynchronizedField("welfare_areas"),
        SynchronizedField("target_groups"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("social_links"),
        SynchronizedField("logo"),
        SynchronizedField("field_links"),
        SynchronizedField("partner_theme_links"),
        SynchronizedField("is_demo"),
    ]

    parent_page_types = ["associations.AssociationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        # Translations share the register number, and `locale` lives on Page, so a database
        # constraint cannot say "unique per language": clean() and the import check it.

    def clean(self):
        super().clean()
        self.registry_number = normalise_registry_number(self.registry_number)
        self.business_id = normalise_business_id(self.business_id)
        errors = {}
        if self.logo_id and not self.logo_alt.strip():
            errors["logo_alt"] = _("Describe the logo for people who cannot see it.")
        if self.registry_number:
            duplicates = AssociationPage.objects.filter(
                registry_number=self.registry_number, locale_id=self.locale_id
            )
            if self.translation_key:
                duplicates = duplicates.exclude(translation_key=self.translation_key)
            if duplicates.exists():
                errors["registry_number"] = _(
                    "An association with this register number is already listed."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def sub_region(self):
        return sub_region_of(self.municipality)

    @property
    def municipality_label(self):
        return Municipality(self.municipality).label if self.municipality else ""

    def area_labels(self):
        return self._meta.get_field("areas").labels(self.areas)

    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    def welfare_area_labels(self):
        return self._meta.get_field("welfare_areas").labels(self.welfare_areas)

    def target_group_labels(self):
        return self._meta.get_field("target_groups").labels(self.target_groups)

    def get_context(self, request, *args, **kwargs):
        from .views import profile_context

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(self, request))
        return context


class AssociationFieldLink(Orderable):
    page = ParentalKey(AssociationPage, related_name="field_links", on_delete=models.CASCADE)
    field = models.ForeignKey(
        FieldOfActivity,
        verbose_name=_("field of activity"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("field")]

    class Meta(Orderable.Meta):
        verbose_name = _("field of activity")


class AssociationPartnerTheme(Orderable):
    page = ParentalKey(
        AssociationPage, related_name="partner_theme_links", on_delete=models.CASCADE
    )
    theme = models.ForeignKey(
        CooperationTheme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("cooperation theme")


# ---------------------------------------------------------------------------------------------
# People


class Role(models.TextChoices):
    ADMIN = "admin", _("Association admin")
    MEMBER = "member", _("Member")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REQUESTED = "requested", _("Asked to join")


class Membership(models.Model):
    """A user belongs to an association (its Finnish source page) as admin or member. A join
    request is a membership with status "requested" until an association admin approves it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="association_memberships",
    )
    association = models.ForeignKey(
        AssociationPage,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    message = models.TextField(_("message"), max_length=600, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["association__title", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "association"], name="associations_one_membership"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["admin", "member"]), name="associations_membership_role"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.association} ({self.get_role_display()})"

    @property
    def is_active(self):
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_admin(self):
        return self.is_active and self.role == Role.ADMIN


def invitation_expiry():
    return timezone.now() + datetime.timedelta(days=Invitation.VALID_DAYS)


class Invitation(models.Model):
    """An association admin invites someone by email; the emailed link is signed, expires and
    works once."""

    VALID_DAYS = 14

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    association = models.ForeignKey(
        AssociationPage, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.association}"

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_used(self):
        return self.accepted_at is not None


# ---------------------------------------------------------------------------------------------
# The association field over the years


class DirectorySnapshot(models.Model):
    """The directory's statistics as they stood at the end of `year`: the figures of the
    statistics page (`statistics.association_statistics`), taken on 1 January by the
    `take_directory_snapshot` timer, once per year. The statistics page shows each figure's
    change since the last year's snapshot.

    The figures are keyed so that every language reads them: fields of activity by their
    translation key, sub-regions and municipalities by their codes."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    taken_at = models.DateTimeField(_("taken"), default=timezone.now)
    total = models.PositiveIntegerField(_("associations listed"))
    by_field = models.JSONField(_("by field of activity"), default=dict)
    by_sub_region = models.JSONField(_("by sub-region"), default=dict)
    by_municipality = models.JSONField(_("by municipality"), default=dict)

    class Meta:
        verbose_name = _("directory snapshot")
        verbose_name_plural = _("directory snapshots")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


@register_setting(icon="group")
class DirectorySettings(ClusterableModel, BaseGenericSetting):
    """Editors' figures for the statistics page: how many associations the register has per
    year (PRH), the baseline the directory's coverage is measured against."""

    panels = [InlinePanel("register_baselines", label=_("Registered associations per year"))]

    class Meta:
        verbose_name = _("association statistics")


class RegisterBaseline(Orderable):
    """The number of registered associations in the region in one year."""

    settings = ParentalKey(
        DirectorySettings, on_delete=models.CASCADE, related_name="register_baselines"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    registered = models.PositiveIntegerField(
        _("registered associations"),
        help_text=_("From the Finnish Patent and Registration Office (PRH)."),
    )

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("registered")])]

    class Meta(Orderable.Meta):
        verbose_name = _("registered associations in a year")
        verbose_name_plural = _("registered associations per year")
        constraints = [
            models.UniqueConstraint(
                fields=["settings", "year"], name="associations_register_baseline_year"
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.registered}"


# ---------------------------------------------------------------------------------------------
# Networks


class NetworkKind(models.TextChoices):
    SUB_REGIONAL = "sub-regional", _("Sub-regional network")
    THEMATIC = "thematic", _("Thematic network")


class PartnerKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    WELLBEING_AREA = "wellbeing-area", _("Wellbeing services county")
    COLLEGE = "college", _("College or university")
    PARISH = "parish", _("Parish")
    OTHER = "other", _("Other public partner")


class NetworkIndexPage(IndexPage):
    """The networks (one under each home page, written by editors): the three sub-regional
    networks and the thematic ones, by kind and municipality."""

    subpage_types = ["associations.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network list")
        verbose_name_plural = _("network lists")

    def listing_context(self, request):
        from .views import network_index_context

        return network_index_context(self, request)


class NetworkPage(PolicyPermissionsMixin, SourcePageMixin, RoutablePageMixin, Page):
    """A network of associations (a sub-regional network or a thematic one), written by the
    editors and the network's coordinator: who belongs to it, its public partners, how it
    meets and its upcoming meetings from the catalogue. Associations ask to join through the
    page's form, which emails the coordinator; the coordinator's address is never shown."""

    kind = models.CharField(_("kind"), max_length=20, choices=NetworkKind.choices)
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the list.")
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    sub_region = models.CharField(
        _("sub-region"),
        max_length=20,
        choices=SubRegion.choices,
        blank=True,
        help_text=_("For a sub-regional network."),
    )
    municipalities = ChoiceListField(
        _("municipalities"),
        item_choices=Municipality.choices,
        blank=True,
        help_text=_("Where the network works; empty means the whole region."),
    )
    meeting_practice = models.TextField(
        _("how the network meets"),
        max_length=1000,
        blank=True,
        help_text=_("For example “Four times a year, in turn in each municipality”."),
    )
    website = models.URLField(_("website"), blank=True, max_length=300)
    coordinator_name = models.CharField(_("coordinator"), max_length=120)
    coordinator_role = models.CharField(
        _("coordinator's role"), max_length=120, blank=True, help_text=_("e.g. network secretary")
    )
    coordinator_phone = models.CharField(_("coordinator's phone"), max_length=40, blank=True)
    coordinator_email = models.EmailField(
        _("coordinator's email"),
        help_text=_("Join requests are sent here. It is never shown on the site or in its feeds."),
    )

    objects = PageManager.from_queryset(NetworkPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("sub_region"), FieldPanel("municipalities")], heading=_("Area")
        ),
        InlinePanel("member_links", label=_("Member associations")),
        InlinePanel("partners", label=_("Public partners")),
        FieldPanel("meeting_practice"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("coordinator_name"), FieldPanel("coordinator_role")]),
                FieldRowPanel([FieldPanel("coordinator_phone"), FieldPanel("coordinator_email")]),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("meeting_practice"),
        TranslatableField("coordinator_role"),
        TranslatableField("partners"),
        # The slug is the catalogue's network filter value, the same in every language.
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("sub_region"),
        SynchronizedField("municipalities"),
        SynchronizedField("member_links"),
        SynchronizedField("website"),
        SynchronizedField("coordinator_name"),
        SynchronizedField("coordinator_phone"),
        SynchronizedField("coordinator_email"),
    ]

    parent_page_types = ["associations.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def clean(self):
        super().clean()
        if self.kind == NetworkKind.SUB_REGIONAL and not self.sub_region:
            raise ValidationError({"sub_region": _("Choose the sub-region of the network.")})

    def area_labels(self):
        if self.municipalities:
            return self._meta.get_field("municipalities").labels(self.municipalities)
        if self.sub_region:
            return [Municipality(m).label for m in municipalities_of(self.sub_region)]
        return []

    def get_context(self, request, *args, **kwargs):
        from .views import network_context

        context = super().get_context(request, *args, **kwargs)
        context.update(network_context(self, request))
        return context

    @path("liity/")
    def join(self, request):
        from .views import network_join_view

        return network_join_view(self, request)


class NetworkMember(Orderable):
    """An association that belongs to a network (its Finnish profile, shown in the page's
    language)."""

    page = ParentalKey(NetworkPage, related_name="member_links", on_delete=models.CASCADE)
    association = models.ForeignKey(
        AssociationPage,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="network_links",
    )

    panels = [FieldPanel("association")]

    class Meta(Orderable.Meta):
        verbose_name = _("member association")
        verbose_name_plural = _("member associations")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "association"], name="associations_network_member_once"
            )
        ]


class NetworkPartner(TranslatableMixin, Orderable):
    """A public partner of a network: a municipality, the wellbeing services county, a
    college. Its name is translated (Hämeenlinnan kaupunki, Tavastehus stad)."""

    page = ParentalKey(NetworkPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    website = models.URLField(_("website"), blank=True, max_length=300)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]), FieldPanel("website")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("public partner")
        verbose_name_plural = _("public partners")
