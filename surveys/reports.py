"""Figures from surveys for the yearly report.

    from surveys.reports import training_wishes

    wishes = training_wishes(2026)
    wishes.answers                      # 37: answers to the training-wish form in 2026
    wishes.by_theme                     # {"Talous ja kirjanpito": 12, "Viestintä ja some": 9, …}
    wishes.by_sub_region                # {"hameenlinna-seutu": 20, "riihimaki-seutu": 9, …}
    wishes.by_theme_and_sub_region      # {"Talous ja kirjanpito": {"forssa-seutu": 4, …}, …}

The training-wish form is the live survey page whose purpose is "training wishes" (the demo
creates one; editors may replace it). Its first choice question (checkboxes, radio buttons,
drop-down or multiple select) is the theme question; themes are counted in the Finnish
wording, whatever language the answer was given in, and every theme of the question is
listed, with 0 when nobody chose it. One answer may choose several themes. Sub-regions are
the keys of `core.regions.SubRegion`, from the association the answer was given for ("" when
none was named); they survive the removal of personal data after the retention period.
Answers of every training-wish page count, so a replaced form's answers are not lost.
"""

from collections import Counter
from dataclasses import dataclass, field

from core.regions import SubRegion

from .models import CHOICE_TYPES, Purpose, SurveyAnswer, SurveyPage

THEME_TYPES = tuple(t for t in CHOICE_TYPES if t != "checkbox")


@dataclass
class TrainingWishes:
    year: int
    answers: int = 0
    by_theme: dict = field(default_factory=dict)
    by_sub_region: dict = field(default_factory=dict)
    by_theme_and_sub_region: dict = field(default_factory=dict)


def training_wish_forms():
    """The Finnish source pages of the training-wish forms (answers are kept on them)."""
    return SurveyPage.objects.filter(
        purpose=Purpose.TRAINING_WISHES, locale__language_code="fi"
    ).order_by("pk")


def theme_question(page):
    return next((f for f in page.get_form_fields() if f.field_type in THEME_TYPES), None)


def training_wishes(year):
    """The training-wish answers given in `year` (Helsinki time), counted per theme, per
    sub-region and per theme in each sub-region. See the module's docstring."""
    result = TrainingWishes(year)
    by_theme = Counter()
    by_sub_region = Counter(dict.fromkeys(SubRegion.values, 0))
    by_both = {}
    for page in training_wish_forms():
        question = theme_question(page)
        if question is None:
            continue
        for theme in question.choice_list:
            by_theme.setdefault(theme, 0)
        answers = SurveyAnswer.objects.filter(page=page).submitted_in(year)
        for form_data, sub_region in answers.values_list("form_data", "sub_region"):
            result.answers += 1
            by_sub_region[sub_region] += 1
            chosen = form_data.get(question.clean_name) or []
            for theme in chosen if isinstance(chosen, list) else [chosen]:
                by_theme[theme] += 1
                cell = by_both.setdefault(theme, Counter())
                cell[sub_region] += 1
    result.by_theme = dict(by_theme)
    result.by_sub_region = {key: count for key, count in by_sub_region.items() if count or key}
    result.by_theme_and_sub_region = {theme: dict(counts) for theme, counts in by_both.items()}
    return result
