"""The registrants of an association's trainings, in the member area of the association
(/tili/yhdistys/<id>/): its admins and editors see them, and mark who came once the training
has begun (the yearly report counts it); the others get 403. The routes and
the section of the management page are registered with `associations.member_area` (see
`catalogue.member_area`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale

from associations.permissions import can_see_registrants
from associations.services import association_page_or_404
from core.csv import SafeWriter

from .history import record_training
from .models import Registration, RegistrationStatus, TrainingPage


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


def _save_attendance(request, training, registrants):
    """Mark who came (the boxes ticked) among the confirmed registrants, once the training
    has begun, and record the training's history again so that the yearly report counts it."""
    if not training.occurrences.filter(start__lte=timezone.now()).exists():
        messages.error(request, _("Attendance can be marked once the training has begun."))
        return
    came = set(request.POST.getlist("came"))
    confirmed = [r for r in registrants if r.status == RegistrationStatus.CONFIRMED]
    with transaction.atomic():
        for value in (True, False):
            Registration.objects.filter(
                pk__in=[r.pk for r in confirmed if (str(r.pk) in came) == value]
            ).update(attended=value)
        record_training(training)
    messages.success(request, _("The attendance was saved."))


@login_required
def registrants_view(request, pk, training_pk):
    association, training = _organised_training(request, pk, training_pk)
    registrants = list(_registrants(training))
    if request.method == "POST":
        _save_attendance(request, training, registrants)
        return redirect(request.path)
    context = {
        "association": association,
        "training": training,
        "registrants": registrants,
        "confirmed": sum(1 for r in registrants if r.status == "confirmed"),
        "waiting": sum(1 for r in registrants if r.status == "waiting"),
        "has_begun": training.occurrences.filter(start__lte=timezone.now()).exists(),
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
