"""The rules of answering a survey, in one place: who may answer, one answer per association
(enforced by the database too, so two answers sent at once cannot both land), what is kept
of the person, and removing it after the retention period."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.retention import retention_days

from .models import (
    ASSOCIATION,
    CHOICE_TYPES,
    FREE_TEXT_TYPES,
    MULTIPLE_CHOICE_TYPES,
    AnswerMode,
    SurveyAnswer,
    SurveyPage,
)


class AnswerRefused(Exception):
    """The answer cannot be taken; the message says why, for the person answering."""


def already_answered(page, association):
    return SurveyAnswer.objects.filter(
        page=page.source_page, association=association, one_per_association=True
    ).exists()


def _in_source_wording(field, source_field, value):
    """A choice made on a translation, as the source page words it (matched by position)."""
    if source_field is None or field.field_type not in CHOICE_TYPES or field is source_field:
        return value
    own, source = field.choice_list, source_field.choice_list

    def translate(choice):
        try:
            return source[own.index(choice)]
        except (ValueError, IndexError):
            return choice

    if isinstance(value, list):
        return [translate(choice) for choice in value]
    return translate(value) if isinstance(value, str) and value else value


def answer_data(page, form):
    """What is stored of a valid form: each question's answer by its name, choices in the
    source page's wording; the association question is kept as the answer's link instead."""
    source = page.source_page
    source_fields = {f.clean_name: f for f in source.get_form_fields()}
    data = {}
    for field in page.get_form_fields():
        if field.field_type == ASSOCIATION:
            continue
        value = form.cleaned_data.get(field.clean_name)
        if field.field_type in FREE_TEXT_TYPES and value is not None:
            value = str(value).strip()
        elif field.field_type in MULTIPLE_CHOICE_TYPES:
            value = list(value or [])
        value = _in_source_wording(field, source_fields.get(field.clean_name), value)
        data[field.clean_name] = value
    return data


def submit(page, form, user, language=""):
    """Store a valid form's answer to `page` (any language version). Raises AnswerRefused."""
    if page.state() != "open":
        raise AnswerRefused(_("This survey is not open for answers."))
    signed_in = getattr(user, "is_authenticated", False)
    if page.needs_login and not signed_in:
        raise AnswerRefused(_("Please log in to answer this survey."))
    association = form.chosen_association() if page.answer_mode != AnswerMode.ANONYMOUS else None
    once = page.answer_mode == AnswerMode.PER_ASSOCIATION
    if once and association is None:
        raise AnswerRefused(_("Choose the association you answer for."))
    refusal = AnswerRefused(
        _(
            "%(association)s has already answered this survey. Each association answers "
            "once; ask whoever answered for it if you want to add something."
        )
        % {"association": association.title if association else ""}
    )
    if once and already_answered(page, association):
        raise refusal
    anonymous = page.answer_mode == AnswerMode.ANONYMOUS
    try:
        with transaction.atomic():
            return SurveyAnswer.objects.create(
                page=page.source_page,
                form_data=answer_data(page, form),
                user=None if anonymous else user,
                association=association,
                sub_region=association.sub_region if association else "",
                one_per_association=once,
                language="" if anonymous else language,
            )
    except IntegrityError:
        # Another answer for the same association landed between the check and the insert.
        raise refusal from None


def _free_text_names(page_id, cache):
    if page_id not in cache:
        page = SurveyPage.objects.get(pk=page_id)
        cache[page_id] = {f.clean_name for f in page.get_form_fields() if f.is_free_text}
    return cache[page_id]


def _without_free_text(answer, cache):
    names = _free_text_names(answer.page_id, cache)
    return {name: ("" if name in names else value) for name, value in answer.form_data.items()}


def remove_personal_data(now=None, days=None):
    """After the retention period, an answer loses its person, its association and its
    free-text answers; its choices, scales and sub-region stay for the figures. Returns how
    many answers were emptied."""
    now = now or timezone.now()
    days = retention_days() if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    cache = {}
    count = 0
    with transaction.atomic():
        for answer in SurveyAnswer.objects.past_retention(cutoff).select_for_update(of=("self",)):
            answer.form_data = _without_free_text(answer, cache)
            answer.user = None
            answer.association = None
            answer.one_per_association = False
            answer.language = ""
            answer.personal_data_removed_at = now
            answer.save(
                update_fields=[
                    "form_data",
                    "user",
                    "association",
                    "one_per_association",
                    "language",
                    "personal_data_removed_at",
                ]
            )
            count += 1
    return count


def forget_person(user):
    """When an account is deleted: its answers lose the person and their free-text answers.
    An association's answer stays its association's (nobody else in it answers again)."""
    cache = {}
    for answer in SurveyAnswer.objects.filter(user=user).select_for_update():
        answer.form_data = _without_free_text(answer, cache)
        answer.user = None
        answer.save(update_fields=["form_data", "user"])
