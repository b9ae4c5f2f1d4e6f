"""The pages of saved searches (core/alert_views.py), under the language prefix."""

from django.urls import path

from . import alert_views

urlpatterns = [
    path("alerts/new/<id:listing_id>/", alert_views.subscribe_view, name="alert_subscribe"),
    path("alerts/sent/", alert_views.sent_view, name="alert_sent"),
    path("alerts/deleted/", alert_views.deleted_view, name="alert_deleted"),
    path("alerts/confirm/<str:token>/", alert_views.confirm_view, name="alert_confirm"),
    path(
        "alerts/<str:token>/unsubscribe/",
        alert_views.unsubscribe_view,
        name="alert_unsubscribe",
    ),
    path("alerts/<str:token>/", alert_views.manage_view, name="alert_manage"),
]
