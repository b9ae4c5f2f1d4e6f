"""Shared spaces and lendable equipment: the pages that describe them, the booking requests
people make, and the append-only history of every booking.

Pages are translated; bookings always point to the Finnish source page (translations share
its bookings), so the database constraint sees one row per resource.
"""

import datetime
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.fields import ChoiceListField
from core.pages import IndexPage, PolicyPermissionsMixin, SourcePageMixin
from core.regions import Municipality, sub_region_of
from core.text import single_line

from .admin_forms import LendablePageForm

# ---------------------------------------------------------------------------------------------
# Choices


class Facility(models.TextChoices):
    KITCHEN = "kitchen", _("Kitchen")
    PROJECTOR = "projector", _("Projector or screen")
    WIFI = "wifi", _("Wi-Fi")
    STAGE = "stage", _("Stage")
    SOUND = "sound", _("Sound system")
    PARKING = "parking", _("Parking")
    SAUNA = "sauna", _("Sauna")
    YARD = "yard", _("Yard or garden")
    TABLES = "tables", _("Tables and chairs")


class Accessibility(models.TextChoices):
    STEP_FREE = "step-free", _("Step-free entrance")
    ACCESSIBLE_TOILET = "toilet", _("Accessible toilet")
    INDUCTION_LOOP = "loop", _("Induction loop")
    LIFT = "lift", _("Lift")
    ACCESSIBLE_PARKING = "parking", _("Accessible parking")


class EquipmentCategory(models.TextChoices):
    TENTS = "tents", _("Tents and canopies")
    AUDIO_VIDEO = "audio-video", _("Audio and video")
    KITCHEN = "kitchen", _("Kitchen and catering")
    FURNITURE = "furniture", _("Furniture")
    GAMES = "games", _("Games and sports")
    TOOLS = "tools", _("Tools")
    OTHER = "other", _("Other")


class PriceMode(models.TextChoices):
    FREE = "free", _("Free of charge for associations")
    PER_HOUR = "hour", _("Price per hour")
    PER_DAY = "day", _("Price per day")


class BookingMode(models.TextChoices):
    REQUEST = "request", _("Request here, the owner approves")
    CONTACT = "contact", _("Contact the owner")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# ---------------------------------------------------------------------------------------------
# Index pages


class SpaceIndexPage(IndexPage):
    """The shared spaces listing (one under each home page, written by editors): every live
    space with filters in the address, including "free at this time"."""

    subpage_types = ["lending.SpacePage"]

    class Meta:
        verbose_name = _("space listing")
        verbose_name_plural = _("space listings")

    def listing_context(self, request):
        from .views import space_listing_context

        return space_listing_context(self, request)


class EquipmentIndexPage(IndexPage):
    """The lendable equipment listing (one under each home page, written by editors)."""

    subpage_types = ["lending.EquipmentPage"]

    class Meta:
        verbose_name = _("equipment listing")
        verbose_name_plural = _("equipment listings")

    def listing_context(self, request):
        from .views import equipment_listing_context

        return equipment_listing_context(self, request)


# ---------------------------------------------------------------------------------------------
# What spaces and equipment share


class LendablePage(PolicyPermissionsMixin, SourcePageMixin, RoutablePageMixin, Page):
    """Fields and routes common to spaces and equipment (abstract). Bookings belong to the
    Finnish page (`source_page`)."""

    association = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("owner association"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=300)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    municipality = models.CharField(_("municipality"), max_length=20, choices=Municipality.choices)
    address = models.CharField(_("address"), max_length=200)
    price_mode = models.CharField(
        _("price"), max_length=10, choices=PriceMode.choices, default=PriceMode.FREE
    )
    price_member = models.DecimalField(
        _("price for member associations (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty when the same price applies to everyone."),
    )
    price_other = models.DecimalField(
        _("price (€)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    price_note = models.CharField(_("price note"), max_length=200, blank=True)
    terms = models.TextField(_("terms of use"), max_length=3000, blank=True)
    terms_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("terms of use (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    booking_mode = models.CharField(
        _("booking"), max_length=10, choices=BookingMode.choices, default=BookingMode.REQUEST
    )
    contact_role = models.CharField(
        _("contact"),
        max_length=120,
        blank=True,
        help_text=_("A role, not a person's name, e.g. “Chair of the village association”."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    advance_days = models.PositiveSmallIntegerField(
        _("can be booked this many days ahead"),
        default=180,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("municipality"),
    ]
    common_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("address"),
        TranslatableField("price_note"),
        TranslatableField("terms"),
        TranslatableField("contact_role"),
        SynchronizedField("slug"),
        SynchronizedField("association"),
        SynchronizedField("municipality"),
        SynchronizedField("price_mode"),
        SynchronizedField("price_member"),
        SynchronizedField("price_other"),
        SynchronizedField("terms_document"),
        SynchronizedField("booking_mode"),
        SynchronizedField("contact_email"),
        SynchronizedField("advance_days"),
        SynchronizedField("is_demo"),
        SynchronizedField("photos"),
    ]
    subpage_types = []
    base_form_class = LendablePageForm

    class Meta:
        abstract = True

    @property
    def sub_region(self):
        return sub_region_of(self.municipality)

    @property
    def municipality_label(self):
        return Municipality(self.municipality).label if self.municipality else ""

    @property
    def is_free(self):
        return self.price_mode == PriceMode.FREE

    @property
    def takes_requests(self):
        return self.booking_mode == BookingMode.REQUEST

    def clean(self):
        super().clean()
        # Typed into a title, a newline broke the booking emails (their subject holds it).
        self.title = single_line(self.title)
        errors = {}
        if self.price_mode != PriceMode.FREE and self.price_other is None:
            errors["price_other"] = _("Give the price, or choose “free of charge”.")
        if self.booking_mode == BookingMode.CONTACT and not (
            self.contact_email or self.association_id
        ):
            errors["contact_email"] = _("Tell people how to contact you.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from .views import resource_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_context(self, request))
        return context

    @path("varaa/")
    def request_booking(self, request):
        from .views import request_view

        return request_view(self, request)


class Photo(models.Model):
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.alt_text


# ---------------------------------------------------------------------------------------------
# Spaces


class SpacePage(LendablePage):
    """A space an association lends or rents to others (meeting room, hall, village house,
    sauna…). Its association's members write it through the front-end form or the admin;
    editors approve. Appears in the space listing, on the owner's profile and in feeds."""

    capacity = models.PositiveIntegerField(
        _("capacity (persons)"), validators=[MinValueValidator(1)]
    )
    area_m2 = models.PositiveIntegerField(_("area (m²)"), null=True, blank=True)
    facilities = ChoiceListField(_("facilities"), item_choices=Facility.choices, blank=True)
    accessibility = ChoiceListField(
        _("accessibility"), item_choices=Accessibility.choices, blank=True
    )
    accessibility_note = models.TextField(_("more about accessibility"), max_length=600, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(59), MaxValueValidator(71)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(19), MaxValueValidator(32)],
    )
    min_minutes = models.PositiveIntegerField(
        _("shortest booking (minutes)"), default=60, validators=[MinValueValidator(15)]
    )
    max_minutes = models.PositiveIntegerField(
        _("longest booking (minutes)"), default=8 * 60, validators=[MinValueValidator(15)]
    )
    buffer_before = models.PositiveIntegerField(
        _("preparation time before (minutes)"),
        default=0,
        help_text=_("Kept free before each booking, e.g. for cleaning."),
    )
    buffer_after = models.PositiveIntegerField(
        _("time after (minutes)"), default=0, help_text=_("Kept free after each booking.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("association"),
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("photos", label=_("Photos")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("municipality"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("area_m2")]),
                FieldPanel("facilities"),
            ],
            heading=_("Size and facilities"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility"), FieldPanel("accessibility_note")],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("booking_mode"),
                InlinePanel("opening_hours", label=_("Bookable hours")),
                InlinePanel("closed_dates", label=_("Closed dates")),
                FieldRowPanel([FieldPanel("min_minutes"), FieldPanel("max_minutes")]),
                FieldRowPanel([FieldPanel("buffer_before"), FieldPanel("buffer_after")]),
                FieldPanel("advance_days"),
            ],
            heading=_("Booking"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("price_mode"),
                FieldRowPanel([FieldPanel("price_member"), FieldPanel("price_other")]),
                FieldPanel("price_note"),
                FieldPanel("terms"),
                FieldPanel("terms_document"),
            ],
            heading=_("Price and terms"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_role"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("is_demo"),
    ]
    override_translatable_fields = LendablePage.common_translatable_fields + [
        TranslatableField("accessibility_note"),
        SynchronizedField("capacity"),
        SynchronizedField("area_m2"),
        SynchronizedField("facilities"),
        SynchronizedField("accessibility"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("min_minutes"),
        SynchronizedField("max_minutes"),
        SynchronizedField("buffer_before"),
        SynchronizedField("buffer_after"),
        SynchronizedField("opening_hours"),
        SynchronizedField("closed_dates"),
    ]
    parent_page_types = ["lending.SpaceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")

    kind = "space"

    def clean(self):
        super().clean()
        if self.max_minutes and self.min_minutes and self.max_minutes < self.min_minutes:
            raise ValidationError(
                {"max_minutes": _("The longest booking cannot be shorter than the shortest.")}
            )

    def facility_labels(self):
        return self._meta.get_field("facilities").labels(self.facilities)

    def accessibility_labels(self):
        return self._meta.get_field("accessibility").labels(self.accessibility)

    @property
    def map_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"


class SpacePhoto(Orderable, Photo):
    page = ParentalKey(SpacePage, related_name="photos", on_delete=models.CASCADE)


class SpaceOpeningHours(Orderable):
    """Hours in which a space can be booked on one weekday (several rows for a split day)."""

    page = ParentalKey(SpacePage, related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("until"), help_text=_("00:00 means midnight at the end of day."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("bookable hours")
        verbose_name_plural = _("bookable hours")

    def clean(self):
        if self.closes != datetime.time(0) and self.closes <= self.opens:
            raise ValidationError({"closes": _("The end must be after the start.")})


class SpaceClosedDate(Orderable):
    page = ParentalKey(SpacePage, related_name="closed_dates", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=100, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        verbose_name = _("closed date")
        verbose_name_plural = _("closed dates")


# ---------------------------------------------------------------------------------------------
# Equipment


class EquipmentPage(LendablePage):
    """Equipment an association lends to others (tents, sound systems, coffee makers…),
    written by its members and approved by editors; listed with the equipment."""

    category = models.CharField(_("category"), max_length=20, choices=EquipmentCategory.choices)
    quantity = models.PositiveIntegerField(
        _("how many can be lent"), default=1, validators=[MinValueValidator(1)]
    )
    max_loan_days = models.PositiveSmallIntegerField(
        _("longest loan (days)"), default=7, validators=[MinValueValidator(1)]
    )
    deposit = models.DecimalField(
        _("deposit (€)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    condition_notes = models.TextField(_("condition"), max_length=1000, blank=True)
    instructions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("instructions (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("association"),
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("photos", label=_("Photos")),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("max_loan_days")]),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("municipality")], heading=_("Pickup place")
        ),
        FieldPanel("condition_notes"),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [FieldPanel("booking_mode"), FieldPanel("advance_days")], heading=_("Booking")
        ),
        MultiFieldPanel(
            [
                FieldPanel("price_mode"),
                FieldRowPanel([FieldPanel("price_member"), FieldPanel("price_other")]),
                FieldPanel("deposit"),
                FieldPanel("price_note"),
                FieldPanel("terms"),
                FieldPanel("terms_document"),
            ],
            heading=_("Price and terms"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_role"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("is_demo"),
    ]
    override_translatable_fields = LendablePage.common_translatable_fields + [
        TranslatableField("condition_notes"),
        SynchronizedField("category"),
        SynchronizedField("quantity"),
        SynchronizedField("max_loan_days"),
        SynchronizedField("deposit"),
        SynchronizedField("instructions"),
    ]
    parent_page_types = ["lending.EquipmentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")

    kind = "equipment"

    @property
    def category_label(self):
        return EquipmentCategory(self.category).label if self.category else ""


class EquipmentPhoto(Orderable, Photo):
    page = ParentalKey(EquipmentPage, related_name="photos", on_delete=models.CASCADE)


# ---------------------------------------------------------------------------------------------
# Bookings


class ResourceKind(models.TextChoices):
    SPACE = "space", _("Space")
    EQUIPMENT = "equipment", _("Equipment")


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", pgettext_lazy("booking status", "Cancelled")
    EXPIRED = "expired", _("Expired without an answer")


# Requests block the time too, so an owner can never approve two overlapping requests.
BLOCKING_STATUSES = (BookingStatus.REQUESTED, BookingStatus.APPROVED)


def new_nonce():
    return secrets.token_urlsafe(12)


class BookingQuerySet(models.QuerySet):
    def blocking(self):
        return self.filter(status__in=BLOCKING_STATUSES)

    def overlapping(self, start, end):
        """Bookings whose buffered time meets [start, end)."""
        return self.filter(blocked_from__lt=end, blocked_until__gt=start)

    def of_resource(self, page):
        return self.filter(resource_id=page.pk)

    def owned_by(self, associations):
        return self.filter(owner__in=associations)


class Booking(models.Model):
    """A request to use a space for a time range, or a quantity of equipment for whole days,
    made by a member on behalf of their association. Owned by the space or item (its
    Finnish page). The requester's details are seen only by the owner's admins and editors,
    and deleted after the retention period."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    resource = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("space or equipment"),
        on_delete=models.CASCADE,
        related_name="lending_bookings",
    )
    owner = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("owner association"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    municipality = models.CharField(_("municipality"), max_length=20, choices=Municipality.choices)
    association = models.ForeignKey(
        "associations.AssociationPage",
        verbose_name=_("on behalf of"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lending_bookings",
    )
    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=5, default="fi")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    # The booked time plus the space's buffers: what the exclusion constraint compares.
    blocked_from = models.DateTimeField()
    blocked_until = models.DateTimeField()
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    decision_reason = models.TextField(_("reason"), max_length=1000, blank=True)
    decision_nonce = models.CharField(max_length=32, default=new_nonce)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    changed_at = models.DateTimeField(auto_now=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    expires_at = models.DateTimeField(_("answer needed by"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    return_reminded_at = models.DateTimeField(null=True, blank=True)
    personal_data_purged = models.BooleanField(default=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["resource", "blocked_from"], name="lending_booking_resource"),
            models.Index(fields=["owner", "status"], name="lending_booking_owner"),
            models.Index(fields=["status", "expires_at"], name="lending_booking_expiry"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="lending_booking_positive"
            ),
            models.CheckConstraint(
                condition=Q(blocked_from__lte=models.F("starts_at"))
                & Q(blocked_until__gte=models.F("ends_at")),
                name="lending_booking_buffers",
            ),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="lending_booking_quantity"),
            models.CheckConstraint(
                condition=Q(status__in=BookingStatus.values), name="lending_booking_status"
            ),
            # The no-overlap rule for spaces is added by migration 0002 (vendor specific).
        ]

    def __str__(self):
        return f"{self.resource} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self):
        return self.status in BLOCKING_STATUSES

    @property
    def is_past_deadline(self):
        """A request nobody answered by its deadline: expired, even before the periodic
        expiry job has marked it so."""
        return (
            self.status == BookingStatus.REQUESTED
            and self.expires_at is not None
            and self.expires_at <= timezone.now()
        )

    @property
    def is_space(self):
        return self.kind == ResourceKind.SPACE

    @property
    def last_day(self):
        """The last day of an equipment loan (ends_at is the following midnight)."""
        return timezone.localtime(self.ends_at).date() - datetime.timedelta(days=1)

    @property
    def hours(self):
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class BookingEvent(models.Model):
    """One change of a booking's state: who, when and why. Never changed or removed, except
    together with its booking when the retention period ends."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("booking history entry")
        verbose_name_plural = _("booking history")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.from_status} → {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Booking history is append-only.")
        super().save(*args, **kwargs)


class OwnerFeedToken(models.Model):
    """The secret address of an owner association's private booking calendar; revocable."""

    association = models.ForeignKey(
        "associations.AssociationPage", on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("private calendar address")
        verbose_name_plural = _("private calendar addresses")

    def __str__(self):
        return f"{self.association} ({'revoked' if self.revoked_at else 'active'})"
