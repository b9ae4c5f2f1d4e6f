"""Plain paths of the funding app: files with a dot, which Wagtail's routable pages never
match, and the addresses of the first funding alerts' pages, in emails already sent (saved
searches are core's now: core/alert_views.py)."""

from django.urls import path

from core import alert_views

from . import syndication, views

urlpatterns = [
    path(
        "funding/<id:index_id>/deadlines.ics",
        views.deadlines_ics_view,
        name="funding_deadlines_ics",
    ),
    path("funding/<id:index_id>/opportunities.csv", views.csv_view, name="funding_csv"),
    path(
        "funding/<id:index_id>/opportunities.rss",
        syndication.syndication_view,
        {"kind": "rss"},
        name="funding_rss",
    ),
    path(
        "funding/<id:index_id>/opportunities.atom",
        syndication.syndication_view,
        {"kind": "atom"},
        name="funding_atom",
    ),
    path(
        "funding/opportunity/<uuid:uid>.ics",
        views.opportunity_ics_view,
        name="funding_opportunity_ics",
    ),
    path("funding/alert/confirm/<str:token>/", alert_views.confirm_view),
    path("funding/alert/<str:token>/unsubscribe/", alert_views.unsubscribe_view),
    path("funding/alert/<str:token>/", alert_views.manage_view),
]
