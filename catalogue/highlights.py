"""The catalogue's highlights on the home page: the next trainings, and those open to
other associations (strategy 5.3.3). Four queries, whatever the number of trainings."""

from core import highlights

from .models import Occurrence, TrainingIndexPage

NEXT_COUNT = 6
OPEN_COUNT = 3


def _distinct_trainings(occurrences, count):
    """The first occurrence of each of the first `count` trainings (a weekly group once)."""
    seen, chosen = set(), []
    for occurrence in occurrences[: count * 8]:
        if occurrence.training_id not in seen:
            seen.add(occurrence.training_id)
            chosen.append(occurrence)
            if len(chosen) == count:
                break
    return chosen


@highlights.register("catalogue/highlights.html")
def catalogue_highlights(home_page, request):
    upcoming = (
        Occurrence.objects.in_locale(home_page.locale_id)
        .visible_to(request)
        .upcoming()
        .exclude(status="cancelled")
        .for_listing()
        .order_by("start", "pk")
    )
    catalogue = (
        TrainingIndexPage.objects.child_of(home_page).live().only("title", "url_path").first()
    )
    return {
        "catalogue_page": catalogue,
        "next_trainings": _distinct_trainings(upcoming, NEXT_COUNT),
        "open_trainings": _distinct_trainings(upcoming.open_to_others(), OPEN_COUNT),
    }
