"""Plain paths of the board that are not pages: members' listing forms."""

from django.urls import path

from . import member_views

app_name = "board"

urlpatterns = [
    path(
        "ilmoitustaulu/yhdistys/<id:association_id>/",
        member_views.listings_view,
        name="member_listings",
    ),
    path(
        "ilmoitustaulu/yhdistys/<id:association_id>/uusi/",
        member_views.new_view,
        name="member_new",
    ),
    path("ilmoitustaulu/muokkaa/<id:page_id>/", member_views.edit_view, name="member_edit"),
]
