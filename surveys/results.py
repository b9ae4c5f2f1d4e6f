"""A survey's results: per question, the counts and shares of each choice (a scale's points,
the sub-regions of the answering associations), or the free-text answers; a bar chart of
each as SVG drawn here (no script library); and the same figures as CSV and XLSX.

`summarise` takes the questions and the answers' data and does no I/O, so the page, the
chart and both exports show one set of figures."""

import io
from dataclasses import dataclass, field

from openpyxl import Workbook

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.csv import SafeWriter, safe_cell
from core.regions import SubRegion

from .models import ASSOCIATION, CHOICE_TYPES, MULTIPLE_CHOICE_TYPES, SCALE


@dataclass
class Row:
    label: str
    count: int
    share: float  # percent of those who answered the question, one decimal

    @property
    def share_text(self):
        return f"{self.share:.1f} %"


@dataclass
class QuestionSummary:
    name: str
    label: str
    field_type: str
    answered: int
    rows: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    mean: float | None = None

    @property
    def charted(self):
        return bool(self.rows)

    @property
    def multiple(self):
        return self.field_type in MULTIPLE_CHOICE_TYPES


def _share(count, total):
    return round(100 * count / total, 1) if total else 0.0


def _options(question):
    if question.field_type == "checkbox":
        return [_("Yes"), _("No")]
    return question.choice_list


def summarise(questions, answers):
    """`questions`: the source page's fields; `answers`: SurveyAnswer-like objects with
    `form_data` and `sub_region`. Returns a QuestionSummary per question, in order."""
    summaries = []
    for question in questions:
        name = question.clean_name
        summary = QuestionSummary(name, question.label, question.field_type, 0)
        if question.field_type == ASSOCIATION:
            labels = dict(SubRegion.choices)
            counts = dict.fromkeys(labels, 0)
            for answer in answers:
                if answer.sub_region in counts:
                    counts[answer.sub_region] += 1
                    summary.answered += 1
            summary.label = _("%(question)s (by sub-region)") % {"question": question.label}
            summary.rows = [
                Row(str(labels[key]), count, _share(count, summary.answered))
                for key, count in counts.items()
            ]
        elif question.field_type in CHOICE_TYPES or question.field_type == SCALE:
            options = _options(question)
            counts = dict.fromkeys(options, 0)
            points = []
            for answer in answers:
                value = answer.form_data.get(name)
                if question.field_type == "checkbox":
                    value = options[0] if value else options[1]
                values = value if isinstance(value, list) else [value]
                values = [v for v in values if v not in (None, "")]
                if not values:
                    continue
                summary.answered += 1
                for v in values:
                    v = str(v)
                    counts[v] = counts.get(v, 0) + 1
                    if question.field_type == SCALE and v.isdigit():
                        points.append(int(v))
            summary.rows = [
                Row(option, count, _share(count, summary.answered))
                for option, count in counts.items()
            ]
            if points:
                summary.mean = round(sum(points) / len(points), 2)
        else:
            summary.texts = [
                str(answer.form_data.get(name))
                for answer in answers
                if answer.form_data.get(name) not in (None, "")
            ]
            summary.answered = len(summary.texts)
        summaries.append(summary)
    return summaries


# Charts ------------------------------------------------------------------------------------

BAR_HEIGHT = 28
GAP = 10
LABEL_WIDTH = 260
BAR_WIDTH = 320
WIDTH = LABEL_WIDTH + BAR_WIDTH + 90


def bar_chart_svg(summary, caption_id):
    """A horizontal bar chart of a summary's rows. Every bar carries its label and figures as
    text, so nothing depends on colour; `role="img"` and `aria-labelledby` point to the
    caption, and the table beside the chart holds the same figures for screen readers."""
    height = len(summary.rows) * (BAR_HEIGHT + GAP) + GAP
    largest = max((row.count for row in summary.rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{caption_id}" '
        f'class="survey-chart" viewBox="0 0 {WIDTH} {height}" focusable="false">'
    ]
    for index, row in enumerate(summary.rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = round(BAR_WIDTH * row.count / largest)
        label = row.label if len(row.label) <= 40 else row.label[:39] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT / 2 + 5}" text-anchor="end" '
            f'font-size="14" fill="#1a1a1a">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
            f'fill="#1f4e79" stroke="#1a1a1a" stroke-width="1"></rect>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + BAR_HEIGHT / 2 + 5}" font-size="14" '
            f'fill="#1a1a1a">{row.count} ({escape(row.share_text)})</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


# Exports -----------------------------------------------------------------------------------


def summary_rows(summaries):
    """The summary as rows of a spreadsheet: a header, then one row per choice and one per
    free-text answer."""
    rows = [[_("Question"), _("Answer"), _("Count"), _("Share (%)")]]
    for summary in summaries:
        for row in summary.rows:
            rows.append([summary.label, row.label, row.count, row.share])
        for text in summary.texts:
            rows.append([summary.label, text, 1, None])
        if summary.mean is not None:
            rows.append([summary.label, _("Mean"), summary.mean, None])
    return rows


def answer_rows(questions, answers):
    """Every answer as a row: when, the association and sub-region (if kept), each question."""
    asked = [q for q in questions if q.field_type != ASSOCIATION]
    labels = dict(SubRegion.choices)
    rows = [[_("Answered"), _("Association"), _("Sub-region"), *[q.label for q in asked]]]
    for answer in answers:
        row = [
            answer.submit_time.strftime("%Y-%m-%d %H:%M"),
            answer.association.title if answer.association_id else "",
            str(labels.get(answer.sub_region, "")),
        ]
        for question in asked:
            value = answer.form_data.get(question.clean_name)
            if isinstance(value, list):
                value = "; ".join(str(v) for v in value)
            elif isinstance(value, bool):
                value = _("Yes") if value else _("No")
            row.append("" if value is None else str(value))
        rows.append(row)
    return rows


def as_csv(rows):
    stream = io.StringIO()
    stream.write("\ufeff")  # Excel reads UTF-8 with the mark
    SafeWriter(stream, delimiter=";").writerows(rows)
    return stream.getvalue().encode("utf-8")


def as_xlsx(rows, title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        # Text cells never become formulas; numbers stay numbers.
        sheet.append([safe_cell(value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
