"""The association's upcoming trainings and events on its profile (as organiser or
co-organiser), in the profile's language, soonest first."""

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations import offerings

from .models import TrainingPage

SHOWN = 20


@offerings.register
def trainings(association, request):
    key = association.translation_key
    now = timezone.now()
    return offerings.Offering(
        _("Trainings and events"),
        TrainingPage.objects.live()
        .public()
        .filter(locale_id=association.locale_id)
        .filter(
            Q(organiser__translation_key=key)
            | Q(co_organiser_links__organiser__translation_key=key)
        )
        .filter(occurrences__end__gt=now)
        .annotate(next_start=Min("occurrences__start"))
        .defer_streamfields()
        .only("title", "url_path", "slug", "locale_id")
        .order_by("next_start", "title")[:SHOWN],
    )
