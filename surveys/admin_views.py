"""A survey's results for editors in the Wagtail admin: per question a table of counts and
shares with a bar chart beside it (or the free-text answers), and the summary and the raw
answers as CSV and XLSX. Only those who may edit the survey page see them; a member who
answered never sees anyone's answers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import results
from .models import SurveyAnswer, SurveyPage

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _survey_for(request, page_id):
    page = get_object_or_404(SurveyPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page.source_page


def _answers(page):
    return SurveyAnswer.objects.of_survey(page).select_related("association")


def results_view(request, page_id):
    page = _survey_for(request, page_id)
    answers = list(_answers(page))
    summaries = results.summarise(list(page.get_form_fields()), answers)
    questions = [
        {
            "summary": summary,
            "caption_id": f"question-{index}-caption",
            "chart": results.bar_chart_svg(summary, f"question-{index}-caption")
            if summary.charted
            else "",
        }
        for index, summary in enumerate(summaries, start=1)
    ]
    return TemplateResponse(
        request,
        "surveys/admin/results.html",
        {"page": page, "answer_count": len(answers), "questions": questions},
    )


def export_view(request, page_id, part, file_format):
    page = _survey_for(request, page_id)
    if file_format not in CONTENT_TYPES or part not in ("summary", "answers"):
        raise Http404
    answers = list(_answers(page))
    questions = list(page.get_form_fields())
    if part == "summary":
        rows = results.summary_rows(results.summarise(questions, answers))
        title = _("Summary")
    else:
        rows = results.answer_rows(questions, answers)
        title = _("Answers")
    body = results.as_csv(rows) if file_format == "csv" else results.as_xlsx(rows, title)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    filename = f"{slugify(page.title)[:60]}-{part}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
