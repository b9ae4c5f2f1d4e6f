"""Plain paths of the catalogue; they hold a dot, which Wagtail's routable pages never match."""

from django.urls import path

from . import ics_views

urlpatterns = [
    path(
        "calendar/training/<uuid:uid>.ics",
        ics_views.training_ics_view,
        name="catalogue_training_ics",
    ),
]
