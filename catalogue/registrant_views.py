"""The registrants of an association's trainings, in the member area of the association
(/tili/yhdistys/<id>/): its admins and editors see them, the others get 403. The routes and
the section of the management page are registered with `associations.member_area` (see
`catalogue.member_area`)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale

from associations.permissions import can_see_registrants
from associations.services import association_page_or_404
from core.csv import SafeWriter

from .models import TrainingPage


def _organised_training(request, pk, training_pk):
    """(association, training) when the user may see the training's registrants: editors, and
    admins of the association that organises it. Another association's training is a 404."""
    association = association_page_or_404(pk)
    if not can_see_registrants(request.user, association):
        raise PermissionDenied
    training = (
        TrainingPage.objects.filter(
            pk=training_pk,
            locale=Locale.get_default(),
            organiser__translation_key=association.translation_key,
        )
        .defer_streamfields()
        .first()
    )
    if training is None:
        raise Http404
    return association, training


def _registrants(training):
    return training.registrations.filter(anonymised_at__isnull=True).order_by(
        "status", "created_at", "pk"
    )


@login_required
def registrants_view(request, pk, training_pk):
    association, training = _organised_training(request, pk, training_pk)
    registrants = list(_registrants(training))
    context = {
        "association": association,
        "training": training,
        "registrants": registrants,
        "confirmed": sum(1 for r in registrants if r.status == "confirmed"),
        "waiting": sum(1 for r in registrants if r.status == "waiting"),
    }
    return render(request, "catalogue/registrants.html", context)


@login_required
def registrants_csv_view(request, pk, training_pk):
    _association_page, training = _organised_training(request, pk, training_pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(training.title) or "registrations"
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly only with a byte order mark.
    writer = SafeWriter(response)
    writer.writerow(
        [
            _("Status"),
            _("Name"),
            _("Email"),
            _("Association"),
            _("Phone"),
            _("Accessibility or dietary needs"),
            _("Registered"),
        ]
    )
    for registration in _registrants(training):
        writer.writerow(
            [
                registration.get_status_display(),
                registration.name,
                registration.email,
                registration.association,
                registration.phone,
                registration.needs,
                registration.created_at.isoformat(timespec="minutes"),
            ]
        )
    return response
