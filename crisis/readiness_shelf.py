"""Crisis mode's readiness guides on the readiness shelf of the good-practice library
(practices/readiness.py): the library lists them beside the practices about readiness, and
they stay written, translated and kept by editors under the exceptional situations."""

from django.db.models import Q

from practices import readiness

from .models import ReadinessGuidePage


@readiness.register
def readiness_guides(locale, text):
    guides = ReadinessGuidePage.objects.live().public().filter(locale=locale)
    for word in text.split():
        guides = guides.filter(
            Q(title__icontains=word) | Q(intro__icontains=word) | Q(body__icontains=word)
        )
    return guides.only("title", "intro", "url_path", "locale_id").order_by("path")
