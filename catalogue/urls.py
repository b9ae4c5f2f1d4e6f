"""Plain paths of the catalogue; they hold a dot, which Wagtail's routable pages never match."""

from django.urls import include, path

from . import ics_views, syndication

urlpatterns = [
    path(
        "calendar/training/<uuid:uid>.ics",
        ics_views.training_ics_view,
        name="catalogue_training_ics",
    ),
    path("calendar/trainings.ics", ics_views.catalogue_feed_view, name="catalogue_trainings_ics"),
    # The same filtered views for a news reader: the newest trainings first.
    path(
        "feeds/trainings.rss",
        syndication.catalogue_syndication_view,
        {"kind": "rss"},
        name="catalogue_trainings_rss",
    ),
    path(
        "feeds/trainings.atom",
        syndication.catalogue_syndication_view,
        {"kind": "atom"},
        name="catalogue_trainings_atom",
    ),
    path(
        "calendar/trainings/subscribe/",
        ics_views.subscribe_view,
        name="catalogue_trainings_subscribe",
    ),
    # Short URLs of saved filters (for this feed and any other that saves one).
    path("", include("calendars.urls")),
]
