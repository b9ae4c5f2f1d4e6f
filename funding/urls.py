"""Plain paths of the funding app: files with a dot, which Wagtail's routable pages never
match, and the pages of email alerts, which belong to a visitor rather than to a page."""

from django.urls import path

from . import alert_views, syndication, views

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
    path("funding/<id:index_id>/alert/", alert_views.subscribe_view, name="funding_alert"),
    path("funding/alert/sent/", alert_views.sent_view, name="funding_alert_sent"),
    path("funding/alert/deleted/", alert_views.deleted_view, name="funding_alert_deleted"),
    path(
        "funding/alert/confirm/<str:token>/",
        alert_views.confirm_view,
        name="funding_alert_confirm",
    ),
    path(
        "funding/alert/<str:token>/unsubscribe/",
        alert_views.unsubscribe_view,
        name="funding_alert_unsubscribe",
    ),
    path("funding/alert/<str:token>/", alert_views.manage_view, name="funding_alert_manage"),
]
