"""The catalogue's part of an association's member area (/tili/yhdistys/<id>/): a section
leading to the association's events (`member_views`), one that lists the trainings with
registration on the site, and the URLs of both (`member_urls`)."""

from django.db.models import Count, Q
from django.template.loader import render_to_string

from wagtail.models import Locale

from associations import member_area
from associations.permissions import can_edit, can_see_registrants

from .models import RegistrationMode, RegistrationStatus, TrainingPage

member_area.add_urls("catalogue.member_urls")


@member_area.section
def events(association, request):
    """A link to the association's events and the form for a new one."""
    if not can_edit(request.user, association):
        return None
    return render_to_string("catalogue/_manage_events.html", {"association": association}, request)


@member_area.section
def registrations(association, request):
    """The trainings with registration on the site, on the association's management page."""
    if not can_see_registrants(request.user, association):
        return None
    context = {
        "association": association,
        "trainings_with_registrants": _trainings_with_registration(association),
    }
    return render_to_string("catalogue/_manage_registrations.html", context, request)


def _trainings_with_registration(association):
    """The association's trainings with registration on the site, with their counts (one
    query). Registrations belong to the default-language page, which points to the source."""
    active = Q(registrations__anonymised_at__isnull=True)
    return (
        TrainingPage.objects.filter(
            locale=Locale.get_default(),
            organiser__translation_key=association.translation_key,
            registration_mode=RegistrationMode.BUILT_IN,
        )
        .defer_streamfields()
        .only("title", "live", "locale_id")
        .annotate(
            confirmed=Count(
                "registrations",
                filter=active & Q(registrations__status=RegistrationStatus.CONFIRMED),
            ),
            waiting=Count(
                "registrations",
                filter=active & Q(registrations__status=RegistrationStatus.WAITING),
            ),
        )
        .order_by("-live", "title")
    )
