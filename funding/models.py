"""Funding opportunities and the funding guide: funders, calls with their rounds, the
denormalised deadline table every listing and feed reads, and the guide page."""

import datetime
import uuid
from zoneinfo import ZoneInfo

from recurrence.fields import RecurrenceField

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from associations.models import FieldOfActivity
from core.blocks import BodyBlock
from core.fields import ChoiceListField
from core.pages import IndexPage
from core.regions import SUB_REGION_OF, Municipality, SubRegion

from .blocks import GuideBlock, chapter_anchor
from .querysets import DeadlineQuerySet, FunderQuerySet, FundingOpportunityQuerySet

ZONE = ZoneInfo(settings.TIME_ZONE)
# The wall-clock time of a deadline given as a date only: the end of that day in Helsinki.
END_OF_DAY = datetime.time(23, 59, 59)


class FunderType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    STATE = "state", _("State / STEA")
    MINISTRY = "ministry", _("Ministry")
    REGIONAL_STATE = "regional_state", _("Regional state authority (ELY/AVI)")
    LEADER = "leader", _("Leader group")
    FOUNDATION = "foundation", _("Foundation")
    EU = "eu", _("EU programme")
    EMPLOYMENT = "employment", _("Employment services")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class Instrument(models.TextChoices):
    OPERATING = "operating", _("Operating grant")
    PROJECT = "project", _("Project grant")
    SMALL = "small", _("Small grant")
    EMPLOYMENT = "employment", _("Wage subsidy / employment support")
    PREMISES = "premises", _("Premises grant")
    PRIZE = "prize", _("Prize")
    LOAN = "loan", _("Loan")
    OTHER = "other", _("Other")


class Timing(models.TextChoices):
    ROUNDS = "rounds", _("Application rounds with deadlines")
    CONTINUOUS = "continuous", _("Continuous (rolling) application")
    ANNUAL = "annual", _("Recurs every year")


class ApplicantType(models.TextChoices):
    REGISTERED = "registered", _("Registered association")
    UNREGISTERED = "unregistered", _("Unregistered group")
    ANY = "any", _("Anyone")


def field_of_activity_choices():
    """(slug, name) of the directory's fields of activity in the active language: a call is
    tagged with the fields associations list themselves under, so that "calls for my field"
    finds them."""
    return list(field_of_activity_names(Locale.get_active().pk).items())


def field_of_activity_names(locale_id):
    """{slug: name} of the directory's fields of activity in a language, in their order; a
    field not yet translated to it keeps its name in the default language. One query."""
    rows = FieldOfActivity.objects.filter(
        Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
    ).values_list("slug", "name", "locale_id")
    rows = list(rows)
    names = {slug: name for slug, name, locale in rows if locale == locale_id}
    for slug, name, _locale in rows:
        names.setdefault(slug, name)
    return names


class FundingStatus(models.TextChoices):
    """Computed from the dates, never stored on the page."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")
    CONTINUOUS = "continuous", _("Continuous")


# ---------------------------------------------------------------------------------------------
# Funders


class Funder(TranslatableMixin, models.Model):
    """A body that gives grants (a municipality, STEA, a foundation…); editors keep the list
    and translate it. Shown on every opportunity and used by the funder-type filter."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    funder_type = models.CharField(_("type"), max_length=20, choices=FunderType.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("short description"), max_length=500, blank=True)

    objects = FunderQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("funder_type"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("funder_type"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="funding_funder_slug_locale")
        ]

    def __str__(self):
        return self.name


# ---------------------------------------------------------------------------------------------
# Pages


class FundingIndexPage(IndexPage):
    """The funding opportunities: editors place one under each home page. It lists open and
    upcoming calls with filters, closing-soon and new sections, funding news, a CSV export
    and a deadline calendar feed; the funding guide lives under it."""

    subpage_types = ["funding.FundingOpportunityPage", "funding.FundingGuidePage"]

    class Meta:
        verbose_name = _("funding opportunities")
        verbose_name_plural = _("funding opportunity indexes")

    def listing_context(self, request):
        from .views import index_context

        return index_context(self, request)


class FundingOpportunityPage(Page):
    """One grant, call or other form of funding. Editors write it from the funder's call;
    it appears on the funding index, in the CSV export, the deadline feeds and, when it
    closes soon, on the home page. Its status is computed from its deadlines."""

    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="+"
    )
    programme = models.CharField(
        _("programme or call"),
        max_length=200,
        blank=True,
        help_text=_("The funder's own name for the call, e.g. “Avustukset 2026”."),
    )
    summary = models.TextField(
        _("summary in plain language"),
        max_length=500,
        help_text=_("Who can apply, for what and how much, in two or three sentences."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    instrument = models.CharField(_("instrument"), max_length=20, choices=Instrument.choices)

    total_available = models.DecimalField(
        _("total available"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    amount_min = models.DecimalField(
        _("minimum award"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    amount_max = models.DecimalField(
        _("maximum award"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=[("EUR", "EUR")], default="EUR"
    )
    self_financing_percent = models.PositiveSmallIntegerField(
        _("self-financing share (%)"), null=True, blank=True
    )
    eligible_costs = models.TextField(_("eligible costs"), max_length=1000, blank=True)

    timing = models.CharField(
        _("application period"), max_length=12, choices=Timing.choices, default=Timing.ROUNDS
    )
    recurrence = RecurrenceField(
        _("repeats"),
        blank=True,
        null=True,
        help_text=_(
            "For a call that recurs every year: the first round repeats by this rule "
            "(usually yearly)."
        ),
    )
    reporting = models.TextField(_("reporting obligations"), max_length=1000, blank=True)

    applicant_types = ChoiceListField(
        _("who can apply"), item_choices=ApplicantType.choices, blank=True
    )
    fields_of_activity = ChoiceListField(
        _("fields of activity"),
        item_choices=field_of_activity_choices,
        blank=True,
        help_text=_("Leave empty when every field can apply."),
    )
    sub_regions = ChoiceListField(
        _("sub-regions"),
        item_choices=SubRegion.choices,
        blank=True,
        help_text=_("Leave sub-regions and municipalities empty when the whole region can apply."),
    )
    municipalities = ChoiceListField(
        _("municipalities"), item_choices=Municipality.choices, blank=True
    )
    prerequisites = models.TextField(
        _("prerequisites"),
        max_length=1000,
        blank=True,
        help_text=_("e.g. the association must be listed on Lähellä.fi."),
    )
    joint_application = models.BooleanField(
        _("suits a joint application by several associations"), default=False
    )

    how_to_apply = models.TextField(_("how to apply"), max_length=2000, blank=True)
    application_url = models.URLField(_("application address"), max_length=500, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked the details against the funder's call."),
    )
    # "|m:forssa|r:forssa-seutu|a:registered|f:*|": eligibility filters use LIKE on both
    # SQLite and PostgreSQL; written on save from the choice lists above.
    filter_tokens = models.CharField(max_length=1000, blank=True, editable=False)
    # What the listings read, written with the deadline table (`funding.deadlines`): the next
    # round as of `listing_computed_at` and the last deadline. A row whose next deadline has
    # passed since is recomputed before listing (`querysets.refresh_stale_listings`).
    listing_next_closes_at = models.DateTimeField(null=True, editable=False)
    listing_next_opens_at = models.DateTimeField(null=True, editable=False)
    listing_next_all_day = models.BooleanField(default=False, editable=False)
    listing_last_closes_at = models.DateTimeField(null=True, editable=False)
    listing_computed_at = models.DateTimeField(null=True, editable=False)

    objects = PageManager.from_queryset(FundingOpportunityQuerySet)()

    search_fields = Page.search_fields + [
        index.SearchField("programme"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("instrument"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("funder"),
        FieldPanel("programme"),
        FieldPanel("summary"),
        FieldPanel("instrument"),
        FieldPanel("body"),
        InlinePanel("theme_links", label=_("Themes")),
    ]
    money_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
                FieldRowPanel([FieldPanel("total_available"), FieldPanel("currency")]),
                FieldPanel("self_financing_percent"),
                FieldPanel("eligible_costs"),
            ],
            heading=_("Money"),
        ),
    ]
    dates_panels = [
        FieldPanel("timing"),
        InlinePanel("rounds", label=_("Application rounds")),
        FieldPanel("recurrence"),
        FieldPanel("reporting"),
    ]
    eligibility_panels = [
        FieldPanel("applicant_types"),
        FieldPanel("fields_of_activity"),
        FieldRowPanel([FieldPanel("sub_regions"), FieldPanel("municipalities")]),
        FieldPanel("prerequisites"),
        FieldPanel("joint_application"),
    ]
    applying_panels = [
        FieldPanel("how_to_apply"),
        FieldPanel("application_url"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        FieldPanel("last_verified"),
        InlinePanel("training_links", label=_("Related trainings")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(money_panels, heading=_("Money")),
            ObjectList(dates_panels, heading=_("Dates")),
            ObjectList(eligibility_panels, heading=_("Eligibility")),
            ObjectList(applying_panels, heading=_("Applying")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    override_translatable_fields = [
        SynchronizedField("uid"),
        SynchronizedField("sequence"),
        SynchronizedField("funder"),
        TranslatableField("programme"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("instrument"),
        SynchronizedField("total_available"),
        SynchronizedField("amount_min"),
        SynchronizedField("amount_max"),
        SynchronizedField("currency"),
        SynchronizedField("self_financing_percent"),
        TranslatableField("eligible_costs"),
        SynchronizedField("timing"),
        SynchronizedField("recurrence"),
        SynchronizedField("rounds"),
        TranslatableField("reporting"),
        SynchronizedField("applicant_types"),
        SynchronizedField("fields_of_activity"),
        SynchronizedField("sub_regions"),
        SynchronizedField("municipalities"),
        TranslatableField("prerequisites"),
        SynchronizedField("joint_application"),
        SynchronizedField("theme_links"),
        TranslatableField("how_to_apply"),
        SynchronizedField("application_url"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("last_verified"),
        SynchronizedField("training_links"),
    ]

    parent_page_types = ["funding.FundingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("funding opportunity")
        verbose_name_plural = _("funding opportunities")
        indexes = [
            models.Index(fields=["uid"], name="funding_opportunity_uid"),
            models.Index(fields=["listing_next_closes_at"], name="funding_opportunity_next"),
            models.Index(fields=["listing_computed_at"], name="funding_opportunity_computed"),
            # Covers the status conditions and the join to the page table, so that counting
            # a listing reads this index instead of the wide rows (an index-only scan on
            # PostgreSQL). The page is a key column, not an INCLUDE one, which SQLite lacks.
            models.Index(
                fields=["timing", "listing_next_closes_at", "listing_next_opens_at", "page_ptr"],
                name="funding_opportunity_status",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        for name in ("total_available", "amount_min", "amount_max"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("An amount cannot be negative.")
        if (
            "amount_min" not in errors
            and "amount_max" not in errors
            and self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            errors["amount_min"] = _("The minimum award is larger than the maximum award.")
        if (
            self.amount_max is not None
            and self.total_available is not None
            and "amount_max" not in errors
            and "total_available" not in errors
            and self.amount_max > self.total_available
        ):
            errors["amount_max"] = _("The maximum award is larger than the total available.")
        if self.self_financing_percent is not None and self.self_financing_percent > 100:
            errors["self_financing_percent"] = _("A share is between 0 and 100 per cent.")
        if self.timing == Timing.ANNUAL and not (self.recurrence and self.recurrence.rrules):
            errors["recurrence"] = _("A call that recurs every year needs a repeat rule.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.filter_tokens = eligibility_tokens(self)
        if self.pk and not kwargs.get("update_fields"):
            # An instance loaded before the deadlines were last written must not put back
            # its old listing columns.
            for name, value in listing_values(self.pk).items():
                setattr(self, name, value)
        return super().save(*args, **kwargs)

    # Presentation helpers -------------------------------------------------------------------

    def applicant_type_labels(self):
        return self._meta.get_field("applicant_types").labels(self.applicant_types)

    def field_labels(self):
        """The names of the call's fields of activity in the page's language."""
        names = field_of_activity_names(self.locale_id)
        return [names.get(slug, slug) for slug in self.fields_of_activity]

    def area_labels(self):
        return self._meta.get_field("sub_regions").labels(self.sub_regions) + self._meta.get_field(
            "municipalities"
        ).labels(self.municipalities)

    def get_context(self, request, *args, **kwargs):
        from .views import opportunity_context

        context = super().get_context(request, *args, **kwargs)
        context.update(opportunity_context(self, request))
        return context


def eligibility_tokens(page):
    """The delimited filter column of an opportunity (see `filter_tokens`)."""
    tokens = []
    if not page.sub_regions and not page.municipalities:
        tokens.append("m:*")
    tokens += [f"r:{code}" for code in page.sub_regions]
    tokens += [f"m:{code}" for code in page.municipalities]
    # A municipality's sub-region matches a search by sub-region too.
    tokens += sorted(
        {
            f"r:{SUB_REGION_OF[Municipality(code)]}"
            for code in page.municipalities
            if code in Municipality.values
        }
        - {f"r:{code}" for code in page.sub_regions}
    )
    applicants = page.applicant_types or [ApplicantType.ANY]
    tokens += [f"a:{code}" for code in applicants]
    tokens += [f"f:{code}" for code in page.fields_of_activity] or ["f:*"]
    return "|" + "|".join(tokens) + "|"


def listing_values(page_id, now=None):
    """The `listing_*` columns of an opportunity from its deadline rows (one query)."""
    rows = Deadline.objects.filter(opportunity_id=page_id).only("closes_at", "opens_at", "all_day")
    return listing_from_rows(rows, now)


def listing_from_rows(deadlines, now=None):
    """The `listing_*` columns given an opportunity's `Deadline`s (saved or not)."""
    from django.utils import timezone

    now = now or timezone.now()
    rows = sorted(deadlines, key=lambda row: row.closes_at)
    ahead = next((row for row in rows if row.closes_at > now), None)
    return {
        "listing_next_closes_at": ahead.closes_at if ahead else None,
        "listing_next_opens_at": ahead.opens_at if ahead else None,
        "listing_next_all_day": ahead.all_day if ahead else False,
        "listing_last_closes_at": rows[-1].closes_at if rows else None,
        "listing_computed_at": now,
    }


class FundingRound(Orderable):
    """One application period of a call: it opens (optionally) and closes at a deadline."""

    page = ParentalKey(FundingOpportunityPage, on_delete=models.CASCADE, related_name="rounds")
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("deadline"))
    # Date and wall-clock time, not one DateTimeField: "23:59 on 26 October" is a Helsinki time
    # whatever the editor's own time zone; the deadline table stores the aware instant.
    closes_time = models.TimeField(
        _("deadline time"),
        null=True,
        blank=True,
        help_text=_("Helsinki time. Leave empty when the call closes at the end of the day."),
    )
    decision_on = models.DateField(_("decisions expected"), null=True, blank=True)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("opens_on"),
                FieldPanel("closes_on"),
                FieldPanel("closes_time"),
                FieldPanel("decision_on"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("application round")
        verbose_name_plural = _("application rounds")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The deadline is before the opening date.")})
        if self.decision_on and self.closes_on and self.decision_on < self.closes_on:
            raise ValidationError(
                {"decision_on": _("Decisions cannot be expected before the deadline.")}
            )

    @property
    def opens_at(self):
        if self.opens_on is None:
            return None
        return datetime.datetime.combine(self.opens_on, datetime.time(), tzinfo=ZONE)

    @property
    def closes_at(self):
        return datetime.datetime.combine(
            self.closes_on, self.closes_time or END_OF_DAY, tzinfo=ZONE
        )


class FundingTheme(Orderable):
    page = ParentalKey(FundingOpportunityPage, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(
        "catalogue.Theme", verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("theme")


class FundingTraining(Orderable):
    page = ParentalKey(
        FundingOpportunityPage, on_delete=models.CASCADE, related_name="training_links"
    )
    training = models.ForeignKey(
        "catalogue.TrainingPage",
        verbose_name=_("training"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("training")]

    class Meta(Orderable.Meta):
        verbose_name = _("related training")


class Deadline(models.Model):
    """One round of a published opportunity in one language: what listings, status, the CSV
    and the feeds read. Written by `funding.deadlines` on publish (recurring calls expanded
    over a window) and cleared on unpublish."""

    opportunity = models.ForeignKey(
        FundingOpportunityPage, on_delete=models.CASCADE, related_name="deadlines"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # Stable across edits and languages: the round's position, or the year of a recurring one.
    key = models.CharField(max_length=40)
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    decision_on = models.DateField(null=True, blank=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["closes_at", "pk"]
        indexes = [
            models.Index(fields=["opportunity", "closes_at"], name="funding_deadline_opp_closes"),
            models.Index(fields=["locale", "closes_at"], name="funding_deadline_locale_closes"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(opens_at__lte=models.F("closes_at")),
                name="funding_deadline_opens_before_closes",
            )
        ]

    def __str__(self):
        return f"{self.opportunity_id} {self.closes_at:%Y-%m-%d %H:%M}"

    @property
    def local_closes(self):
        return self.closes_at.astimezone(ZONE)

    @property
    def local_opens(self):
        return self.opens_at.astimezone(ZONE) if self.opens_at else None


class FundingGuidePage(Page):
    """The funding guide (rahoitusopas): chapters with a table of contents, a glossary,
    checklists and downloadable templates. Editors write it under the funding index; it
    prints cleanly."""

    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    body = StreamField(GuideBlock(), verbose_name=_("guide"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [TranslatableField("intro"), TranslatableField("body")]

    parent_page_types = ["funding.FundingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("funding guide")
        verbose_name_plural = _("funding guides")

    def table_of_contents(self):
        """(anchor, title) of each chapter, in order."""
        return [
            (chapter_anchor(block.value["title"]), block.value["title"])
            for block in self.body
            if block.block_type == "chapter"
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toc"] = self.table_of_contents()
        context["funding_index"] = self.get_parent().specific_deferred
        return context
