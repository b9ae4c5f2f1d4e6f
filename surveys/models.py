"""Surveys and needs mapping: a survey is a form page that editors write and translate, with
questions (choice, scale, free text, "which association do you represent"), an answer mode
and opening and closing dates. Answers are kept on the Finnish source page, so the Swedish
and English versions add up to one set of results; a choice is stored as the source page's
wording of it, whatever language it was picked in.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from associations.models import AssociationPage
from core.pages import SourcePageMixin
from core.regions import SubRegion

from .forms import SurveyFormBuilder, split_choices
from .querysets import SurveyAnswerQuerySet


class AnswerMode(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous: no account, nothing about the person is stored")
    SIGNED_IN = "signed_in", _("Signed in: members answer with their account")
    PER_ASSOCIATION = "per_association", _("One answer per association")


class Purpose(models.TextChoices):
    SURVEY = "survey", _("A survey")
    TRAINING_WISHES = "training_wishes", _("The standing training-wish form")


SCALE = "scale"
ASSOCIATION = "association"
SCALE_POINTS = (1, 2, 3, 4, 5)
FIELD_TYPE_CHOICES = [
    *(
        choice
        for choice in FORM_FIELD_CHOICES
        if choice[0] not in ("hidden", "date", "datetime", "multiselect")
    ),
    (SCALE, _("Scale 1–5")),
    (ASSOCIATION, _("Which association do you represent")),
]
CHOICE_TYPES = ("radio", "dropdown", "checkboxes", "multiselect", "checkbox")
MULTIPLE_CHOICE_TYPES = ("checkboxes", "multiselect")
# Free text can identify a person: it is emptied with the user link after the retention period.
FREE_TEXT_TYPES = ("singleline", "multiline", "email", "url", "number")


class SurveyField(TranslatableMixin, AbstractFormField):
    """One question of a survey. Labels, help texts, choices and the scale's end labels are
    translated; the type, whether it is required and the order are the same in every language
    (a translation's choices are matched to the source's by position)."""

    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True
    scale_low_label = models.CharField(
        _("label of 1"), max_length=60, blank=True, help_text=_("For a scale, e.g. “Not at all”")
    )
    scale_high_label = models.CharField(
        _("label of 5"), max_length=60, blank=True, help_text=_("For a scale, e.g. “Very much”")
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldRowPanel([FieldPanel("scale_low_label"), FieldPanel("scale_high_label")]),
    ]
    override_translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("scale_low_label"),
        TranslatableField("scale_high_label"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("default_value"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def get_field_clean_name(self):
        return get_field_clean_name(self.label)[:200] or "question"

    @property
    def choice_list(self):
        if self.field_type == SCALE:
            return [str(point) for point in SCALE_POINTS]
        return split_choices(self.choices)

    @property
    def is_free_text(self):
        return self.field_type in FREE_TEXT_TYPES


class SurveyPage(SourcePageMixin, AbstractForm):
    """A survey or needs mapping, written by the council's editors and translated to sv/en;
    it sits under a home page. Members answer it on the public site; editors read the
    results (tables, charts, CSV and XLSX) from the page's "Results" button in the admin."""

    intro = models.TextField(_("introduction"), max_length=2000, blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"), max_length=1000, blank=True, help_text=_("Shown after answering")
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    answer_mode = models.CharField(
        _("who answers"),
        max_length=20,
        choices=AnswerMode.choices,
        default=AnswerMode.SIGNED_IN,
    )
    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=Purpose.choices,
        default=Purpose.SURVEY,
        help_text=_(
            "The training-wish form is linked from the training catalogue and its answers "
            "feed the yearly report."
        ),
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("answer_mode"),
                FieldPanel("purpose"),
            ],
            heading=_("Answering"),
        ),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        TranslatableField("form_fields"),
        SynchronizedField("slug"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("answer_mode"),
        SynchronizedField("purpose"),
    ]

    form_builder = SurveyFormBuilder
    template = "surveys/survey_page.html"
    landing_page_template = "surveys/survey_page_landing.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The survey must close after it opens.")})
        types = [field.field_type for field in self.form_fields.all()]
        if self.answer_mode == AnswerMode.PER_ASSOCIATION and types.count(ASSOCIATION) != 1:
            raise ValidationError(
                {
                    "answer_mode": _(
                        "A survey answered once per association needs exactly one "
                        "“Which association do you represent” question."
                    )
                }
            )
        if self.answer_mode == AnswerMode.ANONYMOUS and ASSOCIATION in types:
            raise ValidationError(
                {
                    "answer_mode": _(
                        "An anonymous survey cannot ask which association answers: "
                        "remove that question or choose another answer mode."
                    )
                }
            )

    def state(self, now=None):
        """ "not_yet_open", "closed" or "open"."""
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return "not_yet_open"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    def answered_for(self, associations):
        """The ids of those of `associations` that have already answered (one query)."""
        if self.answer_mode != AnswerMode.PER_ASSOCIATION:
            return set()
        return set(
            SurveyAnswer.objects.filter(
                page=self.source_page,
                association__in=list(associations),
                one_per_association=True,
            ).values_list("association_id", flat=True)
        )

    @property
    def needs_login(self):
        return self.answer_mode != AnswerMode.ANONYMOUS

    def get_submission_class(self):
        return SurveyAnswer

    def get_submissions(self):
        return SurveyAnswer.objects.filter(page=self.source_page)

    def serve(self, request, *args, **kwargs):
        from .views import survey_view

        return survey_view(self, request)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["state"] = "open"
        return context


class SurveyAnswer(AbstractFormSubmission):
    """One answer to a survey, on its Finnish source page. `form_data` maps each question's
    name to the answer (a choice in the source page's wording). The person and association
    are stored only as the answer mode asks, and are removed after the retention period
    (with the free-text answers); the sub-region stays for the figures."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_answers",
    )
    association = models.ForeignKey(
        AssociationPage,
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_answers",
    )
    sub_region = models.CharField(
        _("sub-region"), max_length=20, choices=SubRegion.choices, blank=True
    )
    # Set in the "one answer per association" mode: the constraint below then holds.
    one_per_association = models.BooleanField(default=False, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True
    )

    objects = SurveyAnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["submit_time", "pk"]
        constraints = [
            # One answer per association and survey, also when two arrive at once.
            models.UniqueConstraint(
                fields=["page", "association"],
                condition=Q(one_per_association=True),
                name="surveys_one_answer_per_association",
            )
        ]

    def get_data(self):
        return {
            **super().get_data(),
            "association": self.association.title if self.association_id else "",
        }
