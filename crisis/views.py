"""The situation pages, the public board, the partners' picture and the report form.

The situation pages hand their requests to the functions here (see `core.pages`); the board and
the picture run a fixed number of queries whatever the number of reports (associations and
fields are fetched in bulk)."""

from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale

from associations.models import AssociationFieldLink, AssociationPage, FieldOfActivity
from core.csv import SafeWriter
from core.pages import render_subpage
from core.ratelimit import allow
from core.regions import Municipality
from practices.models import GoodPracticeIndexPage

from .forms import StatusReportForm
from .models import (
    ActivityStatus,
    HelpKind,
    ReadinessGuidePage,
    SituationPage,
    StatusReport,
)
from .services import (
    active_situation,
    can_report,
    is_partner,
    report_for,
    reportable_associations,
    save_report,
)

MAX_QUERY = 100


def _locale():
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()


def situation_index_context(index, request):
    now = timezone.now()
    situations = SituationPage.objects.child_of(index).live().public().order_by("-starts_at")
    situations = list(situations.specific())
    return {
        "active": [s for s in situations if s.is_active(now)],
        "upcoming": [s for s in situations if s.starts_at > now],
        "past": [s for s in situations if s.has_ended(now)],
        "guides": ReadinessGuidePage.objects.child_of(index).live().public(),
        "readiness_library_url": GoodPracticeIndexPage.readiness_url(index.locale),
    }


def readiness_guide_context(page, request):
    return {"readiness_library_url": GoodPracticeIndexPage.readiness_url(page.locale)}


def situation_context(page, request):
    source = page.source_page
    my_associations = []
    if request.user.is_authenticated:
        reports = {
            r.association_id: r
            for r in StatusReport.objects.filter(
                situation=source, association__in=reportable_associations(request.user)
            )
        }
        my_associations = [
            (association, reports.get(association.pk))
            for association in reportable_associations(request.user)
        ]
    return {
        "is_active": page.is_active(),
        "my_associations": my_associations,
        "is_partner": is_partner(request.user),
        "public_count": StatusReport.objects.filter(situation=source).public().count(),
    }


def _localised(associations, locale):
    """Association pages in the visitor's language, by source pk (one query)."""
    keys = {a.translation_key: a for a in associations}
    found = {a.pk: a for a in associations}
    if locale.language_code != settings.LANGUAGE_CODE:
        for page in AssociationPage.objects.live().filter(translation_key__in=keys, locale=locale):
            found[keys[page.translation_key].pk] = page
    return found


def _fields_by_association(association_ids, locale):
    """Field of activity names of each association, in the visitor's language (two queries)."""
    links = AssociationFieldLink.objects.filter(page_id__in=association_ids).select_related("field")
    links = list(links)
    names = {
        f.translation_key: f
        for f in FieldOfActivity.objects.filter(
            translation_key__in={link.field.translation_key for link in links}, locale=locale
        )
    }
    result = {}
    for link in links:
        field = names.get(link.field.translation_key, link.field)
        result.setdefault(link.page_id, []).append(field)
    return result


def board_view(page, request):
    """What continues: continuing and remote activity, by municipality and field; offers."""
    locale = _locale()
    source = page.source_page
    municipality = request.GET.get("kunta", "")
    field = request.GET.get("toimiala", "")
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    reports = StatusReport.objects.filter(situation=source).public().select_related("association")
    if municipality in Municipality.values:
        reports = reports.filter(
            association__in=AssociationPage.objects.in_municipalities(municipality)
        )
    else:
        municipality = ""
    fields = FieldOfActivity.objects.filter(locale=locale).order_by("sort_order", "name")
    if field and any(f.slug == field for f in fields):
        reports = reports.filter(association__field_links__field__slug=field).distinct()
    else:
        field = ""
    if query:
        reports = reports.filter(
            models_q(query, "association__title")
            | models_q(query, "continues")
            | models_q(query, "offers_detail")
        )
    reports = list(reports.order_by("association__title"))
    associations = _localised([r.association for r in reports], locale)
    fields_of = _fields_by_association([r.association_id for r in reports], locale)
    entries = [
        {
            "report": r,
            "association": associations[r.association_id],
            "fields": fields_of.get(r.association_id, []),
            "municipality": Municipality(r.association.municipality).label
            if r.association.municipality
            else "",
        }
        for r in reports
    ]
    continuing = [e for e in entries if e["report"].status in ("normal", "remote", "partly")]
    offering = [e for e in entries if e["report"].offers]
    context = {
        "continuing": continuing,
        "offering": offering,
        "paused_count": len(entries) - len(continuing),
        "municipalities": Municipality.choices,
        "fields": fields,
        "selected": {"kunta": municipality, "toimiala": field, "q": query},
        "filtered": bool(municipality or field or query),
    }
    return render_subpage(page, request, "crisis/board.html", context)


def models_q(text, field):
    return Q(**{f"{field}__icontains": text})


def _require_partner(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_partner(request.user):
        raise PermissionDenied
    return None


def picture_view(page, request):
    """The partners' situation picture: counts, needs and offers of consenting associations."""
    refused = _require_partner(request)
    if refused:
        return refused
    locale = _locale()
    source = page.source_page
    all_reports = StatusReport.objects.filter(situation=source)
    total = all_reports.count()
    reports = list(
        all_reports.shared_with_partners()
        .select_related("association")
        .order_by("association__title")
    )
    fields_of = _fields_by_association([r.association_id for r in reports], locale)
    associations = _localised([r.association for r in reports], locale)
    by_status = Counter(r.status for r in reports)
    by_municipality = Counter(r.association.municipality for r in reports)
    by_field = Counter(f.name for r in reports for f in fields_of.get(r.association_id, []))
    offers = Counter(o for r in reports for o in r.offers)
    needs = Counter(n for r in reports for n in r.needs)
    help_labels = dict(HelpKind.choices)
    context = {
        "total": total,
        "shared": len(reports),
        "by_status": [(label, by_status.get(value, 0)) for value, label in ActivityStatus.choices],
        "by_municipality": [
            (label, by_municipality[value])
            for value, label in Municipality.choices
            if by_municipality.get(value)
        ],
        "by_field": sorted(by_field.items(), key=lambda item: (-item[1], item[0])),
        "offers": [(help_labels[k], v) for k, v in offers.most_common()],
        "needs": [(help_labels[k], v) for k, v in needs.most_common()],
        "entries": [
            {
                "report": r,
                "association": associations[r.association_id],
                "fields": fields_of.get(r.association_id, []),
            }
            for r in reports
        ],
    }
    return render_subpage(page, request, "crisis/picture.html", context)


def picture_csv_view(page, request):
    refused = _require_partner(request)
    if refused:
        return refused
    source = page.source_page
    reports = (
        StatusReport.objects.filter(situation=source)
        .shared_with_partners()
        .select_related("association")
        .order_by("association__title")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tilannekuva-{source.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # Excel opens UTF-8 only with the byte order mark
    writer = SafeWriter(response, delimiter=";")
    writer.writerow(
        [
            _("Association"),
            _("Municipality"),
            _("Status"),
            _("What continues"),
            _("Offers"),
            _("About the offer"),
            _("Needs"),
            _("About the needs"),
            _("Contact person"),
            _("Email"),
            _("Phone"),
            _("Updated"),
        ]
    )
    for r in reports:
        writer.writerow(
            [
                r.association.title,
                Municipality(r.association.municipality).label
                if r.association.municipality
                else "",
                r.get_status_display(),
                r.continues,
                ", ".join(str(x) for x in r.offer_labels()),
                r.offers_detail,
                ", ".join(str(x) for x in r.need_labels()),
                r.needs_detail,
                r.contact_name,
                r.contact_email,
                r.contact_phone,
                timezone.localtime(r.updated_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


# ---------------------------------------------------------------------------------------------
# Reporting


def _situation_or_404(pk):
    page = get_object_or_404(SituationPage.objects.live(), pk=pk)
    return page.source_page


@login_required
def report_view(request, situation_pk, association_pk):
    situation = _situation_or_404(situation_pk)
    association = get_object_or_404(AssociationPage, pk=association_pk)
    association = association.source_page
    if not can_report(request.user, association):
        raise PermissionDenied
    if not situation.is_active():
        messages.info(request, _("This situation has ended; its reports can no longer be changed."))
        return redirect(_localised_situation(situation).url)
    report = report_for(situation, association)
    form = StatusReportForm(request.POST or None, instance=report)
    if request.method == "POST":
        if not allow(request, "crisis-report", limit=30, window=600, extra=str(request.user.pk)):
            return HttpResponse(_("Too many attempts. Try again in a few minutes."), status=429)
        if form.is_valid():
            save_report(situation, association, form.cleaned_data, request.user)
            messages.success(request, _("Thank you! Your status report was saved."))
            return redirect("crisis:report", situation.pk, association.pk)
    versions = report.versions.select_related("author")[:20] if report else []
    page = _localised_situation(situation)
    return TemplateResponse(
        request,
        "crisis/report_form.html",
        {
            "form": form,
            "situation": page,
            "association": _localised([association], _locale())[association.pk],
            "report": report,
            "versions": versions,
        },
    )


def _localised_situation(situation):
    return (
        SituationPage.objects.live()
        .filter(translation_key=situation.translation_key, locale=_locale())
        .first()
        or situation
    )


@login_required
def my_reports_view(request):
    """The entry point from the notice and the account page: choose an association."""
    situation = active_situation()
    if situation is None:
        raise Http404
    associations = list(reportable_associations(request.user))
    if len(associations) == 1:
        return redirect("crisis:report", situation.pk, associations[0].pk)
    reports = {
        r.association_id: r
        for r in StatusReport.objects.filter(situation=situation, association__in=associations)
    }
    return TemplateResponse(
        request,
        "crisis/my_reports.html",
        {
            "situation": _localised_situation(situation),
            "entries": [(a, reports.get(a.pk)) for a in associations],
        },
    )
