"""Plain paths of lending (feeds hold a dot; the rest are not pages)."""

from django.urls import path

from . import feeds, member_views, views

app_name = "lending"

urlpatterns = [
    path("lainaus/omat/", views.dashboard_view, name="dashboard"),
    path("lainaus/varaus/<uuid:uid>/", views.booking_view, name="booking"),
    path(
        "lainaus/varaus/<uuid:uid>/<slug:action>/",
        views.booking_action_view,
        name="booking_action",
    ),
    path("lainaus/paatos/<str:token>/", views.decide_view, name="decide"),
    path(
        "lainaus/kalenteri/<id:association_id>/<slug:action>/",
        views.owner_feed_token_view,
        name="owner_feed_token",
    ),
    path(
        "lainaus/yhdistys/<id:association_id>/",
        member_views.listings_view,
        name="member_listings",
    ),
    path(
        "lainaus/yhdistys/<id:association_id>/uusi/<slug:kind>/",
        member_views.new_view,
        name="member_new",
    ),
    path("lainaus/muokkaa/<id:page_id>/", member_views.edit_view, name="member_edit"),
    path("calendar/lending/<uuid:key>.ics", feeds.resource_feed_view, name="resource_feed"),
    path("calendar/lending/owner/<str:token>.ics", feeds.owner_feed_view, name="owner_feed"),
    path("lainaus/upotus/<uuid:key>/", feeds.embed_view, name="resource_embed"),
]
