"""Trainings and events in the site search: their themes and organisers count as names, the
label says when the next one is."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index

from .models import TrainingPage


def describe_training(page):
    now = timezone.now()
    times = list(page.occurrences.order_by("start").values_list("start", "end"))
    ahead = [time for time in times if time[1] >= now]
    shown = ahead[0] if ahead else (times[-1] if times else None)
    kind = page.get_kind_display()
    label = kind
    if shown:
        label = _("%(kind)s on %(date)s") % {
            "kind": kind,
            "date": search_index.short_date(shown[0]),
        }
    # What it is counts too: "koulutus", "webinaari" find the trainings and webinars.
    names = [kind]
    names += [search_index.name_of(link.theme) for link in page.theme_links.all()]
    names.append(search_index.name_of(page.organiser, "title"))
    names += [
        search_index.name_of(link.organiser, "title") for link in page.co_organiser_links.all()
    ]
    return search_index.Document(
        kind="training",
        summary=page.summary,
        text=[search_index.stream_text(page.body), page.venue, page.status_note],
        names=names,
        label=label,
        municipality=page.municipality,
        starts=shown[0] if shown else None,
        ends=times[-1][1] if times else None,
    )


search_index.register_kind("training", gettext_lazy("Trainings and events"), order=10)
search_index.register(TrainingPage, describe_training)
