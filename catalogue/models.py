"""The training and event catalogue: taxonomy snippets, the catalogue and training pages,
their schedules, the occurrence table every listing reads, and registrations."""

import datetime
import uuid

from recurrence.fields import RecurrenceField

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.fields import ChoiceListField
from core.languages import Language
from core.pages import IndexPage, PolicyPermissionsMixin
from core.query_params import QueryReader
from core.regions import ONLINE, PLACE_CHOICES, sub_region_of
from core.taxonomy import TranslatableTaxonomy, unique_slug_per_locale

from .forms import TrainingPageForm
from .provenance import ProvenancePanel
from .querysets import (
    MAX_OCCURRENCE_LENGTH,
    EventRecordQuerySet,
    OccurrenceQuerySet,
    TrainingPageQuerySet,
)


class Kind(models.TextChoices):
    TRAINING = "training", _("Training")
    COURSE = "course", _("Course")
    WEBINAR = "webinar", _("Webinar")
    NETWORKING = "networking", _("Networking event")
    SEMINAR = "seminar", _("Seminar")
    FORUM = "forum", _("Association forum")


class Format(models.TextChoices):
    ONSITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Audience(models.TextChoices):
    BOARD = "board", _("Board members")
    VOLUNTEERS = "volunteers", _("Volunteers")
    STAFF = "staff", _("Staff")
    EVERYONE = "everyone", _("Everyone")


class EventStatus(models.TextChoices):
    """schema.org EventStatusType, for a whole training and for one occurrence."""

    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved_online", _("Moved online")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("As planned")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    MOVED = "moved", _("Moved")


class ExceptionAction(models.TextChoices):
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    MOVED = "moved", _("Moved")


class ExternalOrganiserKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality or city")
    COLLEGE = "college", _("College, school or university")
    PUBLIC = "public", _("Other public body")
    OTHER = "other", _("Other organisation")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration needed")
    BUILT_IN = "built_in", _("Registration on this site")
    EXTERNAL = "external", _("Registration elsewhere (link)")


# ---------------------------------------------------------------------------------------------
# Taxonomy snippets


class Theme(TranslatableTaxonomy):
    """A theme of trainings (funding, board work, …); editors keep the list and translate it."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in addresses, e.g. ?theme=funding.")
    )

    class Meta(TranslatableTaxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [unique_slug_per_locale("catalogue_theme_slug_locale")]


# ---------------------------------------------------------------------------------------------
# Pages


class TrainingIndexPage(RoutablePageMixin, IndexPage):
    """The catalogue of trainings and events: editors place one under each home page; it lists
    upcoming occurrences with filters, a month view and an archive of past trainings."""

    subpage_types = ["catalogue.TrainingPage"]

    class Meta:
        verbose_name = _("training catalogue")
        verbose_name_plural = _("training catalogues")

    def get_template(self, request, *args, **kwargs):
        # ?view=month shows the listing as a month grid (`filters.parse_filters` reads it alike).
        if QueryReader(request.GET, []).single("view") == "month":
            return "catalogue/training_index_month.html"
        return super().get_template(request, *args, **kwargs)

    def listing_context(self, request):
        from .views import catalogue_context

        return catalogue_context(self, request)

    @path("archive/")
    def archive(self, request):
        from .views import archive_view

        return archive_view(self, request)


class TrainingPage(PolicyPermissionsMixin, RoutablePageMixin, Page):
    """A training, course, webinar, networking event, seminar or forum. Editors (and later
    member associations) write it; it appears in the catalogue, the home page highlights and
    the calendar feeds, one row per occurrence in `Occurrence`."""

    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_("Raised whenever times, recurrence or status change."),
    )
    # An event gathered from another calendar keeps its origin's UID in our feeds, so that a
    # calendar that already holds it gets no second copy (`sources`); empty for our own.
    calendar_uid = models.CharField(
        _("calendar identifier at the source"), max_length=500, blank=True, editable=False
    )
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRAINING)
    audience = ChoiceListField(_("audience"), item_choices=Audience.choices, blank=True)
    languages = ChoiceListField(
        _("languages of instruction"), item_choices=Language.choices, default=list
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("reason for the status"),
        max_length=300,
        blank=True,
        help_text=_("Shown to visitors when the training is cancelled, postponed or moved."),
    )

    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    remote_platform = models.CharField(
        _("remote platform"), max_length=80, blank=True, help_text=_("e.g. Teams, Zoom")
    )
    join_link = models.URLField(_("join link"), blank=True, max_length=500)
    join_link_public = models.BooleanField(
        _("show the join link to everyone"),
        default=False,
        help_text=_("Otherwise only registrants receive it, in their confirmation email."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=20, choices=PLACE_CHOICES)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    accessibility_info = models.TextField(_("more about accessibility"), max_length=600, blank=True)

    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.DecimalField(
        _("price (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    member_price = models.DecimalField(
        _("member price (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    price_info = models.CharField(_("about the price"), max_length=200, blank=True)
    open_to_others = models.BooleanField(
        _("open to other associations"),
        default=False,
        help_text=_("Members of other associations are welcome too."),
    )

    # The association's profile in the directory (its Finnish source page, as for every
    # synchronised relation); views show the profile in the page's own language. Null only for
    # a training whose old organiser could not be matched to a profile when the directory
    # replaced the organiser list, or whose association was deleted.
    organiser = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_trainings",
        help_text=_("The association that organises the training, from the directory."),
    )
    # An organiser that is not an association of the directory (a municipality, a college):
    # named here instead, so that no made-up association is needed. One of the two is given.
    external_organiser_name = models.CharField(
        _("organiser outside the directory"),
        max_length=200,
        blank=True,
        help_text=_(
            "A municipality, a college or another organiser that is not an association in the "
            "directory. Leave empty when an association organises."
        ),
    )
    external_organiser_url = models.URLField(
        _("organiser's web address"), blank=True, max_length=500
    )
    external_organiser_kind = models.CharField(
        _("kind of organiser"), max_length=20, choices=ExternalOrganiserKind.choices, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    material_link = models.URLField(_("material link"), blank=True, max_length=500)
    recording_link = models.URLField(_("recording link"), blank=True, max_length=500)

    # A repeating schedule: the rule, the first occurrence's date, time and length.
    recurrence = RecurrenceField(_("repeats"), blank=True, null=True)
    series_start_date = models.DateField(_("first date"), null=True, blank=True)
    series_start_time = models.TimeField(_("start time"), null=True, blank=True)
    series_duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("e.g. 01:30:00 for 90 minutes")
    )

    registration_mode = models.CharField(
        _("registration"),
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
    )
    registration_url = models.URLField(_("registration link"), blank=True, max_length=500)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)

    # What a member wrote in the site's form in each language, {code: {"title", "summary"}}:
    # kept in the revision the editors approve; on approval the other languages become the
    # texts of the translations (`catalogue.member_events.publish_member_texts`).
    member_texts = models.JSONField(default=dict, blank=True, editable=False)

    objects = PageManager.from_queryset(TrainingPageQuerySet)()
    base_form_class = TrainingPageForm

    # Where an imported training comes from comes first; it shows nothing for our own.
    content_panels = [
        ProvenancePanel(heading=_("Source")),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("kind"),
        InlinePanel("theme_links", label=_("Themes"), min_num=1),
        FieldPanel("audience"),
        FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                MultiFieldPanel(
                    [
                        FieldPanel("external_organiser_name"),
                        FieldRowPanel(
                            [
                                FieldPanel("external_organiser_kind"),
                                FieldPanel("external_organiser_url"),
                            ]
                        ),
                    ],
                    heading=_("Organiser outside the directory"),
                ),
                InlinePanel("co_organiser_links", label=_("Co-organisers")),
                InlinePanel("network_links", label=_("Networks whose meeting this is")),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                FieldPanel("contact_phone"),
            ],
            heading=_("Organiser and contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("material_link"), FieldPanel("recording_link")],
            heading=_("After the event"),
        ),
    ]
    place_panels = [
        FieldPanel("format"),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("municipality")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("remote_platform"),
                FieldPanel("join_link"),
                FieldPanel("join_link_public"),
            ],
            heading=_("Remote participation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("accessible_toilet"),
                FieldPanel("induction_loop"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Accessibility of the venue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("member_price")]),
                FieldPanel("price_info"),
                FieldPanel("open_to_others"),
            ],
            heading=_("Price and participants"),
        ),
    ]
    schedule_panels = [
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        InlinePanel("sessions", label=_("Sessions")),
        MultiFieldPanel(
            [
                FieldPanel("recurrence"),
                FieldRowPanel(
                    [
                        FieldPanel("series_start_date"),
                        FieldPanel("series_start_time"),
                        FieldPanel("series_duration"),
                    ]
                ),
                InlinePanel("exceptions", label=_("Cancelled or moved dates")),
            ],
            heading=_("Repeating schedule"),
        ),
    ]
    registration_panels = [
        FieldPanel("registration_mode"),
        FieldPanel("registration_url"),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(place_panels, heading=_("Place and price")),
            ObjectList(schedule_panels, heading=_("Schedule")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("kind"),
        index.FilterField("format"),
        index.FilterField("municipality"),
    ]

    # `overridable=False` marks the facts every language version shares: when, where, whether
    # it takes place and for how many. Publishing the Finnish page brings them to the other
    # versions at once (`core.translations`, `catalogue.signals`).
    override_translatable_fields = [
        SynchronizedField("uid", overridable=False),
        SynchronizedField("sequence"),
        SynchronizedField("calendar_uid", overridable=False),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SynchronizedField("kind"),
        SynchronizedField("theme_links"),
        SynchronizedField("audience"),
        SynchronizedField("languages"),
        SynchronizedField("status", overridable=False),
        TranslatableField("status_note"),
        SynchronizedField("format", overridable=False),
        SynchronizedField("remote_platform", overridable=False),
        SynchronizedField("join_link", overridable=False),
        SynchronizedField("join_link_public", overridable=False),
        TranslatableField("venue"),
        SynchronizedField("street_address", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("municipality", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("step_free_access"),
        SynchronizedField("accessible_toilet"),
        SynchronizedField("induction_loop"),
        TranslatableField("accessibility_info"),
        SynchronizedField("is_free"),
        SynchronizedField("price"),
        SynchronizedField("member_price"),
        TranslatableField("price_info"),
        SynchronizedField("open_to_others"),
        SynchronizedField("organiser"),
        TranslatableField("external_organiser_name"),
        SynchronizedField("external_organiser_url"),
        SynchronizedField("external_organiser_kind"),
        SynchronizedField("co_organiser_links"),
        SynchronizedField("network_links"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("material_link"),
        SynchronizedField("recording_link"),
        SynchronizedField("recurrence", overridable=False),
        SynchronizedField("series_start_date", overridable=False),
        SynchronizedField("series_start_time", overridable=False),
        SynchronizedField("series_duration", overridable=False),
        TranslatableField("sessions"),
        TranslatableField("exceptions"),
        SynchronizedField("registration_mode"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_opens"),
        SynchronizedField("registration_closes"),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("waiting_list", overridable=False),
        SynchronizedField("member_texts"),
    ]

    parent_page_types = ["catalogue.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training or event")
        verbose_name_plural = _("trainings and events")
        indexes = [models.Index(fields=["uid"], name="catalogue_training_uid")]

    def clean(self):
        super().clean()
        errors = {}
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if self.format in (Format.ONSITE, Format.HYBRID) and self.municipality == ONLINE:
            errors["municipality"] = _("An event on site needs the municipality it is held in.")
        if self.format == Format.ONLINE and self.municipality != ONLINE:
            errors["municipality"] = _("Choose “Online” for an online-only event.")
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address where people register.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.recurrence and (self.recurrence.rrules or self.recurrence.rdates):
            for name in ("series_start_date", "series_start_time", "series_duration"):
                if getattr(self, name) is None:
                    errors[name] = _("A repeating schedule needs its first date, time and length.")
        if self.series_duration and self.series_duration > datetime.timedelta(days=31):
            errors["series_duration"] = _("A repeating occurrence can last at most 31 days.")
        if not self.is_free and self.price is None:
            errors["price"] = _("Give the price, or mark the training free of charge.")
        external = self.external_organiser_name.strip()
        if not self.organiser_id and not external:
            errors["organiser"] = _(
                "Choose the association that organises the event, or name an organiser "
                "outside the directory."
            )
        elif self.organiser_id and external:
            errors["external_organiser_name"] = _(
                "Leave this empty when an association of the directory organises the event."
            )
        if (self.external_organiser_url or self.external_organiser_kind) and not external:
            errors.setdefault(
                "external_organiser_name",
                _("Give the name of the organiser outside the directory."),
            )
        if errors:
            raise ValidationError(errors)

    # Presentation helpers -------------------------------------------------------------------

    @property
    def sub_region(self):
        return sub_region_of(self.municipality)

    @property
    def is_online_only(self):
        return self.format == Format.ONLINE

    @property
    def external_organiser_kind_label(self):
        if not self.external_organiser_kind:
            return ""
        return ExternalOrganiserKind(self.external_organiser_kind).label

    def audience_labels(self):
        return self._meta.get_field("audience").labels(self.audience)

    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    @cached_property
    def canonical(self):
        """The page registrations belong to: the default-language version, which every
        translation shares so that capacity counts people, not languages."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return (
            TrainingPage.objects.filter(translation_key=self.translation_key, locale=default)
            .defer_streamfields()
            .first()
            or self
        )

    def upcoming_occurrences(self):
        return self.occurrences.filter(end__gte=timezone.now()).order_by("start")

    def get_context(self, request, *args, **kwargs):
        from .views import training_context

        context = super().get_context(request, *args, **kwargs)
        context.update(training_context(self, request))
        return context

    @path("")
    def training(self, request):
        from .views import training_view

        return training_view(self, request)

    # The signed tokens go in the query string: Wagtail's page URLs allow no ":" in a path.
    @path("confirm/")
    def confirm_registration(self, request):
        from .views import registration_link_view

        return registration_link_view(self, request, "confirm")

    @path("cancel/")
    def cancel_registration(self, request):
        from .views import registration_link_view

        return registration_link_view(self, request, "cancel")


class TrainingTheme(Orderable):
    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("theme")


class TrainingCoOrganiser(Orderable):
    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="co_organiser_links")
    organiser = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("co-organiser"),
        on_delete=models.CASCADE,
        related_name="co_organiser_links",
    )

    panels = [FieldPanel("organiser")]

    class Meta(Orderable.Meta):
        verbose_name = _("co-organiser")


class TrainingNetwork(Orderable):
    """A network (associations.NetworkPage, its Finnish page) whose meeting or event the
    training is: it appears on the network's page and in the network's feeds."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "associations.NetworkPage",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="training_links",
    )

    panels = [FieldPanel("network")]

    class Meta(Orderable.Meta):
        verbose_name = _("network")
        verbose_name_plural = _("networks")


class Session(TranslatableMixin, Orderable):
    """One explicitly dated session: the only one of a training, or one of a course."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates count; the times are ignored.")
    )
    title = models.CharField(_("session title"), max_length=200, blank=True)
    location = models.CharField(_("place, if not the training's"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    new_start = models.DateTimeField(_("moved to start at"), null=True, blank=True)
    new_end = models.DateTimeField(_("moved to end at"), null=True, blank=True)
    new_location = models.CharField(_("moved to place"), max_length=250, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")]),
        FieldPanel("title"),
        FieldPanel("location"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("reason")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end"), FieldPanel("new_location")]),
    ]
    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("all_day", overridable=False),
        TranslatableField("title"),
        TranslatableField("location"),
        SynchronizedField("status", overridable=False),
        TranslatableField("reason"),
        SynchronizedField("new_start", overridable=False),
        SynchronizedField("new_end", overridable=False),
        TranslatableField("new_location"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A session cannot end before it starts.")})
        if self.start and self.end and self.end - self.start > MAX_OCCURRENCE_LENGTH:
            raise ValidationError(
                {"end": _("A session can last at most 31 days; add several sessions instead.")}
            )
        if self.status == SessionStatus.MOVED and not (self.new_start or self.new_location):
            raise ValidationError({"new_start": _("Give the new time or place.")})
        if self.new_start and self.new_end and self.new_end < self.new_start:
            raise ValidationError({"new_end": _("A session cannot end before it starts.")})


class ScheduleException(TranslatableMixin, Orderable):
    """One date of a repeating schedule that is cancelled or moved; the others stay as they are."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date of the occurrence"))
    action = models.CharField(_("what happens"), max_length=10, choices=ExceptionAction.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    new_start = models.DateTimeField(_("moved to start at"), null=True, blank=True)
    new_end = models.DateTimeField(_("moved to end at"), null=True, blank=True)
    new_location = models.CharField(_("moved to place"), max_length=250, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("action")]),
        FieldPanel("reason"),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end"), FieldPanel("new_location")]),
    ]
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("action", overridable=False),
        TranslatableField("reason"),
        SynchronizedField("new_start", overridable=False),
        SynchronizedField("new_end", overridable=False),
        TranslatableField("new_location"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("cancelled or moved date")
        verbose_name_plural = _("cancelled or moved dates")

    def clean(self):
        super().clean()
        if self.action == ExceptionAction.MOVED and not (self.new_start or self.new_location):
            raise ValidationError({"new_start": _("Give the new time or place.")})


# ---------------------------------------------------------------------------------------------
# The occurrence table


class Occurrence(models.Model):
    """One occurrence of a published training in one language: what every listing, the month
    view, the feeds and the home page read. Written by `catalogue.occurrences` on publish;
    the filter fields are copied from the page so that no listing joins the page tree."""

    training = models.ForeignKey(TrainingPage, on_delete=models.CASCADE, related_name="occurrences")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    end = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    # The start the schedule gave before a move: the RECURRENCE-ID of a calendar override.
    original_start = models.DateTimeField()
    from_rule = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=EventStatus.choices)
    note = models.CharField(max_length=300, blank=True)
    title = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=250, blank=True)

    kind = models.CharField(max_length=20, choices=Kind.choices)
    format = models.CharField(max_length=10, choices=Format.choices)
    municipality = models.CharField(max_length=20, choices=PLACE_CHOICES)
    sub_region = models.CharField(max_length=20, blank=True)
    # "|fi|sv|": a delimited list filters with LIKE on both SQLite and PostgreSQL.
    languages = models.CharField(max_length=100, blank=True)
    themes = models.CharField(max_length=500, blank=True)
    organisers = models.CharField(max_length=500, blank=True)
    networks = models.CharField(max_length=500, blank=True)
    is_free = models.BooleanField(default=True)
    open_to_others = models.BooleanField(default=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["locale", "start"], name="catalogue_occ_locale_start"),
            models.Index(fields=["locale", "end"], name="catalogue_occ_locale_end"),
            models.Index(fields=["training", "start"], name="catalogue_occ_training_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="catalogue_occ_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.training_id} {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_moved(self):
        return self.original_start != self.start

    @property
    def theme_slugs(self):
        return [slug for slug in self.themes.split("|") if slug]

    @property
    def organiser_slug(self):
        """The main organiser (the first of the organisers)."""
        return next((slug for slug in self.organisers.split("|") if slug), "")

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def last_day(self):
        """The last calendar day an all-day occurrence covers (its end is exclusive)."""
        return (timezone.localtime(self.end) - datetime.timedelta(days=1)).date()


class ScheduleVersion(models.Model):
    """The calendar SEQUENCE numbers of a training, outside the page so that revisions and
    the translations' copies can never lower them. One row per training uid (all languages).

    Every schedule published gets a number (`labels`, fingerprint → number), so that a number
    never stands for two different schedules and every language version with the same
    schedule carries the same number (`catalogue.occurrences.assign_sequences`)."""

    uid = models.UUIDField(primary_key=True)
    # The highest number given so far.
    sequence = models.PositiveIntegerField(default=0)
    # The schedule published last, in whichever language.
    fingerprint = models.CharField(max_length=64)
    labels = models.JSONField(default=dict)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.uid} #{self.sequence}"


# ---------------------------------------------------------------------------------------------
# Registrations


class RegistrationStatus(models.TextChoices):
    # Sent from the form, the address not yet confirmed: holds no place and expires.
    PENDING = "pending", _("Email not confirmed yet")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


class Registration(models.Model):
    """A person's registration for a training, made on the training page (no account).
    Owned by the default-language version of the page; seen by editors and the organiser.
    It starts pending and takes a place (or a place in the queue) only when the registrant
    confirms the address with the emailed link, so that nobody fills a training with
    made-up addresses; `catalogue.services` has the rules."""

    training = models.ForeignKey(
        TrainingPage,
        verbose_name=_("training"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, db_index=True
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    association = models.CharField(_("association"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    needs = models.TextField(_("accessibility or dietary needs"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    consent_at = models.DateTimeField(_("consented to the privacy notice"))
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(
        _("email confirmed"),
        null=True,
        blank=True,
        help_text=_(
            "When the registrant opened the emailed link; the waiting list keeps this order."
        ),
    )
    promoted_at = models.DateTimeField(_("moved from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)
    # Marked by the organiser after the training: True came, False did not, None not marked.
    # A count, not a name, once the personal data is removed.
    attended = models.BooleanField(_("came"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["training", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "email"],
                condition=Q(anonymised_at__isnull=True) & ~Q(status="cancelled"),
                name="catalogue_registration_once_per_email",
            )
        ]
        indexes = [
            models.Index(fields=["training", "status", "created_at"], name="catalogue_reg_queue")
        ]

    def __str__(self):
        return f"{self.name} – {self.training}"


# ---------------------------------------------------------------------------------------------
# What happened


class EventRecord(models.Model):
    """One past occurrence of a training, kept as a record of what happened rather than a page:
    it stays after the training is unpublished or deleted, and after its registrants' personal
    data is removed. Written by `catalogue.history` (the `record_history` command, and at
    unpublish and delete time); the yearly report and the strategy's figures count it.

    Facts that every language version shares are stored once per training and start; the
    title is the one of the version it was recorded from, in that version's language. Counts
    only: no person's name or address is ever copied here."""

    training_key = models.UUIDField(_("training"), db_index=True)
    uid = models.UUIDField(_("calendar identifier"))
    # The start the schedule gave: stays the same when the occurrence was moved.
    original_start = models.DateTimeField()
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(default=False)
    # Empty for a whole-day occurrence: its length says nothing of the hours.
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(_("language"), max_length=5)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices)
    themes = models.JSONField(_("themes"), default=list)
    municipality = models.CharField(_("municipality"), max_length=20, choices=PLACE_CHOICES)
    sub_region = models.CharField(_("sub-region"), max_length=20, blank=True)
    # The organiser's directory profile (its Finnish page) by number, not by a key: the record
    # outlives the profile.
    organiser_id = models.PositiveIntegerField(_("organiser"), null=True, blank=True)
    organiser_name = models.CharField(_("organiser name"), max_length=255, blank=True)
    co_organised = models.BooleanField(_("co-organised"), default=False)
    open_to_others = models.BooleanField(_("open to other associations"), default=False)
    # Confirmed registrations for the whole training (the same on each of its occurrences).
    registrations = models.PositiveIntegerField(_("registrations"), default=0)
    # How many of them came, when the organiser marked it (None: attendance not recorded).
    attended = models.PositiveIntegerField(_("attended"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = EventRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("held event")
        verbose_name_plural = _("held events")
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_key", "original_start"], name="catalogue_eventrecord_once"
            )
        ]
        indexes = [models.Index(fields=["start"], name="catalogue_eventrecord_start")]

    def __str__(self):
        return f"{self.title} {self.start:%Y-%m-%d}"
