"""The "Add to calendar" download of one training: a single-event .ics file."""

from django.http import Http404
from django.utils.translation import get_language

from .models import TrainingPage


def training_ics_view(request, uid):
    from calendars.http import feed_response

    from .feeds import training_ics

    candidates = (
        TrainingPage.objects.live()
        .public()
        .filter(uid=uid)
        .select_related("locale", "organiser")
        .defer_streamfields()
    )
    language = get_language() or "fi"
    page = next((p for p in candidates if p.locale.language_code == language), None) or next(
        iter(candidates), None
    )
    if page is None:
        raise Http404("No such training")
    return feed_response(
        request,
        cache_key=f"catalogue:training:{page.pk}:{page.last_published_at}:{page.sequence}",
        build=lambda: training_ics(page),
        filename=f"{page.slug}.ics",
    )
