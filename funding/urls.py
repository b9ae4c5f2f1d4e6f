"""Plain paths of the funding app; they hold a dot, which Wagtail's routable pages never match."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "funding/<int:index_id>/deadlines.ics",
        views.deadlines_ics_view,
        name="funding_deadlines_ics",
    ),
    path("funding/<int:index_id>/opportunities.csv", views.csv_view, name="funding_csv"),
    path(
        "funding/opportunity/<uuid:uid>.ics",
        views.opportunity_ics_view,
        name="funding_opportunity_ics",
    ),
]
